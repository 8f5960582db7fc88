"""``nencheck incident list|add|update|close``: ids, files, notification countdowns, commits."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from nencheck.registers.ids import next_incident_id
from tests.cli.registers_org import (
    FILES,
    clean,
    commits,
    last_commit_files,
    last_commit_message,
    make_org,
)
from tests.conftest import AS_OF, Outcome

Run = Callable[..., Outcome]
BREACH = "evidence/incidents/2026/inc-2026-001.yaml"


@pytest.fixture
def org(tmp_path: Path) -> Path:
    return make_org(tmp_path / "org")


def listed(run: Run, org: Path, as_of: str, *options: str) -> dict[str, dict]:
    result = run("incident", "list", "--format", "json", "--as-of", as_of, *options, repo=org)
    assert result.exit_code == 0, result.stderr
    return {item["id"]: item for item in result.json()["incidents"]}


def test_incident_ids_count_per_year() -> None:
    assert (
        next_incident_id(2026, ["INC-2026-001", "INC-2026-014", "INC-2025-031"]) == "INC-2026-015"
    )
    assert next_incident_id(2027, ["INC-2026-014"]) == "INC-2027-001"


def test_add_writes_one_file_in_one_commit(run: Run, org: Path) -> None:
    before = commits(org)
    result = run(
        "incident",
        "add",
        "--title",
        "Laptop gestolen uit auto",
        "--kind",
        "data_breach",
        "--reported",
        "2026-11-22 08:30",
        "--units",
        "HAP",
        "--controls",
        "5.24",
        "--owner",
        "FG",
        repo=org,
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "INC-2026-003\n"
    assert len(commits(org)) == len(before) + 1
    assert last_commit_files(org) == ["evidence/incidents/2026/inc-2026-003.yaml"]
    assert last_commit_message(org).startswith(
        "Report incident INC-2026-003 (data_breach): Laptop gestolen uit auto"
    )
    assert clean(org)
    # a time without an offset is Dutch local time: winter, so +01:00
    assert (org / "evidence/incidents/2026/inc-2026-003.yaml").read_text(encoding="utf-8") == (
        "id: INC-2026-003\n"
        "title: Laptop gestolen uit auto\n"
        "reported: 2026-11-22T08:30:00+01:00\n"
        "kind: data_breach\n"
        "units: [HAP]\n"
        'controls: ["5.24"]\n'
        "owner: FG\n"
        "status: open\n"
    )


def test_summer_time_offset_is_applied_to_local_times(run: Run, org: Path) -> None:
    run(
        "incident",
        "add",
        "--title",
        "Storing",
        "--kind",
        "calamity",
        "--reported",
        "2026-07-01 12:00",
        repo=org,
    )
    text = (org / "evidence/incidents/2026/inc-2026-003.yaml").read_text(encoding="utf-8")
    assert "reported: 2026-07-01T12:00:00+02:00\n" in text


def test_open_breach_counts_down_then_is_late(run: Run, org: Path) -> None:
    on_time = run("incident", "list", "--as-of", AS_OF, repo=org).stdout
    assert "deadline 2026-11-24T10:15+01:00: in 1 day" in on_time
    assert "1 awaiting notification" in on_time
    late = run("incident", "list", "--as-of", "2026-11-25", repo=org).stdout
    assert "LATE: deadline 2026-11-24T10:15+01:00 has passed" in late
    data = listed(run, org, AS_OF)["INC-2026-001"]
    assert (data["deadline"], data["late"], data["hours_left"]) == (
        "2026-11-24T10:15+01:00",
        False,
        10.3,
    )
    assert listed(run, org, AS_OF)["INC-2026-002"]["deadline"] is None


def test_notifying_the_authority_stops_the_countdown(run: Run, org: Path) -> None:
    result = run(
        "incident",
        "update",
        "INC-2026-001",
        "--notified",
        "2026-11-23T09:00+01:00",
        "--note",
        "Gemeld bij de AP",
        "--as-of",
        AS_OF,
        repo=org,
    )
    assert result.exit_code == 0, result.stderr
    assert last_commit_files(org) == [BREACH]
    assert last_commit_message(org).startswith(
        "Update incident INC-2026-001: authority notified 2026-11-23T09:00:00+01:00"
    )
    text = (org / BREACH).read_text(encoding="utf-8")
    assert text.startswith(FILES[BREACH].split("status: open")[0])  # comment and order kept
    assert (
        'controls: ["5.24"]\nauthority_notified: 2026-11-23T09:00:00+01:00\nstatus: open\n' in text
    )
    assert "note: Gemeld bij de AP" in text
    data = listed(run, org, "2026-11-30")["INC-2026-001"]
    assert (data["authority_notified"], data["late"], data["hours_left"]) == (
        "2026-11-23T09:00+01:00",
        False,
        None,
    )
    text_list = run("incident", "list", "--as-of", "2026-11-30", repo=org).stdout
    assert "notified 2026-11-23T09:00+01:00: on time" in text_list


def test_late_breach_is_reported_by_check(run: Run, org: Path) -> None:
    checked = run("check", "--format", "json", "--as-of", "2026-11-25", repo=org).json()
    assert [p["id"] for p in checked["problems"] if p["rule"] == "breach-notification-late"] == [
        "INC-2026-001"
    ]
    run("incident", "update", "INC-2026-001", "--notified", "2026-11-24 09:00", repo=org)
    checked = run("check", "--format", "json", "--as-of", "2026-11-25", repo=org).json()
    assert not [p for p in checked["problems"] if p["rule"] == "breach-notification-late"]


def test_close_sets_status_and_date_and_logs_the_note(run: Run, org: Path) -> None:
    result = run(
        "incident",
        "close",
        "INC-2026-001",
        "--date",
        "2026-11-30",
        "--note",
        "Afgehandeld; ontvanger heeft mail verwijderd",
        repo=org,
    )
    assert result.exit_code == 0, result.stderr
    assert last_commit_files(org) == [BREACH]
    text = (org / BREACH).read_text(encoding="utf-8")
    assert "status: closed\nclosed: 2026-11-30\n" in text
    assert "&" not in text and "*" not in text  # one date used twice is not written as an alias
    assert listed(run, org, "2026-12-01", "--status", "closed").keys() == {
        "INC-2026-001",
        "INC-2026-002",
    }


def test_status_update_then_close(run: Run, org: Path) -> None:
    run("incident", "update", "INC-2026-001", "--status", "in_progress", "--as-of", AS_OF, repo=org)
    assert listed(run, org, AS_OF)["INC-2026-001"]["status"] == "in_progress"
    run("incident", "close", "INC-2026-001", "--date", "2026-11-24", repo=org)
    assert len(commits(org)) == 3
    assert listed(run, org, AS_OF, "--status", "open") == {}


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["update", "INC-2026-001"], "give --status, --notified or --note"),
        (["update", "INC-2099-001", "--note", "x"], "there is no incident 'INC-2099-001'"),
        (["update", "INC-2026-001", "--notified", "gisteren"], "is not a date and time"),
        (["close", "INC-2026-002", "--date", "2026-11-30"], "already closed on 2026-05-10"),
        (
            [
                "add",
                "--title",
                "X",
                "--kind",
                "data_breach",
                "--reported",
                "2026-11-22 08:00",
                "--units",
                "XYZ",
            ],
            "unknown unit(s): XYZ",
        ),
        (
            ["add", "--title", "X", "--kind", "datalek", "--reported", "2026-11-22 08:00"],
            "Invalid value for '--kind'",
        ),
    ],
)
def test_refusals_write_nothing(run: Run, org: Path, arguments: list[str], message: str) -> None:
    before = commits(org)
    result = run("incident", *arguments, repo=org)
    assert result.exit_code == 2
    assert message in result.stderr
    assert commits(org) == before and clean(org)


def test_list_filters_by_kind_and_writes_csv(run: Run, org: Path) -> None:
    assert listed(run, org, AS_OF, "--kind", "security_incident").keys() == {"INC-2026-002"}
    result = run("incident", "list", "--format", "csv", "--as-of", AS_OF, repo=org)
    lines = result.stdout.lstrip("\ufeff").splitlines()
    assert lines[0] == (
        "id;kind;status;reported;units;deadline;authority_notified;late;hours_left;closed;title"
    )
    assert lines[1].startswith(
        "INC-2026-001;data_breach;open;2026-11-21T10:15+01:00;HCZ;"
        "2026-11-24T10:15+01:00;;false;10.3;;"
    )


def test_example_organisation_breach_is_notified_through_the_cli(
    run: Run, example_git: Path
) -> None:
    waiting = [
        item
        for item in listed(
            run, example_git, AS_OF, "--status", "open", "--kind", "data_breach"
        ).values()
        if item["authority_notified"] is None
    ]
    assert waiting, "the example has an open, unnotified data breach to count down"
    incident = waiting[0]
    assert incident["late"] is False and incident["hours_left"] > 0
    result = run(
        "incident",
        "update",
        incident["id"],
        "--notified",
        "2026-11-23 11:00",
        "--note",
        "Gemeld bij de AP",
        "--as-of",
        AS_OF,
        repo=example_git,
    )
    assert result.exit_code == 0, result.stderr
    assert last_commit_files(example_git) == [incident["file"]]
    after = listed(run, example_git, AS_OF)[incident["id"]]
    assert after["authority_notified"] == "2026-11-23T11:00+01:00" and after["late"] is False


def test_first_updates_list_in_a_file_without_lists_is_indented_like_the_repository(
    run: Run, org: Path
) -> None:
    original = (org / BREACH).read_text(encoding="utf-8")
    assert "\n  - " not in original and "\n- " not in original
    result = run("incident", "update", "INC-2026-001", "--note", "AP gebeld", repo=org)
    assert result.exit_code == 0, result.stderr
    text = (org / BREACH).read_text(encoding="utf-8")
    assert "updates:\n  - date: " in text
