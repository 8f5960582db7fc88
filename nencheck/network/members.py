"""Where a member's repository is: a folder (relative to network.yaml), or a git URL cloned or
fetched into the user's cache (``$XDG_CACHE_HOME/nencheck/network/<hash>``) and used read-only.

Every git call goes through ``store.git.runner``. Credentials come only from the user's own git
configuration (credential helpers, ssh keys); nothing here stores one, a URL holding a password
is refused, and git is told never to prompt (GIT_TERMINAL_PROMPT=0), so an unreachable member
fails with git's reason instead of hanging a CI job.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from nencheck.errors import NencheckError
from nencheck.i18n import _
from nencheck.store.git.runner import GitFailed, run_git
from nencheck.store.read.discovery import SETTINGS_FILE

SCP_LIKE = re.compile(r"^[\w.-]+@[\w.-]+:")  # git@host:group/repo.git


class MemberUnavailable(NencheckError):
    """A member's repository cannot be reached or read; the message says why."""


def is_git_url(repo: str) -> bool:
    return "://" in repo or bool(SCP_LIKE.match(repo))


def shown_url(url: str) -> str:
    """The URL without a user name or password, for messages."""
    parts = urlsplit(url)
    if "://" not in url or parts.hostname is None or "@" not in parts.netloc:
        return url
    host = parts.hostname + (f":{parts.port}" if parts.port else "")
    return parts._replace(netloc=host).geturl()


def cache_folder() -> Path:
    """``$XDG_CACHE_HOME/nencheck/network``, or ``~/.cache/nencheck/network``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "nencheck" / "network"


def clone_folder(url: str, rev: str | None) -> Path:
    """One clone per URL and revision, so two members reading one URL at two revisions never
    check out over each other."""
    key = hashlib.sha256(f"{url}\n{rev or ''}".encode()).hexdigest()[:20]
    return cache_folder() / key


def member_root(repo: str, base: Path, rev: str | None, fetch: bool = True) -> Path:
    """The folder holding the member's nencheck.yaml; MemberUnavailable with the reason."""
    if is_git_url(repo):
        root = git_member(repo, rev, fetch)
    else:
        root = (base / repo).expanduser().resolve()
        if not root.is_dir():
            raise MemberUnavailable(_("{path}: no such folder").format(path=root))
    if not (root / SETTINGS_FILE).is_file():
        raise MemberUnavailable(
            _("{path} is not a compliance repository: it has no {settings}").format(
                path=root if not is_git_url(repo) else shown_url(repo), settings=SETTINGS_FILE
            )
        )
    return root


def git_member(url: str, rev: str | None, fetch: bool) -> Path:
    """Clone (first time) or fetch (later) the member into the cache and check out ``rev``
    (default: the remote's default branch)."""
    parts = urlsplit(url)
    if "://" in url and parts.password:
        raise MemberUnavailable(
            _(
                "{url}: the URL holds a password; remove it and keep credentials in your git "
                "credential helper"
            ).format(url=shown_url(url))
        )
    folder = clone_folder(url, rev)
    if not (folder / ".git").is_dir():
        _clone(url, folder)
    elif fetch:
        _git(folder, ["fetch", "--quiet", "--prune", "--tags", "--force", "origin"], url)
    commit = _resolve(folder, rev, url)
    _git(folder, ["checkout", "--quiet", "--force", "--detach", commit], url)
    return folder


def _clone(url: str, folder: Path) -> None:
    folder.parent.mkdir(parents=True, exist_ok=True)
    partial = folder.with_name(folder.name + f".partial-{os.getpid()}")
    shutil.rmtree(partial, ignore_errors=True)
    try:
        _git(folder.parent, ["clone", "--quiet", "--no-checkout", "--", url, str(partial)], url)
        os.replace(partial, folder)
    finally:
        shutil.rmtree(partial, ignore_errors=True)


def _resolve(folder: Path, rev: str | None, url: str) -> str:
    candidates = ["origin/HEAD"] if rev is None else [f"origin/{rev}", rev]
    for candidate in candidates:
        if candidate.startswith("-"):
            break
        try:
            out = run_git(folder, ["rev-parse", "--verify", "--quiet", f"{candidate}^{{commit}}"])
        except GitFailed:
            continue
        return out.decode("ascii").strip()
    raise MemberUnavailable(
        _("{url}: there is no revision '{rev}'; name a branch, tag or commit").format(
            url=shown_url(url), rev=rev or "HEAD"
        )
    )


def _git(folder: Path, args: list[str], url: str) -> None:
    try:
        # the runner never lets git prompt (GIT_TERMINAL_PROMPT=0, GCM_INTERACTIVE=never)
        run_git(folder, args, read_only=False)
    except GitFailed as failure:
        lines = failure.stderr.strip().splitlines() or ["?"]
        # git's first "fatal:" line names the cause; the lines after it are generic advice
        reason = next((line for line in lines if line.startswith("fatal:")), lines[-1])
        raise MemberUnavailable(
            _("{url}: git {command} failed: {reason}").format(
                url=shown_url(url), command=args[0], reason=reason.replace(url, shown_url(url))
            )
        ) from None
