from datetime import date

from nencheck.checks.due import due_items
from nencheck.checks.evaluate import evaluate
from nencheck.checks.summary import status_summary
from nencheck.model.types import Duration
from tests.checks.builders import (
    audit,
    catalog,
    completion,
    control,
    evidence,
    incident,
    module,
    person,
    policy,
    records,
)

AS_OF = date(2026, 11, 23)
SPEC_KEYS = {
    "controls": {"total", "applicable", "by_status", "by_theme"},
    "policies": {"total", "active", "ok", "due_soon", "overdue"},
    "findings": {"open", "overdue", "by_severity"},
    "evidence": {"total", "expired"},
    "training": {"required", "compliant", "rate", "people", "people_trained", "by_unit"},
    "incidents": {"open", "breach_notification_late", "calamity_report_late"},
}


def organisation():
    return records(
        catalog=catalog("5.1", "5.2", "8.13"),
        controls=[control(id="5.1"), control(id="8.13", status="partial", units=["HAP"])],
        policies=[
            policy(id="P-OVERDUE", next_review="2026-11-22", units=["HAP"], owner="A"),
            policy(id="P-TODAY", next_review="2026-11-23", units=["HCZ"], owner="B"),
            policy(id="P-OK", next_review="2027-11-23", units=["all"], owner="A", controls=["5.1"]),
            policy(id="P-DRAFT", status="draft"),
        ],
        evidence=[
            evidence(id="EV-OLD", valid_until="2026-01-01", owner="A"),
            evidence(id="EV-SOON", valid_until="2026-12-01", owner="B", units=["HCZ"]),
        ],
        audits=[
            audit(
                {"id": "F-1", "due": "2026-11-01", "owner": "A"},
                {"id": "F-2", "due": "2026-12-31", "owner": "B", "status": "in_progress"},
                {"id": "F-3", "due": "2026-01-01", "status": "accepted"},
            )
        ],
        modules=[module()],
        people=[person("E1", "HAP"), person("E2", "HCZ")],
        completions=[completion("E1", "AW-01", "2026-01-10")],
        incidents=[
            incident(
                id="INC-LATE",
                authority_notified="2026-11-06T10:00:00+01:00",
                units=["HCZ"],
                status="closed",
                closed="2026-11-10",
            ),
            incident(
                id="INC-OPEN", kind="calamity", reported="2026-11-20T09:00:00+01:00", units=["HAP"]
            ),
        ],
    )


def test_status_summary_has_the_spec_keys() -> None:
    summary = status_summary(organisation(), AS_OF).to_json()
    assert summary["as_of"] == "2026-11-23"
    assert summary["organisation"] == "Test"
    for section, keys in SPEC_KEYS.items():
        assert keys <= set(summary[section]), section
    assert set(summary["training"]["by_unit"]["HAP"]) >= {"required", "compliant", "rate"}


def test_status_summary_figures() -> None:
    summary = status_summary(organisation(), AS_OF).to_json()
    assert (summary["controls"]["total"], summary["controls"]["applicable"]) == (3, 2)
    assert summary["controls"]["by_status"] == {
        "not_started": 0,
        "planned": 0,
        "partial": 1,
        "implemented": 1,
    }
    policies = summary["policies"]
    assert (
        policies["total"],
        policies["active"],
        policies["ok"],
        policies["due_soon"],
        policies["overdue"],
    ) == (4, 3, 1, 1, 1)
    assert summary["findings"]["open"] == 2 and summary["findings"]["overdue"] == 1
    assert summary["findings"]["by_severity"]["minor"] == 3
    assert summary["evidence"] == {"total": 2, "expired": 1}
    training = summary["training"]
    assert (training["required"], training["compliant"], training["rate"]) == (2, 1, 0.5)
    assert summary["incidents"]["open"] == 1  # INC-OPEN; INC-LATE is closed
    assert summary["incidents"]["breach_notification_late"] == 1
    assert summary["incidents"]["calamity_report_late"] == 0


def test_unit_filter_keeps_records_of_the_unit_and_of_all_units() -> None:
    summary = status_summary(organisation(), AS_OF, unit="HAP").to_json()
    assert summary["policies"]["total"] == 3  # P-OVERDUE (HAP), P-OK and P-DRAFT (all)
    assert summary["policies"]["by_unit"] == {
        "HAP": {"ok": 0, "due_soon": 0, "overdue": 1},
        "all": {"ok": 1, "due_soon": 0, "overdue": 0},
    }
    assert summary["training"]["required"] == 1
    assert summary["incidents"]["breach_notification_late"] == 0


def test_due_items_sorted_by_date_with_overdue_first() -> None:
    items = due_items(organisation(), AS_OF, Duration(60, "d"))
    assert [(i.kind, i.id, i.days, i.state) for i in items] == [
        ("evidence", "EV-OLD", -326, "overdue"),
        # never completed: due since AW-01 was first completed (by E1 on 2026-01-10)
        ("training", "E2/AW-01", -317, "overdue"),
        ("finding", "F-1", -22, "overdue"),
        ("policy", "P-OVERDUE", -1, "overdue"),
        ("policy", "P-TODAY", 0, "due_soon"),
        ("incident", "INC-OPEN", 2, "due_soon"),
        ("evidence", "EV-SOON", 8, "due_soon"),
        ("finding", "F-2", 38, "due_soon"),
        ("training", "E1/AW-01", 48, "due_soon"),  # completed 2026-01-10, valid for 1y
    ]


def test_due_items_filter_by_kind_owner_and_unit() -> None:
    built = organisation()
    window = Duration(60, "d")
    assert [i.id for i in due_items(built, AS_OF, window, kinds=["policy"])] == [
        "P-OVERDUE",
        "P-TODAY",
    ]
    assert [i.id for i in due_items(built, AS_OF, window, owner="a")] == [
        "EV-OLD",
        "F-1",
        "P-OVERDUE",
    ]
    assert [i.id for i in due_items(built, AS_OF, window, unit="HCZ")] == [
        "EV-OLD",
        "E2/AW-01",
        "F-1",
        "P-TODAY",
        "EV-SOON",
        "F-2",
    ]
    assert [i.id for i in due_items(built, AS_OF, Duration(1, "w"), kinds=["training"])] == [
        "E2/AW-01"
    ]


def test_status_due_and_check_agree() -> None:
    built = organisation()
    summary = status_summary(built, AS_OF).to_json()
    problems = evaluate(built, AS_OF)
    items = due_items(built, AS_OF, built.settings.due_soon)

    def count(rule: str) -> int:
        return sum(1 for p in problems if p.rule == rule)

    def overdue(kind: str) -> int:
        return sum(1 for i in items if i.kind == kind and i.state == "overdue")

    assert summary["policies"]["overdue"] == count("policy-overdue") == overdue("policy")
    assert summary["policies"]["due_soon"] == count("policy-due-soon")
    assert summary["findings"]["overdue"] == count("finding-overdue") == overdue("finding")
    assert summary["evidence"]["expired"] == count("evidence-expired") == overdue("evidence")
    training_pairs = sum(
        len(p.details["modules"]) for p in problems if p.rule == "training-overdue"
    )
    assert summary["training"]["overdue"] == training_pairs == overdue("training")


def test_never_completed_training_keeps_its_due_date_as_the_evaluation_date_moves() -> None:
    built = organisation()
    dues = {
        day: next(i for i in due_items(built, day, Duration(60, "d")) if i.id == "E2/AW-01").due
        for day in (date(2026, 11, 23), date(2026, 11, 24), date(2027, 3, 1))
    }
    assert set(dues.values()) == {date(2026, 1, 10)}


def test_module_nobody_completed_is_due_from_the_first_completion_of_any_module() -> None:
    built = records(
        modules=[module(id="AW-01"), module(id="AW-02")],
        people=[person("E1")],
        completions=[completion("E1", "AW-01", "2026-02-03")],
    )
    [item] = [i for i in due_items(built, AS_OF, Duration(60, "d")) if i.id == "E1/AW-02"]
    assert (item.due, item.days, item.state) == (date(2026, 2, 3), -293, "overdue")


def test_no_due_item_is_overdue_with_zero_days() -> None:
    late_today = incident(id="INC-9", reported="2026-11-20T09:00:00+01:00")  # 72 h end 23-11 09:00
    built = records(incidents=[late_today])
    [item] = due_items(built, AS_OF, Duration(60, "d"))
    assert (item.due, item.state, item.days) == (AS_OF, "overdue", -1)
    for found in due_items(organisation(), AS_OF, Duration(60, "d")):
        assert (found.state == "overdue") == (found.days < 0), found
