from datetime import date

from nencheck.checks.training import (
    assignments,
    rule_training_below_target,
    rule_training_overdue,
    training_figures,
)
from tests.checks.builders import completion, module, person, records, settings

AS_OF = date(2026, 11, 23)


def test_person_who_left_before_the_date_needs_nothing() -> None:
    built = records(
        modules=[module()],
        people=[person("E1", left="2026-11-23"), person("E2", left="2026-11-24")],
    )
    assert [a.person.id for a in assignments(built, AS_OF)] == ["E2"]  # left on the date: gone
    assert training_figures(built, AS_OF).people == 1


def test_required_for_names_all_a_unit_or_a_role() -> None:
    modules = [
        module(id="ALL"),
        module(id="UNIT", required_for=["HCZ"]),
        module(id="ROLE", required_for=["triagist"]),
    ]
    people = [person("E1", "HAP", role="triagist"), person("E2", "HCZ"), person("E3", "HAP")]
    found = assignments(records(modules=modules, people=people), AS_OF)
    assert sorted(a.key for a in found) == [
        "E1/ALL",
        "E1/ROLE",
        "E2/ALL",
        "E2/UNIT",
        "E3/ALL",
    ]


def test_completion_counts_through_its_last_valid_day() -> None:
    people = [person("E1"), person("E2"), person("E3")]
    completions = [
        completion("E1", "AW-01", "2025-11-23"),  # valid until today
        completion("E2", "AW-01", "2025-11-22"),  # expired yesterday
        completion("E3", "AW-01", "2026-11-24"),
    ]  # tomorrow: does not count yet
    built = records(modules=[module()], people=people, completions=completions)
    found = assignments(built, AS_OF)
    assert [(a.key, a.compliant) for a in found] == [
        ("E1/AW-01", True),
        ("E2/AW-01", False),
        ("E3/AW-01", False),
    ]
    assert found[1].valid_until == date(2026, 11, 22)
    assert found[2].last_completed is None
    assert training_figures(built, AS_OF).overdue == found[1:]


def test_latest_of_several_completions_counts() -> None:
    completions = [
        completion("E1", "AW-01", "2026-02-01"),
        completion("E1", "AW-01", "2024-01-01"),
        completion("E1", "AW-01", "2025-06-01"),
    ]
    built = records(modules=[module()], people=[person("E1")], completions=completions)
    [assignment] = assignments(built, AS_OF)
    assert assignment.last_completed == date(2026, 2, 1)
    assert assignment.compliant


def test_figures_per_unit_module_and_people() -> None:
    modules = [module(id="AW-01"), module(id="AW-02", required_for=["HAP"], valid_for="2y")]
    people = [person("E1", "HAP"), person("E2", "HAP"), person("E3", "HCZ")]
    completions = [
        completion("E1", "AW-01", "2026-01-01"),
        completion("E1", "AW-02", "2025-01-01"),
        completion("E2", "AW-01", "2026-01-01"),
        completion("E3", "AW-01", "2026-01-01"),
    ]
    figures = training_figures(
        records(modules=modules, people=people, completions=completions), AS_OF
    )
    assert (figures.required, figures.compliant, figures.rate) == (5, 4, 0.8)
    assert (figures.people, figures.people_trained) == (3, 2)
    assert figures.by_unit["HAP"].to_json() == {
        "required": 4,
        "compliant": 3,
        "rate": 0.75,
        "people": 2,
        "people_trained": 1,
    }
    assert figures.by_unit["HCZ"].rate == 1.0
    assert figures.by_module["AW-02"].required == 2
    assert [a.key for a in figures.overdue] == ["E2/AW-02"]


def test_training_overdue_is_one_problem_per_person_by_personnel_number() -> None:
    modules = [module(id="AW-01"), module(id="AW-02")]
    people = [person("E1042", name="Jan Jansen")]
    built = records(
        modules=modules, people=people, completions=[completion("E1042", "AW-01", "2025-01-01")]
    )
    [problem] = rule_training_overdue(built, AS_OF)
    assert problem.id == "E1042"
    assert problem.details["modules"] == ["AW-01", "AW-02"]
    assert problem.message == (
        "no valid completion on 2026-11-23 of: AW-01 (valid until "
        "2026-01-01), AW-02 (never completed, due since 2025-01-01); unit HAP"
    )
    assert "Jansen" not in problem.message


def test_unit_below_target_but_not_at_target() -> None:
    people = [person(f"E{n}", "HAP") for n in range(10)] + [
        person(f"F{n}", "HCZ") for n in range(10)
    ]
    done = [completion(f"E{n}", "AW-01", "2026-06-01") for n in range(9)]
    done += [completion(f"F{n}", "AW-01", "2026-06-01") for n in range(8)]
    built = records(
        settings=settings(training_target=0.9), modules=[module()], people=people, completions=done
    )
    problems = rule_training_below_target(built, AS_OF)
    assert [p.id for p in problems] == ["HCZ"]  # HAP is exactly at 90%: not below
    assert problems[0].message == (
        "8 of 10 training assignments in unit HCZ have a valid "
        "completion on 2026-11-23 (80.0%), below the target of 90%"
    )
    assert problems[0].file == "nencheck.yaml"


def test_figures_are_computed_once_per_records_date_and_unit() -> None:
    data = records(
        modules=[module(id="AW-01")],
        people=[person("E1", "HAP"), person("E2", "HCZ")],
        completions=[completion("E1", "AW-01", "2026-01-01")],
    )
    first = training_figures(data, AS_OF)
    assert training_figures(data, AS_OF) is first  # both training rules share one computation
    assert training_figures(data, date(2026, 1, 1)) is not first
    assert training_figures(data, date(2026, 1, 1)).compliant == 1
    assert training_figures(data, AS_OF, "HCZ").required == 1
    assert training_figures(data, AS_OF).required == 2
