from datetime import date, datetime, timedelta, timezone

import pytest

from nencheck.checks.incidents import (
    deadline_on,
    open_deadlines,
    rule_breach_notification_late,
    rule_calamity_report_late,
)
from nencheck.checks.summary import status_summary
from tests.checks.builders import incident, records

CET = timezone(timedelta(hours=1))


@pytest.mark.parametrize(
    ("notified", "late"),
    [
        ("2026-11-05T10:15:00+01:00", False),  # exactly 72 hours
        ("2026-11-05T10:16:00+01:00", True),  # 72 hours and 1 minute
        ("2026-11-05T09:16:00+00:00", True),  # the same moment written in UTC
        ("2026-11-03T08:00:00+01:00", False),
    ],
)
def test_breach_notified_at_72_hours_is_on_time_and_a_minute_later_is_late(
    notified: str, late: bool
) -> None:
    built = records(
        incidents=[incident(authority_notified=notified, status="closed", closed="2026-11-10")]
    )
    assert len(rule_breach_notification_late(built, date(2026, 11, 23))) == int(late)


@pytest.mark.parametrize(
    ("as_of", "late"),
    [
        (date(2026, 11, 4), False),
        # 72 hours end on 5 November at 10:15: by the end of that day they have passed
        (date(2026, 11, 5), True),
    ],
)
def test_unnotified_breach_is_late_once_72_hours_passed_by_end_of_evaluation_day(
    as_of: date, late: bool
) -> None:
    built = records(incidents=[incident()])
    assert len(rule_breach_notification_late(built, as_of)) == int(late)


def test_breach_reported_at_midnight_is_on_time_until_the_end_of_the_third_day() -> None:
    item = incident(reported="2026-11-02T00:00:00+01:00")
    found = deadline_on(item, date(2026, 11, 4))
    assert found is not None
    assert found.deadline == datetime(2026, 11, 5, 0, 0, tzinfo=CET)
    assert not found.late
    assert deadline_on(item, date(2026, 11, 5)).late  # type: ignore[union-attr]


def test_notification_after_the_evaluation_date_does_not_count_yet() -> None:
    item = incident(authority_notified="2026-11-03T09:00:00+01:00")
    assert deadline_on(item, date(2026, 11, 2)).notified is None  # type: ignore[union-attr]
    assert deadline_on(item, date(2026, 11, 3)).notified is not None  # type: ignore[union-attr]


def test_incident_reported_after_the_evaluation_date_is_not_judged() -> None:
    assert deadline_on(incident(), date(2026, 11, 1)) is None


def test_late_breach_problem_points_at_authority_notified() -> None:
    item = incident(id="INC-7", authority_notified="2026-11-05T10:16:00+01:00")
    [problem] = rule_breach_notification_late(records(incidents=[item]), date(2026, 11, 23))
    assert problem.line == item.origin.at("authority_notified")[0]
    assert "72:01 h later" in problem.message


def calamity(reported: str, notified: str | None = None):
    extra = {"authority_notified": notified} if notified else {}
    return incident(kind="calamity", reported=reported, **extra)


@pytest.mark.parametrize(
    ("notified", "late"),
    [
        # reported Friday: the three working days are Monday, Tuesday, Wednesday
        ("2026-11-25T23:59:00+01:00", False),
        ("2026-11-26T00:00:00+01:00", True),
    ],
)
def test_calamity_across_a_weekend_has_until_the_end_of_wednesday(
    notified: str, late: bool
) -> None:
    built = records(incidents=[calamity("2026-11-20T16:00:00+01:00", notified)])
    assert len(rule_calamity_report_late(built, date(2026, 12, 31))) == int(late)


def test_unreported_calamity_is_late_the_day_after_the_third_working_day() -> None:
    built = records(incidents=[calamity("2026-11-20T16:00:00+01:00")])
    assert rule_calamity_report_late(built, date(2026, 11, 25)) == []
    [problem] = rule_calamity_report_late(built, date(2026, 11, 26))
    assert problem.message == (
        "calamity reported 2026-11-20T16:00+01:00 is not reported to the "
        "IGJ on 2026-11-26; the third working day ended 2026-11-25"
    )


def test_calamity_before_christmas_skips_the_holidays() -> None:
    found = deadline_on(calamity("2026-12-23T10:00:00+01:00"), date(2026, 12, 23))
    assert found is not None and found.due == date(2026, 12, 29)


def test_open_deadlines_give_the_countdown_of_unnotified_open_incidents() -> None:
    waiting = incident(id="INC-1", reported="2026-11-21T09:00:00+01:00")
    notified = incident(
        id="INC-2",
        reported="2026-11-21T09:00:00+01:00",
        authority_notified="2026-11-22T09:00:00+01:00",
    )
    other = incident(id="INC-3", kind="complaint")
    [found] = open_deadlines(records(incidents=[waiting, notified, other]), date(2026, 11, 23))
    assert found.incident.id == "INC-1"
    assert found.due == date(2026, 11, 24)
    assert found.hours_left == 9.0
    assert found.to_json(date(2026, 11, 23))["days"] == 1


def test_a_breach_deadline_across_the_end_of_summer_time_is_72_real_hours_in_dutch_time() -> None:
    built = incident(reported="2025-10-24T10:00:00+02:00")  # clocks go back on 26 October
    found = deadline_on(built, date(2025, 10, 24))
    assert found is not None
    assert found.deadline.isoformat(timespec="minutes") == "2025-10-27T09:00+01:00"
    on_time = incident(
        reported="2025-10-24T10:00:00+02:00", authority_notified="2025-10-27T09:00:00+01:00"
    )
    late = incident(
        reported="2025-10-24T10:00:00+02:00", authority_notified="2025-10-27T09:30:00+01:00"
    )
    assert rule_breach_notification_late(records(incidents=[on_time]), date(2025, 11, 1)) == []
    problems = rule_breach_notification_late(records(incidents=[late]), date(2025, 11, 1))
    assert len(problems) == 1 and "2025-10-27T09:00+01:00" in problems[0].message


def test_a_calamity_reported_in_summer_time_ends_at_midnight_dutch_winter_time() -> None:
    # Friday 24 October 2025; three working days: Mon 27, Tue 28, Wed 29 October (winter time)
    built = incident(kind="calamity", reported="2025-10-24T10:00:00+02:00")
    found = deadline_on(built, date(2025, 10, 24))
    assert found is not None
    assert found.deadline.isoformat(timespec="minutes") == "2025-10-29T23:59+01:00"


@pytest.mark.parametrize(
    ("kind", "reported", "as_of", "late"),
    [
        # Monday 10:00 UTC (11:00 Dutch time): the third working day is Thursday 5 March
        ("calamity", "2026-03-02T10:00:00Z", date(2026, 3, 5), False),
        ("calamity", "2026-03-02T10:00:00Z", date(2026, 3, 6), True),
        # 23:30 UTC on 2 March is 00:30 on 3 March in Dutch time: due 6 March 00:30
        ("data_breach", "2026-03-02T23:30:00Z", date(2026, 3, 5), False),
        ("data_breach", "2026-03-02T23:30:00Z", date(2026, 3, 6), True),
    ],
)
def test_a_report_in_utc_is_judged_on_the_dutch_day(
    kind: str, reported: str, as_of: date, late: bool
) -> None:
    found = deadline_on(incident(kind=kind, reported=reported), as_of)
    assert found is not None and found.late is late
    assert (found.hours_left < 0) is late


def test_hours_left_across_the_change_of_summer_time_are_real_hours() -> None:
    # due Monday 27 October 2025 09:00+01:00; the end of Sunday 26 October is 23:59:59+01:00
    found = deadline_on(incident(reported="2025-10-24T10:00:00+02:00"), date(2025, 10, 26))
    assert found is not None and not found.late
    assert found.hours_left == 9.0


@pytest.mark.parametrize(
    ("reported", "counted"),
    [
        ("2025-11-22T10:00:00+01:00", False),  # a day more than 12 months before --as-of
        ("2025-11-23T10:00:00+01:00", True),  # exactly 12 months: the scope includes that day
        ("2026-03-02T10:00:00+01:00", True),
    ],
)
def test_late_notification_of_a_closed_incident_counts_for_12_months_inclusive(
    reported: str, counted: bool
) -> None:
    closed = incident(reported=reported, status="closed", closed="2026-04-01")
    built = records(incidents=[closed])
    assert len(rule_breach_notification_late(built, date(2026, 11, 23))) == int(counted)
    late = status_summary(built, date(2026, 11, 23)).incidents.breach_notification_late
    assert late == int(counted)


def test_late_notification_of_an_open_incident_counts_however_old() -> None:
    built = records(incidents=[incident(reported="2024-01-10T10:00:00+01:00")])
    assert len(rule_breach_notification_late(built, date(2026, 11, 23))) == 1
    assert (
        len(
            rule_calamity_report_late(
                records(incidents=[calamity("2024-01-10T10:00:00+01:00")]), date(2026, 11, 23)
            )
        )
        == 1
    )


def test_late_calamity_closed_more_than_12_months_ago_is_no_problem() -> None:
    old = incident(
        kind="calamity", reported="2025-06-02T10:00:00+02:00", status="closed", closed="2025-07-01"
    )
    assert rule_calamity_report_late(records(incidents=[old]), date(2026, 11, 23)) == []
