"""network.yaml: a cooperative's list of member organisations and where their repositories are."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from nencheck.i18n import N_
from nencheck.model.base import Record
from nencheck.model.types import Identifier, Text

MEMBER_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,39}")


class Member(Record):
    """One member organisation: a path (relative to network.yaml) or a git URL, and optionally
    the revision to read (a branch, tag or commit)."""

    id: Identifier
    name: Text
    repo: Text
    rev: Text | None = None

    @field_validator("id")
    @classmethod
    def _plain_id(cls, value: str) -> str:
        # the id names files (--mirror-dir) and prefixes paths in `network check`
        if not MEMBER_ID.fullmatch(value):
            raise PydanticCustomError(
                "invalid_member_id",
                N_("a member id is letters, digits, '.', '_' or '-', e.g. P001"),
            )
        return value


class Network(Record):
    network: Text
    language: Literal["nl", "en"] = "nl"
    members: list[Member] = Field(min_length=1)
