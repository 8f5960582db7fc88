"""``due --format csv``: the worklist for Excel with Dutch settings.

Dutch Excel uses the comma as decimal separator and so expects ``;`` between fields; it reads a
CSV file as UTF-8 only when the file starts with a byte-order mark; and rows end in CRLF. Dates
are ISO (2026-03-12), which Excel reads as dates in any locale. A text cell that would start a
formula (``=``, ``+``, ``-``, ``@``) gets a leading apostrophe so Excel shows it as text.
"""

from __future__ import annotations

import csv
import io

from nencheck.i18n import _
from nencheck.render.due import DueReport
from nencheck.render.labels import due_kind_label, policy_state_label

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def render(report: DueReport) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(
        [_("Due"), _("Days"), _("State"), _("Kind"), _("Id"), _("Title"), _("Owner"), _("Units")]
    )
    for item in report.items:
        writer.writerow(
            [
                item.due.isoformat(),
                item.days,
                policy_state_label(item.state),
                due_kind_label(item.kind),
                safe_text(item.id),
                safe_text(item.title),
                safe_text(item.owner or ""),
                safe_text(", ".join(item.units)),
            ]
        )
    return (BOM + buffer.getvalue()).encode("utf-8")
