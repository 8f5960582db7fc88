"""What git tells about records: a version of a record, one commit's change to one file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Version:
    """One version of a record: who committed it when, and the ``version:`` it carried.
    ``changed`` says what the commit changed: the record, its linked document, or both (a
    document changed alone keeps the record's version, which ``policy-changed-unversioned``
    then flags)."""

    commit: str
    date: str
    author: str
    version: str | None
    message: str
    path: str
    changed: tuple[str, ...] = ("record",)

    def to_json(self) -> dict[str, Any]:
        return {
            "commit": self.commit,
            "date": self.date,
            "author": self.author,
            "version": self.version,
            "message": self.message,
            "file": self.path,
            "changed": list(self.changed),
        }


@dataclass(frozen=True)
class FileChange:
    """One commit's change to one file, under the file's current name."""

    commit: str
    day: date  # the commit date, in the committer's time zone
    path: str
    keys: frozenset[str] | None = None  # top-level keys changed in a YAML file; None: unknown


@dataclass(frozen=True)
class FileAtTwoRevisions:
    """One file's content at revision A and at B (None: not there); its name at each."""

    path_a: str | None
    path_b: str | None
    content_a: bytes | None
    content_b: bytes | None


@dataclass(frozen=True)
class PolicyDiff:
    """A policy's record and document between two commits, for ``policy diff``."""

    policy_id: str
    commit_a: str
    commit_b: str
    files: list[FileAtTwoRevisions]


@dataclass(frozen=True)
class Assessment:
    """One assessment of a risk as git holds it: the commit that recorded it (when, by whom),
    the ``assessed`` date and the scores written then."""

    commit: str
    date: str  # the commit's author date, ISO 8601
    author: str
    assessed: str  # YYYY-MM-DD as written in the file
    likelihood: int
    impact: int
    target: tuple[int, int] | None
    path: str
