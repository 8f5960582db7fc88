"""``status --format html``: the dashboard as one small self-contained page (Jinja2, autoescaped).

The management-review report is a larger document of its own; this page shows the same figures
as the terminal dashboard, styled like nencheck's other documents.
"""

from __future__ import annotations

from types import SimpleNamespace

from nencheck.checks.figures import StatusFigures
from nencheck.i18n import _
from nencheck.render import status_common as common
from nencheck.render.templating import environment, render_template
from nencheck.render.texts import document_texts
from nencheck.render.unreadable import unreadable_note


def render_status_html(summary: StatusFigures) -> str:
    context = {
        "as_of": summary.as_of,
        "heading": common.title(summary),
        "unreadable_note": unreadable_note(summary.unreadable),
        "t": document_texts(),
        "s": _texts(),
        "statuses": common.CONTROL_STATUSES,
        "themes": common.theme_rows(summary),
        "policies": common.policy_rows(summary),
        "findings": common.finding_rows(summary),
        "training": common.training_rows(summary),
        "deadlines": common.deadline_rows(summary),
        "risk_levels": common.risk_level_rows(summary),
        "notes": SimpleNamespace(
            controls=common.controls_note(summary),
            policies=common.policies_note(summary),
            multi_unit=common.multi_unit_note(summary.policies),
            findings=common.findings_note(summary),
            evidence=common.evidence_note(summary),
            training=common.training_note(summary),
            incidents=common.incidents_note(summary),
            risks=common.risks_note(summary),
        ),
    }
    return render_template(environment(), "status.html", context)


def _texts() -> SimpleNamespace:
    return SimpleNamespace(
        controls_heading=_("Controls per theme"),
        policies_heading=_("Policies per unit"),
        evidence_heading=_("Evidence"),
        status_labels=common.status_labels(),
        policy_state_labels=common.policy_state_labels(),
        incident=_("Incident"),
        deadline=_("Deadline"),
        time_left=_("Time left"),
        no_deadlines=_("No open incident is waiting for its notification."),
        risks_heading=_("Risks"),
        level=_("Level"),
        open=_("Open"),
        target_label=common.target_label,
    )
