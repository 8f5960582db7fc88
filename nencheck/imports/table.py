"""The one table reader of every import: a spreadsheet (.xlsx or .csv) as located rows below its
header row, and the matching of its columns to record fields (``--map field=Header,...`` over
the headers Dutch registers and exports typically use).

Every cell keeps its sheet, row and column, so an import can point at ``Protocollen!R14:C3``.
The header row need not be the first row: title rows (often merged cells) above it are skipped.
Headers compare by ``header_key``: case, accents, spaces and ``_ - . / ( ) :`` do not matter.
Decoding files (CSV encodings and delimiters, XLSX sheets) is ``imports.files``'s job.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from nencheck.errors import NencheckError
from nencheck.i18n import _
from nencheck.imports.terms import is_blank, normalise
from nencheck.model.importing import ColumnMap, Row, Table

# How many rows from the top may hold titles, notes and blank lines before the header row.
HEADER_SEARCH_ROWS = 30
READABLE_SUFFIXES = (".xlsx", ".xlsm", ".csv", ".txt", ".tsv")

# Field -> the headers a Dutch (or English) register typically uses for it, best first.
POLICY_HEADERS: dict[str, tuple[str, ...]] = {
    "id": ("Nummer", "Code", "ID", "Nr", "Documentnummer", "Kenmerk"),
    "title": ("Titel", "Naam document", "Documentnaam", "Naam", "Onderwerp", "Title"),
    "type": ("Type", "Soort", "Soort document", "Documenttype"),
    "status": ("Status",),
    "version": ("Versie", "Versienummer", "Version"),
    "owner": ("Eigenaar", "Verantwoordelijke", "Documenteigenaar", "Owner"),
    "approved_by": ("Goedgekeurd door", "Vastgesteld door", "Approved by"),
    "approved": ("Vastgesteld op", "Goedgekeurd op", "Datum vaststelling", "Approved"),
    "last_reviewed": (
        "Laatst herzien",
        "Datum laatste revisie",
        "Laatste revisie",
        "Revisiedatum",
        "Datum herziening",
        "Last reviewed",
    ),
    "review_interval": (
        "Herzieningstermijn",
        "Revisietermijn",
        "Herzieningsfrequentie",
        "Review interval",
    ),
    "next_review": ("Volgende herziening", "Volgende revisie", "Herzien voor", "Next review"),
    "units": ("Afdeling", "Unit", "Locatie", "Eenheid", "Units"),
    "controls": ("Maatregelen", "Controls", "NEN 7510"),
    "document": ("Document", "Link", "Bestand", "URL"),
    "audience": ("Doelgroep", "Audience"),
    "notes": ("Opmerkingen", "Toelichting", "Notes"),
}
CONTROL_HEADERS: dict[str, tuple[str, ...]] = {
    # "Maatregel" often holds the control's name beside a number column: numbers first.
    "id": (
        "Nr",
        "Nummer",
        "ID",
        "Control",
        "Maatregelnummer",
        "Controlnummer",
        "Maatregel",
        "Beheersmaatregel",
    ),
    "applicable": ("Toepasselijk", "Van toepassing", "Toepasbaar", "Applicable"),
    "justification": (
        "Rechtvaardiging",
        "Verantwoording",
        "Motivatie",
        "Reden",
        "Toelichting",
        "Justification",
    ),
    "status": ("Status", "Implementatiestatus", "Stand van zaken", "Implementatie"),
    "owner": ("Eigenaar", "Verantwoordelijke", "Owner"),
    "notes": ("Opmerkingen", "Notes"),
}


def read_table(
    path: Path, label: str, sheet: str | None = None, expected: Iterable[str] = ()
) -> Table:
    """Read a .xlsx or .csv file. ``expected`` are header names that help find the header row."""
    from nencheck.imports.files import decode_file

    if not path.is_file():
        raise NencheckError(_("{file}: no such file").format(file=label))
    if path.suffix.lower() not in (*READABLE_SUFFIXES, ".xls"):  # .xls: decode_file explains
        raise NencheckError(
            _("{file}: cannot read this kind of file; save the register as .xlsx or .csv").format(
                file=label
            )
        )
    decoded = decode_file(path, sheet)
    sheet_name = decoded.sheet if decoded.kind == "xlsx" else None
    table = build_table(
        label, sheet_name, decoded.rows, expected, stripped_text=decoded.kind == "csv"
    )
    table.kind, table.encoding, table.delimiter = decoded.kind, decoded.encoding, decoded.delimiter
    table.notes = decoded.notes
    return table


def build_table(
    label: str,
    sheet: str | None,
    numbered: list[tuple[int, tuple[object, ...]]],
    expected: Iterable[str] = (),
    *,
    stripped_text: bool = False,
) -> Table:
    """Find the header row, then keep the non-empty rows below it (empty trailing rows go).

    The rows of ``numbered`` are taken over (each is released once read, so an export of
    800,000 rows is not held twice); ``stripped_text`` says every cell is already stripped
    text (a CSV file), so only empty cells need turning into None."""
    header_index = find_header_row(
        [values for _number, values in numbered[:HEADER_SEARCH_ROWS]], expected
    )
    if header_index is None:
        where = label if sheet is None else f"{label}:{sheet}"
        raise NencheckError(
            _("{file}: no header row found; the sheet seems empty").format(file=where)
        )
    header_number, header_values = numbered[header_index]
    headers = [_header_text(value) for value in header_values]
    rows = []
    for index in range(header_index + 1, len(numbered)):
        number, values = numbered[index]
        numbered[index] = (number, ())  # released: the cleaned copy below is what stays
        if stripped_text:
            cleaned = tuple([value or None for value in values])
        else:
            cleaned = tuple([_clean(value) for value in values])
        if cleaned.count(None) != len(cleaned):  # a blank row is no row
            rows.append(Row(number, cleaned))
    return Table(label, sheet, header_number, headers, rows)


def find_header_row(raw_rows: Sequence[Sequence[Any]], expected: Iterable[str] = ()) -> int | None:
    """The 0-based index of the header row: among the first rows, the one naming most expected
    headers; without any match, the first row with two or more filled cells (a merged title row
    has one)."""
    wanted = {header_key(name) for name in expected}
    best: tuple[int, int] | None = None
    fallback: int | None = None
    for index, values in enumerate(raw_rows[:HEADER_SEARCH_ROWS]):
        filled = [value for value in values if not is_blank(value)]
        if len(filled) >= 2 and fallback is None:
            fallback = index
        score = sum(1 for value in filled if header_key(value) in wanted)
        if score and (best is None or score > best[1]):
            best = (index, score)
    return best[0] if best is not None else fallback


def parse_map_option(values: Sequence[str]) -> dict[str, str]:
    """``id=Nummer,title=Titel,last_reviewed="Laatst herzien"`` (one or more --map options)."""
    mapping: dict[str, str] = {}
    for value in values:
        for item in next(csv.reader([value], skipinitialspace=True), []):
            if not item.strip():
                continue
            name, sep, header = item.partition("=")
            if not sep or not name.strip() or not header.strip():
                raise NencheckError(
                    _("--map: '{item}' is not field=Header, e.g. id=Nummer,title=Titel").format(
                        item=item
                    )
                )
            mapping[name.strip().lower()] = header.strip().strip('"').strip("'")
    return mapping


def map_columns(
    table: Table, explicit: dict[str, str], defaults: dict[str, tuple[str, ...]]
) -> ColumnMap:
    """Resolve fields to columns: an explicit --map header must exist; defaults apply to the
    fields not mapped explicitly. Headers compare case- and whitespace-insensitively."""
    unknown = sorted(set(explicit) - set(defaults))
    if unknown:
        raise NencheckError(
            _("--map: unknown field(s) {fields}; known fields: {known}").format(
                fields=", ".join(unknown), known=", ".join(defaults)
            )
        )
    by_header: dict[str, int] = {}
    for number, header in enumerate(table.headers, start=1):
        if header:
            by_header.setdefault(header_key(header), number)
    columns: dict[str, int] = {}
    for field_name, header in explicit.items():
        column = by_header.get(header_key(header))
        if column is None:
            raise NencheckError(
                _(
                    "{where}: no column '{header}' for {field}; the header row has: {headers}"
                ).format(
                    where=table.where(table.header_row),
                    header=header,
                    field=field_name,
                    headers=", ".join(h for h in table.headers if h),
                )
            )
        columns[field_name] = column
    columns.update(_default_columns(by_header, defaults, columns))
    taken = set(columns.values())
    ignored = [h for c, h in enumerate(table.headers, start=1) if h and c not in taken]
    return ColumnMap(columns, ignored)


def _default_columns(
    by_header: dict[str, int], defaults: dict[str, tuple[str, ...]], explicit: dict[str, int]
) -> dict[str, int]:
    """Columns for the fields not mapped explicitly, by their usual headers (best first)."""
    found: dict[str, int] = {}
    taken = set(explicit.values())
    for field_name, candidates in defaults.items():
        if field_name in explicit:
            continue
        for candidate in candidates:
            column = by_header.get(header_key(candidate))
            if column is not None and column not in taken:
                found[field_name] = column
                taken.add(column)
                break
    return found


def expected_headers(explicit: dict[str, str], defaults: dict[str, tuple[str, ...]]) -> list[str]:
    """Every header name that marks the header row: the --map ones and the defaults."""
    return [*explicit.values(), *(name for names in defaults.values() for name in names)]


def header_key(value: Any) -> str:
    """A header compared loosely: ``Datum_afgerond``, ``datum afgerond:`` and ``Datum-Afgerond``
    are one header (``terms.normalise`` folds case, accents and spaces)."""
    return normalise(re.sub(r"[_\-./()]+", " ", str(value or "")))


def _header_text(value: Any) -> str:
    return "" if is_blank(value) else " ".join(str(value).split())


def _clean(value: Any) -> Any:
    """Text cells lose surrounding whitespace; an empty text cell is no value."""
    if value.__class__ is str:
        return value.strip() or None
    if isinstance(value, str):
        return value.strip() or None
    return value
