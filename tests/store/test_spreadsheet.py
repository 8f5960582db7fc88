"""Reading registers from .xlsx and .csv: the header row, empty rows, column mapping."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from nencheck.errors import NencheckError
from nencheck.imports.table import (
    POLICY_HEADERS,
    expected_headers,
    map_columns,
    parse_map_option,
    read_table,
)
from tests.sheets import write_xlsx

HEADERS = ("Nummer", "Titel", "Eigenaar", "Laatst herzien", "Herzieningstermijn")


def _register(tmp_path: Path) -> Path:
    return write_xlsx(
        tmp_path / "register.xlsx",
        HEADERS,
        [
            ("PROT-001", "Triage", "Teamleider triage", datetime(2024, 3, 12), "2 jaar"),
            ("PROT-002", "Reanimatie", "Medisch manager", "12-03-2024", "jaarlijks"),
        ],
        title="Protocollenregister Voorbeeld Huisartsenzorg",
        trailing_empty=4,
    )


def test_header_row_below_a_merged_title_is_found(tmp_path: Path) -> None:
    table = read_table(
        _register(tmp_path), "register.xlsx", expected=expected_headers({}, POLICY_HEADERS)
    )
    assert table.sheet == "Protocollen"
    assert table.header_row == 3
    assert table.headers == list(HEADERS)
    assert [row.number for row in table.rows] == [4, 5]


def test_empty_trailing_rows_are_skipped(tmp_path: Path) -> None:
    table = read_table(_register(tmp_path), "register.xlsx")
    assert len(table.rows) == 2


def test_excel_date_cells_and_text_dates_arrive_as_written(tmp_path: Path) -> None:
    table = read_table(_register(tmp_path), "register.xlsx")
    assert table.rows[0].cell(4) == datetime(2024, 3, 12)
    assert table.rows[1].cell(4) == "12-03-2024"


def test_places_name_sheet_row_and_column(tmp_path: Path) -> None:
    table = read_table(_register(tmp_path), "register.xlsx")
    assert table.where(14, 3) == "register.xlsx:Protocollen!R14:C3"


def test_csv_with_semicolons_and_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    path.write_bytes("\ufeffNummer;Titel;Eigenaar\nPROT-1;Triage;Teamleider\n;;\n".encode())
    table = read_table(path, "register.csv")
    assert table.sheet is None
    assert table.headers == ["Nummer", "Titel", "Eigenaar"]
    assert [row.values for row in table.rows] == [("PROT-1", "Triage", "Teamleider")]
    assert table.where(2, 1) == "register.csv:R2:C1"


def test_csv_with_commas_is_read(tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    path.write_text('Nummer,Titel,Eigenaar\nPROT-1,"Triage, telefonisch",Teamleider\n', "utf-8")
    table = read_table(path, "register.csv")
    assert table.rows[0].values == ("PROT-1", "Triage, telefonisch", "Teamleider")


def test_map_option_accepts_quoted_headers_and_several_options() -> None:
    assert parse_map_option(['id=Nummer,last_reviewed="Laatst herzien"', "owner=Eigenaar"]) == {
        "id": "Nummer",
        "last_reviewed": "Laatst herzien",
        "owner": "Eigenaar",
    }


def test_map_option_without_equals_sign_is_refused() -> None:
    with pytest.raises(NencheckError, match="is not field=Header"):
        parse_map_option(["id"])


def test_headers_match_ignoring_case_and_spaces(tmp_path: Path) -> None:
    table = read_table(_register(tmp_path), "register.xlsx")
    columns = map_columns(table, {"last_reviewed": "  laatst   HERZIEN "}, POLICY_HEADERS)
    assert columns.columns["last_reviewed"] == 4


def test_dutch_default_headers_map_without_options(tmp_path: Path) -> None:
    table = read_table(_register(tmp_path), "register.xlsx")
    columns = map_columns(table, {}, POLICY_HEADERS)
    assert columns.columns == {
        "id": 1,
        "title": 2,
        "owner": 3,
        "last_reviewed": 4,
        "review_interval": 5,
    }
    assert columns.ignored == []


def test_mapped_header_that_is_not_there_lists_the_headers(tmp_path: Path) -> None:
    table = read_table(_register(tmp_path), "register.xlsx")
    with pytest.raises(
        NencheckError, match="no column 'Versie' for version; the header row has: Nummer, Titel"
    ):
        map_columns(table, {"version": "Versie"}, POLICY_HEADERS)


def test_unknown_field_in_map_is_refused(tmp_path: Path) -> None:
    table = read_table(_register(tmp_path), "register.xlsx")
    with pytest.raises(NencheckError, match="unknown field"):
        map_columns(table, {"titel": "Titel"}, POLICY_HEADERS)


def test_missing_sheet_names_the_sheets(tmp_path: Path) -> None:
    with pytest.raises(NencheckError, match="Protocollen"):
        read_table(_register(tmp_path), "register.xlsx", sheet="Blad1")


def test_unsupported_file_kind_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "register.ods"
    path.write_bytes(b"x")
    with pytest.raises(NencheckError, match=r"register.ods: cannot read this kind of file"):
        read_table(path, "register.ods")
