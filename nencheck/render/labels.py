"""Human labels for the stable values in the records (statuses, severities, kinds), translated.

The values themselves (``implemented``, ``due_soon``) stay as they are in JSON; documents for
people show these labels. Functions, not constants, so the current language applies.
"""

from __future__ import annotations

from nencheck.checks.policies import OVERDUE
from nencheck.i18n import _, ngettext

CONTROL_STATUSES = ("implemented", "partial", "planned", "not_started", "missing")
POLICY_STATES = ("ok", "due_soon", "overdue", "draft", "retired")
SEVERITIES = ("major", "minor", "observation", "improvement")
INCIDENT_KINDS = ("security_incident", "data_breach", "calamity", "complaint", "signal")


def control_status_label(status: str) -> str:
    labels = {
        "implemented": _("Implemented"),
        "partial": _("Partially implemented"),
        "planned": _("Planned"),
        "not_started": _("Not started"),
        "missing": _("Not addressed"),
        "not_applicable": _("Not applicable"),
    }
    return labels.get(status, status)


def policy_state_label(state: str) -> str:
    labels = {
        "ok": _("Up to date"),
        "due_soon": _("Due soon"),
        "overdue": _("Overdue"),
        "draft": _("Draft"),
        "retired": _("Retired"),
    }
    return labels.get(state, state)


def severity_label(severity: str) -> str:
    labels = {
        "major": _("Major"),
        "minor": _("Minor"),
        "observation": _("Observation"),
        "improvement": _("Improvement"),
    }
    return labels.get(severity, severity)


def incident_kind_label(kind: str) -> str:
    labels = {
        "security_incident": _("Security incident"),
        "data_breach": _("Data breach"),
        "calamity": _("Calamity"),
        "complaint": _("Complaint"),
        "signal": _("Signal"),
    }
    return labels.get(kind, kind)


def due_kind_label(kind: str) -> str:
    labels = {
        "policy": _("Policy review"),
        "finding": _("Finding"),
        "evidence": _("Evidence"),
        "training": _("Training"),
        "incident": _("Incident notification"),
        "risk": _("Risk"),
    }
    return labels.get(kind, kind)


def applicable_label(applicable: bool | None) -> str:
    if applicable is None:
        return "—"
    return _("Yes") if applicable else _("No")


def own_theme_label() -> str:
    return _("Own controls")


def days_words(days: int, state: str = "") -> str:
    """How far off an item is; an overdue item due today (training never done) says so."""
    if state == OVERDUE and days >= 0:
        return _("overdue")
    if days < 0:
        return ngettext("{count} day overdue", "{count} days overdue", -days).format(count=-days)
    if days == 0:
        return _("due today")
    return ngettext("in {count} day", "in {count} days", days).format(count=days)


def risk_level_label(level: str) -> str:
    """SPEC's level names in the reader's language; an organisation's own names as written."""
    from nencheck.checks.risks import level_label

    return level_label(level)


def affects_label(affects: str) -> str:
    labels = {
        "confidentiality": _("confidentiality"),
        "integrity": _("integrity"),
        "availability": _("availability"),
        "patient_safety": _("patient safety"),
    }
    return labels.get(affects, affects)


def treatment_label(treatment: str) -> str:
    labels = {
        "mitigate": _("mitigate"),
        "accept": _("accept"),
        "transfer": _("transfer"),
        "avoid": _("avoid"),
    }
    return labels.get(treatment, treatment)
