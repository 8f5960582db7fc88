"""An audit (internal, external, certification, pentest, self-assessment) with its findings."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, model_validator

from nencheck.i18n import N_
from nencheck.model.base import Record, not_allowed_because, required_because
from nencheck.model.types import Identifier, IsoDate, Text


class AuditType(StrEnum):
    INTERNAL = "internal"
    EXTERNAL = "external"
    CERTIFICATION = "certification"
    PENTEST = "pentest"
    SELF_ASSESSMENT = "self_assessment"


class Severity(StrEnum):
    MAJOR = "major"
    MINOR = "minor"
    OBSERVATION = "observation"
    IMPROVEMENT = "improvement"


class FindingStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    CLOSED = "closed"
    ACCEPTED = "accepted"


class FindingUpdate(Record):
    event_dates = ("date",)
    date: IsoDate
    status: FindingStatus | None = None
    note: Text | None = None


class Finding(Record):
    event_dates = ("closed",)
    id: Identifier
    title: Text
    severity: Severity
    controls: list[Identifier] = Field(default_factory=list)
    owner: Text
    due: IsoDate
    status: FindingStatus
    closed: IsoDate | None = None
    resolution: Text | None = None
    evidence: list[Identifier] = Field(default_factory=list)
    updates: list[FindingUpdate] = Field(default_factory=list)
    notes: Text | None = None

    @model_validator(mode="after")
    def _closed_date(self) -> Finding:
        if self.status == FindingStatus.CLOSED and self.closed is None:
            raise required_because("closed", N_("when status is closed (the date it was closed)"))
        if self.status != FindingStatus.CLOSED and self.closed is not None:
            raise not_allowed_because("closed", N_("unless status is closed"))
        return self

    @property
    def is_open(self) -> bool:
        """Open or in progress; accepted and closed findings are not open (SPEC)."""
        return self.status in (FindingStatus.OPEN, FindingStatus.IN_PROGRESS)


class Audit(Record):
    id: Identifier
    title: Text
    type: AuditType
    date: IsoDate
    auditor: Text | None = None
    units: list[Identifier] = Field(default_factory=lambda: ["all"])
    report: Text | None = None
    findings: list[Finding] = Field(default_factory=list)
    notes: Text | None = None
