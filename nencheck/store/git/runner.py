"""The one way nencheck runs git: every call goes through ``run_git``, with fixed ``-c`` options
and environment so no user or repository configuration changes what nencheck parses, plus one
``git cat-file --batch`` reader for many objects (never one process per file)."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from pathlib import Path

from nencheck.errors import NencheckError
from nencheck.i18n import _

# Settings that change what git prints (issue 13): a user's ~/.gitconfig or the repository's
# .git/config may set any of them; on the command line they win over both. diff.external has no
# "off" value: --no-ext-diff (and plumbing commands, which never use it) keep it out.
PINNED_CONFIG: tuple[tuple[str, str], ...] = (
    ("color.ui", "false"),
    ("core.pager", "cat"),
    ("core.quotePath", "false"),
    ("diff.noprefix", "false"),
    ("diff.mnemonicPrefix", "false"),
    ("diff.srcPrefix", "a/"),
    ("diff.dstPrefix", "b/"),
    ("diff.relative", "false"),
    ("diff.renames", "true"),
    ("diff.algorithm", "myers"),
    ("diff.interHunkContext", "0"),
    ("diff.suppressBlankEmpty", "false"),
    ("i18n.logOutputEncoding", "UTF-8"),
    ("log.showSignature", "false"),
    ("log.decorate", "false"),
    ("log.follow", "false"),
    ("log.showRoot", "true"),
)

# Environment variables that would reach into git's diff or pager behind the options above.
_DROPPED_ENV = ("GIT_EXTERNAL_DIFF", "GIT_DIFF_OPTS", "GIT_PAGER", "PAGER")

# Part of every cache key built from git's output: a change to the options above (which can
# change that output) makes earlier answers unusable.
CONFIG_FINGERPRINT = hashlib.sha256(repr(PINNED_CONFIG).encode()).hexdigest()[:12]


class GitFailed(NencheckError):
    """A git command failed; ``stderr`` holds git's own explanation."""

    def __init__(self, message: str, stderr: str = "") -> None:
        super().__init__(message)
        self.stderr = stderr


def require_git() -> None:
    """Refuse early, before anything is written, when git cannot be run at all."""
    if shutil.which("git") is None:
        raise NencheckError(
            _("git is not installed or not on PATH; install git to use this command.")
        )


def git_missing_in_a_work_tree(root: Path) -> bool:
    """True when ``root`` lies in a git work tree (a ``.git`` above it) but git cannot be run:
    then history is there but cannot be read, which deserves a word rather than silence."""
    if shutil.which("git") is not None:
        return False
    return any((folder / ".git").exists() for folder in (root.resolve(), *root.resolve().parents))


def git_command(args: Sequence[str]) -> list[str]:
    """The full command line for ``git ARGS`` with the pinned options."""
    pinned = [part for key, value in PINNED_CONFIG for part in ("-c", f"{key}={value}")]
    return ["git", "--no-pager", *pinned, *args]


def git_environment(*, read_only: bool) -> dict[str, str]:
    """The caller's environment without prompts or pagers; read-only calls take no optional
    locks (a ``check`` in CI must not block a concurrent commit) and print in the C locale."""
    env = {name: value for name, value in os.environ.items() if name not in _DROPPED_ENV}
    # never ask: no terminal prompt, no Git Credential Manager dialog (a CI job would hang)
    env.update(GIT_TERMINAL_PROMPT="0", GCM_INTERACTIVE="never", GIT_PAGER="cat", PAGER="cat")
    if read_only:
        env.update(GIT_OPTIONAL_LOCKS="0", LC_ALL="C", LANGUAGE="C")
    return env


def run_git(
    root: Path, args: Sequence[str], *, stdin: bytes | None = None, read_only: bool = True
) -> bytes:
    """Run ``git ARGS`` in ``root`` and return its standard output; GitFailed when it fails.
    Pass ``read_only=False`` for commands that change the repository (add, commit, init)."""
    try:
        completed = subprocess.run(
            git_command(args),
            cwd=root,
            input=stdin,
            capture_output=True,
            check=False,
            env=git_environment(read_only=read_only),
        )
    except FileNotFoundError:
        require_git()  # git missing: the clear message; otherwise the folder is missing
        raise NencheckError(_("{path}: no such folder").format(path=root)) from None
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


def is_shallow(root: Path) -> bool:
    """True in a shallow clone (its history stops at the clone's depth)."""
    try:
        out = run_git(root, ["rev-parse", "--is-shallow-repository"])
    except NencheckError:
        return False
    return out.strip() == b"true"


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
