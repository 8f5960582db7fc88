from datetime import date

import pytest

from nencheck.checks.evidence import is_expired, rule_evidence_expired
from nencheck.checks.findings import is_overdue, rule_finding_overdue
from tests.checks.builders import audit, evidence, records

AS_OF = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("status", "due", "overdue"),
    [
        ("open", "2026-11-22", True),
        ("in_progress", "2026-11-22", True),
        ("open", "2026-11-23", False),  # due today is not yet overdue
        ("closed", "2020-01-01", False),
        ("accepted", "2020-01-01", False),
    ],
)
def test_finding_overdue_only_while_open_and_past_due(status: str, due: str, overdue: bool) -> None:
    extra = {"closed": "2026-01-01"} if status == "closed" else {}
    built = audit({"id": "F-1", "status": status, "due": due, **extra})
    assert is_overdue(built.findings[0], AS_OF) is overdue
    assert len(rule_finding_overdue(records(audits=[built]), AS_OF)) == int(overdue)


def test_finding_problem_points_at_due_and_names_the_audit() -> None:
    built = audit({"id": "F-1", "due": "2026-11-20", "severity": "major", "owner": "ICT"})
    [problem] = rule_finding_overdue(records(audits=[built]), AS_OF)
    assert (problem.line, problem.column) == built.findings[0].origin.at("due")
    assert (
        problem.message
        == "Major finding of AUD-1 is open, due 2026-11-20: 3 days overdue on 2026-11-23"
    )
    assert problem.details["owner"] == "ICT"
    assert problem.details["days"] == -3


@pytest.mark.parametrize(
    ("fields", "expired"),
    [
        ({"valid_until": "2026-11-23"}, False),  # still counts on its last day
        ({"valid_until": "2026-11-22"}, True),
        ({"collected": "2025-11-23", "valid_for": "1y"}, False),
        ({"collected": "2025-11-22", "valid_for": "1y"}, True),
        ({"collected": "2026-08-31", "valid_for": "3m"}, False),  # 30 November (clamped)
        ({"collected": "2026-08-31", "valid_for": "2m"}, True),  # 31 October
        ({"collected": "2026-08-25", "valid_for": "90d"}, False),  # 2026-11-23
        ({"collected": "2026-08-24", "valid_for": "90d"}, True),  # 2026-11-22
    ],
)
def test_evidence_expiry_is_inclusive(fields: dict[str, str], expired: bool) -> None:
    item = evidence(**fields)
    assert is_expired(item, AS_OF) is expired


def test_evidence_problem_explains_validity() -> None:
    item = evidence(id="EV-2025-014", collected="2025-09-12", valid_for="1y", owner="ICT")
    [problem] = rule_evidence_expired(records(evidence=[item]), AS_OF)
    assert problem.line == item.origin.at("collected")[0]
    assert problem.message == (
        "was valid until 2026-09-12, 72 days before 2026-11-23 (collected 2025-09-12 + valid_for 1y)"
    )
    assert problem.details["due"] == "2026-09-12"
