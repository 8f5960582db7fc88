"""nencheck.yaml: the organisation's settings."""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from nencheck.i18n import N_
from nencheck.model.base import Record
from nencheck.model.types import Duration, DurationField, Identifier, Text

RuleName = Literal[
    "policy-overdue",
    "policy-due-soon",
    "policy-changed-unversioned",
    "document-link-unknown",
    "finding-overdue",
    "evidence-expired",
    "training-overdue",
    "training-below-target",
    "control-missing",
    "control-gap",
    "control-unsupported",
    "breach-notification-late",
    "calamity-report-late",
]
RULES: tuple[str, ...] = get_args(RuleName)


def _default_fail_on() -> list[RuleName]:
    return ["policy-overdue"]


class Unit(Record):
    id: Identifier
    name: Text


class Settings(Record):
    organisation: Text
    framework: Text = "nen7510-2024"
    language: Literal["nl", "en"] = "nl"
    units: list[Unit] = Field(default_factory=list)
    due_soon: DurationField = Duration(60, "d")
    training_target: float = Field(default=0.90, ge=0.0, le=1.0)
    fail_on: list[RuleName] = Field(default_factory=_default_fail_on)
    contacts: dict[str, Text] = Field(default_factory=dict)

    @field_validator("training_target", mode="before")
    @classmethod
    def _not_a_boolean(cls, value: object) -> object:
        if isinstance(value, bool):  # pydantic would read true as 1.0: a 100% target by accident
            raise PydanticCustomError("float_type", N_("expected a number"))
        return value

    def unit_ids(self) -> set[str]:
        return {unit.id for unit in self.units}

    def unit_name(self, unit_id: str) -> str:
        for unit in self.units:
            if unit.id == unit_id:
                return unit.name
        return unit_id
