"""Choosing where records are read from (working tree, a revision, as recorded on a date) and
whether the parse cache is used."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from nencheck.store.read.loader import FileReader, read_record_file
from nencheck.store.read.source import FileSource, WorkingTree


def open_source(
    root: Path, rev: str | None = None, as_recorded_on: date | None = None
) -> FileSource:
    if rev is None and as_recorded_on is None:
        return WorkingTree(root)
    if rev is not None and as_recorded_on is not None:
        from nencheck.errors import NencheckError
        from nencheck.i18n import _

        raise NencheckError(
            _("--rev and --as-recorded both say which commit to read; give one of them")
        )
    from nencheck.store.git.revision import GitRevision, revision_on

    if rev is None:
        assert as_recorded_on is not None
        rev = revision_on(root, as_recorded_on)
    return GitRevision(root, rev)


def file_reader(root: Path, enabled: bool = True) -> FileReader:
    """The parse-cached reader (``store.cache``), or plain parsing with ``--no-cache``."""
    if not enabled:
        return read_record_file
    from nencheck.store.cache.parse_cache import ParseCache

    return ParseCache(root)
