"""Everything the records say about one control on a date: the auditor's "show me how control X
is implemented" (catalog entry, SoA entry, policies with their review state, evidence with its
validity, findings and incidents that name it). Pure: the git history is added by the CLI."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from nencheck.checks.evidence import is_expired
from nencheck.checks.policies import policy_state
from nencheck.checks.scope import days_between
from nencheck.model.control import Control
from nencheck.model.records import Records


@dataclass
class ControlView:
    id: str
    title: str
    theme: str | None  # theme id of the catalog (None for an own control)
    theme_label: str | None
    in_catalog: bool
    iso27002_2013: list[str]
    soa: Control | None
    policies: list[dict[str, Any]] = field(default_factory=list)
    evidence: list[dict[str, Any]] = field(default_factory=list)
    findings: list[dict[str, Any]] = field(default_factory=list)
    incidents: list[dict[str, Any]] = field(default_factory=list)
    risks: list[dict[str, Any]] = field(default_factory=list)
    history: list[dict[str, Any]] | None = None  # None: not a git repository

    @property
    def soa_file(self) -> str | None:
        return self.soa.origin.file if self.soa is not None else None

    def soa_json(self) -> dict[str, Any] | None:
        if self.soa is None:
            return None
        return {
            "file": self.soa.origin.file,
            "applicable": self.soa.applicable,
            "justification": self.soa.justification,
            "status": self.soa.status.value,
            "owner": self.soa.owner,
            "units": list(self.soa.units),
            "notes": self.soa.notes,
        }


def control_view(
    records: Records, control_id: str, as_of: date, language: str | None = None
) -> ControlView | None:
    """The view of a catalog control or an own control file; None when neither exists. Theme
    labels are in ``language`` (default: the organisation's)."""
    entry = records.catalog.control(control_id)
    control = records.control_by_id.get(control_id)
    if entry is None and control is None:
        return None
    theme = records.catalog.theme(entry.theme) if entry is not None else None
    view = ControlView(
        id=control_id,
        title=records.control_title(control_id),
        theme=entry.theme if entry is not None else None,
        theme_label=theme.label(language or records.settings.language) if theme else None,
        in_catalog=entry is not None,
        iso27002_2013=list(entry.iso27002_2013) if entry is not None else [],
        soa=control,
    )
    view.policies = _policies(records, control_id, as_of)
    view.evidence = _evidence(records, control_id, as_of)
    view.findings = _findings(records, control_id, as_of)
    view.incidents = _incidents(records, control_id)
    view.risks = _risks(records, control_id)
    return view


def _policies(records: Records, control_id: str, as_of: date) -> list[dict[str, Any]]:
    lines = []
    for policy_id in records.policies_for_control(control_id):
        policy = records.policy_by_id[policy_id]
        state, days = policy_state(policy, as_of, records.settings.due_soon)
        next_review = policy.next_review_date()
        lines.append(
            {
                "id": policy.id,
                "title": policy.title,
                "type": policy.type.value,
                "status": policy.status.value,
                "version": policy.version,
                "owner": policy.owner,
                "next_review": next_review.isoformat() if next_review else None,
                "state": state,
                "days": days,
                "file": policy.origin.file,
            }
        )
    return lines


def _evidence(records: Records, control_id: str, as_of: date) -> list[dict[str, Any]]:
    lines = []
    for evidence_id in records.evidence_for_control(control_id):
        item = records.evidence_by_id[evidence_id]
        until = item.valid_until_date()
        lines.append(
            {
                "id": item.id,
                "title": item.title,
                "collected": item.collected.isoformat(),
                "valid_until": until.isoformat(),
                "valid": not is_expired(item, as_of),
                "days": days_between(until, as_of),
                "owner": item.owner,
                "file": item.origin.file,
            }
        )
    return lines


def _findings(records: Records, control_id: str, as_of: date) -> list[dict[str, Any]]:
    lines = []
    for audit, finding in records.findings():
        if control_id not in finding.controls:
            continue
        lines.append(
            {
                "audit": audit.id,
                "audit_title": audit.title,
                "id": finding.id,
                "title": finding.title,
                "severity": finding.severity.value,
                "status": finding.status.value,
                "open": finding.is_open,
                "owner": finding.owner,
                "due": finding.due.isoformat(),
                "closed": finding.closed.isoformat() if finding.closed else None,
                "overdue": finding.is_open and finding.due < as_of,
                "file": finding.origin.file,
            }
        )
    lines.sort(key=lambda line: (not line["open"], str(line["due"])))
    return lines


def _incidents(records: Records, control_id: str) -> list[dict[str, Any]]:
    lines = [
        {
            "id": incident.id,
            "title": incident.title,
            "kind": incident.kind.value,
            "status": incident.status.value,
            "open": incident.is_open,
            "reported": incident.reported.isoformat(),
            "closed": incident.closed.isoformat() if incident.closed else None,
            "file": incident.origin.file,
        }
        for incident in records.incidents
        if control_id in incident.controls
    ]
    lines.sort(key=lambda line: str(line["reported"]), reverse=True)
    return lines


def _risks(records: Records, control_id: str) -> list[dict[str, Any]]:
    """The risks that name the control as their treatment, highest current score first."""
    criteria = records.settings.risk
    found = [records.risk_by_id[risk_id] for risk_id in records.risks_for_control(control_id)]
    found.sort(key=lambda risk: (-risk.current.value, risk.id))
    return [
        {
            "id": risk.id,
            "title": risk.title,
            "status": risk.status.value,
            "open": risk.is_open,
            "score": risk.current.value,
            "level": criteria.level(risk.current.value),
            "treatment": risk.treatment.value,
            "owner": risk.owner,
            "file": risk.origin.file,
        }
        for risk in found
    ]
