"""Shell completion of record ids (``nencheck policy show PROT-H<Tab>``).

Click completes commands and options by itself (docs/completion.md says how to switch it on for
bash, zsh and fish); these functions complete the ids a command takes. They run on every Tab,
so they do not load the records: they read the ``id:`` lines of the record files with a regular
expression (170 policies in a few milliseconds) and never fail: outside a repository, or on a
file they cannot read, they simply offer less.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import click
from click.shell_completion import CompletionItem

_TOP_ID = re.compile(r"^id:\s*[\"']?([^\"'#\s]+)", re.MULTILINE)
_LIST_ID = re.compile(r"^\s*-\s+id:\s*[\"']?([^\"'#\s]+)", re.MULTILINE)
YAML = (".yaml", ".yml")

Completer = Callable[[click.Context, click.Parameter, str], list[CompletionItem]]


def _root(ctx: click.Context) -> Path | None:
    from nencheck.errors import NencheckError
    from nencheck.store.read.discovery import find_repository

    top = ctx.find_root()
    repo = top.params.get("repo") if top.params else None
    try:
        return find_repository(repo or os.environ.get("NENCHECK_REPO"))
    except (NencheckError, OSError):
        return None


def _ids_in(folder: Path, pattern: re.Pattern[str], skip: str | None = None) -> list[str]:
    found: list[str] = []
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        if path.suffix.lower() not in YAML or (skip and skip in path.parts):
            continue
        try:
            found += pattern.findall(path.read_text(encoding="utf-8", errors="replace"))
        except OSError:
            continue
    return found


def _completer(ids: Callable[[Path], list[str]]) -> Completer:
    def complete(
        ctx: click.Context, _param: click.Parameter, incomplete: str
    ) -> list[CompletionItem]:
        root = _root(ctx)
        if root is None:
            return []
        wanted = incomplete.casefold()
        return [
            CompletionItem(i) for i in dict.fromkeys(ids(root)) if i.casefold().startswith(wanted)
        ]

    return complete


def _control_ids(root: Path) -> list[str]:
    return _ids_in(root / "controls", _TOP_ID)


complete_policy_ids = _completer(lambda root: _ids_in(root / "policies", _TOP_ID, skip="documents"))
complete_control_ids = _completer(_control_ids)
complete_finding_ids = _completer(
    lambda root: [
        i for i in _ids_in(root / "evidence" / "audits", _LIST_ID) if not i.startswith("AUD")
    ]
)
complete_audit_ids = _completer(lambda root: _ids_in(root / "evidence" / "audits", _TOP_ID))
complete_incident_ids = _completer(lambda root: _ids_in(root / "evidence" / "incidents", _TOP_ID))
complete_risk_ids = _completer(lambda root: _ids_in(root / "risks", _TOP_ID))
