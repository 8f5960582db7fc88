"""nencheck.yaml: the organisation's settings."""

from __future__ import annotations

from email.utils import getaddresses
from typing import Annotated, Literal, get_args

from pydantic import BeforeValidator, Field, WithJsonSchema, field_validator
from pydantic_core import PydanticCustomError

from nencheck.i18n import N_
from nencheck.model.base import Record
from nencheck.model.types import Duration, DurationField, Identifier, Text, parse_text

NOT_AN_ADDRESS = N_(
    "not one e-mail address; write a single address such as name@example.org on one line "
    "(no line breaks, no spaces, no second address)"
)


def parse_address(value: object) -> str:
    """A contact address (SPEC, "nencheck.yaml"): exactly one address, on one line, with an @
    and no spaces; ``Name <name@example.org>`` is one address too. Checked when the settings
    are read, so a bad one is a data error with its line, not a failure when mail is sent."""
    text = parse_text(value).strip()
    if not text.isprintable():  # line breaks, tabs, NUL and other control characters
        raise PydanticCustomError("invalid_address", NOT_AN_ADDRESS)
    parsed = getaddresses([text])
    if len(parsed) != 1 or "@" not in (mailbox := parsed[0][1]) or " " in mailbox:
        raise PydanticCustomError("invalid_address", NOT_AN_ADDRESS)
    local, _at, domain = mailbox.rpartition("@")
    if not local or not domain or "@" in local:
        raise PydanticCustomError("invalid_address", NOT_AN_ADDRESS)
    return text


ContactAddress = Annotated[
    str, BeforeValidator(parse_address), WithJsonSchema({"type": "string", "format": "email"})
]

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
    "policy-review-date-inconsistent",
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
    contacts: dict[str, ContactAddress] = Field(default_factory=dict)

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
