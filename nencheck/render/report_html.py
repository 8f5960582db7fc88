"""The management-review report as one self-contained HTML file with inline SVG charts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nencheck.checks.review import ManagementReview
from nencheck.i18n import _
from nencheck.model.records import Records
from nencheck.render import charts
from nencheck.render.dates import format_month
from nencheck.render.labels import control_status_label, policy_state_label, severity_label
from nencheck.render.report_context import APPLICABLE_STATUSES, COLOURS, age_labels, report_context
from nencheck.render.soa_common import SoaView
from nencheck.render.templating import environment, render_template


def render(
    records: Records, review: ManagementReview, soa: SoaView, template_dir: Path | None = None
) -> str:
    from markupsafe import Markup

    context = report_context(records, review, soa)
    context["charts"] = {
        name: Markup(svg) for name, svg in build_charts(review, soa, context).items()
    }
    return render_template(environment(template_dir), "report.html", context)


def build_charts(review: ManagementReview, soa: SoaView, context: dict[str, Any]) -> dict[str, str]:
    return {
        "controls": controls_chart(soa),
        "policies": policies_chart(review, context),
        "reviews": reviews_chart(review, soa.language),
        "findings": findings_chart(review),
        "training": training_chart(review, context),
        "risks": _risk_chart(review),
    }


def _risk_chart(review: ManagementReview) -> str:
    if review.risks is None:
        return ""
    from nencheck.i18n import _
    from nencheck.render.risk_matrix import matrix_svg

    return matrix_svg(review.risks.heat, _("Risk matrix"))


def _legend(keys: tuple[str, ...] | list[str], label: Any) -> list[tuple[str, str]]:
    return [(label(key), COLOURS[key]) for key in keys]


def controls_chart(soa: SoaView) -> str:
    """Per theme: applicable controls by status, then not applicable and not addressed."""
    order = (*APPLICABLE_STATUSES, "not_applicable", "missing")
    bars = []
    for theme, rows in soa.rows_by_theme():
        counts = dict.fromkeys(order, 0)
        for row in rows:
            counts["not_applicable" if row.applicable is False else row.status] += 1
        segments = [
            charts.Segment(key, counts[key], COLOURS[key], control_status_label(key))
            for key in order
        ]
        bars.append(charts.Bar(theme, soa.theme_label(theme), segments))
    return charts.stacked_bars(
        "controls-by-theme",
        _("Control status per theme"),
        bars,
        _legend(order, control_status_label),
    )


def policies_chart(review: ManagementReview, context: dict[str, Any]) -> str:
    order = ("ok", "due_soon", "overdue")
    bars = [
        charts.Bar(
            unit,
            context["unit_name"](unit),
            [
                charts.Segment(key, value, COLOURS[key], policy_state_label(key))
                for key, value in zip(
                    order, (counts.ok, counts.due_soon, counts.overdue), strict=True
                )
            ],
        )
        for unit, counts in review.status.policies.by_unit.items()
    ]
    return charts.stacked_bars(
        "policies-by-unit",
        _("Active policies by review state and unit"),
        bars,
        _legend(order, policy_state_label),
    )


def reviews_chart(review: ManagementReview, language: str) -> str:
    columns = [
        (month.month.isoformat()[:7], format_month(month.month, language), float(month.count))
        for month in review.reviews_by_month
    ]
    return charts.column_chart(
        "reviews-by-month", _("Policy reviews falling due per month"), columns, COLOURS["reviews"]
    )


def findings_chart(review: ManagementReview) -> str:
    labels = age_labels()
    bars = [
        charts.Bar(
            severity,
            severity_label(severity),
            [
                charts.Segment(bucket, count, COLOURS[bucket], labels.get(bucket, bucket))
                for bucket, count in buckets.items()
            ],
        )
        for severity, buckets in review.findings_by_age.items()
    ]
    return charts.stacked_bars(
        "findings-by-severity-age",
        _("Open findings by severity and age"),
        bars,
        [(labels[key], COLOURS[key]) for key in labels],
    )


def training_chart(review: ManagementReview, context: dict[str, Any]) -> str:
    training = review.status.training
    rows = [
        (unit, context["unit_name"](unit), figures.rate)
        for unit, figures in training.by_unit.items()
    ]
    rows.append(("overall", _("Overall"), training.rate))
    return charts.rate_bars(
        "training-by-unit",
        _("Training completion per unit against the target"),
        rows,
        training.target,
        (COLOURS["ok"], COLOURS["below"]),
        _("target {rate}").format(rate=f"{round(training.target * 100)}%"),
    )
