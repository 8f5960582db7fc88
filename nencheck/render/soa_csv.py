"""The SoA as CSV that Excel with Dutch settings opens correctly (render/csv_cells.py)."""

from __future__ import annotations

from nencheck.render.csv_cells import csv_document
from nencheck.render.soa_common import SoaView, table


def render(view: SoaView) -> str:
    headers, rows = table(view)
    return csv_document(headers, rows)
