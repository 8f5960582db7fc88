"""A completions file in the form learning-platform imports write, read line by line.

``nencheck training import`` and the example write one row per line in YAML's flow style::

    completions:
      - {person: "E1042", module: AW-01, completed: 2025-03-04}

A platform export of 800,000 rows is a 48 MB file. Composed as a YAML document it costs
millions of node objects (2.7 GB and 17 s measured on 2026-12-01; issue 14); even PyYAML's
event stream takes 11 s. In this exact form every line means one row, so a regular expression
reads it in a second with the table as the only memory that grows. The form is narrow on
purpose: a double-quoted value without escapes, or a plain value of letters, digits and
``. _ -`` that YAML reads as the same text (not ``true``, ``null`` and their kin), the keys in
this order, single spaces. Any other line (another layout, a comment after a row, an anchor)
makes the caller parse the file as YAML, which is exact and explains every mistake; so the
two paths always agree (tests/store/test_completion_lines.py).
"""

from __future__ import annotations

import re
from array import array

from pydantic_core import PydanticCustomError

from nencheck.model.training import CompletionTable
from nencheck.model.types import parse_date

_VALUE = r'(?:"([^"\\\x00-\x1f\x7f-\x84\x86-\x9f]+)"|([A-Za-z0-9][A-Za-z0-9._-]*))'
# A value that may be written in this form either quoted or plain (what imports write).
LINE_VALUE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_ROW = re.compile(
    r"( *)- \{person: " + _VALUE + r", module: " + _VALUE + r", completed: (\d{4}-\d{2}-\d{2})\}"
)
_HEADER = re.compile(r"completions:( +#.*)?")
_COMMENT = re.compile(r" *(#.*)?")
# Characters YAML refuses anywhere in a document (PyYAML's reader): such a file goes the YAML way.
_NON_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
# Plain words YAML reads as a boolean or null rather than as text (yamlread.StrictLoader).
_NOT_TEXT = frozenset({"true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL"})


def read_completion_lines(path: str, text: str) -> CompletionTable | None:
    """The rows of ``text`` as a table, or None when any line is not in the narrow form."""
    if _NON_PRINTABLE.search(text):
        return None
    lines = text.split("\n")
    header = _header_line(lines)
    if header is None:
        return None
    columns = _Columns()
    for number in range(header + 1, len(lines)):
        match = _ROW.fullmatch(lines[number])
        if match is None:
            if _COMMENT.fullmatch(lines[number]):
                continue  # YAML ignores comments and blank lines wherever they stand
            return None
        if not columns.add(match, number + 1):
            return None
    return columns.table(path) if columns.person else None


def _header_line(lines: list[str]) -> int | None:
    """The index of the ``completions:`` line, after nothing but comments and blank lines."""
    for index, line in enumerate(lines):
        if _HEADER.fullmatch(line):
            return index
        if not _COMMENT.fullmatch(line):
            return None
    return None


class _Columns:
    """The rows read so far, as the columns of a ``CompletionTable``: one string object per
    distinct id, and each distinct date parsed and checked once."""

    def __init__(self) -> None:
        self.person: list[str] = []
        self.module: list[str] = []
        self.day = array("i")
        self.positions = array("i")
        self.indent: str | None = None
        self.texts: dict[str, str] = {}
        self.days: dict[str, int] = {}

    def add(self, match: re.Match[str], line: int) -> bool:
        """Add one row with the 1-based positions the YAML path gives: the row's ``{`` and each
        value (a quoted value starts at its quote). False when YAML must decide."""
        indent, quoted_person, plain_person, quoted_module, plain_module, completed = match.groups()
        if self.indent is None:
            self.indent = indent
        if indent != self.indent or plain_person in _NOT_TEXT or plain_module in _NOT_TEXT:
            return False
        person, module = quoted_person or plain_person, quoted_module or plain_module
        if person != person.strip() or module != module.strip():
            return False
        day = self.days.get(completed)
        if day is None:
            try:
                day = self.days[completed] = parse_date(completed).toordinal()
            except PydanticCustomError:
                return False  # the YAML path reports the impossible date at its place
        spans = match.regs
        self.person.append(self.texts.setdefault(person, person))
        self.module.append(self.texts.setdefault(module, module))
        self.day.append(day)
        self.positions.extend(
            (
                line,
                len(indent) + 3,
                line,
                spans[2][0] if quoted_person else spans[3][0] + 1,
                line,
                spans[4][0] if quoted_module else spans[5][0] + 1,
                line,
                spans[6][0] + 1,
            )
        )
        return True

    def table(self, path: str) -> CompletionTable:
        return CompletionTable.from_columns(
            path, self.person, self.module, self.day, self.positions
        )
