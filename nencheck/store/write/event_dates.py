"""No write records a thing that has not happened yet: every command that changes records
checks the files it is about to write for event dates after today (SPEC, "Evaluation"),
whatever ``--as-of`` or ``--date`` say. Today comes from the CLI."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Protocol

from nencheck.errors import NencheckError
from nencheck.i18n import _
from nencheck.model.events import future_event_errors
from nencheck.store.read.loader import kind_of_path


class _Change(Protocol):
    path: str
    content: bytes


def refuse_future_events(changes: Iterable[_Change], today: date) -> None:
    """Raise (exit 2, nothing written) when a changed record file would hold an event date
    after today; the message names the file, line and field."""
    from nencheck.store.read.parsing import records_from_bytes

    errors = []
    for change in changes:
        kind = kind_of_path(change.path)
        if kind is None:
            continue
        result = records_from_bytes(change.path, change.content, kind)
        errors += future_event_errors(result.records, today)
    if errors:
        raise NencheckError(
            _("nothing was written: {errors}").format(
                errors="; ".join(str(error) for error in errors)
            )
        )
