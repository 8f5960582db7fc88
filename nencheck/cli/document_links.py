"""Rules that read the policies' Markdown documents besides the records
(``document-link-unknown``), bound to the links found in them. Each document is scanned with a
quick pattern; only one that names an unknown id is parsed with the CommonMark parser the
Kennisbank uses (so a link in a code block is not counted), keeping ``check`` fast."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import partial

from nencheck.checks.document_links import (
    DocumentLink,
    looks_like_policy_id,
    rule_document_link_unknown,
)
from nencheck.checks.problem import Problem
from nencheck.model.policy import linked_document
from nencheck.model.records import Records
from nencheck.store.read.source import FileSource

Rule = Callable[[Records, date], list[Problem]]
MARKDOWN_SUFFIXES = (".md", ".markdown")
# inline links [text](TARGET) and reference definitions [label]: TARGET
_INLINE_TARGET = re.compile(r"(?:\]\(\s*<?|^ {0,3}\[[^\]]+\]:\s*<?)([^)\s>]+)", re.M)


def document_link_rules(source: FileSource, records: Records) -> list[Rule]:
    return [partial(rule_document_link_unknown, links=document_links(source, records))]


def document_links(source: FileSource, records: Records) -> list[DocumentLink]:
    """The id-like links of every policy's Markdown document that name no policy."""
    from nencheck.render.site_markdown import markdown_links

    known = {policy.id.casefold() for policy in records.policies}
    found: list[DocumentLink] = []
    seen: set[str] = set()
    for policy in sorted(records.policies, key=lambda p: p.id):
        path = linked_document(policy)
        if path is None or path in seen or not path.lower().endswith(MARKDOWN_SUFFIXES):
            continue
        seen.add(path)
        text = _read(source, path)
        if text is None or not any(
            looks_like_policy_id(t) and t.casefold() not in known
            for t in _INLINE_TARGET.findall(text)
        ):
            continue
        for line, target in markdown_links(text):
            found.append(DocumentLink(path, line, target, policy.id))
    return found


def _read(source: FileSource, path: str) -> str | None:
    if path.startswith("../") or source.points_outside(path):
        return None
    try:
        return source.read(path).decode("utf-8", "replace")
    except OSError:  # a missing document is another matter
        return None
