"""The record base class: strict fields and where in the repository a record was read from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, PrivateAttr
from pydantic_core import PydanticCustomError

from nencheck.i18n import N_


@dataclass(frozen=True)
class Origin:
    """Where a record stands: its file (relative to the repository), the line and column of the
    record, and of each of its top-level values (so a problem can point at ``next_review``).

    The values' places are two tuples, not a dict: ``names`` and ``positions`` (the line and
    column of ``names[0]``, then of ``names[1]``, ...). A run reads tens of thousands of origins
    from the parse cache and asks few of them where a value stands; as plain tuples they cost a
    third of what a dict of pairs did to read."""

    file: str
    line: int = 1
    column: int = 1
    names: tuple[str, ...] = ()
    positions: tuple[int, ...] = ()

    @classmethod
    def of(cls, file: str, line: int, column: int, fields: Mapping[str, tuple[int, int]]) -> Origin:
        """An origin from a mapping of field name to (line, column)."""
        return cls(
            file, line, column, tuple(fields), tuple(n for at in fields.values() for n in at)
        )

    def at(self, name: str) -> tuple[int, int]:
        """The line and column of a field's value, else of the record."""
        if name not in self.names:
            return self.line, self.column
        index = 2 * self.names.index(name)
        return self.positions[index], self.positions[index + 1]


class Record(BaseModel):
    """A strict record: unknown fields are errors, values are validated, nothing is coerced from
    YAML 1.1 surprises (the loader keeps every scalar as text except null and true/false)."""

    model_config = ConfigDict(extra="forbid", validate_default=False, defer_build=True)

    _origin: Origin | None = PrivateAttr(default=None)
    # The fields holding dates of things that have happened: never after today (model/events.py).
    event_dates: ClassVar[tuple[str, ...]] = ()

    @property
    def origin(self) -> Origin:
        private = self.__pydantic_private__  # read directly: pydantic's __getattr__ is slow
        found = private.get("_origin") if private is not None else None
        return found or Origin(file="")

    def with_origin(self, origin: Origin) -> Any:
        private = self.__pydantic_private__
        if private is None:
            self._origin = origin
        else:
            private["_origin"] = origin  # what pydantic's __setattr__ does, without its overhead
        return self


# The loader translates these by kind (store/read/validation_messages.py); ``reason`` is marked N_().
REQUIRED_BECAUSE = N_("missing field '{field}': it is required {reason}")
NOT_ALLOWED_BECAUSE = N_("field '{field}' is not allowed {reason}")
DATE_ORDER = N_("'{field}' ({value}) is before '{other}' ({other_value}); correct the date")


def required_because(field_name: str, reason: str) -> PydanticCustomError:
    """A field that is required only in some states (e.g. ``closed`` when status is closed).

    The ``field`` in the context lets the loader point at the right line."""
    return PydanticCustomError(
        "conditional_missing", REQUIRED_BECAUSE, {"field": field_name, "reason": reason}
    )


def not_allowed_because(field_name: str, reason: str) -> PydanticCustomError:
    return PydanticCustomError(
        "conditional_forbidden", NOT_ALLOWED_BECAUSE, {"field": field_name, "reason": reason}
    )


def date_order_error(field_name: str, value: object, other: str, other_value: object) -> Any:
    """A date that cannot come before another of the same record (notified before reported,
    closed before the audit): a typo, most often in the year."""
    return PydanticCustomError(
        "date_order",
        DATE_ORDER,
        {"field": field_name, "value": str(value), "other": other, "other_value": str(other_value)},
    )
