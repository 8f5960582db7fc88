"""Decoding a spreadsheet file (CSV or XLSX) into numbered rows of cells.

Exports from learning platforms and HR systems arrive in many shapes: semicolon-separated CSV
from a Dutch Excel, UTF-8 with or without a byte-order mark, Windows-1252 when saved as "CSV
(gescheiden door lijstscheidingsteken)", UTF-16 tab-separated "Unicode text", or an XLSX with a
title row above the header. This module turns each into rows numbered as a user sees them in
their spreadsheet program, so every problem can point at a row. Finding the header row and the
columns is ``imports.table``'s job.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from nencheck.errors import NencheckError
from nencheck.i18n import _

CSV_DELIMITERS = ";,\t"
XLSX_SUFFIXES = (".xlsx", ".xlsm")


NumberedRow = tuple[int, tuple[object, ...]]  # 1-based row number, cells


@dataclass
class DecodedFile:
    """The rows of one file and how it was read (shown to the user, so a wrong guess shows)."""

    rows: list[NumberedRow]
    kind: str  # "csv" or "xlsx"
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    notes: list[str] = field(default_factory=list)


def decode_file(path: Path, sheet: str | None = None) -> DecodedFile:
    """Read a CSV or XLSX file; raises NencheckError with what to do when it cannot."""
    if not path.is_file():
        raise NencheckError(_("{path}: no such file").format(path=path))
    if path.suffix.lower() in XLSX_SUFFIXES:
        return read_xlsx(path, sheet)
    if path.suffix.lower() == ".xls":
        raise NencheckError(
            _(
                "{path}: the old Excel format (.xls) cannot be read; save it as .xlsx or as CSV"
            ).format(path=path)
        )
    if sheet is not None:
        raise NencheckError(
            _("--sheet applies to XLSX files only; {path} is read as CSV").format(path=path)
        )
    return read_csv(path.read_bytes(), str(path))


def decode_text(raw: bytes) -> tuple[str, str]:
    """The text and the encoding used: UTF-8 (with or without BOM), UTF-16 with a BOM, and
    otherwise Windows-1252 (what Excel on Windows writes for "CSV"); see docs/registers.md."""
    if raw.startswith(codecs.BOM_UTF8):
        return raw[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict"), "utf-8-sig"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16"), "utf-16"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace"), "cp1252"


def read_csv(raw: bytes, label: str) -> DecodedFile:
    try:
        text, encoding = decode_text(raw)
    except UnicodeDecodeError as error:
        raise NencheckError(
            _(
                "{path}: the file starts with a UTF-8 byte-order mark but is not UTF-8 ({reason}); "
                "export it again as UTF-8"
            ).format(path=label, reason=error.reason)
        ) from None
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[NumberedRow] = []
    try:
        for cells in reader:
            rows.append((reader.line_num, tuple([cell.strip() for cell in cells])))
    except csv.Error as error:
        raise NencheckError(
            _("{path}: line {line} is not valid CSV ({reason})").format(
                path=label, line=reader.line_num, reason=error
            )
        ) from None
    notes = []
    if encoding == "cp1252":
        notes.append(_("the file is not UTF-8; it was read as Windows-1252"))
    return DecodedFile(rows, "csv", encoding=encoding, delimiter=delimiter, notes=notes)


def sniff_delimiter(text: str) -> str:
    """``;``, ``,`` or tab: the csv sniffer on the first lines, else the most frequent one."""
    sample = "\n".join(text.splitlines()[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters=CSV_DELIMITERS).delimiter
    except csv.Error:
        counts = {delimiter: sample.count(delimiter) for delimiter in CSV_DELIMITERS}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","


def read_xlsx(path: Path, sheet: str | None) -> DecodedFile:
    import zipfile

    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as error:
        raise NencheckError(
            _("{path}: cannot read it as an XLSX workbook ({reason})").format(
                path=path, reason=error
            )
        ) from None
    try:
        if sheet is None:
            worksheet = workbook.worksheets[0]
        elif sheet in workbook.sheetnames:
            worksheet = workbook[sheet]
        else:
            raise NencheckError(
                _("{path}: there is no sheet '{sheet}'; the sheets are: {sheets}").format(
                    path=path, sheet=sheet, sheets=", ".join(workbook.sheetnames)
                )
            )
        rows = [
            (number, tuple(_strip(value) for value in values))
            for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1)
        ]
        return DecodedFile(rows, "xlsx", sheet=worksheet.title)
    finally:
        workbook.close()


def _strip(value: object) -> object:
    return value.strip() if isinstance(value, str) else value
