"""Evidence validity on a date: the rule evidence-expired."""

from __future__ import annotations

from datetime import date

from nencheck.checks.problem import Problem
from nencheck.checks.scope import days_between
from nencheck.i18n import ngettext
from nencheck.model.evidence import Evidence
from nencheck.model.records import Records


def is_expired(item: Evidence, as_of: date) -> bool:
    """Past its validity; evidence still counts on its last valid day (inclusive)."""
    return item.valid_until_date() < as_of


def validity_basis(item: Evidence) -> tuple[str, str]:
    """The field the end of validity comes from, and how it was computed, for messages."""
    if item.valid_until is not None:
        return "valid_until", f"valid_until {item.valid_until.isoformat()}"
    return "collected", f"collected {item.collected.isoformat()} + valid_for {item.valid_for}"


def rule_evidence_expired(records: Records, as_of: date) -> list[Problem]:
    problems = []
    for item in records.evidence:
        if not is_expired(item, as_of):
            continue
        until = item.valid_until_date()
        late = -days_between(until, as_of)
        field, basis = validity_basis(item)
        line, column = item.origin.at(field)
        message = ngettext(
            "was valid until {until}, {count} day before {as_of} ({basis})",
            "was valid until {until}, {count} days before {as_of} ({basis})",
            late,
        ).format(until=until, count=late, as_of=as_of, basis=basis)
        problems.append(
            Problem(
                rule="evidence-expired",
                id=item.id,
                file=item.origin.file,
                line=line,
                column=column,
                message=message,
                details={
                    "title": item.title,
                    "owner": item.owner,
                    "units": list(item.units),
                    "due": until.isoformat(),
                    "days": -late,
                },
            )
        )
    return problems
