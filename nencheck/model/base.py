"""The record base class: strict fields and where in the repository a record was read from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, PrivateAttr
from pydantic_core import PydanticCustomError


@dataclass(frozen=True)
class Origin:
    """Where a record stands: its file (relative to the repository), the line and column of the
    record, and of each of its top-level values (so a problem can point at ``next_review``)."""

    file: str
    line: int = 1
    column: int = 1
    fields: dict[str, tuple[int, int]] = field(default_factory=dict)

    def at(self, name: str) -> tuple[int, int]:
        return self.fields.get(name, (self.line, self.column))


class Record(BaseModel):
    """A strict record: unknown fields are errors, values are validated, nothing is coerced from
    YAML 1.1 surprises (the loader keeps every scalar as text except null and true/false)."""

    model_config = ConfigDict(extra="forbid", validate_default=False)

    _origin: Origin | None = PrivateAttr(default=None)

    @property
    def origin(self) -> Origin:
        return self._origin or Origin(file="")

    def with_origin(self, origin: Origin) -> Any:
        self._origin = origin
        return self


def required_because(field_name: str, reason: str) -> PydanticCustomError:
    """A field that is required only in some states (e.g. ``closed`` when status is closed).

    The ``field`` in the context lets the loader point at the right line."""
    return PydanticCustomError(
        "conditional_missing",
        "missing field '{field}': it is required {reason}",
        {"field": field_name, "reason": reason},
    )


def not_allowed_because(field_name: str, reason: str) -> PydanticCustomError:
    return PydanticCustomError(
        "conditional_forbidden",
        "field '{field}' is not allowed {reason}",
        {"field": field_name, "reason": reason},
    )
