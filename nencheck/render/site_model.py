"""What the Kennisbank's pages are made from: each published policy with its state on the build
date, its versions from git and its document; and where each page lives in the site.

The site's layout (every link is relative, every page at most one folder deep)::

    index.html  search.html  archive.html  controls.html
    policy/ID.html  unit/ID.html  control/ID.html  files/ID/NAME  assets/...
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date

from nencheck.checks.policy_register import PolicyRow
from nencheck.model.history import Version

_SAFE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*$")


def safe_name(name: str) -> str:
    """A file name for an id or a copied file: the name itself when it is plain (``PROT-HAP-014``,
    ``5.1``, ``protocol.pdf``), else a readable form with a short hash so two names never meet."""
    if _SAFE.match(name) and len(name) <= 120:
        return name
    readable = re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("._")[:80] or "x"
    stem, dot, suffix = readable.rpartition(".")
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]
    return f"{stem}-{digest}.{suffix}" if dot and stem else f"{readable}-{digest}"


def policy_page(policy_id: str) -> str:
    return f"policy/{safe_name(policy_id)}.html"


def unit_page(unit_id: str) -> str:
    return f"unit/{safe_name(unit_id)}.html"


def control_page(control_id: str) -> str:
    return f"control/{safe_name(control_id)}.html"


@dataclass(frozen=True)
class DocumentView:
    """A policy's document as the site shows it.

    ``kind``: ``markdown`` (``html`` holds it), ``file`` (copied to ``href``), ``url`` (linked),
    ``none`` (the record names no document) or ``missing`` (named but not in the repository)."""

    kind: str
    name: str | None = None  # the file name or URL shown
    href: str | None = None  # relative to the site's root, or the URL
    html: str | None = None  # rendered Markdown: already escaped, safe to insert
    text: str = ""  # the words, for search
    size: int | None = None  # bytes of a copied file


@dataclass(frozen=True)
class SiteEntry:
    """One published policy: its row on the build date, its versions (newest first) and its
    document."""

    row: PolicyRow
    versions: list[Version]
    document: DocumentView

    @property
    def id(self) -> str:
        return self.row.policy.id

    @property
    def page(self) -> str:
        return policy_page(self.row.policy.id)

    def changed(self) -> str | None:
        """The date of the newest committed version (YYYY-MM-DD), or None."""
        return self.versions[0].date[:10] if self.versions else None


@dataclass(frozen=True)
class BuildStamp:
    """Where the site came from: the commit, whether the working tree had uncommitted changes,
    the evaluation date and the nencheck version. Nothing here reads the clock, so the same
    input gives the same bytes."""

    as_of: date
    commit: str | None
    uncommitted: bool
    version: str


@dataclass
class SiteData:
    organisation: str
    language: str
    units: dict[str, str]  # id -> name, in nencheck.yaml's order ('all' first)
    controls: dict[str, str]  # id -> title, in catalog order
    entries: list[SiteEntry]  # sorted by id
    stamp: BuildStamp
    include_drafts: bool = False
    by_id: dict[str, SiteEntry] = field(init=False)
    replaced_by: dict[str, list[SiteEntry]] = field(init=False)  # id -> the entries superseding it

    def __post_init__(self) -> None:
        self.by_id = {entry.id: entry for entry in self.entries}
        self.replaced_by = {}
        for entry in self.entries:
            if entry.row.policy.supersedes:
                self.replaced_by.setdefault(entry.row.policy.supersedes, []).append(entry)

    def with_state(self, *states: str) -> list[SiteEntry]:
        return [entry for entry in self.entries if entry.row.state in states]

    def current(self) -> list[SiteEntry]:
        """The active policies (and drafts when they are published): not the archive."""
        return [entry for entry in self.entries if entry.row.state != "retired"]
