"""Rules that read the policies' Markdown documents besides the records
(``document-link-unknown``), bound to the links found in them. Each document is scanned with a
quick pattern; only one that names an unknown id is parsed with the CommonMark parser the
Kennisbank uses (so a link in a code block is not counted), keeping ``check`` fast."""

from __future__ import annotations

import hashlib
import os
import re
import time
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from nencheck.checks.document_links import DocumentLink, looks_like_policy_id
from nencheck.checks.problem import Problem
from nencheck.model.policy import linked_document
from nencheck.model.records import Records
from nencheck.store.read.source import FileSource, WorkingTree

Rule = Callable[[Records, date], list[Problem]]
MARKDOWN_SUFFIXES = (".md", ".markdown")
# inline links [text](TARGET) and reference definitions [label]: TARGET
_INLINE_TARGET = re.compile(r"(?:\]\(\s*<?|^ {0,3}\[[^\]]+\]:\s*<?)([^)\s>]+)", re.M)


def document_link_rules(
    root: Path, source: FileSource, records: Records, use_cache: bool = True
) -> list[Rule]:
    from nencheck.checks.rules import DOCUMENTS, RULES

    cache = _LinkCache(root, use_cache)
    scans = _ScanCache(root, use_cache)
    links = document_links(source, records, cache.links_of, scans)
    cache.save()
    scans.save()
    return [partial(rule.function, links=links) for rule in RULES if rule.needs == DOCUMENTS]


def document_links(
    source: FileSource,
    records: Records,
    links_of: Callable[[str], list[tuple[int, str]]] | None = None,
    scans: _ScanCache | None = None,
) -> list[DocumentLink]:
    """The links of every policy's Markdown document that may name no policy (the rule
    decides)."""
    links_of = links_of or _markdown_links
    scans = scans if isinstance(source, WorkingTree) else None
    known = {policy.id.casefold() for policy in records.policies}
    found: list[DocumentLink] = []
    seen: set[str] = set()
    for policy in sorted(records.policies, key=lambda p: p.id):
        path = linked_document(policy)
        if path is None or path in seen or not path.lower().endswith(MARKDOWN_SUFFIXES):
            continue
        seen.add(path)
        for line, target in _suspicious_links(source, path, known, links_of, scans):
            found.append(DocumentLink(path, line, target, policy.id))
    return found


def _suspicious_links(
    source: FileSource,
    path: str,
    known: set[str],
    links_of: Callable[[str], list[tuple[int, str]]],
    scans: _ScanCache | None,
) -> list[tuple[int, str]]:
    """The links of a document that names an id no policy has (else none). A document unchanged
    since the last run (same size and modification time, and not changed within the last few
    seconds of that run) is not read again: ``scans`` keeps its id-like targets and links."""
    cached = scans.get(path) if scans is not None else None
    if cached is None:
        text = _read(source, path)
        if text is None:
            return []
        candidates = [t for t in _INLINE_TARGET.findall(text) if looks_like_policy_id(t)]
        links = links_of(text) if candidates else []
        if scans is not None:
            scans.put(path, candidates, links)
    else:
        candidates, links = cached
    return links if any(t.casefold() not in known for t in candidates) else []


class _LinkCache:
    """The links of each document by its content's hash, kept between runs under
    ``.nencheck/cache`` (sealed like the parse cache): parsing is what costs time."""

    FILE = "document-links.bin"

    def __init__(self, root: Path, enabled: bool) -> None:
        self.root, self.enabled = root, enabled
        self.saved: dict[Any, Any] = {}
        self.used: dict[Any, Any] = {}
        if enabled:
            from nencheck.store.cache.parse_cache import load_sealed

            self.saved = load_sealed(root, self.FILE) or {}

    def links_of(self, text: str) -> list[tuple[int, str]]:
        from nencheck.render.site_markdown import markdown_links

        key = hashlib.sha256(text.encode("utf-8")).hexdigest()
        found = self.saved.get(key)
        if found is None:
            found = markdown_links(text)
        self.used[key] = found
        return found  # type: ignore[no-any-return]

    def save(self) -> None:
        if self.enabled and self.used and self.used != self.saved:
            from nencheck.store.cache.parse_cache import save_sealed

            save_sealed(self.root, self.FILE, self.used)


def _read(source: FileSource, path: str) -> str | None:
    if path.startswith("../") or source.points_outside(path):
        return None
    if isinstance(source, WorkingTree) and not source.may_exist(path):
        return None  # not written yet: one listing of its folder says so
    try:
        return source.read(path).decode("utf-8", "replace")
    except OSError:  # a missing document is another matter
        return None


class _ScanCache:
    """Per document path: its size and modification time, its id-like link targets and its
    links, kept between runs (sealed like the parse cache). At 10,000 documents reading every
    one was a fifth of a warm ``check``. Like git's index, an entry is trusted only when the
    file was last changed well before the run that recorded it, so an edit in the same clock
    tick is never missed."""

    FILE = "document-scans.bin"
    SETTLED = 2.0  # seconds a file must be unchanged before its scan is kept

    def __init__(self, root: Path, enabled: bool) -> None:
        self.root, self.enabled = root, enabled
        self.saved: dict[str, Any] = {}
        self.used: dict[str, Any] = {}
        self.started = time.time()
        if enabled:
            from nencheck.store.cache.parse_cache import load_sealed

            self.saved = load_sealed(root, self.FILE) or {}

    def _stamp(self, path: str) -> tuple[int, int] | None:
        try:
            found = os.stat(self.root / path)
        except OSError:
            return None
        return found.st_size, found.st_mtime_ns

    def get(self, path: str) -> tuple[list[str], list[tuple[int, str]]] | None:
        entry = self.saved.get(path)
        if not self.enabled or entry is None or entry[0] != self._stamp(path):
            return None
        self.used[path] = entry
        return entry[1], entry[2]

    def put(self, path: str, candidates: list[str], links: list[tuple[int, str]]) -> None:
        stamp = self._stamp(path)
        if stamp is not None and stamp[1] / 1e9 < self.started - self.SETTLED:
            self.used[path] = (stamp, candidates, links)

    def save(self) -> None:
        if self.enabled and self.used != self.saved:
            from nencheck.store.cache.parse_cache import save_sealed

            save_sealed(self.root, self.FILE, self.used)


def _markdown_links(text: str) -> list[tuple[int, str]]:
    """The CommonMark parser's links, imported only when a document names an unknown id."""
    from nencheck.render.site_markdown import markdown_links

    return markdown_links(text)
