"""``network check`` in every ``check`` format: the members' problems and data errors in one
outcome, each path prefixed with the member id (``P002/policies/bel-001.yaml``), a member that
cannot be reached or read as an error at its line of network.yaml (``member-unreadable``). A
member with unreadable record files gives both: their data errors, and the problems of its
readable records (as ``check`` does for one repository)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from nencheck.checks.problem import Problem
from nencheck.errors import DataError
from nencheck.i18n import ngettext
from nencheck.render import github, junit, sarif
from nencheck.render.check import CheckOutcome, render_json, render_problems, summary_line
from nencheck.render.errors import render_errors_text
from nencheck.render.errors import summary_line as errors_summary

UNREADABLE = "member-unreadable"


@dataclass(frozen=True)
class MemberCheck:
    id: str
    line: int  # the member's line in network.yaml
    column: int
    error: str | None  # the member could not be reached or read (not: invalid records)
    errors: list[DataError]
    unreadable: int | None  # files its problems leave out; None: it was not evaluated at all
    problems: list[Problem]
    fail_on: list[str]
    cases: dict[str, dict[str, Any]]


@dataclass
class NetworkCheck(CheckOutcome):
    suites: dict[str, dict[str, junit.Case]] = field(default_factory=dict)
    evaluated: bool = True  # False: network.yaml itself is invalid, no member was read
    members_unread: int = 0  # members not evaluated at all
    members_degraded: int = 0  # members evaluated without their unreadable files


def network_outcome(as_of: date, network_file: str, members: list[MemberCheck]) -> NetworkCheck:
    errors: list[DataError] = []
    problems: list[Problem] = []
    suites: dict[str, dict[str, junit.Case]] = {}
    unread = sum(1 for member in members if member.unreadable is None)
    degraded = sum(1 for member in members if member.unreadable is not None and member.errors)
    for member in members:
        prefix = f"{member.id}/"
        if member.error is not None:
            error = DataError(
                network_file, member.line, member.column, UNREADABLE, f"{member.id}: {member.error}"
            )
            errors.append(error)
            suites[f"{member.id} nencheck.network"] = junit.error_cases([error])
            continue
        if member.errors:
            moved = [replace(e, file=prefix + e.file) for e in member.errors]
            errors += moved
            suites[f"{member.id} nencheck.data"] = junit.error_cases(moved)
        if member.unreadable is None:
            continue
        moved_problems = [replace(p, file=prefix + p.file) for p in member.problems]
        problems += moved_problems
        cases = {
            kind: {key: replace(case, file=prefix + case.file) for key, case in found.items()}
            for kind, found in member.cases.items()
        }
        for name, found in junit.problem_cases(cases, moved_problems).items():
            suites[f"{member.id} {name}"] = found
    fail_on = frozenset(rule for member in members for rule in member.fail_on)
    return NetworkCheck(
        as_of,
        errors,
        problems,
        records=None,
        unreadable=sum(member.unreadable or 0 for member in members),
        fail_on=fail_on,
        suites=suites,
        members_unread=unread,
        members_degraded=degraded,
    )


def _text(outcome: NetworkCheck) -> str:
    if not outcome.evaluated:
        return render_errors_text(outcome.errors)
    rules = render_problems(outcome)
    if not outcome.errors:
        return rules
    lines = render_errors_text(outcome.errors).splitlines()[:-1]
    return "\n".join([*lines, *_unread_lines(outcome), "", rules])


def _unread_lines(outcome: NetworkCheck) -> list[str]:
    """Not ``check``'s "nothing was evaluated": the other members were, and a member with
    unreadable files was evaluated on the rest."""
    lines = []
    if outcome.members_unread:
        lines.append(
            ngettext(
                "{count} member cannot be read or holds invalid records; the others were "
                "evaluated.",
                "{count} members cannot be read or hold invalid records; the others were "
                "evaluated.",
                outcome.members_unread,
            ).format(count=outcome.members_unread)
        )
    if outcome.members_degraded:
        members = ngettext(
            "{count} member was evaluated without its unreadable files;",
            "{count} members were evaluated without their unreadable files;",
            outcome.members_degraded,
        ).format(count=outcome.members_degraded)
        files = ngettext(
            "the problems exclude {count} file.",
            "the problems exclude {count} files.",
            outcome.unreadable,
        ).format(count=outcome.unreadable)
        lines.append(f"{members} {files}")
    return lines


def _github(outcome: NetworkCheck) -> str:
    lines = [
        github.command("error", e.file, e.line, e.column, e.code, e.message) for e in outcome.errors
    ]
    if not outcome.evaluated:
        return "\n".join([*lines, errors_summary(outcome.errors)]) + "\n"
    if outcome.errors:
        lines += _unread_lines(outcome)
    lines += github.render(replace(outcome, errors=[])).splitlines()  # the problems' lines
    lines.append(summary_line(outcome))
    return "\n".join(lines) + "\n"


def _junit(outcome: NetworkCheck) -> str:
    title = f"nencheck network check {outcome.as_of.isoformat()}"
    if not outcome.evaluated:
        return junit.render_suites(
            title, {"nencheck.network": junit.error_cases(outcome.errors)}, outcome.as_of
        )
    return junit.render_suites(title, outcome.suites, outcome.as_of)


RENDERERS: dict[str, Callable[[NetworkCheck], str]] = {
    "text": _text,
    "json": render_json,
    "junit": _junit,
    "sarif": sarif.render,
    "github": _github,
}


def render_network_check(output_format: str, outcome: NetworkCheck) -> str:
    return RENDERERS[output_format](outcome)
