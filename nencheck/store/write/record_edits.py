"""Small round-trip edits the registers share: set a field in its place, append a dated update
entry, and make sure an edited file still holds a valid record before anything is written."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

from nencheck.errors import NencheckError
from nencheck.i18n import _
from nencheck.model.records import Records
from nencheck.store.read.loader import KINDS
from nencheck.store.read.parsing import parse_bytes, validate_file
from nencheck.store.write.writer import Change, scalar


@dataclass(frozen=True)
class Edit:
    """A change to the records (one or more files), with the id of the record it concerns and
    the commit message that says what and why."""

    record_id: str
    changes: list[Change]
    message: str


def set_field(mapping: Any, key: str, value: Any, after: Sequence[str] = ()) -> None:
    """Set ``key``: in place when present (quoted like the old value), else inserted after the
    last of ``after`` that the mapping has, else at the end."""
    value = fresh(value)
    if key in mapping:
        mapping[key] = scalar(value, like=mapping[key])
        return
    keys = list(mapping.keys())
    anchors = [keys.index(name) for name in after if name in mapping]
    if anchors:
        mapping.insert(max(anchors) + 1, key, scalar(value))
    else:
        mapping[key] = scalar(value)


def fresh(value: Any) -> Any:
    """A copy of a date: ruamel writes one object used twice as an anchor and an alias
    (``closed: &id001 2026-11-30`` ... ``date: *id001``), which nobody wants in a record."""
    if isinstance(value, datetime):
        return value.replace()
    if isinstance(value, date):
        return date(value.year, value.month, value.day)
    return value


def flow_list(values: Sequence[str]) -> Any:
    """A list of ids written on one line: ``controls: ["8.8", "5.15"]``."""
    from ruamel.yaml.comments import CommentedSeq

    sequence = CommentedSeq(scalar(value) for value in values)
    sequence.fa.set_flow_style()
    return sequence


def append_update(mapping: Any, day: date, status: str | None, note: str | None) -> None:
    """Append ``{date, status, note}`` to the record's ``updates:`` list (created at the end)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    entry = CommentedMap()
    entry["date"] = fresh(day)
    if status is not None:
        entry["status"] = status
    if note:
        entry["note"] = scalar(note)
    updates = mapping.get("updates")
    if not isinstance(updates, CommentedSeq):
        updates = CommentedSeq()
        mapping["updates"] = updates
    updates.append(entry)


def find_item(items: Any, identifier: str) -> Any:
    """The mapping in a list whose ``id`` is ``identifier`` (compared as text), or None."""
    for item in items or []:
        if isinstance(item, dict) and str(item.get("id")) == identifier:
            return item
    return None


def ensure_valid(path: str, content: bytes, kind: str) -> None:
    """Refuse to write a file that would no longer load as a valid record of ``kind``."""
    parsed = parse_bytes(path, content)
    if isinstance(parsed, tuple):
        model, list_key = KINDS[kind]
        errors = validate_file(path, parsed[0], parsed[1], model, list_key).errors
    else:
        errors = [parsed]
    if errors:
        raise NencheckError(
            _("the change would leave {file} invalid, so nothing was written: {errors}").format(
                file=path, errors="; ".join(str(error) for error in errors)
            )
        )


def require_controls(records: Records, controls: Sequence[str]) -> None:
    """Refuse control ids that are neither in the catalog nor in a control file."""
    known = set(records.catalog.ids()) | {control.id for control in records.controls}
    missing = [control for control in controls if control not in known]
    if missing:
        raise NencheckError(
            _(
                "unknown control(s): {ids}; use control ids of the catalog or of a control file"
            ).format(ids=", ".join(missing))
        )


def timestamp(moment: datetime) -> Any:
    """A timestamp written as ``2025-05-02T10:15:00+02:00`` (unquoted, with the T)."""
    from ruamel.yaml.timestamp import TimeStamp

    offset = moment.utcoffset()
    assert offset is not None, "timestamps in records always carry their UTC offset"
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    name = f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    stamp = TimeStamp(
        moment.year,
        moment.month,
        moment.day,
        moment.hour,
        moment.minute,
        moment.second,
        tzinfo=timezone(offset, name),
    )
    stamp._yaml["t"] = True
    return stamp


def require_units(records: Records, units: Sequence[str]) -> None:
    """Refuse unit ids that nencheck.yaml does not define ('all' is always known)."""
    known = records.settings.unit_ids() | {"all"}
    unknown = [unit for unit in units if unit not in known]
    if unknown:
        raise NencheckError(
            _("unknown unit(s): {ids}; use 'all' or a unit of nencheck.yaml ({units})").format(
                ids=", ".join(unknown), units=", ".join(sorted(known))
            )
        )
