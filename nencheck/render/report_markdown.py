"""The management-review report as Markdown: the same sections as the HTML, charts as text bars."""

from __future__ import annotations

from pathlib import Path

from nencheck.checks.review import ManagementReview
from nencheck.model.records import Records
from nencheck.render.report_context import report_context
from nencheck.render.soa_common import SoaView
from nencheck.render.templating import environment, render_template

BAR_WIDTH = 20


def text_bar(value: float | None, top: float = 1.0, width: int = BAR_WIDTH) -> str:
    """A bar of block characters: text_bar(0.5) -> '██████████░░░░░░░░░░'."""
    if value is None or top <= 0:
        return "░" * width
    filled = max(0, min(width, round(value / top * width)))
    return "█" * filled + "░" * (width - filled)


def render(
    records: Records, review: ManagementReview, soa: SoaView, template_dir: Path | None = None
) -> str:
    env = environment(template_dir)
    env.filters["bar"] = text_bar
    return render_template(env, "report.md", report_context(records, review, soa))
