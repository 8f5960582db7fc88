from datetime import date

from nencheck.checks.controls import (
    rule_control_gap,
    rule_control_missing,
    rule_control_unsupported,
)
from tests.checks.builders import catalog, control, evidence, policy, records

AS_OF = date(2026, 11, 23)


def test_catalog_control_without_file_is_missing_and_points_at_framework_setting() -> None:
    built = records(catalog=catalog("5.1", "5.2", "8.13"), controls=[control(id="5.1")])
    problems = rule_control_missing(built, AS_OF)
    assert [p.id for p in problems] == ["5.2", "8.13"]
    framework = built.settings.origin.at("framework")
    assert (problems[0].file, problems[0].line, problems[0].column) == ("nencheck.yaml", *framework)
    assert "add controls/5.2.yaml" in problems[0].message


def test_not_applicable_control_file_addresses_the_catalog_control() -> None:
    excluded = control(
        id="8.13", applicable=False, justification="Geen eigen servers", status="not_started"
    )
    built = records(
        controls=[control(id="5.1", policies=[]), excluded], policies=[policy(controls=["5.1"])]
    )
    assert rule_control_missing(built, AS_OF) == []
    assert rule_control_gap(built, AS_OF) == []


def test_applicable_control_that_is_not_implemented_is_a_gap() -> None:
    built = records(
        controls=[control(id="5.1", status=s) for s in ("partial",)]
        + [control(id="8.13", status="implemented", evidence=[])],
        evidence=[evidence(controls=["8.13"])],
    )
    [problem] = rule_control_gap(built, AS_OF)
    assert problem.id == "5.1"
    assert problem.line == built.controls[0].origin.at("status")[0]
    assert (
        problem.message
        == "Control 5.1: applicable but not implemented (status partially implemented)"
    )


def test_links_from_either_side_support_an_implemented_control() -> None:
    from_control = control(id="5.1", policies=["BEL-001"])
    from_evidence_side = control(id="8.13")
    built = records(
        controls=[from_control, from_evidence_side],
        policies=[policy()],
        evidence=[evidence(controls=["8.13"])],
    )
    assert rule_control_unsupported(built, AS_OF) == []


def test_implemented_control_with_nothing_linked_is_unsupported() -> None:
    built = records(controls=[control(id="5.1"), control(id="8.13", status="partial")])
    [problem] = rule_control_unsupported(built, AS_OF)
    assert problem.id == "5.1"
    assert problem.details["status"] == "implemented"
