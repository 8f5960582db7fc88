"""Human labels for the stable values in the records (statuses, severities, kinds), translated.

Each value set is defined once, as a StrEnum (``model/`` for what records hold, ``checks/`` for
what the rules derive). The records' value sets are named in model/labels.py (so a rule's
message can use them too); this module adds the rest and the functions every renderer uses.
The values themselves (``implemented``, ``due_soon``) stay as they are in JSON, CSV and option
values; documents for people show these labels. The tables hold ``N_()`` marks and ``label()``
translates at display time, so the current language applies.
"""

from __future__ import annotations

from enum import StrEnum

from nencheck.checks.due import DueKind
from nencheck.checks.policies import OVERDUE
from nencheck.i18n import N_, _, ngettext
from nencheck.model.audit import AuditType, FindingStatus, Severity
from nencheck.model.control import ControlStatus
from nencheck.model.incident import IncidentKind, IncidentStatus
from nencheck.model.labels import RECORD_LABELS
from nencheck.model.policy import PolicyState, PolicyStatus, PolicyType
from nencheck.model.risk import Affects, RiskStatus, Treatment

# A Statement of Applicability row has two states beyond a control file's status.
NOT_APPLICABLE = "not_applicable"
MISSING = "missing"

LABELS: dict[type[StrEnum], dict[str, str]] = {
    **RECORD_LABELS,
    DueKind: {
        DueKind.POLICY: N_("Policy review"),
        DueKind.FINDING: N_("Finding"),
        DueKind.EVIDENCE: N_("Evidence"),
        DueKind.TRAINING: N_("Training"),
        DueKind.INCIDENT: N_("Incident notification"),
        DueKind.RISK: N_("Risk"),
    },
}

# The value sets in the order people read them (tables, legends).
CONTROL_STATUSES = (
    ControlStatus.IMPLEMENTED,
    ControlStatus.PARTIAL,
    ControlStatus.PLANNED,
    ControlStatus.NOT_STARTED,
)
POLICY_STATES = tuple(PolicyState)
SEVERITIES = tuple(Severity)
INCIDENT_KINDS = tuple(IncidentKind)


def label(enum: type[StrEnum], value: str) -> str:
    """The label of ``value`` (a member or its text) of ``enum``, in the current language; an
    unknown value (from a newer file) is shown as it is rather than hidden."""
    text = LABELS[enum].get(value)
    return _(text) if text else str(value)


def control_status_label(status: str) -> str:
    """A control file's status, or a SoA row's ``not_applicable`` / ``missing``."""
    if status == NOT_APPLICABLE:
        return _("Not applicable")
    if status == MISSING:
        return _("Not addressed")
    return label(ControlStatus, status)


def policy_state_label(state: str) -> str:
    return label(PolicyState, state)


def policy_status_label(status: str) -> str:
    return label(PolicyStatus, status)


def policy_type_label(kind: str) -> str:
    return label(PolicyType, kind)


def severity_label(severity: str) -> str:
    return label(Severity, severity)


def finding_status_label(status: str) -> str:
    return label(FindingStatus, status)


def audit_type_label(kind: str) -> str:
    return label(AuditType, kind)


def incident_kind_label(kind: str) -> str:
    return label(IncidentKind, kind)


def incident_status_label(status: str) -> str:
    return label(IncidentStatus, status)


def due_kind_label(kind: str) -> str:
    return label(DueKind, kind)


# How serious a rule's problem is ("error" when the rule is in fail_on); the word in text
# output only: JSON, SARIF, JUnit and GitHub annotations keep "error" and "warning".
PROBLEM_SEVERITIES = {"error": N_("error"), "warning": N_("warning")}


def problem_severity_label(severity: str) -> str:
    text = PROBLEM_SEVERITIES.get(severity)
    return _(text) if text else severity


def applicable_label(applicable: bool | None) -> str:
    if applicable is None:
        return "—"
    return _("Yes") if applicable else _("No")


def own_theme_label() -> str:
    return _("Own controls")


def units_label(units: list[str]) -> str:
    """A record's units for people: ``all`` is the whole organisation, not a unit named "all"."""
    if not units or units == ["all"]:
        return _("whole organisation")
    return ", ".join(_("all units") if unit == "all" else unit for unit in units)


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
    return label(Affects, affects)


# Not in LABELS (whose values the Dutch-everywhere test treats as stop words): "accept" is
# also the start of Dutch words such as "acceptatie" in clipped control titles.
TREATMENTS = {
    Treatment.MITIGATE: N_("mitigate"),
    Treatment.ACCEPT: N_("accept"),
    Treatment.TRANSFER: N_("transfer"),
    Treatment.AVOID: N_("avoid"),
}


def treatment_label(treatment: str) -> str:
    text = TREATMENTS.get(treatment)  # type: ignore[call-overload]
    return _(text) if text else treatment


def risk_status_label(status: str) -> str:
    return label(RiskStatus, status)
