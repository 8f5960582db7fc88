"""The Statement of Applicability: rows in catalog order, links from either side, and each format
(text, csv, xlsx, markdown, html, json) read back."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from nencheck.checks.soa import MISSING, soa_rows
from nencheck.i18n import set_language
from nencheck.model.records import Records
from nencheck.render import csv_cells, soa_csv, soa_html, soa_json, soa_markdown, soa_text, soa_xlsx
from nencheck.render.soa_common import SoaView, soa_view
from nencheck.store.read.catalogs import mapping_2013_reverse
from nencheck.store.read.loader import load_repository
from nencheck.store.read.source import WorkingTree
from tests.render.small_org import SCRIPT_TITLE, write_small_org

AS_OF = date(2026, 11, 23)


def load(root: Path) -> Records:
    result = load_repository(WorkingTree(root))
    assert not result.errors, result.errors
    assert result.records is not None
    return result.records


@pytest.fixture
def records(tmp_path: Path) -> Records:
    return load(write_small_org(tmp_path))


def view(records: Records, mapped: bool = False, language: str = "en") -> SoaView:
    set_language(language)
    rows = soa_rows(records, mapping_2013_reverse() if mapped else None)
    return soa_view(records, rows, AS_OF, language)


def test_every_catalog_control_in_catalog_order_then_own_controls(records: Records) -> None:
    rows = soa_rows(records)
    catalog_ids = records.catalog.ids()
    assert len(catalog_ids) == 101
    assert [row.id for row in rows[:101]] == catalog_ids
    assert [row.id for row in rows[101:]] == ["EIG-1"]
    own = rows[-1]
    assert (own.title, own.theme, own.in_catalog) == (
        "Eigen maatregel voor de praktijk",
        "other",
        False,
    )


def test_catalog_control_without_file_is_not_addressed(records: Records) -> None:
    row = next(row for row in soa_rows(records) if row.id == "5.2")
    assert row.status == MISSING
    assert row.applicable is None
    assert not row.addressed


def test_excluded_control_keeps_its_justification(records: Records) -> None:
    row = next(row for row in soa_rows(records) if row.id == "7.4")
    assert row.applicable is False
    assert row.justification.startswith("Geen eigen gebouw")


def test_policies_and_evidence_linked_from_either_side_count(records: Records) -> None:
    rows = {row.id: row for row in soa_rows(records)}
    assert rows["5.1"].policies == ["BEL-001"]  # linked from both sides: listed once
    assert rows["5.15"].policies == ["BEL-002"]  # only the policy names the control
    assert rows["5.15"].evidence == ["EV-2026-001"]  # only the evidence names the control
    assert rows["8.3"].evidence == ["EV-2026-001"]  # only the control names the evidence


def test_map_from_2013_lists_the_replaced_controls(records: Records) -> None:
    rows = {row.id: row for row in soa_rows(records, mapping_2013_reverse())}
    assert "9.4.1" in (rows["8.3"].iso27002_2013 or [])
    assert rows["5.1"].iso27002_2013 == ["5.1.1", "5.1.2"]
    assert rows["EIG-1"].iso27002_2013 == []
    assert all(row.iso27002_2013 is None for row in soa_rows(records))


def test_json_has_the_stable_keys(records: Records) -> None:
    document = json.loads(soa_json.render(view(records)))
    assert document["framework"] == "nen7510-2024"
    first = document["controls"][0]
    assert {
        "id",
        "title",
        "theme",
        "applicable",
        "justification",
        "status",
        "policies",
        "evidence",
    } <= set(first)
    assert "iso27002_2013" not in first
    mapped = json.loads(soa_json.render(view(records, mapped=True)))
    eight_three = next(c for c in mapped["controls"] if c["id"] == "8.3")
    assert "9.4.1" in eight_three["iso27002_2013"]


def test_csv_is_excel_friendly_and_parses_back(records: Records) -> None:
    text = soa_csv.render(view(records, mapped=True))
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header[:4] == ["Control", "Theme", "Title", "Replaces (ISO 27002:2013 / NEN 7510:2017)"]
    assert len(body) == 102
    by_id = {row[0]: dict(zip(header, row, strict=True)) for row in body}
    assert "9.4.1" in by_id["8.3"]["Replaces (ISO 27002:2013 / NEN 7510:2017)"]
    assert by_id["7.4"]["Applicable"] == "No"
    assert by_id["5.2"]["Status"] == "Not addressed"
    assert by_id["EIG-1"]["Policies"] == "BEL-002"


def test_csv_cell_that_looks_like_a_formula_stays_text() -> None:
    assert csv_cells.guard_formula('=HYPERLINK("x")') == '\'=HYPERLINK("x")'
    assert csv_cells.guard_formula("Toegang") == "Toegang"


def test_xlsx_has_one_sheet_frozen_header_filter_and_a_row_per_control(records: Records) -> None:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(soa_xlsx.render(view(records, mapped=True))))
    assert len(workbook.worksheets) == 1
    sheet = workbook.active
    assert sheet is not None
    assert sheet.freeze_panes == "B2"
    assert sheet.auto_filter.ref == sheet.dimensions
    assert sheet.max_row == 1 + 102
    assert [cell.value for cell in sheet[1]][:3] == ["Control", "Theme", "Title"]
    ids = [sheet.cell(row=row, column=1).value for row in range(2, sheet.max_row + 1)]
    assert ids == [*records.catalog.ids(), "EIG-1"]
    assert sheet.column_dimensions["C"].width >= 40
    assert sheet.cell(row=2, column=3).alignment.wrap_text


def test_xlsx_text_starting_with_equals_is_not_a_formula(tmp_path: Path) -> None:
    root = write_small_org(tmp_path)
    (root / "controls" / "5.1.yaml").write_text(
        'id: "5.1"\napplicable: false\njustification: "=1+1"\nstatus: planned\n', encoding="utf-8"
    )
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(soa_xlsx.render(view(load(root))))).active
    assert sheet is not None
    cell = sheet.cell(row=2, column=5)  # Justification
    assert (cell.value, cell.data_type) == ("=1+1", "s")


def test_markdown_has_a_table_per_theme_and_escapes_pipes_and_html(tmp_path: Path) -> None:
    root = write_small_org(tmp_path)
    (root / "controls" / "7.4.yaml").write_text(
        'id: "7.4"\napplicable: false\njustification: "a | b <i>c</i>"\nstatus: planned\n',
        encoding="utf-8",
    )
    text = soa_markdown.render(view(load(root)))
    assert "## 5 Organisational" in text and "## Own controls" in text
    assert "a \\| b &lt;i&gt;c&lt;/i&gt;" in text
    assert text.count("\n| 5.1 |") == 1


def test_text_groups_by_theme_and_counts(records: Records) -> None:
    text = soa_text.render(view(records, mapped=True))
    assert "8 Technological" in text
    assert "9.4.1" in text.split("  8.3 ")[1].splitlines()[0]
    assert "102 controls: 4 applicable, 1 not applicable, 97 not addressed" in text


def test_html_escapes_titles_and_marks_each_control(records: Records) -> None:
    page = soa_html.render(view(records, mapped=True))
    assert "<script>" not in page
    assert "Kleine Praktijk &lt;b&gt;Test&lt;/b&gt;" in page
    assert page.count('data-control="') == 102
    assert 'data-control="8.3"' in page and 'data-iso2013="' in page


def test_dutch_soa_uses_dutch_theme_names_and_dates(records: Records) -> None:
    text = soa_markdown.render(view(records, language="nl"))
    assert "## 5 Organisatorisch" in text
    assert "23 november 2026" in text


def test_script_title_is_a_policy_title_not_in_the_soa_rows(records: Records) -> None:
    # The SoA lists policy ids; the report lists the title (and escapes it there).
    assert all(SCRIPT_TITLE not in row.title for row in soa_rows(records))
