"""Every class of unreadable record gives exit 2 with the right file, line, column and code."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from tests.conftest import AS_OF

SETTINGS = "organisation: Testpraktijk\nunits:\n  - {id: HAP, name: Huisartsenpost}\n"
CONTROL = 'id: "5.1"\napplicable: true\nstatus: implemented\n'
POLICY = """\
# Protocol
id: PROT-001
title: Triage bij pijn op de borst
type: protocol
status: active
version: "1.0"
owner: Teamleider triage
last_reviewed: 2025-03-12
review_interval: 2y
units: [HAP]
controls: ["5.1"]
"""


def make_repo(root: Path, files: dict[str, str | bytes]) -> Path:
    everything: dict[str, str | bytes] = {"nencheck.yaml": SETTINGS, "controls/5.1.yaml": CONTROL}
    everything.update(files)
    for path, content in everything.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return root


def errors_of(run, root: Path) -> list[dict]:
    result = run("check", "--as-of", AS_OF, "--format", "json", repo=root)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    document = result.json()
    assert document["ok"] is False
    return document["errors"]


def only_error(run, root: Path) -> dict:
    errors = errors_of(run, root)
    assert len(errors) == 1, errors
    return errors[0]


def test_valid_minimal_repository_has_no_errors(tmp_path: Path, run) -> None:
    make_repo(tmp_path, {"policies/prot-001.yaml": POLICY})
    result = run("check", "--as-of", AS_OF, "--format", "json", repo=tmp_path)
    assert result.json()["errors"] == []
    assert result.exit_code in (0, 1)


def test_yaml_syntax_error_points_at_line(tmp_path: Path, run) -> None:
    make_repo(tmp_path, {"policies/p.yaml": POLICY.replace("units: [HAP]", "units: [HAP")})
    error = only_error(run, tmp_path)
    assert error["file"] == "policies/p.yaml"
    assert error["code"] == "yaml-syntax"
    assert error["line"] in (11, 12)


def test_unknown_field_suggests_the_english_name_for_a_dutch_habit(tmp_path: Path, run) -> None:
    make_repo(tmp_path, {"policies/p.yaml": POLICY + "eigenaar: Kwaliteit\n"})
    error = only_error(run, tmp_path)
    assert (error["line"], error["column"], error["code"]) == (12, 1, "unknown-field")
    assert "did you mean 'owner'" in error["message"]


def test_unknown_field_suggests_close_spelling(tmp_path: Path, run) -> None:
    make_repo(
        tmp_path, {"policies/p.yaml": POLICY.replace("review_interval:", "review_intervall:")}
    )
    error = only_error(run, tmp_path)
    assert error["code"] == "unknown-field"
    assert error["line"] == 9
    assert "did you mean 'review_interval'" in error["message"]


def test_missing_required_field(tmp_path: Path, run) -> None:
    make_repo(tmp_path, {"policies/p.yaml": POLICY.replace("owner: Teamleider triage\n", "")})
    error = only_error(run, tmp_path)
    assert error["code"] == "missing-field"
    assert "'owner'" in error["message"]


def test_active_policy_without_review_date_is_missing_a_field(tmp_path: Path, run) -> None:
    make_repo(tmp_path, {"policies/p.yaml": POLICY.replace("last_reviewed: 2025-03-12\n", "")})
    error = only_error(run, tmp_path)
    assert error["code"] == "missing-field"
    assert "last_reviewed" in error["message"]


def test_impossible_date_is_invalid_date_at_its_value(tmp_path: Path, run) -> None:
    make_repo(tmp_path, {"policies/p.yaml": POLICY.replace("2025-03-12", "2025-02-30")})
    error = only_error(run, tmp_path)
    assert (error["line"], error["column"], error["code"]) == (8, 16, "invalid-date")
    assert "last_reviewed" in error["message"]


def test_bad_duration(tmp_path: Path, run) -> None:
    make_repo(
        tmp_path,
        {"policies/p.yaml": POLICY.replace("review_interval: 2y", "review_interval: twee jaar")},
    )
    error = only_error(run, tmp_path)
    assert error["code"] == "invalid-duration"
    assert error["line"] == 9


def test_value_outside_the_allowed_set(tmp_path: Path, run) -> None:
    make_repo(tmp_path, {"policies/p.yaml": POLICY.replace("status: active", "status: actief")})
    error = only_error(run, tmp_path)
    assert (error["line"], error["code"]) == (5, "invalid-value")
    assert "'actief'" in error["message"]


def test_yaml_1_1_no_is_text_not_false(tmp_path: Path, run) -> None:
    make_repo(
        tmp_path, {"controls/5.1.yaml": CONTROL.replace("applicable: true", "applicable: no")}
    )
    error = only_error(run, tmp_path)
    assert (error["file"], error["line"], error["code"]) == (
        "controls/5.1.yaml",
        2,
        "invalid-value",
    )


def test_unquoted_5_10_stays_a_string_and_does_not_collide_with_5_1(tmp_path: Path, run) -> None:
    make_repo(tmp_path, {"controls/5.10.yaml": "id: 5.10\napplicable: true\nstatus: planned\n"})
    result = run("check", "--as-of", AS_OF, "--format", "json", repo=tmp_path)
    assert result.json()["errors"] == []


def test_duplicate_id_names_both_files(tmp_path: Path, run) -> None:
    make_repo(tmp_path, {"policies/a.yaml": POLICY, "policies/b.yaml": POLICY})
    error = only_error(run, tmp_path)
    assert error["code"] == "duplicate-id"
    assert error["file"] == "policies/b.yaml"
    assert "policies/a.yaml:2" in error["message"]


def test_duplicate_key_in_one_mapping(tmp_path: Path, run) -> None:
    make_repo(tmp_path, {"policies/p.yaml": POLICY + 'version: "2.0"\n'})
    error = only_error(run, tmp_path)
    assert (error["line"], error["code"]) == (12, "duplicate-key")


def test_reference_to_unknown_control(tmp_path: Path, run) -> None:
    make_repo(tmp_path, {"policies/p.yaml": POLICY.replace('["5.1"]', '["5.1", "9.99"]')})
    error = only_error(run, tmp_path)
    assert (error["file"], error["line"], error["code"]) == (
        "policies/p.yaml",
        11,
        "unknown-reference",
    )
    assert "9.99" in error["message"]


def test_reference_to_unknown_unit(tmp_path: Path, run) -> None:
    make_repo(tmp_path, {"policies/p.yaml": POLICY.replace("units: [HAP]", "units: [SEH]")})
    error = only_error(run, tmp_path)
    assert error["code"] == "unknown-reference"
    assert "SEH" in error["message"] and "HAP" in error["message"]


def test_completion_of_unknown_person_points_at_its_row(tmp_path: Path, run) -> None:
    make_repo(
        tmp_path,
        {
            "evidence/training/modules.yaml": "modules:\n  - {id: AW-01, title: Phishing, valid_for: 1y, required_for: [all]}\n",
            "evidence/training/people.yaml": 'people:\n  - {id: "E1", unit: HAP}\n',
            "evidence/training/completions/2026.yaml": (
                "completions:\n"
                '  - {person: "E1", module: AW-01, completed: 2026-01-05}\n'
                '  - {person: "E9", module: AW-01, completed: 2026-01-06}\n'
            ),
        },
    )
    error = only_error(run, tmp_path)
    assert (error["file"], error["line"], error["code"]) == (
        "evidence/training/completions/2026.yaml",
        3,
        "unknown-reference",
    )
    assert "E9" in error["message"]


def test_merge_conflict_markers(tmp_path: Path, run) -> None:
    conflicted = POLICY.replace(
        'version: "1.0"\n',
        '<<<<<<< HEAD\nversion: "1.1"\n=======\nversion: "1.2"\n>>>>>>> review\n',
    )
    make_repo(tmp_path, {"policies/p.yaml": conflicted})
    error = only_error(run, tmp_path)
    assert (error["line"], error["code"]) == (6, "merge-conflict")


def test_file_that_is_not_utf8(tmp_path: Path, run) -> None:
    make_repo(
        tmp_path, {"policies/p.yaml": POLICY.replace("Triage", "Triage \u00e9").encode("cp1252")}
    )
    error = only_error(run, tmp_path)
    assert (error["line"], error["code"]) == (3, "not-utf8")


def test_empty_file(tmp_path: Path, run) -> None:
    make_repo(tmp_path, {"policies/p.yaml": "# nog invullen\n"})
    assert only_error(run, tmp_path)["code"] == "empty-file"


def test_file_that_is_a_list_not_a_mapping(tmp_path: Path, run) -> None:
    make_repo(tmp_path, {"policies/p.yaml": "- id: PROT-001\n"})
    assert only_error(run, tmp_path)["code"] == "not-a-mapping"


def test_document_path_outside_the_repository(tmp_path: Path, run) -> None:
    make_repo(tmp_path / "repo", {"policies/p.yaml": POLICY + "document: ../../geheim.md\n"})
    error = only_error(run, tmp_path / "repo")
    assert (error["line"], error["code"]) == (12, "path-outside-repo")


def test_absolute_document_path_after_one_at_the_root(tmp_path: Path, run) -> None:
    """A document at the repository's root is checked first (policies sort by id); the
    absolute path after it is still outside (a speed-up once took it for a root file)."""
    make_repo(
        tmp_path,
        {
            "handboek.md": "# Handboek\n",
            "policies/a.yaml": POLICY + "document: handboek.md\n",
            "policies/b.yaml": POLICY.replace("PROT-001", "PROT-002") + "document: /etc\n",
        },
    )
    error = only_error(run, tmp_path)
    assert (error["file"], error["line"], error["code"]) == (
        "policies/b.yaml",
        12,
        "path-outside-repo",
    )


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
def test_record_file_linking_outside_the_repository(tmp_path: Path, run) -> None:
    outside = tmp_path / "elders.yaml"
    outside.write_text(POLICY, encoding="utf-8")
    root = make_repo(tmp_path / "repo", {})
    (root / "policies").mkdir()
    (root / "policies" / "p.yaml").symlink_to(outside)
    assert only_error(run, root)["code"] == "path-outside-repo"


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
def test_linked_document_leading_outside_the_repository(tmp_path: Path, run) -> None:
    (tmp_path / "geheim.md").write_text("geheim\n", encoding="utf-8")
    root = make_repo(tmp_path / "repo", {"policies/p.yaml": POLICY + "document: docs/p.md\n"})
    (root / "docs").mkdir()
    (root / "docs" / "intern.md").write_text("intern\n", encoding="utf-8")
    (root / "docs" / "p.md").symlink_to(tmp_path / "geheim.md")
    error = only_error(run, root)
    assert (error["file"], error["line"], error["code"]) == (
        "policies/p.yaml",
        12,
        "path-outside-repo",
    )
    (root / "docs" / "p.md").unlink()
    (root / "docs" / "p.md").symlink_to("intern.md")  # a link that stays inside is fine
    result = run("check", "--as-of", AS_OF, "--format", "json", repo=root)
    assert result.json()["errors"] == []


def test_python_tag_is_refused(tmp_path: Path, run) -> None:
    make_repo(
        tmp_path, {"policies/p.yaml": POLICY + "notes: !!python/object/apply:os.system ['true']\n"}
    )
    error = only_error(run, tmp_path)
    assert (error["line"], error["code"]) == (12, "yaml-tag")


def test_billion_laughs_fails_fast_with_a_short_message(tmp_path: Path, run) -> None:
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for index in range(1, 10):
        previous, current = chr(96 + index), chr(97 + index)
        lines.append(f"{current}: &{current} [" + ", ".join([f"*{previous}"] * 9) + "]")
    make_repo(tmp_path, {"policies/p.yaml": "\n".join(lines) + "\n"})
    started = time.monotonic()
    error = only_error(run, tmp_path)
    assert time.monotonic() - started < 5
    assert error["code"] == "yaml-alias-bomb"
    assert len(error["message"]) < 300


def test_timestamp_without_offset_is_refused(tmp_path: Path, run) -> None:
    incident = (
        "id: INC-1\ntitle: Verkeerde ontvanger\nreported: 2025-05-02T10:15:00\n"
        "kind: data_breach\nstatus: open\n"
    )
    make_repo(tmp_path, {"evidence/incidents/inc-1.yaml": incident})
    error = only_error(run, tmp_path)
    assert (error["line"], error["code"]) == (3, "invalid-date")
    assert "+01:00" in error["message"]


def test_closed_finding_needs_a_closed_date(tmp_path: Path, run) -> None:
    audit = (
        "id: AUD-1\ntitle: Interne audit\ntype: internal\ndate: 2026-02-01\nfindings:\n"
        "  - id: F-1\n    title: Patchbeleid\n    severity: minor\n    owner: ICT\n"
        "    due: 2026-04-01\n    status: closed\n"
    )
    make_repo(tmp_path, {"evidence/audits/aud-1.yaml": audit})
    error = only_error(run, tmp_path)
    assert error["code"] == "missing-field"
    assert "closed" in error["message"]
    assert error["line"] == 6


def test_unknown_rule_in_fail_on(tmp_path: Path, run) -> None:
    make_repo(tmp_path, {"nencheck.yaml": SETTINGS + "fail_on: [policy-overdu]\n"})
    error = only_error(run, tmp_path)
    assert (error["file"], error["line"], error["code"]) == ("nencheck.yaml", 4, "invalid-value")


def test_unknown_framework(tmp_path: Path, run) -> None:
    make_repo(tmp_path, {"nencheck.yaml": SETTINGS + "framework: nen7510-2017\n"})
    error = only_error(run, tmp_path)
    assert (error["line"], error["code"]) == (4, "unknown-framework")


def test_every_error_of_a_run_is_reported_at_once(tmp_path: Path, run) -> None:
    make_repo(
        tmp_path,
        {
            "policies/a.yaml": POLICY.replace("status: active", "status: actief"),
            "policies/b.yaml": "",
            "controls/5.2.yaml": "id: '5.2'\napplicable: true\n",
        },
    )
    codes = sorted((e["file"], e["code"]) for e in errors_of(run, tmp_path))
    assert codes == [
        ("controls/5.2.yaml", "missing-field"),
        ("policies/a.yaml", "invalid-value"),
        ("policies/b.yaml", "empty-file"),
    ]


def test_text_output_is_compiler_style(tmp_path: Path, run) -> None:
    make_repo(tmp_path, {"policies/p.yaml": POLICY.replace("2025-03-12", "2025-02-30")})
    result = run("check", "--as-of", AS_OF, repo=tmp_path)
    assert result.exit_code == 2
    assert "policies/p.yaml:8:16: error invalid-date:" in result.output
    assert "Traceback" not in result.output


def test_own_catalog_file_in_the_repository(tmp_path: Path, run) -> None:
    catalog = (
        "catalog: eigen\ntitle: Eigen kwaliteitseisen\n"
        "controls:\n  - {id: Q1, theme: kwaliteit, title: Klachtenregeling}\n"
    )
    make_repo(
        tmp_path,
        {
            "nencheck.yaml": SETTINGS + "framework: catalogus.yaml\n",
            "catalogus.yaml": catalog,
            "controls/5.1.yaml": "id: Q1\napplicable: true\nstatus: planned\n",
        },
    )
    result = run("check", "--as-of", AS_OF, "--format", "json", repo=tmp_path)
    assert result.json()["errors"] == []


INCIDENT = """\
id: INC-1
title: Verkeerd geadresseerde brief
reported: 2026-11-20T10:00:00+01:00
kind: data_breach
status: open
authority_notified: 2026-11-01T10:00:00+01:00
"""


def test_a_notification_before_the_report_is_an_impossible_date(tmp_path: Path, run) -> None:
    make_repo(tmp_path, {"evidence/incidents/inc-1.yaml": INCIDENT})
    error = only_error(run, tmp_path)
    assert (error["code"], error["line"]) == ("invalid-date", 6)
    assert "'authority_notified'" in error["message"] and "'reported'" in error["message"]


def test_evidence_valid_until_before_collected_is_an_impossible_date(tmp_path: Path, run) -> None:
    evidence = "id: EV-1\ntitle: Pentest\ncollected: 2026-05-01\nvalid_until: 2025-05-01\n"
    make_repo(tmp_path, {"evidence/records/ev-1.yaml": evidence})
    error = only_error(run, tmp_path)
    assert (error["code"], error["line"]) == ("invalid-date", 4)


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("review_interval: 10000y", "invalid-duration"),
        ("review_interval: 9999999999d", "invalid-duration"),
        ("last_reviewed: 9999-03-12", "invalid-date"),
        ("last_reviewed: 1066-10-14", "invalid-date"),
    ],
)
def test_values_that_would_overflow_date_arithmetic_are_data_errors(
    tmp_path: Path, run, line: str, code: str
) -> None:
    key = line.split(":")[0]
    text = "\n".join(line if row.startswith(key + ":") else row for row in POLICY.split("\n"))
    make_repo(tmp_path, {"policies/p.yaml": text})
    error = only_error(run, tmp_path)
    assert (error["code"], error["file"]) == (code, "policies/p.yaml")


def test_a_duplicate_unit_points_at_its_line_in_nencheck_yaml(tmp_path: Path, run) -> None:
    settings = SETTINGS + "  - {id: HAP, name: Nog een post}\n"
    make_repo(tmp_path, {"nencheck.yaml": settings})
    error = only_error(run, tmp_path)
    assert (error["file"], error["line"], error["code"]) == ("nencheck.yaml", 4, "duplicate-id")


def test_training_target_true_is_not_read_as_100_percent(tmp_path: Path, run) -> None:
    make_repo(tmp_path, {"nencheck.yaml": SETTINGS + "training_target: true\n"})
    error = only_error(run, tmp_path)
    assert (error["line"], error["code"]) == (4, "invalid-value")


def test_an_own_catalog_lists_each_control_once(tmp_path: Path, run) -> None:
    catalog = (
        "catalog: eigen\ntitle: Eigen catalogus\nthemes: [{id: org}]\ncontrols:\n"
        "  - {id: Q1, theme: org, title: Een}\n  - {id: Q1, theme: org, title: Twee}\n"
    )
    settings = SETTINGS + "framework: catalog.yaml\n"
    make_repo(tmp_path, {"nencheck.yaml": settings, "catalog.yaml": catalog})
    errors = errors_of(run, tmp_path)
    assert any(e["code"] == "invalid-catalog" and "Q1" in e["message"] for e in errors), errors


@pytest.mark.parametrize("value", ["20260101", "2026-W01-1", "9999-12-01"])
def test_as_of_takes_only_yyyy_mm_dd_within_range(tmp_path: Path, run, value: str) -> None:
    make_repo(tmp_path, {"policies/p.yaml": POLICY})
    result = run("status", "--as-of", value, repo=tmp_path)
    assert result.exit_code == 2 and "--as-of" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(("key", "shown"), [("true", "true"), ("~", "null"), ("False", "false")])
def test_a_key_yaml_reads_as_a_boolean_or_null_points_at_its_line(
    tmp_path: Path, run, key: str, shown: str
) -> None:
    make_repo(tmp_path, {"policies/p.yaml": POLICY + f"{key}: x\n"})
    error = only_error(run, tmp_path)
    assert (error["line"], error["column"], error["code"]) == (12, 1, "unknown-field")
    assert f"'{key}'" in error["message"] and f"as {shown}" in error["message"]


def test_a_bound_is_explained_in_dutch_too(tmp_path: Path, run) -> None:
    make_repo(tmp_path, {"nencheck.yaml": SETTINGS + "training_target: 1.5\n"})
    english = only_error(run, tmp_path)
    assert english["message"] == "training_target: must be at most 1.0 (got '1.5')"
    dutch = run("check", "--lang", "nl", "--as-of", AS_OF, "--format", "json", repo=tmp_path)
    assert dutch.json()["errors"][0]["message"] == (
        "training_target: mag hoogstens 1.0 zijn (gevonden: '1.5')"
    )


def test_two_keys_yaml_reads_as_true_and_null_each_point_at_their_own_line(
    tmp_path: Path, run
) -> None:
    make_repo(tmp_path, {"policies/p.yaml": POLICY + "true: x\n~: y\n"})
    errors = sorted((e["line"], e["message"]) for e in errors_of(run, tmp_path))
    assert [line for line, _message in errors] == [12, 13]
    assert "'true'" in errors[0][1] and "as true" in errors[0][1]
    assert "'~'" in errors[1][1] and "as null" in errors[1][1]
