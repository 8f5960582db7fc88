"""Carry an edit over to the user's original text, line by line, so that lines the edit did not
touch stay byte-identical even where the YAML library would have normalised them (a wrapped plain
scalar, ``True``, ``\\u00e9`` escapes, a timestamp's fraction, a missing final newline).

``baseline`` is the library's rendering of the unedited document, ``edited`` its rendering after
the edit. The changes baseline -> edited are applied to ``original``; where one falls on lines the
library rendered differently from the original, the edited rendering of those lines wins.
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher

Span = tuple[int, int]


def carry_over(original: str, baseline: str, edited: str) -> str:
    if baseline == original:
        return edited
    o_lines = original.splitlines(keepends=True)
    b_lines = baseline.splitlines(keepends=True)
    e_lines = edited.splitlines(keepends=True)
    b_to_o = SequenceMatcher(None, b_lines, o_lines, autojunk=False).get_opcodes()
    b_to_e = SequenceMatcher(None, b_lines, e_lines, autojunk=False).get_opcodes()
    differ = [(i1, i2) for tag, i1, i2, _k1, _k2 in b_to_o if tag != "equal"]
    regions = _expanded([(i1, i2) for tag, i1, i2, _j1, _j2 in b_to_e if tag != "equal"], differ)
    out: list[str] = []
    position = 0
    for start, end in regions:
        out += o_lines[
            _position(b_to_o, position, first=True) : _position(b_to_o, start, first=False)
        ]
        out += e_lines[_position(b_to_e, start, first=True) : _position(b_to_e, end, first=False)]
        position = end
    out += o_lines[_position(b_to_o, position, first=True) :]
    return "".join(out)


def _touches(a: Span, b: Span) -> bool:
    """Whether two line ranges of the baseline overlap (an empty range is an insertion point)."""
    (a1, a2), (b1, b2) = a, b
    if a1 == a2:
        return b1 < a1 < b2
    if b1 == b2:
        return a1 < b1 < a2
    return a1 < b2 and b1 < a2


def _expanded(edits: list[Span], differ: list[Span]) -> list[Span]:
    """Grow each edit over the differing stretches it touches and merge overlapping edits, so
    that every edit boundary falls where baseline and original agree. Adjacent edits merge too,
    so no insertion point is emitted twice."""
    regions = sorted(edits)
    while True:
        grown = []
        for region in regions:
            for stretch in differ:
                if _touches(region, stretch):
                    region = (min(region[0], stretch[0]), max(region[1], stretch[1]))
            grown.append(region)
        merged: list[Span] = []
        for region in sorted(grown):
            if merged and region[0] <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], region[1]))
            else:
                merged.append(region)
        if merged == regions:
            return regions
        regions = merged


def _position(opcodes: Sequence[tuple[str, int, int, int, int]], line: int, *, first: bool) -> int:
    """The position in the other text that corresponds to a position between baseline lines;
    where the other text has extra lines there, the position before them (first) or after."""
    found: int | None = None
    for _tag, i1, i2, j1, j2 in opcodes:
        if i1 <= line <= i2:
            if line == i1:
                candidate = j1
            elif line == i2:
                candidate = j2
            else:
                candidate = j1 + (line - i1)  # inside an equal stretch
            if first:
                return candidate
            found = candidate
    assert found is not None
    return found
