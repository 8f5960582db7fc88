"""A Statement of Applicability entry: one control file."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, StrictBool, model_validator

from nencheck.i18n import N_
from nencheck.model.base import Record, required_because
from nencheck.model.types import Identifier, Text


class ControlStatus(StrEnum):
    NOT_STARTED = "not_started"
    PLANNED = "planned"
    PARTIAL = "partial"
    IMPLEMENTED = "implemented"


class Control(Record):
    id: Identifier
    title: Text | None = None  # required for an own control that is not in the catalog
    applicable: StrictBool
    justification: Text | None = None
    status: ControlStatus
    owner: Text | None = None
    units: list[Identifier] = Field(default_factory=lambda: ["all"])
    policies: list[Identifier] = Field(default_factory=list)
    evidence: list[Identifier] = Field(default_factory=list)
    notes: Text | None = None

    @model_validator(mode="after")
    def _justify_exclusion(self) -> Control:
        if not self.applicable and not (self.justification or "").strip():
            raise required_because(
                "justification", N_("when applicable is false (why is it excluded?)")
            )
        return self
