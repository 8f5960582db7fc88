"""policy-changed-unversioned, judged on facts from git given as data (no I/O)."""

from __future__ import annotations

from datetime import date

import pytest

from nencheck.checks.policy_changes import FileChange, rule_policy_changed_unversioned
from tests.checks.builders import policy, records

RECORD = "policies/bel-001.yaml"
DOCUMENT = "policies/documents/bel-001.md"
AS_OF = date(2026, 11, 23)


def _judge(changes: list[FileChange], **fields: str) -> list[str]:
    fields.setdefault("last_reviewed", "2026-03-01")
    fields.setdefault("document", DOCUMENT)
    problems = rule_policy_changed_unversioned(records(policies=[policy(**fields)]), AS_OF, changes)
    return [problem.message for problem in problems]


def change(day: str, path: str = DOCUMENT, keys: set[str] | None = None) -> FileChange:
    return FileChange(
        "c0ffee" * 6 + "abcd",
        date.fromisoformat(day),
        path,
        None if keys is None else frozenset(keys),
    )


@pytest.mark.parametrize(
    ("changes", "flagged"),
    [
        ([], False),
        ([change("2026-03-02")], True),  # the document changed the day after the review
        ([change("2026-03-01")], False),  # on the review day itself: part of the review
        ([change("2026-02-01")], False),  # before the review
        ([change("2026-11-24")], False),  # after the evaluation date
        ([change("2026-05-01", RECORD, {"title"})], True),
        ([change("2026-05-01", RECORD, {"reviews", "next_review", "owner"})], False),
        ([change("2026-05-01"), change("2026-06-01", RECORD, {"version"})], False),
        ([change("2026-05-01"), change("2026-06-01", RECORD, None)], False),
        ([change("2026-05-01", "policies/other.yaml", {"title"})], False),
    ],
)
def test_changes_after_the_last_review_without_a_new_version(
    changes: list[FileChange], flagged: bool
) -> None:
    assert bool(_judge(changes)) is flagged


def test_message_names_the_document_the_dates_and_the_version() -> None:
    assert _judge([change("2026-04-01"), change("2026-05-02")]) == [
        "its document policies/documents/bel-001.md changed on 2026-05-02 (commit c0ffeec0ff) "
        "after the last review on 2026-03-01, but the version is still 1.0; review it with a "
        "new version, or undo the change"
    ]


def test_message_names_the_record_fields() -> None:
    messages = _judge([change("2026-05-02", RECORD, {"units", "title", "last_reviewed"})])
    assert messages[0].startswith("its record (title, units) changed on 2026-05-02")


def test_drafts_and_retired_policies_are_not_judged() -> None:
    changes = [change("2026-05-01")]
    assert _judge(changes, status="draft") == []
    assert _judge(changes, status="retired", retired="2026-04-01") == []


def test_problem_points_at_the_version_field() -> None:
    problems = rule_policy_changed_unversioned(
        records(policies=[policy(last_reviewed="2026-03-01", document=DOCUMENT)]),
        AS_OF,
        [change("2026-05-01")],
    )
    assert (problems[0].file, problems[0].line, problems[0].rule) == (
        RECORD,
        5,
        "policy-changed-unversioned",
    )
    assert problems[0].details["changed_file"] == DOCUMENT
