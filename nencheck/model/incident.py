"""An incident report: security incident, data breach, calamity, complaint or signal."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, model_validator

from nencheck.i18n import N_
from nencheck.model.base import (
    Record,
    date_order_error,
    not_allowed_because,
    required_because,
)
from nencheck.model.types import Identifier, IsoDate, Text, Timestamp


class IncidentKind(StrEnum):
    SECURITY_INCIDENT = "security_incident"
    DATA_BREACH = "data_breach"
    CALAMITY = "calamity"
    COMPLAINT = "complaint"
    SIGNAL = "signal"


class IncidentStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    CLOSED = "closed"


class IncidentUpdate(Record):
    event_dates = ("date",)
    date: IsoDate
    status: IncidentStatus | None = None
    note: Text | None = None


class Incident(Record):
    event_dates = ("reported", "authority_notified", "closed")
    id: Identifier
    title: Text
    reported: Timestamp
    kind: IncidentKind
    units: list[Identifier] = Field(default_factory=lambda: ["all"])
    controls: list[Identifier] = Field(default_factory=list)
    # Data breach: the Autoriteit Persoonsgegevens within 72 hours (AVG art. 33).
    # Calamity: the IGJ within 3 working days (Wkkgz).
    authority_notified: Timestamp | None = None
    status: IncidentStatus
    closed: IsoDate | None = None
    owner: Text | None = None
    description: Text | None = None
    updates: list[IncidentUpdate] = Field(default_factory=list)
    notes: Text | None = None

    @model_validator(mode="after")
    def _closed_date(self) -> Incident:
        if self.status == IncidentStatus.CLOSED and self.closed is None:
            raise required_because("closed", N_("when status is closed (the date it was closed)"))
        if self.status != IncidentStatus.CLOSED and self.closed is not None:
            raise not_allowed_because("closed", N_("unless status is closed"))
        notified = self.authority_notified
        if notified is not None and notified < self.reported:
            raise date_order_error("authority_notified", notified, "reported", self.reported)
        if self.closed is not None and self.closed < self.reported.date():
            raise date_order_error("closed", self.closed, "reported", self.reported)
        return self

    @property
    def is_open(self) -> bool:
        return self.status != IncidentStatus.CLOSED
