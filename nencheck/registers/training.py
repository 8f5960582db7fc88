"""Adding training completions to the yearly files evidence/training/completions/<year>.yaml.

Rows are appended in the flow style the files use (``- {person: "E1042", module: AW-01,
completed: 2025-03-04}``), quoting like the rows already there; the file's comments and
existing rows are kept as they were (round-trip edit through ``store.writer``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from nencheck.model.importing import NewCompletion
from nencheck.store.read.loader import COMPLETIONS_DIR
from nencheck.store.write.record_edits import fresh
from nencheck.store.write.writer import Change, dump_edited, load_for_edit, scalar

NEW_FILE_COMMENT = (
    "Training completions of {year}, as imported from the learning platform.\n"
    "Personnel numbers only: no names (see docs/registers.md, Privacy)."
)


def completions_path(year: int) -> str:
    return f"{COMPLETIONS_DIR}/{year}.yaml"


def completion_changes(root: Path, new: Iterable[NewCompletion]) -> list[Change]:
    """One change per year file, the new rows sorted by date, person and module."""
    by_year: dict[int, list[NewCompletion]] = defaultdict(list)
    for item in new:
        by_year[item.completed.year].append(item)
    changes = []
    for year in sorted(by_year):
        rows = sorted(by_year[year], key=lambda c: (c.completed, c.person, c.module))
        path = completions_path(year)
        if (root / path).exists():
            changes.append(Change(path, _extended(root, path, rows)))
        else:
            changes.append(Change(path, _new_file(year, rows)))
    return changes


def _extended(root: Path, path: str, rows: list[NewCompletion]) -> bytes:
    from ruamel.yaml.comments import CommentedSeq

    document = load_for_edit(root, path)
    sequence = document.get("completions")
    if not isinstance(sequence, CommentedSeq):
        sequence = CommentedSeq()
        document["completions"] = sequence
    like = sequence[-1] if len(sequence) and isinstance(sequence[-1], dict) else {}
    trailing = _detach_trailing_comment(sequence)
    for row in rows:
        sequence.append(_row(row, like))
    if trailing is not None:
        sequence.ca.items[len(sequence) - 1] = [trailing, None, None, None]
    return dump_edited(document)


def _detach_trailing_comment(sequence: Any) -> Any:
    """ruamel keeps comment lines that follow the last row in that row's end-of-line comment;
    appending would leave them above the new rows. Split them off to move below the new rows."""
    import copy

    entry = sequence.ca.items.get(len(sequence) - 1) if len(sequence) else None
    if not entry or entry[0] is None:
        return None
    token = entry[0]
    first, _newline, rest = token.value.partition("\n")
    if not rest.strip():
        return None
    moved = copy.copy(token)
    moved.value = "\n" + rest
    if first.strip():
        token.value = first + "\n"
    else:
        del sequence.ca.items[len(sequence) - 1]
    return moved


def _new_file(year: int, rows: list[NewCompletion]) -> bytes:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    document = CommentedMap()
    document["completions"] = CommentedSeq(_row(row, {}) for row in rows)
    header = "".join(f"# {line}\n" for line in NEW_FILE_COMMENT.format(year=year).splitlines())
    return header.encode("utf-8") + dump_edited(document)


def _row(row: NewCompletion, like: Any) -> Any:
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    mapping = CommentedMap()
    person_like = like.get("person") if like else DoubleQuotedScalarString("")
    mapping["person"] = scalar(row.person, like=person_like)
    mapping["module"] = scalar(row.module, like=like.get("module") if like else None)
    mapping["completed"] = fresh(row.completed)
    mapping.fa.set_flow_style()
    return mapping
