"""CSV for Excel with Dutch settings, one way for every command: ``;`` between fields (Dutch Excel
uses the comma as decimal separator), CRLF line ends, UTF-8 with a byte-order mark (without it
Excel reads UTF-8 as Windows-1252), and no cell a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence

BOM = "\ufeff"
# A cell starting with one of these is read as a formula by spreadsheets (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def guard_formula(text: str) -> str:
    """Make a cell that a spreadsheet would evaluate read as text (a leading apostrophe)."""
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_cell(value: object) -> str:
    """A number (-54, 0.85) stays a number; text is guarded; None is an empty cell."""
    if value is None:
        return ""
    text = str(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return text
    return text if _NUMBER.match(text) else guard_formula(text)


def csv_document(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([csv_cell(header) for header in headers])
    writer.writerows([csv_cell(cell) for cell in row] for row in rows)
    return BOM + buffer.getvalue()
