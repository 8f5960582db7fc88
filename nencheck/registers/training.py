"""Adding training completions to the yearly files evidence/training/completions/<year>.yaml.

Rows are appended in the flow style the files use (``- {person: "E1042", module: AW-01,
completed: 2025-03-04}``), quoting like the rows already there; the file's comments and
existing rows are kept as they were. A file in the one-row-a-line form that imports write (see
``store.read.completion_lines``) is extended as text, so an export of 800,000 rows never becomes
a YAML document in memory; any other file is edited round-trip through ``store.write.writer``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from operator import attrgetter
from pathlib import Path
from typing import Any

from nencheck.model.importing import NewCompletion
from nencheck.store.read.completion_lines import LINE_VALUE, read_completion_lines
from nencheck.store.read.loader import COMPLETIONS_DIR
from nencheck.store.write.record_edits import fresh
from nencheck.store.write.writer import Change, dump_edited, load_for_edit, scalar

# Plain values other YAML readers would take for a number (01077, 5.10, 1e3): quoted.
_NUMBER_LIKE = re.compile(r"[0-9][0-9._]*(?:[eE][-+]?[0-9]+)?")
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
        rows = sorted(by_year[year], key=attrgetter("completed", "person", "module"))
        path = completions_path(year)
        if (root / path).exists():
            changes.append(Change(path, _extended(root, path, rows)))
        else:
            changes.append(Change(path, _new_file(year, rows)))
    return changes


def _appended_lines(text: str, path: str, rows: list[NewCompletion]) -> bytes | None:
    """The file with the rows added as lines after its last row (comments that follow it stay
    last), when the file and the rows are in the one-row-a-line form; else None."""
    if read_completion_lines(path, text) is None:
        return None
    lines = text.split("\n")
    last_row = max(i for i, line in enumerate(lines) if line.lstrip().startswith("- {"))
    indent = lines[last_row][: len(lines[last_row]) - len(lines[last_row].lstrip())]
    quoted = lines[last_row].lstrip().startswith('- {person: "')
    new = _lines(rows, indent, quoted)
    if new is None:
        return None
    return "\n".join(lines[: last_row + 1] + new + lines[last_row + 1 :]).encode("utf-8")


def _lines(rows: list[NewCompletion], indent: str, quote_person: bool) -> list[str] | None:
    """``  - {person: "E1042", module: AW-01, completed: 2025-03-04}`` per row, or None when a
    value needs YAML's quoting rules. Each distinct id is checked once (an export repeats them)."""
    written: dict[tuple[str, bool], str | None] = {}

    def value(text: str, quoted: bool) -> str | None:
        key = (text, quoted)
        if key not in written:
            if not LINE_VALUE.fullmatch(text):
                written[key] = None
            elif quoted or _NUMBER_LIKE.fullmatch(text):
                written[key] = f'"{text}"'
            else:
                written[key] = text
        return written[key]

    lines = []
    for row in rows:
        person, module = value(row.person, quote_person), value(row.module, False)
        if person is None or module is None:
            return None
        lines.append(
            f"{indent}- {{person: {person}, module: {module}, completed: {row.completed}}}"
        )
    return lines


def _extended(root: Path, path: str, rows: list[NewCompletion]) -> bytes:
    from ruamel.yaml.comments import CommentedSeq

    text = (root / path).read_bytes().decode("utf-8")
    appended = _appended_lines(text, path, rows)
    if appended is not None:
        return appended
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

    header = "".join(f"# {line}\n" for line in NEW_FILE_COMMENT.format(year=year).splitlines())
    lines = _lines(rows, "  ", quote_person=True)
    if lines is not None:
        return (header + "completions:\n" + "".join(f"{line}\n" for line in lines)).encode("utf-8")
    document = CommentedMap()
    document["completions"] = CommentedSeq(_row(row, {}) for row in rows)
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
