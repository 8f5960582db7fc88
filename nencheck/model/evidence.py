"""An evidence item: a dated proof that a control works, valid for a period."""

from __future__ import annotations

from datetime import date

from pydantic import Field, model_validator

from nencheck.i18n import N_
from nencheck.model.base import (
    Record,
    date_order_error,
    not_allowed_because,
    required_because,
)
from nencheck.model.types import DurationField, Identifier, IsoDate, Text

SHA256_PATTERN = r"^[0-9a-f]{64}$"


class Evidence(Record):
    event_dates = ("collected",)
    id: Identifier
    title: Text
    controls: list[Identifier] = Field(default_factory=list)
    collected: IsoDate
    valid_for: DurationField | None = None
    valid_until: IsoDate | None = None
    owner: Text | None = None
    units: list[Identifier] = Field(default_factory=lambda: ["all"])
    file: Text | None = None
    sha256: str | None = Field(default=None, pattern=SHA256_PATTERN)
    notes: Text | None = None

    @model_validator(mode="after")
    def _one_validity(self) -> Evidence:
        if self.valid_for is None and self.valid_until is None:
            raise required_because(
                "valid_for", N_("(or valid_until): how long does this evidence count?")
            )
        if self.valid_for is not None and self.valid_until is not None:
            raise not_allowed_because(
                "valid_until", N_("together with valid_for; keep one of them")
            )
        if self.sha256 is not None and self.file is None:
            raise not_allowed_because("sha256", N_("without a file"))
        if self.valid_until is not None and self.valid_until < self.collected:
            raise date_order_error("valid_until", self.valid_until, "collected", self.collected)
        return self

    def valid_until_date(self) -> date:
        """The last day on which this evidence still counts (inclusive)."""
        if self.valid_until is not None:
            return self.valid_until
        assert self.valid_for is not None
        return self.valid_for.after(self.collected)
