"""Running git as a subprocess: one helper for commands, one for reading many objects in one
``git cat-file --batch`` process (never one process per file)."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from nencheck.errors import NencheckError
from nencheck.i18n import _


class GitFailed(NencheckError):
    """A git command failed; ``stderr`` holds git's own explanation."""

    def __init__(self, message: str, stderr: str = "") -> None:
        super().__init__(message)
        self.stderr = stderr


def run_git(
    root: Path,
    args: Sequence[str],
    *,
    stdin: bytes | None = None,
    env: Mapping[str, str] | None = None,
) -> bytes:
    """Run ``git ARGS`` in ``root`` and return its standard output; GitFailed when it fails.
    ``env``: variables set on top of the environment (e.g. GIT_TERMINAL_PROMPT=0)."""
    try:
        completed = subprocess.run(
            ["git", *args],
            cwd=root,
            input=stdin,
            capture_output=True,
            check=False,
            env={**os.environ, **env} if env else None,
        )
    except FileNotFoundError:
        raise NencheckError(
            _("git is not installed or not on PATH; install git to use this command.")
        ) from None
    if completed.returncode != 0:
        stderr = completed.stderr.decode("utf-8", "replace").strip()
        raise GitFailed(
            _("git {command} failed: {reason}").format(command=args[0], reason=stderr or "?"),
            stderr,
        )
    return completed.stdout


def git_toplevel(root: Path) -> Path | None:
    """The top folder of the git work tree that holds ``root``, or None outside a work tree."""
    try:
        out = run_git(root, ["rev-parse", "--show-toplevel"])
    except GitFailed:
        return None
    return Path(out.decode("utf-8").strip())


def is_git_repo(root: Path) -> bool:
    return git_toplevel(root) is not None


def read_blobs(root: Path, object_ids: Iterable[str]) -> dict[str, bytes]:
    """Contents of many git objects through one ``git cat-file --batch`` process."""
    wanted = list(dict.fromkeys(object_ids))
    if not wanted:
        return {}
    out = run_git(
        root, ["cat-file", "--batch"], stdin="".join(f"{oid}\n" for oid in wanted).encode()
    )
    contents: dict[str, bytes] = {}
    position = 0
    for oid in wanted:
        end = out.index(b"\n", position)
        header = out[position:end].decode("ascii", "replace").split()
        position = end + 1
        if len(header) < 3 or header[1] == "missing":
            continue
        size = int(header[2])
        contents[oid] = out[position : position + size]
        position += size + 1  # the content is followed by a newline
    return contents
