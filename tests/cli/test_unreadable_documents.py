"""The documents of status, report and soa say in themselves which files their figures leave out
(SPEC, "One broken file never takes the dashboard down"): at the top, before any figure, in the
document's language; nothing of the kind when every file was read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import AS_OF, Outcome, copy_example, init_git, run_cli

POLICY = "policies/dia/proc-dia-004.yaml"
EVIDENCE = "evidence/records/2024/ev-2024-007.yaml"

# (arguments, the text of the first figure or table in the document)
DOCUMENTS = {
    "status text": (["status"], None),
    "status markdown": (["status", "--format", "markdown"], "| "),
    "status html": (["status", "--format", "html"], "<table"),
    "report html": (["report"], 'class="tiles"'),
    "report markdown": (["report", "--format", "markdown"], "| "),
    "soa html": (["soa", "--format", "html"], "<table"),
    "soa markdown": (["soa", "--format", "markdown"], "| "),
    "soa text": (["soa"], None),
}


def break_file(root: Path, path: str, old: str, new: str) -> None:
    target = root / path
    text = target.read_text("utf-8")
    assert old in text, (path, old)
    target.write_text(text.replace(old, new, 1), "utf-8")


@pytest.fixture
def two_broken(example_copy: Path) -> Path:
    """A typo in one policy and one in an evidence record."""
    break_file(example_copy, POLICY, "owner:", "ownr:")
    break_file(example_copy, EVIDENCE, "collected:", "colected:")
    return example_copy


def document(args: list[str], root: Path, *extra: str) -> Outcome:
    return run_cli(*args, "--as-of", AS_OF, *extra, repo=root)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_the_document_names_the_unreadable_files_before_any_figure(
    two_broken: Path, name: str
) -> None:
    args, first_figure = DOCUMENTS[name]
    result = document(args, two_broken)
    assert result.exit_code == 2, result.output
    text = result.stdout
    subject = "Deze verklaring laat" if name.startswith("soa") else "Deze cijfers laten"
    assert f"{subject} 2 onleesbare bestanden buiten beschouwing:" in text
    assert POLICY in text and EVIDENCE in text
    assert "toont wat er mis is." in text
    note_at = text.index(POLICY)
    if first_figure is not None:
        assert note_at < text.index(first_figure), "the note comes after a figure"
    else:
        assert note_at < len(text.splitlines()[0]) + 200, "the note is not under the title"
        head = text.splitlines()[:4]
        assert head == [line.rstrip() for line in head], "a wrapped note line ends in a space"


@pytest.mark.parametrize("name", DOCUMENTS)
def test_a_clean_repository_gets_no_note(example_root: Path, name: str) -> None:
    args, _first = DOCUMENTS[name]
    result = document(args, example_root, "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert "unreadable file" not in result.stdout
    assert 'class="unreadable-note"' not in result.stdout


def test_the_note_speaks_english_with_lang_en(two_broken: Path) -> None:
    result = document(["status", "--format", "markdown"], two_broken, "--lang", "en")
    note = next(line for line in result.stdout.splitlines() if line.startswith(">"))
    assert note == (
        f"> **These figures leave out 2 unreadable files:** `{POLICY}`, `{EVIDENCE}`. "
        "`nencheck check` shows what is wrong."
    )


def test_the_html_banner_is_a_note_for_assistive_technology(two_broken: Path) -> None:
    html = document(["report", "--lang", "en"], two_broken).stdout
    banner = re.search(r'<div class="unreadable-note" role="alert">(.*?)</div>', html, re.S)
    assert banner is not None
    assert f"<code>{POLICY}</code>, <code>{EVIDENCE}</code>" in banner.group(1)
    assert html.index('unreadable-note"') < html.index('<section id="summary">')


def test_the_json_document_is_unchanged_and_carries_no_note(two_broken: Path) -> None:
    result = document(["status", "--format", "json"], two_broken)
    assert result.exit_code == 2
    assert result.json()["unreadable"] == [POLICY, EVIDENCE]
    assert "beschouwing" not in result.stdout


def test_the_soa_workbook_opens_with_the_note_above_its_header(
    two_broken: Path, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "vvt.xlsx"
    result = document(["soa", "--format", "xlsx", "-o", str(target)], two_broken)
    assert result.exit_code == 2, result.output
    sheet = load_workbook(target).active
    assert sheet is not None
    note = str(sheet["A1"].value)
    assert note.startswith("Deze verklaring laat 2 onleesbare bestanden buiten beschouwing:")
    assert POLICY in note and EVIDENCE in note
    assert sheet["A2"].value == "Maatregel", "the header follows the note"
    assert sheet.freeze_panes == "B3" and str(sheet.auto_filter.ref).startswith("A2:")


def test_a_clean_soa_workbook_starts_with_its_header(example_root: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "vvt.xlsx"
    result = document(["soa", "--format", "xlsx", "-o", str(target)], example_root)
    assert result.exit_code == 0, result.stderr
    sheet = load_workbook(target).active
    assert sheet is not None
    assert sheet["A1"].value == "Maatregel" and sheet.freeze_panes == "B2"
    assert not sheet.merged_cells.ranges


def test_the_workbook_with_the_note_imports_back(two_broken: Path, tmp_path: Path) -> None:
    """``control import`` finds the header below the note (imports/table.py looks for it)."""
    target = tmp_path / "vvt.xlsx"
    document(["soa", "--format", "xlsx", "-o", str(target)], two_broken)
    clean = init_git(copy_example(tmp_path / "clean"))
    result = run_cli("control", "import", str(target), "--dry-run", repo=clean)
    assert result.exit_code == 0, result.output
