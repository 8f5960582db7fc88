"""An information-security risk: its assessment and treatment plan (ISO 27001 6.1.2, 6.1.3)."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import ClassVar

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from nencheck.i18n import N_
from nencheck.model.base import Record, not_allowed_because, required_because
from nencheck.model.types import DurationField, Identifier, IsoDate, Text

# A level is worked out from likelihood x impact with nencheck.yaml's ``risk.levels``: a level
# written in the file would go stale on the next reassessment or change of the criteria.
DERIVED_LEVEL = N_(
    "a risk's level is never written by hand: nencheck derives it from likelihood x impact "
    "with the levels of nencheck.yaml; remove '{name}'"
)


class Treatment(StrEnum):
    MITIGATE = "mitigate"
    ACCEPT = "accept"
    TRANSFER = "transfer"
    AVOID = "avoid"


class RiskStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class ActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"


class Affects(StrEnum):
    CONFIDENTIALITY = "confidentiality"
    INTEGRITY = "integrity"
    AVAILABILITY = "availability"
    PATIENT_SAFETY = "patient_safety"


class Score(Record):
    """Likelihood and impact on the scales of nencheck.yaml (1..the length of each scale; the
    upper bound is checked against the settings in ``model.integrity``)."""

    DERIVED_FIELDS: ClassVar[dict[str, str]] = {"level": DERIVED_LEVEL, "score": DERIVED_LEVEL}

    likelihood: int
    impact: int

    @field_validator("likelihood", "impact", mode="before")
    @classmethod
    def _whole_positive(cls, value: object) -> object:
        text = str(value).strip() if isinstance(value, str | int) else None
        if isinstance(value, bool) or text is None or not text.isdigit() or int(text) < 1:
            raise PydanticCustomError(
                "invalid_score", N_("expected a whole number from 1 up (a step of the scale)")
            )
        return int(text)

    @property
    def value(self) -> int:
        return self.likelihood * self.impact


class Action(Record):
    event_dates = ("done",)

    id: Identifier
    title: Text
    owner: Text
    due: IsoDate
    status: ActionStatus
    done: IsoDate | None = None
    notes: Text | None = None

    @model_validator(mode="after")
    def _done_date(self) -> Action:
        if self.status == ActionStatus.DONE and self.done is None:
            raise required_because("done", N_("when status is done (the date it was done)"))
        if self.status != ActionStatus.DONE and self.done is not None:
            raise not_allowed_because("done", N_("unless status is done"))
        return self

    @property
    def is_open(self) -> bool:
        return self.status == ActionStatus.OPEN


class Risk(Record):
    event_dates = ("assessed", "accepted")
    DERIVED_FIELDS: ClassVar[dict[str, str]] = {"level": DERIVED_LEVEL, "score": DERIVED_LEVEL}

    id: Identifier
    title: Text
    threat: Text | None = None
    vulnerability: Text | None = None
    assets: list[Text] = Field(default_factory=list)
    units: list[Identifier] = Field(default_factory=lambda: ["all"])
    owner: Text
    affects: list[Affects] = Field(default_factory=list)
    current: Score
    target: Score | None = None
    treatment: Treatment
    controls: list[Identifier] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    accepted_by: Text | None = None
    accepted: IsoDate | None = None
    assessed: IsoDate
    review_interval: DurationField
    status: RiskStatus
    notes: Text | None = None

    @model_validator(mode="after")
    def _acceptance(self) -> Risk:
        # Who accepted and when belong together: a name without a date (or the reverse) is no
        # record of a management decision.
        if self.accepted_by is not None and self.accepted is None:
            raise required_because("accepted", N_("with accepted_by (the date of the acceptance)"))
        if self.accepted is not None and self.accepted_by is None:
            raise required_because("accepted_by", N_("with accepted (who accepted the risk)"))
        return self

    @property
    def is_open(self) -> bool:
        return self.status == RiskStatus.OPEN

    @property
    def is_accepted(self) -> bool:
        return self.accepted_by is not None and self.accepted is not None

    def next_assessment(self) -> date:
        return self.review_interval.after(self.assessed)
