"""Keeping the findings register: add a finding to an audit file, log an update, close it.

Each function returns the one ``Change`` (the audit file, edited in place with its comments and
layout kept) and the commit message; ``store.writer.apply_changes`` writes and commits it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from nencheck.errors import NencheckError
from nencheck.i18n import _
from nencheck.model.audit import Audit, Finding, FindingStatus
from nencheck.model.records import Records, find_by_id
from nencheck.registers.ids import next_finding_id
from nencheck.store.write.record_edits import (
    Edit,
    append_update,
    ensure_valid,
    find_item,
    flow_list,
    fresh,
    require_controls,
    set_field,
)
from nencheck.store.write.writer import Change, dump_edited, load_for_edit, scalar


def find_audit(records: Records, audit_id: str) -> Audit:
    for audit in records.audits:
        if audit.id == audit_id:
            return audit
    known = ", ".join(sorted(audit.id for audit in records.audits)) or _("none")
    raise NencheckError(
        _("there is no audit '{id}'; the audits are: {known}").format(id=audit_id, known=known)
    )


def find_finding(records: Records, finding_id: str) -> tuple[Audit, Finding]:
    found = find_by_id(records.findings(), finding_id, lambda pair: pair[1].id)
    if found is not None:
        return found
    raise NencheckError(
        _("there is no finding '{id}'; 'nencheck finding list' shows the findings").format(
            id=finding_id
        )
    )


def add_finding(
    root: Path,
    records: Records,
    audit_id: str,
    *,
    title: str,
    severity: str,
    due: date,
    owner: str,
    controls: Sequence[str],
) -> Edit:
    audit = find_audit(records, audit_id)
    require_controls(records, controls)
    finding_id = next_finding_id(audit.id, (finding.id for _a, finding in records.findings()))
    path = audit.origin.file
    document = load_for_edit(root, path)
    entry = _new_finding(finding_id, title, severity, controls, owner, due)
    findings = document.get("findings")
    if findings is None or not hasattr(findings, "append"):
        from ruamel.yaml.comments import CommentedSeq

        findings = CommentedSeq()
        document["findings"] = findings
    findings.append(entry)
    content = dump_edited(document)
    ensure_valid(path, content, "audit")
    message = _(
        "Add finding {id} to {audit}: {title}\n\nSeverity {severity}, owner {owner}, due {due}."
    ).format(
        id=finding_id,
        audit=audit.id,
        title=title,
        severity=severity,
        owner=owner,
        due=due.isoformat(),
    )
    return Edit(finding_id, [Change(path, content)], message)


def _new_finding(
    finding_id: str, title: str, severity: str, controls: Sequence[str], owner: str, due: date
) -> Any:
    from ruamel.yaml.comments import CommentedMap

    entry = CommentedMap()
    entry["id"] = scalar(finding_id)
    entry["title"] = scalar(title)
    entry["severity"] = severity
    if controls:
        entry["controls"] = flow_list(controls)
    entry["owner"] = scalar(owner)
    entry["due"] = fresh(due)
    entry["status"] = FindingStatus.OPEN.value
    return entry


def update_finding(
    root: Path,
    records: Records,
    finding_id: str,
    *,
    day: date,
    status: str | None,
    note: str | None,
) -> Edit:
    if status is None and not note:
        raise NencheckError(_("give --status, --note or both: an update must say something"))
    if status == FindingStatus.CLOSED.value:
        raise NencheckError(
            _(
                "to close a finding use 'nencheck finding close {id} --date D --resolution TEXT'"
            ).format(id=finding_id)
        )
    audit, finding = find_finding(records, finding_id)
    finding_id = finding.id  # as written in the file
    path = finding.origin.file
    document = load_for_edit(root, path)
    entry = _entry(document, finding_id, path)
    if status is not None:
        entry["status"] = scalar(status, like=entry.get("status"))
        if "closed" in entry:  # reopened: the closing date no longer applies
            del entry["closed"]
        if "resolution" in entry:  # nor its resolution, which the update log keeps
            earlier = _("earlier resolution: {text}").format(text=entry["resolution"])
            note = f"{note}; {earlier}" if note else earlier
            del entry["resolution"]
    append_update(entry, day, status, note)
    content = dump_edited(document)
    ensure_valid(path, content, "audit")
    headline = (
        _("Update finding {id} of {audit}: status {status}")
        if status
        else _("Update finding {id} of {audit}: note")
    ).format(id=finding_id, audit=audit.id, status=status)
    return Edit(finding_id, [Change(path, content)], f"{headline}\n\n{note or ''}".rstrip() + "\n")


def close_finding(
    root: Path,
    records: Records,
    finding_id: str,
    *,
    day: date,
    resolution: str,
    evidence: Sequence[str],
) -> Edit:
    audit, finding = find_finding(records, finding_id)
    finding_id = finding.id  # as written in the file
    if finding.status == FindingStatus.CLOSED:
        raise NencheckError(
            _("finding {id} was already closed on {date}").format(
                id=finding_id, date=finding.closed
            )
        )
    unknown = [item for item in evidence if item not in records.evidence_by_id]
    if unknown:
        raise NencheckError(
            _("unknown evidence: {ids}; add it first with 'nencheck evidence add'").format(
                ids=", ".join(unknown)
            )
        )
    path = finding.origin.file
    document = load_for_edit(root, path)
    entry = _entry(document, finding_id, path)
    entry["status"] = scalar(FindingStatus.CLOSED.value, like=entry.get("status"))
    set_field(entry, "closed", day, after=("status",))
    set_field(entry, "resolution", resolution, after=("status", "closed"))
    if evidence:
        linked = [str(item) for item in entry.get("evidence") or []]
        combined = linked + [item for item in evidence if item not in linked]
        if "evidence" in entry and hasattr(entry["evidence"], "extend"):
            entry["evidence"].extend(scalar(item) for item in combined[len(linked) :])
        else:
            set_field(
                entry, "evidence", flow_list(combined), after=("status", "closed", "resolution")
            )
    content = dump_edited(document)
    ensure_valid(path, content, "audit")
    message = _("Close finding {id} of {audit} on {date}\n\nResolution: {resolution}").format(
        id=finding_id, audit=audit.id, date=day.isoformat(), resolution=resolution
    )
    if evidence:
        message += "\n" + _("Evidence: {ids}").format(ids=", ".join(evidence))
    return Edit(finding_id, [Change(path, content)], message + "\n")


def _entry(document: Any, finding_id: str, path: str) -> Any:
    entry = find_item(document.get("findings"), finding_id)
    if entry is None:
        raise NencheckError(
            _("{file}: finding {id} not found in the file; was it just moved?").format(
                file=path, id=finding_id
            )
        )
    return entry
