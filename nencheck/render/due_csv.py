"""``due --format csv``: the worklist for Excel with Dutch settings.

Dutch Excel uses the comma as decimal separator and so expects ``;`` between fields; it reads a
CSV file as UTF-8 only when the file starts with a byte-order mark; and rows end in CRLF. Dates
are ISO (2026-03-12), which Excel reads as dates in any locale. Cells are written by
``render/csv_cells.py``, like every CSV of nencheck.
"""

from __future__ import annotations

from nencheck.i18n import _
from nencheck.render.csv_cells import csv_document
from nencheck.render.due import DueReport
from nencheck.render.labels import due_kind_label, policy_state_label


def render(report: DueReport) -> bytes:
    headers = [
        _("Due"),
        _("Days"),
        _("State"),
        _("Kind"),
        _("Id"),
        _("Title"),
        _("Owner"),
        _("Units"),
    ]
    rows = [
        [
            item.due.isoformat(),
            item.days,
            policy_state_label(item.state),
            due_kind_label(item.kind),
            item.id,
            item.title,
            item.owner or "",
            ", ".join(item.units),
        ]
        for item in report.items
    ]
    return csv_document(headers, rows).encode("utf-8")
