"""The Statement of Applicability on a date: control-missing, control-gap, control-unsupported.

A catalog control without a control file has no file of its own to point at, so control-missing
points at the ``framework:`` line of nencheck.yaml: that is where the catalog (and so the list of
controls the SoA must address) is chosen.
"""

from __future__ import annotations

from datetime import date

from nencheck.checks.problem import Problem
from nencheck.i18n import _
from nencheck.model.control import Control, ControlStatus
from nencheck.model.labels import record_label
from nencheck.model.records import Records

OTHER_THEME = "other"  # own controls that are not in the catalog


def missing_controls(records: Records) -> list[str]:
    """Catalog control ids that no control file addresses, in catalog order. None while a
    control file cannot be read: the control it holds is unknown, not missing (SPEC)."""
    if "control" in records.unreadable_kinds:
        return []
    present = set(records.control_by_id)
    return [control_id for control_id in records.catalog.ids() if control_id not in present]


def is_gap(control: Control) -> bool:
    return control.applicable and control.status != ControlStatus.IMPLEMENTED


def is_unsupported(records: Records, control: Control) -> bool:
    """Applicable and implemented, yet no policy and no evidence linked from either side.
    Not while a policy or evidence file cannot be read: it may hold the link (SPEC: a record in
    a broken file is unknown, never missing)."""
    return (
        control.applicable
        and control.status == ControlStatus.IMPLEMENTED
        and not records.policies_for_control(control.id)
        and not records.evidence_for_control(control.id)
        and not records.unreadable_kinds & {"policy", "evidence"}
    )


def theme_of(records: Records, control_id: str) -> str:
    entry = records.catalog_entry(control_id)
    return entry.theme if entry is not None else OTHER_THEME


def rule_control_missing(records: Records, as_of: date) -> list[Problem]:
    line, column = records.settings.origin.at("framework")
    problems = []
    for control_id in missing_controls(records):
        message = _(
            "{title} (catalog {catalog}) has no control file; the Statement of Applicability must "
            "address every control: add controls/{id}.yaml with applicable and status"
        ).format(
            id=control_id, title=records.control_title(control_id), catalog=records.catalog.catalog
        )
        problems.append(
            Problem(
                rule="control-missing",
                id=control_id,
                file=records.settings_file,
                line=line,
                column=column,
                message=message,
                details={
                    "title": records.control_title(control_id),
                    "theme": theme_of(records, control_id),
                },
            )
        )
    return problems


def rule_control_gap(records: Records, as_of: date) -> list[Problem]:
    problems = []
    for control in records.controls:
        if not is_gap(control):
            continue
        message = _("{title}: applicable but not implemented (status {status})").format(
            title=records.control_title(control.id),
            status=record_label(ControlStatus, control.status).lower(),
        )
        problems.append(_problem("control-gap", records, control, message))
    return problems


def rule_control_unsupported(records: Records, as_of: date) -> list[Problem]:
    problems = []
    for control in records.controls:
        if not is_unsupported(records, control):
            continue
        message = _(
            "{title}: implemented, but no policy and no evidence is linked; list them under "
            "policies: or evidence: here, or name {id} in the controls: of a policy or evidence item"
        ).format(id=control.id, title=records.control_title(control.id))
        problems.append(_problem("control-unsupported", records, control, message))
    return problems


def _problem(rule: str, records: Records, control: Control, message: str) -> Problem:
    line, column = control.origin.at("status")
    return Problem(
        rule=rule,
        id=control.id,
        file=control.origin.file,
        line=line,
        column=column,
        message=message,
        details={
            "title": records.control_title(control.id),
            "owner": control.owner,
            "units": list(control.units),
            "status": control.status.value,
            "theme": theme_of(records, control.id),
        },
    )
