"""The risk criteria and the five risk rules, without I/O: levels at every boundary of a custom
``levels`` block, and each rule's boundaries (end dates inclusive, like the other rules)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError

from nencheck.checks.risk_register import RiskFilter, heat_map, risk_rows
from nencheck.checks.risks import (
    rule_control_unjustified,
    rule_risk_above_appetite,
    rule_risk_action_overdue,
    rule_risk_control_excluded,
    rule_risk_review_overdue,
)
from nencheck.checks.summary import risks_summary
from nencheck.model.records import Records
from nencheck.model.risk import Risk
from nencheck.model.settings import RiskCriteria, level_of
from tests.checks.builders import _build, catalog, control, settings

AS_OF = date(2026, 11, 23)
CUSTOM = {"laag": 3, "midden": 8, "hoog": 14, "zeer hoog": 20, "extreem": 25}


@pytest.mark.parametrize(
    ("score", "level"),
    [
        (1, "laag"),
        (3, "laag"),
        (4, "midden"),
        (8, "midden"),
        (9, "hoog"),
        (14, "hoog"),
        (15, "zeer hoog"),
        (20, "zeer hoog"),
        (21, "extreem"),
        (25, "extreem"),
    ],
)
def test_level_holds_the_scores_up_to_its_number_at_every_boundary(score: int, level: str) -> None:
    assert level_of(score, CUSTOM) == level
    assert RiskCriteria(levels=CUSTOM, appetite="midden").level(score) == level


def test_default_criteria_are_specs() -> None:
    criteria = RiskCriteria()
    assert list(criteria.levels.items()) == [
        ("low", 4),
        ("medium", 9),
        ("high", 16),
        ("critical", 25),
    ]
    assert criteria.appetite == "medium"
    assert (len(criteria.likelihood), len(criteria.impact)) == (5, 5)
    assert [criteria.above_appetite(s) for s in (9, 10)] == [False, True]


@pytest.mark.parametrize(
    ("fields", "fragment"),
    [
        ({"levels": {"low": 9, "medium": 4, "high": 25}}, "levels must rise"),
        ({"levels": {"low": 4, "high": 16}}, "highest level must hold the highest score, 25"),
        ({"appetite": "moderate"}, "appetite must be one of the levels"),
        ({"likelihood": ["a", "b", "c"], "levels": {"low": 4, "high": 14}}, "score, 15"),
    ],
)
def test_inconsistent_criteria_are_refused(fields: dict[str, Any], fragment: str) -> None:
    with pytest.raises(ValidationError, match=fragment):
        RiskCriteria(**fields)


def risk(**fields: Any) -> Risk:
    data: dict[str, Any] = {
        "id": "R-1",
        "title": "Ransomware",
        "owner": "ISO",
        "current": {"likelihood": 2, "impact": 3},
        "treatment": "mitigate",
        "assessed": "2025-11-23",
        "review_interval": "1y",
        "status": "open",
        **fields,
    }
    return _build(Risk, f"risks/{data['id'].lower()}.yaml", data)


def records(*risks: Risk, controls: list[Any] | None = None) -> Records:
    return Records(
        settings=settings(),
        catalog=catalog("5.1", "8.13", "8.7"),
        controls=controls if controls is not None else [],
        risks=list(risks),
    )


ACTION = {"id": "R-1-A1", "title": "EDR", "owner": "ICT", "status": "open"}


@pytest.mark.parametrize(
    ("fields", "flagged"),
    [
        ({"assessed": "2025-11-23"}, False),  # due today: not overdue
        ({"assessed": "2025-11-22"}, True),  # due yesterday
        ({"assessed": "2025-11-22", "status": "closed"}, False),
        ({"assessed": "2026-05-23", "review_interval": "6m"}, False),
        ({"assessed": "2026-05-22", "review_interval": "6m"}, True),
    ],
)
def test_risk_review_overdue_boundaries(fields: dict[str, Any], flagged: bool) -> None:
    judged = risk(**fields)
    problems = rule_risk_review_overdue(records(judged), AS_OF)
    assert bool(problems) is flagged
    if flagged:
        assert problems[0].line == judged.origin.at("assessed")[0] == 6
        assert problems[0].details["days"] < 0


@pytest.mark.parametrize(
    ("action", "risk_status", "flagged"),
    [
        ({**ACTION, "due": "2026-11-23"}, "open", False),  # due today
        ({**ACTION, "due": "2026-11-22"}, "open", True),
        ({**ACTION, "due": "2026-11-22", "status": "done", "done": "2026-11-20"}, "open", False),
        ({**ACTION, "due": "2026-11-22"}, "closed", False),
    ],
)
def test_risk_action_overdue_boundaries(
    action: dict[str, Any], risk_status: str, flagged: bool
) -> None:
    problems = rule_risk_action_overdue(records(risk(actions=[action], status=risk_status)), AS_OF)
    assert [p.id for p in problems] == (["R-1-A1"] if flagged else [])


OPEN_ACTION = {**ACTION, "due": "2027-01-31"}


@pytest.mark.parametrize(
    ("fields", "flagged"),
    [
        ({"current": {"likelihood": 3, "impact": 3}}, False),  # 9: medium, the appetite itself
        ({"current": {"likelihood": 2, "impact": 5}}, True),  # 10: high, mitigate, no action
        ({"current": {"likelihood": 2, "impact": 5}, "actions": [OPEN_ACTION]}, False),
        (
            {
                "current": {"likelihood": 2, "impact": 5},
                "actions": [{**OPEN_ACTION, "status": "done", "done": "2026-01-01"}],
            },
            True,
        ),
        ({"current": {"likelihood": 4, "impact": 4}, "treatment": "accept"}, True),
        (
            {
                "current": {"likelihood": 4, "impact": 4},
                "treatment": "accept",
                "accepted_by": "Bestuurder",
                "accepted": "2026-10-01",
            },
            False,
        ),
        ({"current": {"likelihood": 5, "impact": 5}, "treatment": "transfer"}, False),
        ({"current": {"likelihood": 5, "impact": 5}, "status": "closed"}, False),
    ],
)
def test_risk_above_appetite_boundaries(fields: dict[str, Any], flagged: bool) -> None:
    problems = rule_risk_above_appetite(records(risk(**fields)), AS_OF)
    assert bool(problems) is flagged


@pytest.mark.parametrize(
    ("applicable", "flagged"),
    [(True, False), (False, True)],
)
def test_risk_control_excluded(applicable: bool, flagged: bool) -> None:
    extra = {} if applicable else {"justification": "Geen eigen ontwikkeling"}
    found = records(
        risk(controls=["8.7"]),
        controls=[control(id="8.7", applicable=applicable, status="implemented", **extra)],
    )
    problems = rule_risk_control_excluded(found, AS_OF)
    assert [p.id for p in problems] == (["R-1"] if flagged else [])


@pytest.mark.parametrize(
    ("control_fields", "risk_controls", "with_register", "flagged"),
    [
        ({}, ["8.7"], True, False),  # a risk names it
        ({}, ["5.1"], True, True),  # no risk names it, no justification
        ({"justification": "Wettelijke eis (AVG)"}, ["5.1"], True, False),
        ({"justification": "   "}, ["5.1"], True, True),  # blank is no justification
        ({"applicable": False, "justification": "n.v.t."}, ["5.1"], True, False),
        ({}, [], False, False),  # no risk register: nothing to judge against
    ],
)
def test_control_unjustified(
    control_fields: dict[str, Any], risk_controls: list[str], with_register: bool, flagged: bool
) -> None:
    fields = {"id": "8.7", "applicable": True, "status": "implemented", **control_fields}
    found = records(
        *([risk(controls=risk_controls)] if with_register else []), controls=[control(**fields)]
    )
    assert bool(rule_control_unjustified(found, AS_OF)) is flagged


def test_summary_and_heat_map_agree_with_the_list() -> None:
    found = records(
        risk(id="R-1", current={"likelihood": 5, "impact": 5}, actions=[OPEN_ACTION]),
        risk(
            id="R-2", current={"likelihood": 1, "impact": 2}, target={"likelihood": 1, "impact": 1}
        ),
        risk(id="R-3", current={"likelihood": 5, "impact": 5}, status="closed"),
    )
    rows = risk_rows(found, AS_OF)
    heat = heat_map(rows, found.settings.risk)
    assert [row.id for row in rows] == ["R-1", "R-2"]
    assert heat.current == {(5, 5): 1, (1, 2): 1}
    assert heat.target == {(1, 1): 1}
    summary = risks_summary(found, AS_OF, None)
    assert summary.open == heat.total("current") == 2
    assert summary.by_level == {"low": 1, "medium": 0, "high": 0, "critical": 1}
    assert summary.above_appetite == 1
    assert summary.to_json()["by_level"] == summary.by_level
    assert [r.id for r in risk_rows(found, AS_OF, RiskFilter(include_closed=True))] == [
        "R-1",
        "R-3",
        "R-2",
    ]
