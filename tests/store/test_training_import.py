"""Reading learning-platform exports: encodings, delimiters, header rows, Dutch dates, Excel
cells, and planning an import against the records (unknowns, duplicates, re-imports)."""

from __future__ import annotations

import codecs
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from nencheck.errors import NencheckError
from nencheck.imports.files import decode_file, sniff_delimiter
from nencheck.imports.table import read_table
from nencheck.imports.training import (
    completion_date,
    locate_columns,
    plan_import,
    read_export,
)
from nencheck.model.importing import NewCompletion, group_by_value
from nencheck.model.records import Records
from nencheck.registers.training import completion_changes
from nencheck.store.read.loader import load_repository
from nencheck.store.read.source import WorkingTree
from tests.cli.registers_org import make_org

AS_OF = date(2026, 11, 23)


@pytest.fixture
def org(tmp_path: Path) -> Path:
    return make_org(tmp_path / "org", commit=False)


@pytest.fixture
def records(org: Path) -> Records:
    result = load_repository(WorkingTree(org))
    assert result.records is not None, result.errors
    return result.records


def write_xlsx(path: Path, rows: list[list[Any]], title: str | None = None) -> Path:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Voortgang"
    if title:
        sheet.append([title])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[0]))
        sheet.append([])
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


# --- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("04-03-2025", date(2025, 3, 4)),
        ("4-3-2025", date(2025, 3, 4)),
        ("04/03/2025", date(2025, 3, 4)),
        ("4.3.2025", date(2025, 3, 4)),
        ("2025-03-04", date(2025, 3, 4)),
        ("4 maart 2025", date(2025, 3, 4)),
        ("4 mrt 2025", date(2025, 3, 4)),
        ("04-03-2025 14:32", date(2025, 3, 4)),
        ("2025-03-04T14:32:10+01:00", date(2025, 3, 4)),
        ("45720", date(2025, 3, 4)),
        (45720, date(2025, 3, 4)),
        (45720.6, date(2025, 3, 4)),
        (datetime(2025, 3, 4, 14, 32), date(2025, 3, 4)),
        (date(2025, 3, 4), date(2025, 3, 4)),
    ],
)
def test_completion_dates_are_read_day_first_in_every_dutch_form(
    cell: object, expected: date
) -> None:
    assert completion_date(cell) == expected


@pytest.mark.parametrize("cell", ["31-02-2025", "13/13/2025", "gisteren", "2025/13/01", ""])
def test_unreadable_completion_dates_are_errors(cell: str) -> None:
    with pytest.raises(ValueError):
        completion_date(cell)


def test_date_format_reads_american_order_and_rejects_other_forms() -> None:
    assert completion_date("03/04/2025", "%m/%d/%Y") == date(2025, 3, 4)
    with pytest.raises(ValueError, match="does not match --date-format"):
        completion_date("2025-03-04", "%m/%d/%Y")


# --- reading files ----------------------------------------------------------------------------


def test_csv_with_bom_and_semicolons_is_read_as_utf8(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(codecs.BOM_UTF8 + "Personeelsnummer;Cursus\r\nE1042;Privé\r\n".encode())
    decoded = decode_file(path)
    assert (decoded.encoding, decoded.delimiter) == ("utf-8-sig", ";")
    assert decoded.rows == [(1, ("Personeelsnummer", "Cursus")), (2, ("E1042", "Privé"))]


def test_csv_that_is_not_utf8_is_read_as_windows_1252_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes("Personeelsnummer;Cursus\nE1042;Privé – €\n".encode("cp1252"))
    table = read_table(path, path.name)
    assert table.encoding == "cp1252"
    assert table.rows[0].values == ("E1042", "Privé – €")
    assert table.notes


def test_utf16_tab_separated_unicode_text_from_excel_is_read(tmp_path: Path) -> None:
    path = tmp_path / "export.txt"
    path.write_bytes("Personeelsnummer\tCursus\r\nE1042\tAW-01\r\n".encode("utf-16"))
    table = read_table(path, path.name)
    assert (table.encoding, table.delimiter) == ("utf-16", "\t")
    assert table.rows[0].values == ("E1042", "AW-01")


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        ("a;b;c\n1;2;3\n", ";"),
        ("a,b,c\n1,2,3\n", ","),
        ("a\tb\tc\n1\t2\t3\n", "\t"),
        ('a;b\n"1,5";2\n', ";"),
    ],
)
def test_delimiter_is_sniffed(text: str, delimiter: str) -> None:
    assert sniff_delimiter(text) == delimiter


def test_old_xls_and_missing_files_are_refused_with_advice(tmp_path: Path) -> None:
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(NencheckError, match=r"save it as \.xlsx or as CSV"):
        read_table(tmp_path / "old.xls", "old.xls")
    with pytest.raises(NencheckError, match="no such file"):
        read_table(tmp_path / "absent.csv", "absent.csv")


def test_unknown_sheet_lists_the_sheets(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "export.xlsx", [["Personeelsnummer"]])
    with pytest.raises(NencheckError, match="the sheets are: Voortgang"):
        read_table(path, path.name, sheet="Blad1")


# --- columns ----------------------------------------------------------------------------------


def test_header_below_a_title_row_is_found_and_codes_win_over_names(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        "Rapportage e-learning;;;;\n;;;;\n"
        "Naam;Personeelsnr.;Cursusnaam;Cursuscode;Datum afgerond\n"
        "Anna;E1043;Phishing herkennen;AW-01;04-03-2026\n",
        encoding="utf-8",
    )
    table = read_table(path, path.name)
    assert table.header_row == 3
    assert locate_columns(table).columns == {"person": 2, "module": 4, "completed": 5}


def test_explicit_mapping_names_unusual_headers(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("Medewerker,Leerpad,Gereed\nE1043,AW-01,2026-03-04\n", encoding="utf-8")
    # the same --map as every import: repeated options, quotes, any case and spacing
    maps = ("person=Medewerker", 'module="leerpad", completed = GEREED')
    assert locate_columns(read_table(path, path.name), maps).columns == {
        "person": 1,
        "module": 2,
        "completed": 3,
    }


def test_a_missing_column_is_named_with_the_headers_found(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("Personeelsnummer;Cursus;Status\nE1;AW-01;klaar\n", encoding="utf-8")
    with pytest.raises(NencheckError, match=r"no column for: completed.*--map completed="):
        locate_columns(read_table(path, path.name))


def test_no_header_at_all_asks_for_a_mapping(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("a;b;c\n1;2;3\n", encoding="utf-8")
    with pytest.raises(NencheckError, match=r"no column for: person, module, completed.*--map"):
        locate_columns(read_table(path, path.name))


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("person", "is not field=Header"),
        ("person=", "is not field=Header"),
        ("module:Cursus", "is not field=Header"),
        ("naam=Naam", "unknown field"),
    ],
)
def test_malformed_mapping_is_refused(tmp_path: Path, text: str, complaint: str) -> None:
    path = tmp_path / "export.csv"
    path.write_text("Personeelsnummer;Cursus;Afgerond\nE1;AW-01;1-1-2026\n", encoding="utf-8")
    with pytest.raises(NencheckError, match=complaint):
        locate_columns(read_table(path, path.name), (text,))


# --- planning ---------------------------------------------------------------------------------


def test_plan_counts_new_recorded_duplicate_and_unfinished_rows_and_lists_unknowns(
    tmp_path: Path, records: Records
) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(
        codecs.BOM_UTF8
        + (
            b"Personeelsnummer;Naam;Cursus;Status;Afgerond op\r\n"
            b"E1043;Anna de Vries;AW-01;Voltooid;04-03-2026\r\n"  # row 2: new
            b"E1043;Anna de Vries;AW-01;Voltooid;4-3-2026\r\n"  # row 3: duplicate of row 2
            b"E1042;Piet;AW-01;Voltooid;2026-03-04\r\n"  # row 4: already recorded
            b"E2001;Jan;AW-01;Niet gestart;\r\n"  # row 5: not completed
            b"E9999;Onbekend;AW-01;Voltooid;5-3-2026\r\n"  # row 6: unknown person
            b"E9999;Onbekend;AW-02;Voltooid;6-3-2026\r\n"  # row 7: unknown person
            b"E2001;Jan;AW-77;Voltooid;6-3-2026\r\n"  # row 8: unknown module
            b";;;;\r\n"  # blank: not a row
            b"E2001;Jan;Phishing herkennen;Voltooid;7 maart 2026\r\n"  # row 10: module by title
            b"1077;Klaas;aw-01;Voltooid;01-12-2026\r\n"  # row 11: date after as-of
        )
    )
    plan = read_export(path, records, AS_OF)
    assert [(c.person, c.module, c.completed, c.row) for c in plan.new] == [
        ("E1043", "AW-01", date(2026, 3, 4), 2),
        ("E2001", "AW-01", date(2026, 3, 7), 10),
    ]
    assert (plan.rows, plan.already_recorded, plan.duplicates_in_file, plan.not_completed) == (
        9,
        1,
        1,
        1,
    )
    assert group_by_value(plan.unknown_people) == [("E9999", [6, 7])]
    assert group_by_value(plan.unknown_modules) == [("AW-77", [8])]
    assert [(issue.row, issue.value) for issue in plan.invalid] == [(11, "2026-12-01")]
    assert "Anna de Vries" not in repr(plan.new)


def test_xlsx_with_title_row_excel_dates_and_numeric_personnel_numbers(
    tmp_path: Path, records: Records
) -> None:
    path = write_xlsx(
        tmp_path / "export.xlsx",
        [
            ["Personeelsnummer", "Medewerker", "Module", "Voltooid op"],
            [1077, "Klaas", "AW-01", datetime(2026, 2, 1, 9, 30)],  # Excel drops the leading zero
            ["E1043", "Anna", "Veilig omgaan met patiëntgegevens", "2-2-2026"],
            [1077.0, "Klaas", "AW-01", datetime(2026, 2, 1, 16, 0)],  # same day again: duplicate
            [None, None, None, None],
        ],
        title="Voortgangsrapport e-learning, export 2026-11-20",
    )
    plan = read_export(path, records, AS_OF)
    assert plan.table.header_row == 3
    assert plan.table.sheet == "Voortgang"
    assert [(c.person, c.module, c.completed) for c in plan.new] == [
        ("01077", "AW-01", date(2026, 2, 1)),
        ("E1043", "AW-02", date(2026, 2, 2)),
    ]
    assert plan.duplicates_in_file == 1
    assert not plan.unknown and not plan.invalid


def test_progress_is_reported_up_to_the_last_row(tmp_path: Path, records: Records) -> None:
    path = tmp_path / "export.csv"
    rows = "".join(f"E1042;AW-01;{day}-01-2026\n" for day in range(1, 29))
    path.write_text("Personeelsnummer;Cursus;Afgerond\n" + rows * 40, encoding="utf-8")
    seen: list[tuple[int, int]] = []
    table = read_table(path, path.name)
    plan = plan_import(
        table, locate_columns(table), records, AS_OF, progress=lambda d, t: seen.append((d, t))
    )
    assert seen[-1] == (1120, 1120) and seen[0] == (500, 1120)
    assert len(plan.new) == 28 and plan.duplicates_in_file == 1120 - 28


# --- writing ----------------------------------------------------------------------------------


def test_new_rows_are_appended_in_flow_style_keeping_comments(org: Path) -> None:
    before = (org / "evidence/training/completions/2026.yaml").read_text(encoding="utf-8")
    changes = completion_changes(
        org,
        [
            NewCompletion("E2001", "AW-01", date(2026, 5, 1), 2),
            NewCompletion("E1043", "AW-01", date(2026, 4, 1), 3),
        ],
    )
    assert [change.path for change in changes] == ["evidence/training/completions/2026.yaml"]
    after = changes[0].content.decode("utf-8")
    old_rows, _sep, _end = before.partition("# einde export\n")
    assert after == old_rows + (
        '  - {person: "E1043", module: AW-01, completed: 2026-04-01}\n'
        '  - {person: "E2001", module: AW-01, completed: 2026-05-01}\n'
        "# einde export\n"
    )


def test_rows_of_a_new_year_get_a_new_file_with_a_privacy_note(org: Path) -> None:
    changes = completion_changes(org, [NewCompletion("01077", "AW-01", date(2025, 12, 30), 2)])
    assert changes[0].path == "evidence/training/completions/2025.yaml"
    text = changes[0].content.decode("utf-8")
    assert text.startswith("# Training completions of 2025")
    assert "no names" in text
    assert text.endswith(
        'completions:\n  - {person: "01077", module: AW-01, completed: 2025-12-30}\n'
    )


def test_unquoted_person_ids_stay_unquoted_unless_they_look_like_numbers(org: Path) -> None:
    path = org / "evidence/training/completions/2026.yaml"
    path.write_text(
        "completions:\n  - {person: E1042, module: AW-01, completed: 2026-03-04}\n",
        encoding="utf-8",
    )
    changes = completion_changes(
        org,
        [
            NewCompletion("E2001", "AW-01", date(2026, 5, 1), 2),
            NewCompletion("01077", "AW-01", date(2026, 5, 2), 3),
        ],
    )
    assert changes[0].content.decode("utf-8").splitlines()[-2:] == [
        "  - {person: E2001, module: AW-01, completed: 2026-05-01}",
        '  - {person: "01077", module: AW-01, completed: 2026-05-02}',
    ]
