"""What the report templates get (documented in docs/reports.md): the review's figures, the SoA,
translated words and labels, and the points for attention, shared by HTML and Markdown."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from nencheck.checks.figures import StatusFigures
from nencheck.checks.review import AGE_BUCKETS, ManagementReview
from nencheck.i18n import _, current_language, ngettext
from nencheck.model.records import Records
from nencheck.render.dates import format_duration
from nencheck.render.labels import CONTROL_STATUSES, SEVERITIES
from nencheck.render.soa_common import SoaView
from nencheck.render.status_common import multi_unit_note
from nencheck.render.templating import percent
from nencheck.render.texts import document_texts, label_namespace
from nencheck.render.unreadable import unreadable_note

ALL_UNITS = "all"
APPLICABLE_STATUSES = CONTROL_STATUSES  # the statuses an applicable control can have
COLOURS = {
    "implemented": "#2e7d32",
    "partial": "#f2a900",
    "planned": "#1e88e5",
    "not_started": "#ef6c00",
    "not_applicable": "#b0b7bf",
    "missing": "#b71c1c",
    "ok": "#2e7d32",
    "due_soon": "#f2a900",
    "overdue": "#c62828",
    "up_to_3m": "#9ecae1",
    "up_to_6m": "#4292c6",
    "up_to_1y": "#2171b5",
    "over_1y": "#08306b",
    "reviews": "#1f3a5f",
    "below": "#c62828",
}


@dataclass(frozen=True)
class KeyFigure:
    path: str  # the key in ``status --format json``, dotted: "policies.overdue"
    label: str
    value: Any
    is_rate: bool = False

    @property
    def display(self) -> str:
        return percent(self.value) if self.is_rate else str(self.value)


def age_labels() -> dict[str, str]:
    labels = {
        "up_to_3m": _("up to 3 months"),
        "up_to_6m": _("3 to 6 months"),
        "up_to_1y": _("6 to 12 months"),
        "over_1y": _("over a year"),
    }
    return {name: labels[name] for name, _below in AGE_BUCKETS}


def key_figures(status: StatusFigures) -> list[KeyFigure]:
    """The summary table: SPEC's status figures with a label each, in reading order."""
    c, p, f = status.controls, status.policies, status.findings
    e, t, i = status.evidence, status.training, status.incidents
    return [
        KeyFigure("controls.total", _("Controls in the catalog"), c.total),
        KeyFigure("controls.applicable", _("Applicable controls"), c.applicable),
        KeyFigure(
            "controls.by_status.implemented",
            _("Applicable controls implemented"),
            c.by_status["implemented"],
        ),
        KeyFigure("controls.missing", _("Controls not addressed"), c.missing),
        KeyFigure("policies.total", _("Policies and protocols"), p.total),
        KeyFigure("policies.active", _("Active policies"), p.active),
        KeyFigure("policies.ok", _("Reviews up to date"), p.ok),
        KeyFigure("policies.due_soon", _("Reviews due soon"), p.due_soon),
        KeyFigure("policies.overdue", _("Reviews overdue"), p.overdue),
        KeyFigure("findings.open", _("Open findings"), f.open),
        KeyFigure("findings.overdue", _("Findings past their due date"), f.overdue),
        KeyFigure("evidence.total", _("Evidence items"), e.total),
        KeyFigure("evidence.expired", _("Evidence expired"), e.expired),
        KeyFigure("training.required", _("Training assignments"), t.required),
        KeyFigure("training.compliant", _("Training assignments completed"), t.compliant),
        KeyFigure("training.rate", _("Training completion rate"), t.rate, is_rate=True),
        KeyFigure("training.people", _("People with training assignments"), t.people),
        KeyFigure("training.people_trained", _("People fully trained"), t.people_trained),
        KeyFigure("incidents.open", _("Open incidents"), i.open),
        KeyFigure(
            "incidents.breach_notification_late",
            _("Data breaches notified late"),
            i.breach_notification_late,
        ),
        KeyFigure(
            "incidents.calamity_report_late",
            _("Calamities reported late"),
            i.calamity_report_late,
        ),
    ]


def attention_points(status: StatusFigures, records: Records) -> list[str]:
    """Plain sentences on what needs the board's attention, most pressing first."""
    c, p, f = status.controls, status.policies, status.findings
    t, i = status.training, status.incidents
    points = []
    late = i.breach_notification_late + i.calamity_report_late
    if late:
        points.append(
            ngettext(
                "{count} data breach or calamity was notified late or not at all.",
                "{count} data breaches or calamities were notified late or not at all.",
                late,
            ).format(count=late)
        )
    if p.overdue:
        points.append(
            ngettext(
                "{count} policy is overdue for review.",
                "{count} policies are overdue for review.",
                p.overdue,
            ).format(count=p.overdue)
        )
    if f.overdue:
        points.append(
            ngettext(
                "{count} audit finding is past its due date.",
                "{count} audit findings are past their due date.",
                f.overdue,
            ).format(count=f.overdue)
        )
    below = [
        f"{unit_name(records, unit)} ({percent(fig.rate)})"
        for unit, fig in t.by_unit.items()
        if fig.below_target
    ]
    if below:
        points.append(
            _("Training is below the target of {target} in: {units}.").format(
                target=percent(t.target), units=", ".join(below)
            )
        )
    if status.evidence.expired:
        points.append(
            ngettext(
                "{count} evidence item has expired.",
                "{count} evidence items have expired.",
                status.evidence.expired,
            ).format(count=status.evidence.expired)
        )
    if c.missing:
        points.append(
            ngettext(
                "{count} catalog control is not addressed in the Statement of Applicability.",
                "{count} catalog controls are not addressed in the Statement of Applicability.",
                c.missing,
            ).format(count=c.missing)
        )
    return points


def unit_name(records: Records, unit: str) -> str:
    return _("Whole organisation") if unit == ALL_UNITS else records.settings.unit_name(unit)


def report_context(records: Records, review: ManagementReview, soa: SoaView) -> dict[str, Any]:
    """Every variable the report templates may use."""
    settings = records.settings
    return {
        "t": document_texts(),
        "labels": label_namespace(),
        "as_of": review.as_of,
        "organisation": settings.organisation,
        "framework": records.catalog.catalog,
        "framework_title": records.catalog.title_in(current_language()),
        "units": [(unit.id, unit.name) for unit in settings.units],
        "unit_name": lambda unit: unit_name(records, unit),
        "due_soon": format_duration(settings.due_soon),
        "target": settings.training_target,
        "status": review.status,
        "review": review,
        "soa": soa,
        "unreadable_note": unreadable_note(review.status.unreadable),
        "key_figures": key_figures(review.status),
        "multi_unit_note": multi_unit_note(review.status.policies),
        "attention": attention_points(review.status, records),
        "control_statuses": CONTROL_STATUSES,
        "applicable_statuses": APPLICABLE_STATUSES,
        "severities": SEVERITIES,
        "age_labels": age_labels(),
        "colours": COLOURS,
    }
