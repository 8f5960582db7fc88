"""The policy register as CSV that Excel with Dutch settings opens correctly."""

from __future__ import annotations

import csv
import io

from nencheck.checks.policy_register import PolicyRow
from nencheck.render.csv_cells import BOM, csv_cell

COLUMNS = (
    "id",
    "title",
    "type",
    "status",
    "version",
    "owner",
    "units",
    "last_reviewed",
    "next_review",
    "days",
    "state",
    "file",
)


def render_list(rows: list[PolicyRow]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        data = row.summary_json()
        data["units"] = ", ".join(data["units"])
        writer.writerow(_cell(data[column]) for column in COLUMNS)
    return BOM + buffer.getvalue()


def _cell(value: object) -> str:
    """Numbers as numbers; text guarded so a spreadsheet never evaluates it as a formula."""
    return csv_cell(value)
