"""nencheck.yaml: the organisation's settings."""

from __future__ import annotations

from collections.abc import Mapping
from itertools import pairwise
from typing import Annotated, Literal, get_args

from pydantic import BeforeValidator, Field, WithJsonSchema, field_validator, model_validator
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
    from email.utils import getaddresses  # only when an address is read: 4 ms to import

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
    "risk-review-overdue",
    "risk-action-overdue",
    "risk-above-appetite",
    "risk-control-excluded",
    "control-unjustified",
]
RULES: tuple[str, ...] = get_args(RuleName)


def _default_fail_on() -> list[RuleName]:
    return ["policy-overdue"]


class Unit(Record):
    id: Identifier
    name: Text


# SPEC, nencheck.yaml ``risk:``: the criteria when the block (or one of its keys) is absent.
DEFAULT_LIKELIHOOD = [
    "Zeer onwaarschijnlijk",
    "Onwaarschijnlijk",
    "Mogelijk",
    "Waarschijnlijk",
    "Zeer waarschijnlijk",
]
DEFAULT_IMPACT = ["Verwaarloosbaar", "Gering", "Aanzienlijk", "Ernstig", "Catastrofaal"]
DEFAULT_LEVELS = {"low": 4, "medium": 9, "high": 16, "critical": 25}
LEVELS_NOT_RISING = N_(
    "levels must rise: each level holds the scores up to a higher number than the one before"
)
LEVELS_TOO_LOW = N_("the highest level must hold the highest score, {top} (likelihood x impact)")
APPETITE_NOT_A_LEVEL = N_("appetite must be one of the levels: {levels}")


def level_of(score: int, levels: Mapping[str, int]) -> str:
    """The level that holds ``score``: the first (ascending) whose number is at least the score.
    A score above every level (criteria that do not cover the scales) gets the highest."""
    for name, upper in levels.items():
        if score <= upper:
            return name
    return list(levels)[-1]


class RiskCriteria(Record):
    """How risks are scored: the likelihood and impact scales (their labels, 1..n), the levels
    (a level holds the scores up to its number) and the appetite."""

    likelihood: list[Text] = Field(default_factory=lambda: list(DEFAULT_LIKELIHOOD), min_length=2)
    impact: list[Text] = Field(default_factory=lambda: list(DEFAULT_IMPACT), min_length=2)
    levels: dict[Identifier, int] = Field(
        default_factory=lambda: dict(DEFAULT_LEVELS), min_length=1
    )
    appetite: Identifier = "medium"

    @model_validator(mode="after")
    def _consistent(self) -> RiskCriteria:
        numbers = list(self.levels.values())
        if any(b <= a for a, b in pairwise(numbers)) or numbers[0] < 1:
            raise PydanticCustomError("levels_not_rising", LEVELS_NOT_RISING)
        top = len(self.likelihood) * len(self.impact)
        if numbers[-1] < top:
            raise PydanticCustomError("levels_too_low", LEVELS_TOO_LOW, {"top": top})
        if self.appetite not in self.levels:
            raise PydanticCustomError(
                "invalid_appetite", APPETITE_NOT_A_LEVEL, {"levels": ", ".join(self.levels)}
            )
        return self

    def level(self, score: int) -> str:
        return level_of(score, self.levels)

    def above_appetite(self, score: int) -> bool:
        """A score whose level ranks above the appetite's level."""
        names = list(self.levels)
        return names.index(self.level(score)) > names.index(self.appetite)


class Settings(Record):
    organisation: Text
    framework: Text = "nen7510-2024"
    language: Literal["nl", "en"] = "nl"
    units: list[Unit] = Field(default_factory=list)
    due_soon: DurationField = Duration(60, "d")
    training_target: float = Field(default=0.90, ge=0.0, le=1.0)
    fail_on: list[RuleName] = Field(default_factory=_default_fail_on)
    contacts: dict[str, ContactAddress] = Field(default_factory=dict)
    risk: RiskCriteria = Field(default_factory=RiskCriteria)

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
