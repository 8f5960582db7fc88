"""network.yaml: a cooperative's list of member organisations and where their repositories are."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from nencheck.model.base import Record
from nencheck.model.types import Identifier, Text


class Member(Record):
    """One member organisation: a path (relative to network.yaml) or a git URL, and optionally
    the revision to read (a branch, tag or commit)."""

    id: Identifier
    name: Text
    repo: Text
    rev: Text | None = None


class Network(Record):
    network: Text
    language: Literal["nl", "en"] = "nl"
    members: list[Member] = Field(min_length=1)
