"""The SoA as CSV that Excel with Dutch settings opens correctly: semicolons, UTF-8 with BOM."""

from __future__ import annotations

import csv
import io

from nencheck.render.soa_common import SoaView, table

BOM = "\ufeff"
# A cell starting with one of these is read as a formula by spreadsheets (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def guard_formula(text: str) -> str:
    """Make a cell that a spreadsheet would evaluate read as text."""
    return "'" + text if text.startswith(FORMULA_START) else text


def render(view: SoaView) -> str:
    headers, rows = table(view)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows([guard_formula(cell) for cell in row] for row in rows)
    return BOM + buffer.getvalue()
