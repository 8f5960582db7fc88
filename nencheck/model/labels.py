"""The labels people read for the records' value sets (statuses, severities, kinds).

Each value set is a StrEnum beside its record; this is the one table that names the members,
marked ``N_()`` and translated where shown, so a rule's message (checks/) and every renderer
(render/labels.py) say the same words. JSON, CSV and the files keep the values themselves.
"""

from __future__ import annotations

from enum import StrEnum

from nencheck.i18n import N_, _
from nencheck.model.audit import AuditType, FindingStatus, Severity
from nencheck.model.control import ControlStatus
from nencheck.model.incident import IncidentKind, IncidentStatus
from nencheck.model.policy import PolicyState, PolicyStatus, PolicyType
from nencheck.model.risk import ActionStatus, Affects, RiskStatus

RECORD_LABELS: dict[type[StrEnum], dict[str, str]] = {
    ControlStatus: {
        ControlStatus.IMPLEMENTED: N_("Implemented"),
        ControlStatus.PARTIAL: N_("Partially implemented"),
        ControlStatus.PLANNED: N_("Planned"),
        ControlStatus.NOT_STARTED: N_("Not started"),
    },
    PolicyState: {
        PolicyState.OK: N_("Up to date"),
        PolicyState.DUE_SOON: N_("Due soon"),
        PolicyState.OVERDUE: N_("Overdue"),
        PolicyState.DRAFT: N_("Draft"),
        PolicyState.RETIRED: N_("Retired"),
    },
    PolicyStatus: {
        PolicyStatus.DRAFT: N_("Draft"),
        PolicyStatus.ACTIVE: N_("Active"),
        PolicyStatus.RETIRED: N_("Retired"),
    },
    PolicyType: {
        PolicyType.POLICY: N_("Policy"),
        PolicyType.PROTOCOL: N_("Protocol"),
        PolicyType.PROCEDURE: N_("Procedure"),
        PolicyType.WORK_INSTRUCTION: N_("Work instruction"),
        PolicyType.FORM: N_("Form"),
        PolicyType.OTHER: N_("Other document"),
    },
    Severity: {
        Severity.MAJOR: N_("Major"),
        Severity.MINOR: N_("Minor"),
        Severity.OBSERVATION: N_("Observation"),
        Severity.IMPROVEMENT: N_("Improvement"),
    },
    FindingStatus: {
        FindingStatus.OPEN: N_("Open"),
        FindingStatus.IN_PROGRESS: N_("In progress"),
        FindingStatus.CLOSED: N_("Closed"),
        FindingStatus.ACCEPTED: N_("Risk accepted"),
    },
    AuditType: {
        AuditType.INTERNAL: N_("Internal audit"),
        AuditType.EXTERNAL: N_("External audit"),
        AuditType.CERTIFICATION: N_("Certification audit"),
        AuditType.PENTEST: N_("Penetration test"),
        AuditType.SELF_ASSESSMENT: N_("Self-assessment"),
    },
    IncidentKind: {
        IncidentKind.SECURITY_INCIDENT: N_("Security incident"),
        IncidentKind.DATA_BREACH: N_("Data breach"),
        IncidentKind.CALAMITY: N_("Calamity"),
        IncidentKind.COMPLAINT: N_("Complaint"),
        IncidentKind.SIGNAL: N_("Signal"),
    },
    IncidentStatus: {
        IncidentStatus.OPEN: N_("Open"),
        IncidentStatus.IN_PROGRESS: N_("In progress"),
        IncidentStatus.CLOSED: N_("Closed"),
    },
    Affects: {
        Affects.CONFIDENTIALITY: N_("confidentiality"),
        Affects.INTEGRITY: N_("integrity"),
        Affects.AVAILABILITY: N_("availability"),
        Affects.PATIENT_SAFETY: N_("patient safety"),
    },
    RiskStatus: {RiskStatus.OPEN: N_("Open"), RiskStatus.CLOSED: N_("Closed")},
    ActionStatus: {ActionStatus.OPEN: N_("Open"), ActionStatus.DONE: N_("Done")},
}


def record_label(enum: type[StrEnum], value: str) -> str:
    """The label of ``value`` of ``enum`` in the current language (the value itself when the
    table does not know it)."""
    text = RECORD_LABELS[enum].get(value)
    return _(text) if text else str(value)
