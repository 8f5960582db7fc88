"""Keeping the incident register: report an incident, log updates and the notification to the
authority, close it. One file per incident: evidence/incidents/<year>/<id>.yaml."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from nencheck.errors import NencheckError
from nencheck.i18n import _
from nencheck.model.incident import Incident, IncidentKind, IncidentStatus
from nencheck.model.records import Records, find_by_id
from nencheck.registers.ids import next_incident_id
from nencheck.store.read.loader import INCIDENTS_DIR
from nencheck.store.write.record_edits import (
    Edit,
    append_update,
    ensure_valid,
    require_controls,
    require_units,
    set_field,
    timestamp,
)
from nencheck.store.write.writer import Change, dump_edited, load_for_edit, new_record_yaml, scalar

LOCAL_ZONE = "Europe/Amsterdam"  # a time typed without an offset is Dutch local time


def parse_moment(text: str, option: str) -> datetime:
    """``2025-05-02T10:15+02:00``; without an offset (``2025-05-02 10:15``) Dutch local time."""
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise NencheckError(
            _(
                "{option}: '{value}' is not a date and time; write it as 2025-05-02T10:15+02:00 "
                "or 2025-05-02 10:15 (Dutch local time)"
            ).format(option=option, value=text)
        ) from None
    if moment.tzinfo is not None:
        return moment
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        zone = ZoneInfo(LOCAL_ZONE)
    except ZoneInfoNotFoundError:
        raise NencheckError(
            _(
                "{option}: no time zone data on this computer; add the UTC offset, "
                "e.g. {value}+01:00"
            ).format(option=option, value=text)
        ) from None
    local = moment.replace(tzinfo=zone)
    offset = local.utcoffset()
    assert offset is not None
    from datetime import timezone

    return moment.replace(tzinfo=timezone(offset))


def find_incident(records: Records, incident_id: str) -> Incident:
    found = find_by_id(records.incidents, incident_id, lambda incident: incident.id)
    if found is not None:
        return found
    raise NencheckError(
        _("there is no incident '{id}'; 'nencheck incident list' shows the incidents").format(
            id=incident_id
        )
    )


def add_incident(
    root: Path,
    records: Records,
    *,
    title: str,
    kind: str,
    reported: datetime,
    units: Sequence[str],
    controls: Sequence[str],
    owner: str | None = None,
    description: str | None = None,
) -> Edit:
    require_units(records, units)
    require_controls(records, controls)
    incident_id = next_incident_id(reported.year, (incident.id for incident in records.incidents))
    path = f"{INCIDENTS_DIR}/{reported.year}/{incident_id.lower()}.yaml"
    if (root / path).exists():
        raise NencheckError(
            _("{file} already exists but holds no incident {id}; move it away first").format(
                file=path, id=incident_id
            )
        )
    data: dict[str, Any] = {
        "id": incident_id,
        "title": title,
        "reported": timestamp(reported),
        "kind": kind,
    }
    if units:
        data["units"] = list(units)
    if controls:
        data["controls"] = list(controls)
    if owner:
        data["owner"] = owner
    data["status"] = IncidentStatus.OPEN.value
    if description:
        data["description"] = description
    content = new_record_yaml(data)
    ensure_valid(path, content, "incident")
    message = _("Report incident {id} ({kind}): {title}\n\nReported {reported}.").format(
        id=incident_id, kind=kind, title=title, reported=reported.isoformat()
    )
    if kind in (IncidentKind.DATA_BREACH.value, IncidentKind.CALAMITY.value):
        message += " " + _("The notification deadline runs: see 'nencheck incident list'.")
    return Edit(incident_id, [Change(path, content)], message + "\n")


def update_incident(
    root: Path,
    records: Records,
    incident_id: str,
    *,
    day: date,
    status: str | None,
    notified: datetime | None,
    note: str | None,
) -> Edit:
    if status is None and notified is None and not note:
        raise NencheckError(_("give --status, --notified or --note: an update must say something"))
    if status == IncidentStatus.CLOSED.value:
        raise NencheckError(
            _("to close an incident use 'nencheck incident close {id} --date D'").format(
                id=incident_id
            )
        )
    incident = find_incident(records, incident_id)
    incident_id = incident.id  # as written in the file
    path = incident.origin.file
    document = load_for_edit(root, path)
    parts = []
    if status is not None:
        document["status"] = scalar(status, like=document.get("status"))
        if "closed" in document:  # reopened
            del document["closed"]
        parts.append(_("status {status}").format(status=status))
    if notified is not None:
        set_field(
            document,
            "authority_notified",
            timestamp(notified),
            after=("reported", "kind", "units", "controls"),
        )
        parts.append(_("authority notified {when}").format(when=notified.isoformat()))
    if note or status is not None:
        append_update(document, day, status, note)
    content = dump_edited(document)
    ensure_valid(path, content, "incident")
    headline = _("Update incident {id}: {what}").format(
        id=incident_id, what=", ".join(parts) or _("note")
    )
    return Edit(incident_id, [Change(path, content)], f"{headline}\n\n{note or ''}".rstrip() + "\n")


def close_incident(
    root: Path, records: Records, incident_id: str, *, day: date, note: str | None
) -> Edit:
    incident = find_incident(records, incident_id)
    incident_id = incident.id  # as written in the file
    if incident.status == IncidentStatus.CLOSED:
        raise NencheckError(
            _("incident {id} was already closed on {date}").format(
                id=incident_id, date=incident.closed
            )
        )
    path = incident.origin.file
    document = load_for_edit(root, path)
    document["status"] = scalar(IncidentStatus.CLOSED.value, like=document.get("status"))
    set_field(document, "closed", day, after=("status",))
    if note:
        append_update(document, day, IncidentStatus.CLOSED.value, note)
    content = dump_edited(document)
    ensure_valid(path, content, "incident")
    message = _("Close incident {id} on {date}").format(id=incident_id, date=day.isoformat())
    return Edit(incident_id, [Change(path, content)], f"{message}\n\n{note or ''}".rstrip() + "\n")
