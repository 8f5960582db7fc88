"""Each owner's due list: the due items grouped per owner, with the address from ``contacts:``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from nencheck.checks.due import DueItem
from nencheck.checks.policies import OVERDUE
from nencheck.model.records import Records

NO_OWNER = ""


@dataclass(frozen=True)
class OwnerList:
    """One owner's items (overdue first, then due soon, each by date) and where they go."""

    owner: str
    address: str | None
    items: tuple[DueItem, ...]

    @property
    def overdue(self) -> list[DueItem]:
        return [item for item in self.items if item.state == OVERDUE]

    @property
    def due_soon(self) -> list[DueItem]:
        return [item for item in self.items if item.state != OVERDUE]


@dataclass(frozen=True)
class Plan:
    """Who gets a message and who has items but no address in ``contacts:``."""

    lists: list[OwnerList]
    missing: list[OwnerList]


def plan(items: Iterable[DueItem], contacts: dict[str, str]) -> Plan:
    """Group the items per owner; owners without a (matching) contact go to ``missing``.
    The addresses were checked when the settings were read (model/settings.py)."""
    by_owner: dict[str, list[DueItem]] = {}
    for item in items:
        by_owner.setdefault(item.owner or NO_OWNER, []).append(item)
    lookup = {_name_key(name): address for name, address in contacts.items()}
    lists, missing = [], []
    for owner in sorted(by_owner, key=str.casefold):
        ordered = tuple(sorted(by_owner[owner], key=_order))
        address = lookup.get(_name_key(owner)) if owner else None
        if address:
            lists.append(OwnerList(owner, address, ordered))
        else:
            missing.append(OwnerList(owner, None, ordered))
    return Plan(lists, missing)


def _order(item: DueItem) -> tuple[int, date, str, str]:
    return (0 if item.state == OVERDUE else 1, item.due, item.kind, item.id)


def _name_key(name: str) -> str:
    """Owner names as people type them: case and runs of spaces do not matter."""
    return " ".join(str(name).split()).casefold()


def record_owners(records: Records) -> list[str]:
    """Every owner a record names (policies, controls, evidence, findings, incidents, risks and
    their actions) and every unit id (a training item's owner is the unit), sorted, once each."""
    names: set[str | None] = {policy.owner for policy in records.policies}
    names |= {control.owner for control in records.controls}
    names |= {item.owner for item in records.evidence}
    names |= {finding.owner for _audit, finding in records.findings()}
    names |= {incident.owner for incident in records.incidents}
    names |= {risk.owner for risk in records.risks}
    names |= {action.owner for risk in records.risks for action in risk.actions}
    names |= records.settings.unit_ids()
    return sorted(name for name in names if name)
