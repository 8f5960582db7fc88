"""``nencheck due`` in each format, parsed back, on a small repository with known dates."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.cli.eval_org import write_eval_org
from tests.conftest import AS_OF, run_cli

ALL_ITEMS = [
    # never completed: due since AW-02 was first completed in the records, not "today"
    ("training", "E2/AW-02", "2025-02-01", -660, "overdue"),
    ("policy", "BEL-001", "2026-03-12", -256, "overdue"),
    ("evidence", "EV-2025-014", "2026-09-12", -72, "overdue"),
    ("training", "E3/AW-01", "2026-11-22", -1, "overdue"),
    ("finding", "F-2026-01", "2026-11-22", -1, "overdue"),
    ("training", "E2/AW-01", "2026-11-23", 0, "due_soon"),
    ("evidence", "EV-2025-020", "2026-11-23", 0, "due_soon"),
    ("finding", "F-2026-02", "2026-11-23", 0, "due_soon"),
    ("policy", "PROT-HAP-014", "2026-11-23", 0, "due_soon"),
    ("incident", "INC-2026-003", "2026-11-24", 1, "due_soon"),
    ("incident", "INC-2026-002", "2026-11-25", 2, "due_soon"),
    ("policy", "PROT-HCZ-002", "2026-12-01", 8, "due_soon"),
    ("training", "E1/AW-01", "2027-01-10", 48, "due_soon"),
]


@pytest.fixture
def org(tmp_path: Path) -> Path:
    return write_eval_org(tmp_path / "org")


def items(result) -> list[tuple[str, str, str, int, str]]:
    return [(i["kind"], i["id"], i["due"], i["days"], i["state"]) for i in result.json()["items"]]


def test_json_lists_overdue_and_due_soon_sorted_by_date(org: Path, run) -> None:
    result = run("due", "--as-of", AS_OF, "--format", "json", repo=org)
    assert result.exit_code == 0
    document = result.json()
    assert document["as_of"] == AS_OF
    assert set(document["items"][0]) >= {
        "kind",
        "id",
        "title",
        "owner",
        "units",
        "due",
        "days",
        "state",
    }
    assert items(result) == ALL_ITEMS


def test_within_kind_owner_and_unit_filters(org: Path, run) -> None:
    def ids(*args: str) -> list[str]:
        return [
            i[1] for i in items(run("due", "--as-of", AS_OF, "--format", "json", *args, repo=org))
        ]

    assert ids("--within", "7d", "--kind", "policy") == ["BEL-001", "PROT-HAP-014"]
    assert ids("--kind", "finding", "--kind", "evidence") == [
        "EV-2025-014",
        "F-2026-01",
        "EV-2025-020",
        "F-2026-02",
    ]
    assert ids("--owner", "iso") == ["BEL-001", "EV-2025-020", "INC-2026-003"]
    assert ids("--unit", "HCZ", "--kind", "training", "--kind", "policy") == [
        "BEL-001",
        "E3/AW-01",
        "PROT-HCZ-002",
    ]
    assert ids("--within", "1y", "--kind", "policy")[-1] == "PROT-HCZ-003"


def test_bad_within_and_unit_are_usage_errors(org: Path, run) -> None:
    assert run("due", "--within", "soon", repo=org).exit_code == 2
    assert run("due", "--unit", "NOPE", repo=org).exit_code == 2


def test_text_by_owner_gives_one_block_per_owner(org: Path, run) -> None:
    result = run("due", "--as-of", AS_OF, "--by", "owner", repo=org)
    assert result.exit_code == 0
    blocks = result.stdout.split("\n\n")
    assert blocks[0] == (
        "Overdue, or due by 22 January 2027 (within 60 days of 23 November 2026): 13 item(s), "
        "5 overdue"
    )
    headings = [block.splitlines()[0] for block in blocks[1:]]
    assert headings == [
        "HAP: 3 item(s), 1 overdue",
        "HCZ: 1 item(s), 1 overdue",
        "ICT-beheer: 2 item(s), 2 overdue",
        "ISO: 3 item(s), 1 overdue",
        "Kaderhuisarts: 1 item(s), 0 overdue",
        "Medisch manager: 1 item(s), 0 overdue",
        "Teamleider triage: 2 item(s), 0 overdue",
    ]
    assert "256 days overdue" in blocks[4]


def test_json_by_owner(org: Path, run) -> None:
    document = run("due", "--as-of", AS_OF, "--format", "json", "--by", "owner", repo=org).json()
    assert [group["owner"] for group in document["by_owner"]][:2] == ["HAP", "HCZ"]
    assert sum(len(group["items"]) for group in document["by_owner"]) == 13


def test_dutch_text_writes_dates_out_in_the_heading_and_iso_in_the_list(org: Path, run) -> None:
    result = run("--lang", "nl", "due", "--as-of", AS_OF, "--kind", "policy", repo=org)
    heading, _blank, first, *_rest = result.stdout.splitlines()
    assert "uiterlijk 22 januari 2027 (binnen 60 dagen na 23 november 2026)" in heading
    assert first.startswith("2026-03-12  ")


def test_csv_opens_in_dutch_excel(org: Path, run, tmp_path: Path) -> None:
    (org / "policies" / "bel-001.yaml").write_text(
        (org / "policies" / "bel-001.yaml")
        .read_text("utf-8")
        .replace("title: Informatiebeveiligingsbeleid", 'title: "=HYPERLINK(1); beleid"'),
        encoding="utf-8",
    )
    target = tmp_path / "due.csv"
    result = run("due", "--as-of", AS_OF, "--format", "csv", "-o", str(target), repo=org)
    assert result.exit_code == 0
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in raw and raw.count(b"\n") == raw.count(b"\r\n")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0] == ["Due", "Days", "State", "Kind", "Id", "Title", "Owner", "Units"]
    assert len(rows) == 14
    assert rows[1][:5] == ["2025-02-01", "-660", "Overdue", "Training", "E2/AW-02"]
    assert rows[2] == [
        "2026-03-12",
        "-256",
        "Overdue",
        "Policy review",
        "BEL-001",
        "'=HYPERLINK(1); beleid",
        "ISO",
        "all",
    ]


def test_ics_has_one_all_day_event_per_item_with_stable_uids(org: Path, run) -> None:
    first = run("due", "--as-of", AS_OF, "--format", "ics", repo=org)
    again = run("due", "--as-of", AS_OF, "--format", "ics", repo=org)
    assert first.exit_code == 0
    assert first.stdout == again.stdout  # reproducible: no clock in the output
    calendar = Calendar.from_ical(first.stdout)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 13
    uids = [str(event["UID"]) for event in events]
    assert uids[:2] == ["training-E2/AW-02@nencheck", "policy-BEL-001@nencheck"]
    assert len(set(uids)) == 13
    event = events[1]
    assert event.decoded("DTSTART") == date(2026, 3, 12)
    assert event.decoded("DTEND") == date(2026, 3, 13)
    assert event.decoded("DTSTAMP") == datetime(2026, 11, 23, tzinfo=UTC)
    assert "Informatiebeveiligingsbeleid" in str(event["SUMMARY"])


def test_a_mistyped_owner_is_refused_with_the_near_ones(example_copy: Path) -> None:
    """An empty list for a typo would make a scheduled notify send nothing (found trying
    nencheck as a new security officer)."""
    for args in (
        ["due", "--owner", "Teamleider traige"],
        ["notify", "--owner", "Teamleider traige", "--dry-run", str(example_copy / "out")],
        ["policy", "list", "--owner", "Teamleider traige"],
    ):
        result = run_cli(*args, "--as-of", AS_OF, "--lang", "en", repo=example_copy)
        assert result.exit_code == 2, args
        assert (
            "--owner: no record has the owner 'Teamleider traige'; did you mean "
            "'Teamleider triage'" in result.stderr
        ), args
    assert not (example_copy / "out").exists()
    wrong_case = run_cli("due", "--owner", "teamleider TRIAGE", "--as-of", AS_OF, repo=example_copy)
    assert wrong_case.exit_code == 0 and "Teamleider triage" in wrong_case.stdout
    unit = run_cli("due", "--owner", "HAP", "--as-of", AS_OF, repo=example_copy)  # training items
    assert unit.exit_code == 0 and "Training" in unit.stdout
