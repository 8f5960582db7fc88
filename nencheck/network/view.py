"""The network on a date: every member's outcome, the totals and the mirror statistics, and the
``network status --format json`` document (SPEC "JSON output").

The totals and the mirror statistics are taken over the members that are ``ok`` (evaluated),
including those evaluated without some unreadable files (``nencheck.network.evaluate``); the
totals' ``unreadable`` names those files with the member id in front (``P002/policies/…``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from nencheck.network import figures
from nencheck.network.config import NetworkConfig
from nencheck.network.evaluate import Job, MemberOutcome, evaluate_members


@dataclass(frozen=True)
class Options:
    as_of: date
    as_recorded: bool = False
    today: date | None = None
    lang: str | None = None
    check: bool = False
    report_lang: str | None = None
    fetch: bool = True
    use_cache: bool = True
    workers: int | None = None


@dataclass
class NetworkView:
    config: NetworkConfig
    as_of: date
    outcomes: list[MemberOutcome]

    @property
    def name(self) -> str:
        return self.config.network.network

    @property
    def readable(self) -> list[MemberOutcome]:
        """The members evaluated (some perhaps without their unreadable files)."""
        return [outcome for outcome in self.outcomes if outcome.ok]

    @property
    def ok(self) -> bool:
        """Every member was read in full, without a data error (else the command exits 2)."""
        return all(outcome.complete for outcome in self.outcomes)

    def totals(self) -> dict[str, Any]:
        statuses = [_with_member_paths(o.id, o.status) for o in self.readable if o.status]
        return figures.totals(statuses, self.as_of.isoformat(), self.name)

    def mirror(self) -> dict[str, dict[str, Any]]:
        return figures.mirror([o.status for o in self.readable if o.status is not None])

    def to_json(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            "network": self.name,
            "members": [
                {
                    "id": o.id,
                    "name": o.name,
                    "ok": o.ok,
                    "error": o.error,
                    "errors": [error.to_json() for error in o.data_errors],
                    "indicators": figures.indicators(o.status) if o.status else None,
                    "status": o.status,
                }
                for o in self.outcomes
            ],
            "totals": self.totals(),
            "mirror": self.mirror(),
        }


def _with_member_paths(member_id: str, status: dict[str, Any]) -> dict[str, Any]:
    """The status with its unreadable files named as ``ID/path``, to join the network's list."""
    if not status.get("unreadable"):
        return status
    return {**status, "unreadable": [f"{member_id}/{path}" for path in status["unreadable"]]}


def jobs_for(config: NetworkConfig, options: Options, message_lang: str) -> list[Job]:
    return [
        Job(
            id=member.id,
            name=member.name,
            repo=member.repo,
            rev=member.rev,
            base=config.folder,
            as_of=options.as_of,
            as_recorded=options.as_recorded,
            today=options.today,
            lang=options.lang,
            message_lang=message_lang,
            check=options.check,
            report_lang=options.report_lang,
            fetch=options.fetch,
            use_cache=options.use_cache,
        )
        for member in config.network.members
    ]


def network_view(
    config: NetworkConfig,
    options: Options,
    on_done: Callable[[MemberOutcome], None] | None = None,
) -> NetworkView:
    """Evaluate every member (in parallel processes) on ``options.as_of``."""
    message_lang = options.lang or config.network.language
    outcomes = evaluate_members(
        jobs_for(config, options, message_lang), options.workers, on_done=on_done
    )
    return NetworkView(config, options.as_of, outcomes)
