"""Gathering what the Kennisbank shows: the published policies with their state on the build date,
their versions from git (one batched pass for all of them), and their documents read from the
same source as the records (working tree or revision), Markdown rendered and other files queued
for copying."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import quote, unquote

from nencheck import __version__
from nencheck.checks.document_links import looks_like_policy_id
from nencheck.checks.policy_register import policy_row
from nencheck.i18n import _, current_language
from nencheck.model.policy import Policy, PolicyStatus, linked_document
from nencheck.model.records import Records
from nencheck.model.types import URL_PREFIXES
from nencheck.render.site_markdown import Target
from nencheck.render.site_model import (
    BuildStamp,
    DocumentView,
    SiteData,
    SiteEntry,
    policy_page,
    safe_name,
)
from nencheck.site.document_cache import DocumentCache
from nencheck.store.read.source import FileSource

MARKDOWN_SUFFIXES = (".md", ".markdown")


@dataclass(frozen=True)
class SiteProblem:
    """Something the build reports (a warning: the site is still written)."""

    file: str
    line: int | None
    code: str  # document-link-unknown | document-link-broken | document-missing
    message: str


@dataclass
class Gathered:
    data: SiteData
    copies: dict[str, bytes] = field(default_factory=dict)  # site path -> content
    problems: list[SiteProblem] = field(default_factory=list)  # in the order found


def gather(
    root: Path,
    source: FileSource,
    records: Records,
    *,
    as_of: date,
    history_rev: str | None,
    include_drafts: bool,
    use_cache: bool = True,
) -> Gathered:
    """Everything the pages need, read once. ``history_rev`` is where git history is read from
    (None outside git: no versions, no commit)."""
    from nencheck.site.provenance import built_from, versions_of

    due_soon = records.settings.due_soon
    published = [p for p in records.policies if include_drafts or p.status != PolicyStatus.DRAFT]
    published.sort(key=lambda policy: policy.id)
    versions = versions_of(
        root, [(p.origin.file, linked_document(p)) for p in published], history_rev
    )
    commit, uncommitted = built_from(root, history_rev, source)
    copies: dict[str, bytes] = {}
    problems: list[SiteProblem] = []
    cache = DocumentCache(root, enabled=use_cache)
    documents = _Documents(source, records, published, cache, copies, problems)
    entries = [
        SiteEntry(
            row=policy_row(policy, as_of, due_soon),
            versions=versions.get(policy.origin.file, []),
            document=documents.view(policy),
        )
        for policy in published
    ]
    cache.save()
    stamp = BuildStamp(as_of, commit, uncommitted, __version__)
    return Gathered(_site_data(records, entries, stamp, include_drafts), copies, problems)


def _site_data(
    records: Records, entries: list[SiteEntry], stamp: BuildStamp, include_drafts: bool
) -> SiteData:
    settings = records.settings
    language = current_language()
    units = {"all": _("Whole organisation")} | {unit.id: unit.name for unit in settings.units}
    controls = {
        control.id: (control.title_nl if language == "nl" and control.title_nl else control.title)
        for control in records.catalog.controls
    }
    for control in records.controls:
        controls.setdefault(control.id, control.title or "")
    return SiteData(
        organisation=settings.organisation,
        language=language,
        units=units,
        controls=controls,
        entries=entries,
        stamp=stamp,
        include_drafts=include_drafts,
    )


class _Documents:
    """Reads each policy's document from the source: Markdown rendered (links resolved), other
    files queued for copying under ``files/ID/``."""

    def __init__(
        self,
        source: FileSource,
        records: Records,
        published: list[Policy],
        cache: DocumentCache,
        copies: dict[str, bytes],
        problems: list[SiteProblem],
    ) -> None:
        self.source = source
        self.cache = cache
        self.copies = copies
        self.problems = problems
        self.published = {policy.id: policy for policy in published}
        self.folded = {policy.id.casefold(): policy for policy in published}
        self.unpublished = {p.id.casefold() for p in records.policies} - set(self.folded)
        self.by_document = {d: p for p in published if (d := linked_document(p))}

    def view(self, policy: Policy) -> DocumentView:
        if not policy.document:
            return DocumentView("none")
        if policy.document.startswith(URL_PREFIXES):
            return DocumentView("url", name=policy.document, href=policy.document)
        path = linked_document(policy)
        assert path is not None
        content = self._read(path)
        if content is None:
            self._report(
                policy.origin.file,
                policy.origin.at("document")[0],
                "document-missing",
                _("the document {file} of {id} is not in the repository").format(
                    file=path, id=policy.id
                ),
            )
            return DocumentView("missing", name=path)
        name = posixpath.basename(path)
        if not path.lower().endswith(MARKDOWN_SUFFIXES):
            href = self._copy(policy, path, content)
            return DocumentView("file", name=name, href=href, size=len(content))
        rendered = self.cache.render(
            path, content, lambda target: self._resolve(policy, path, target)
        )
        for problem in rendered.problems:
            code = (
                "document-link-unknown"
                if looks_like_policy_id(problem.target)
                else "document-link-broken"
            )
            self._report(path, problem.line, code, problem.message)
        return DocumentView("markdown", name=name, html=rendered.html, text=rendered.text)

    def _read(self, path: str) -> bytes | None:
        """The file's bytes; None when it is not a file inside the repository."""
        if path.startswith("../") or self.source.points_outside(path):
            return None
        try:
            return self.source.read(path)
        except OSError:  # missing, a folder, unreadable
            return None

    def _resolve(self, policy: Policy, document: str, target: str) -> Target:
        """A policy id -> its page; a file beside the document -> a copy (or, when it is another
        policy's document, that policy's page); anything else is reported."""
        bare, _hash, fragment = target.partition("#")
        name = unquote(bare)
        linked = self.published.get(name) or self.folded.get(name.casefold())
        if linked is not None:
            return Target("../" + policy_page(linked.id))
        if name.casefold() in self.unpublished:
            return Target(None)  # a draft: the words stay, the page is not published
        path = posixpath.normpath(posixpath.join(posixpath.dirname(document), name))
        content = self._read(path) if name else None
        if content is not None:
            other = self.by_document.get(path)
            if other is not None:
                return Target("../" + policy_page(other.id))
            href = self._copy(policy, path, content)
            return Target("../" + href + (f"#{fragment}" if fragment else ""))
        if looks_like_policy_id(name):
            return Target(None, _("link to {target}: no policy has this id").format(target=name))
        return Target(
            None, _("link to {target}: no such file beside the document").format(target=name)
        )

    def _copy(self, policy: Policy, path: str, content: bytes) -> str:
        """Queue the file for copying under the policy's folder; its site path, URL-quoted."""
        site_path = f"files/{safe_name(policy.id)}/{safe_name(posixpath.basename(path))}"
        self.copies[site_path] = content
        return quote(site_path)

    def _report(self, file: str, line: int | None, code: str, message: str) -> None:
        self.problems.append(SiteProblem(file, line, code, message))
