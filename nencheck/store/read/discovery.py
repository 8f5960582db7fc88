"""Finding the compliance repository: --repo, NENCHECK_REPO, or walking up to nencheck.yaml."""

from __future__ import annotations

import os
from pathlib import Path

from nencheck.errors import NencheckError
from nencheck.i18n import _

SETTINGS_FILE = "nencheck.yaml"


def find_repository(explicit: str | None, start: Path | None = None) -> Path:
    """The repository root. ``explicit`` (from --repo) wins over NENCHECK_REPO, which wins over
    walking up from ``start`` (the working directory)."""
    chosen = explicit or os.environ.get("NENCHECK_REPO")
    if chosen:
        root = Path(chosen).expanduser()
        if not (root / SETTINGS_FILE).is_file():
            raise NencheckError(
                _(
                    "{path} is not a compliance repository: it has no {settings}. "
                    "Create one with 'nencheck init {path}'."
                ).format(path=root, settings=SETTINGS_FILE)
            )
        return root.resolve()
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / SETTINGS_FILE).is_file():
            return folder
    raise NencheckError(
        _(
            "no {settings} found in {path} or any folder above it. Run nencheck inside a compliance "
            "repository, point to one with --repo PATH (or NENCHECK_REPO), or create one with "
            "'nencheck init'."
        ).format(settings=SETTINGS_FILE, path=here)
    )
