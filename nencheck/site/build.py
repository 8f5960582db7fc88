"""Building the Kennisbank into a folder: gather the records' view, render the pages, write them
next to the target and swap the finished site into place (a failed build leaves the old one)."""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from nencheck.errors import NencheckError
from nencheck.i18n import _
from nencheck.model.records import Records
from nencheck.site.gather import SiteProblem, gather
from nencheck.store.read.source import FileSource

MARKER = ".nencheck-site"


@dataclass(frozen=True)
class BuildSummary:
    out: Path
    pages: int
    files: int
    current: int
    retired: int
    drafts: int
    documents: int  # policies with a readable document (Markdown, file or URL)
    commit: str | None
    problems: list[SiteProblem]


def build_site(
    root: Path,
    source: FileSource,
    records: Records,
    out: Path,
    *,
    as_of: date,
    history_rev: str | None,
    include_drafts: bool,
    use_cache: bool = True,
) -> BuildSummary:
    from nencheck.render.site_pages import render_site

    _check_target(out)
    gathered = gather(
        root,
        source,
        records,
        as_of=as_of,
        history_rev=history_rev,
        include_drafts=include_drafts,
        use_cache=use_cache,
    )
    files: dict[str, str | bytes] = {**render_site(gathered.data), **gathered.copies}
    _write(out, files)
    data = gathered.data
    return BuildSummary(
        out=out,
        pages=sum(1 for path in files if path.endswith(".html")),
        files=len(gathered.copies),
        current=len(data.with_state("ok", "due_soon", "overdue")),
        retired=len(data.with_state("retired")),
        drafts=len(data.with_state("draft")),
        documents=sum(1 for e in data.current() if e.document.kind in ("markdown", "file", "url")),
        commit=data.stamp.commit,
        problems=gathered.problems,
    )


def _check_target(out: Path) -> None:
    """OUT is replaced only when it is empty or a site nencheck built (it has the marker):
    never a folder of other files."""
    if out.exists() and not out.is_dir():
        raise NencheckError(_("{path} is a file; give a folder for the site").format(path=out))
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise NencheckError(
            _(
                "{path} holds files that nencheck did not write; give an empty folder or one "
                "with a site built by 'nencheck site'"
            ).format(path=out)
        )
    if not out.parent.is_dir():
        raise NencheckError(
            _("cannot write {path}: the folder {folder} does not exist; create it first").format(
                path=out, folder=out.parent
            )
        )


def _write(out: Path, files: dict[str, str | bytes]) -> None:
    """Write everything into a new folder beside OUT, then put it in OUT's place."""
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        for path, content in sorted(files.items()):
            target = staging / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        (staging / MARKER).write_text("nencheck site\n", encoding="utf-8")
        (staging / ".nojekyll").write_bytes(b"")  # GitHub Pages: serve the files as they are
        staging.chmod(0o755)
        _swap(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _swap(staging: Path, out: Path) -> None:
    if not out.exists():
        os.replace(staging, out)
        return
    old = out.with_name(f".{out.name}.old-{os.getpid()}")
    os.replace(out, old)
    os.replace(staging, out)
    shutil.rmtree(old, ignore_errors=True)
