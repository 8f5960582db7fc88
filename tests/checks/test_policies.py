from datetime import date

import pytest

from nencheck.checks.policies import policy_state, rule_policy_due_soon, rule_policy_overdue
from nencheck.model.types import Duration
from tests.checks.builders import policy, records

AS_OF = date(2026, 11, 23)
SIXTY_DAYS = Duration(60, "d")


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        # due exactly on the evaluation date: due soon with 0 days, not overdue
        ({"last_reviewed": "2025-11-23", "review_interval": "1y"}, ("due_soon", 0)),
        # one day overdue
        ({"last_reviewed": "2025-11-22", "review_interval": "1y"}, ("overdue", -1)),
        # the last day of the due-soon window is still due soon; the next is ok
        ({"last_reviewed": "2026-01-22", "review_interval": "1y"}, ("due_soon", 60)),
        ({"last_reviewed": "2026-01-23", "review_interval": "1y"}, ("ok", 61)),
        # 31 January + 1 month = 28 February (clamped to the month's end)
        ({"last_reviewed": "2026-01-31", "review_interval": "1m"}, ("overdue", -268)),
        # 29 February + 1 year = 28 February 2025
        ({"last_reviewed": "2024-02-29", "review_interval": "1y"}, ("overdue", -633)),
        # an explicit next_review wins over last_reviewed + interval
        (
            {"last_reviewed": "2020-01-01", "review_interval": "1y", "next_review": "2027-06-01"},
            ("ok", 190),
        ),
        ({"next_review": "2026-11-23"}, ("due_soon", 0)),
        # drafts and retired policies are never overdue
        (
            {"status": "draft", "last_reviewed": "2019-01-01", "review_interval": "1y"},
            ("draft", None),
        ),
        (
            {"status": "retired", "last_reviewed": "2019-01-01", "review_interval": "1y"},
            ("retired", None),
        ),
    ],
)
def test_policy_state_on_the_boundaries(
    fields: dict[str, str], expected: tuple[str, int | None]
) -> None:
    assert policy_state(policy(**fields), AS_OF, SIXTY_DAYS) == expected


def test_month_end_clamping_makes_january_31_plus_one_month_due_on_february_28() -> None:
    item = policy(last_reviewed="2026-01-31", review_interval="1m")
    assert item.next_review_date() == date(2026, 2, 28)
    assert policy_state(item, date(2026, 2, 28), SIXTY_DAYS) == ("due_soon", 0)
    assert policy_state(item, date(2026, 3, 1), SIXTY_DAYS) == ("overdue", -1)


def test_leap_day_review_falls_due_on_february_28_of_the_next_year() -> None:
    item = policy(last_reviewed="2024-02-29", review_interval="1y")
    assert item.next_review_date() == date(2025, 2, 28)


def test_overdue_problem_points_at_last_reviewed_and_explains_the_computation() -> None:
    item = policy(
        id="PROT-HAP-014", last_reviewed="2024-03-12", review_interval="2y", owner="Triage"
    )
    [problem] = rule_policy_overdue(records(policies=[item]), AS_OF)
    assert problem.rule == "policy-overdue"
    assert problem.id == "PROT-HAP-014"
    assert (problem.file, problem.line, problem.column) == ("policies/prot-hap-014.yaml", 7, 16)
    assert problem.message == (
        "review was due 2026-03-12, 256 days before 2026-11-23 "
        "(last_reviewed 2024-03-12 + review_interval 2y)"
    )
    assert problem.details["owner"] == "Triage"
    assert problem.details["due"] == "2026-03-12"
    assert problem.details["days"] == -256


def test_overdue_problem_with_explicit_next_review_points_at_it() -> None:
    item = policy(next_review="2026-11-22")
    [problem] = rule_policy_overdue(records(policies=[item]), AS_OF)
    assert problem.line == item.origin.at("next_review")[0]
    assert (
        problem.message
        == "review was due 2026-11-22, 1 day before 2026-11-23 (next_review 2026-11-22)"
    )


def test_due_soon_rule_flags_today_and_window_but_not_overdue_or_drafts() -> None:
    items = [
        policy(id="A", next_review="2026-11-23"),
        policy(id="B", next_review="2027-01-22"),
        policy(id="C", next_review="2027-01-23"),
        policy(id="D", next_review="2026-11-22"),
        policy(id="E", status="draft"),
    ]
    problems = rule_policy_due_soon(records(policies=items), AS_OF)
    assert [(p.id, p.details["days"]) for p in problems] == [("A", 0), ("B", 60)]
    assert problems[0].message == "review is due today, 2026-11-23 (next_review 2026-11-23)"
