"""A controlled document: policy, protocol, procedure, work instruction or form."""

from __future__ import annotations

import posixpath
from datetime import date
from enum import StrEnum

from pydantic import Field, model_validator

from nencheck.i18n import N_
from nencheck.model.base import Record, not_allowed_because, required_because
from nencheck.model.types import URL_PREFIXES, DurationField, Identifier, IsoDate, Text


class PolicyType(StrEnum):
    POLICY = "policy"
    PROTOCOL = "protocol"
    PROCEDURE = "procedure"
    WORK_INSTRUCTION = "work_instruction"
    FORM = "form"
    OTHER = "other"


class PolicyStatus(StrEnum):
    DRAFT = "draft"
    ACTIVE = "active"
    RETIRED = "retired"


class PolicyState(StrEnum):
    """A policy's review state on a date (``checks.policies.policy_state``): derived, not stored."""

    OK = "ok"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    DRAFT = "draft"
    RETIRED = "retired"


class Review(Record):
    """One entry of a policy's review log. A commit author is not an approval: the reviewer
    and the date are recorded in the file itself (NEN 7510 / ISO 27001 clause 7.5)."""

    event_dates = ("date",)
    date: IsoDate
    reviewer: Text
    version: Text | None = None
    note: Text | None = None


class Policy(Record):
    event_dates = ("last_reviewed", "approved")
    id: Identifier
    title: Text
    type: PolicyType
    status: PolicyStatus
    version: Text
    owner: Text
    approved_by: Text | None = None
    approved: IsoDate | None = None
    last_reviewed: IsoDate | None = None
    review_interval: DurationField | None = None
    next_review: IsoDate | None = None
    units: list[Identifier] = Field(default_factory=lambda: ["all"])
    controls: list[Identifier] = Field(default_factory=list)
    document: Text | None = None
    audience: list[Text] = Field(default_factory=list)
    supersedes: Identifier | None = None
    reviews: list[Review] = Field(default_factory=list)
    retired: IsoDate | None = None
    retired_reason: Text | None = None
    notes: Text | None = None

    @model_validator(mode="after")
    def _active_needs_review_schedule(self) -> Policy:
        if self.status == PolicyStatus.ACTIVE:
            if self.next_review is None and self.last_reviewed is None:
                raise required_because("last_reviewed", N_("for an active policy"))
            if self.next_review is None and self.review_interval is None:
                raise required_because(
                    "review_interval", N_("for an active policy without an explicit next_review")
                )
        if self.status != PolicyStatus.RETIRED and self.retired is not None:
            raise not_allowed_because("retired", N_("unless status is retired"))
        return self

    def next_review_date(self) -> date | None:
        """The explicit ``next_review`` wins; otherwise last_reviewed + review_interval."""
        if self.next_review is not None:
            return self.next_review
        if self.last_reviewed is not None and self.review_interval is not None:
            return self.review_interval.after(self.last_reviewed)
        return None


def linked_document(policy: Policy) -> str | None:
    """The repository path of the policy's document, or None (no document, or a URL)."""
    document = policy.document
    if not document or document.startswith(URL_PREFIXES):
        return None
    parts = document.split("/")
    if "" in parts or "." in parts or ".." in parts:
        return posixpath.normpath(document)
    return document  # what normpath would give: several rules ask for each of 10,000 policies
