"""Plain-text tables and lines that fit a width: one layout for every text output (issue 15).

The CLI decides the width (``cli.context.output_width``: ``COLUMNS``, the terminal, or ``None``
for a pipe, which means "no limit": one record per line, whole, for ``grep``); renderers pass it
here and never ask the terminal themselves.

When a table is wider than the width, it gives way in this order:
1. columns marked ``drop`` (low value, e.g. a version or a second date) go, highest first, until
   the rest fits at their minimum widths;
2. the room left is shared by the shrinkable columns: ``cut`` ones (owners, notes) are shortened
   with an ellipsis "…", ``wrap`` ones (titles) wrap within their cell.
Ids, dates and figures are never shortened. Widths are terminal cells, so "ë" counts one, a
combining accent none and a wide CJK character two (the Unicode East Asian Width property, as
rich and wcwidth count; computed here so ``check`` does not import rich).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

ELLIPSIS = "…"
GAP = "  "
KEEP, CUT, WRAP = "keep", "cut", "wrap"
COMFORTABLE = 40  # a wrapped column this wide reads well; past it, cut columns come first

# Paints one laid-out (padded) cell: (row index, column header, text) -> text with colour codes.
Painter = Callable[[int, str, str], str]


def cell_len(text: str) -> int:
    """The terminal cells ``text`` takes."""
    if text.isascii():
        return len(text)
    return sum(get_character_cell_size(character) for character in text)


@lru_cache(maxsize=4096)
def get_character_cell_size(character: str) -> int:
    if unicodedata.combining(character) or unicodedata.category(character) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(character) in ("W", "F") else 1


@dataclass(frozen=True)
class Column:
    header: str
    right: bool = False  # figures are aligned right
    shrink: str = KEEP  # KEEP (ids, dates, figures), CUT (ellipsis) or WRAP (titles)
    drop: int = 0  # 0: always shown; when short of room, higher numbers go first
    min_width: int = 12  # a CUT or WRAP column never gets narrower than this (or its content)


def table_lines(
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    width: int | None,
    indent: str = "",
    paint: Painter | None = None,
    header: bool = True,
) -> list[str]:
    """The header (unless ``header`` is false) and rows, laid out to fit ``width`` (``None``:
    no limit); the last column is not padded and trailing spaces are removed."""
    blocks = table_blocks(columns, rows, width, indent, paint, header)
    return [line for block in blocks for line in block]


def table_blocks(
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    width: int | None,
    indent: str = "",
    paint: Painter | None = None,
    header: bool = True,
) -> list[list[str]]:
    """Like ``table_lines``, the lines of each row apart (the header first, when shown): for
    tables interrupted by headings or notes that keep one set of column widths."""
    heads = [column.header if header else "" for column in columns]
    natural = [
        max([cell_len(head), *(cell_len(row[index]) for row in rows)])
        for index, head in enumerate(heads)
    ]
    kept, widths = _fit(columns, natural, width, cell_len(indent))
    blocks = []
    for number, row in enumerate([heads, *rows]):
        if number == 0 and not header:
            continue
        cells = [_cell_lines(row[index], columns[index], widths[index]) for index in kept]
        block = []
        for part in range(max(len(cell) for cell in cells)):
            texts = []
            for position, (index, cell) in enumerate(zip(kept, cells, strict=True)):
                text = cell[part] if part < len(cell) else ""
                last = position == len(kept) - 1
                text = _pad(text, widths[index], columns[index].right, last)
                if paint is not None and number > 0 and text.strip():
                    text = paint(number - 1, columns[index].header, text)
                texts.append(text)
            block.append((indent + GAP.join(texts)).rstrip())
        blocks.append(block)
    return blocks


def _fit(
    columns: Sequence[Column], natural: list[int], width: int | None, indent: int
) -> tuple[list[int], list[int]]:
    """The columns kept and the width of each column."""
    kept = list(range(len(columns)))
    if width is None or _needed(kept, natural, indent) <= width:
        return kept, natural
    least = [
        n if c.shrink == KEEP else min(n, max(c.min_width, cell_len(c.header)))
        for c, n in zip(columns, natural, strict=True)
    ]
    while _needed(kept, least, indent) > width:
        droppable = [index for index in kept if columns[index].drop > 0]
        if not droppable:
            break
        kept.remove(max(droppable, key=lambda index: (columns[index].drop, index)))
        if _needed(kept, natural, indent) <= width:
            return kept, natural
    widths = list(least)
    room = width - _needed(kept, least, indent)
    # A cut loses words and a wrap only moves them: once the wrapped columns (titles) have a
    # comfortable width, the cut ones (owners) get what they lack before the titles get more.
    comfortable = sum(
        max(0, min(natural[index], COMFORTABLE) - widths[index])
        for index in kept
        if columns[index].shrink == WRAP
    )
    spare_for_cut = max(0, room - comfortable)
    for index in [index for index in kept if columns[index].shrink == CUT]:
        step = max(0, min(spare_for_cut, natural[index] - widths[index]))
        widths[index] += step
        spare_for_cut -= step
        room -= step
    shrinkable = [index for index in kept if columns[index].shrink != KEEP]
    # The rest of the room is shared in proportion to what each column lacks: a long title gains most.
    lacking = {index: natural[index] - widths[index] for index in shrinkable}
    total = sum(lacking.values())
    if total > 0:
        for index, lack in lacking.items():
            step = min(lack, room * lack // total)
            widths[index] += step
        spare = width - _needed(kept, widths, indent)
        for index in shrinkable:  # what rounding left over
            step = max(0, min(spare, natural[index] - widths[index]))
            widths[index] += step
            spare -= step
    return kept, widths


def _needed(kept: list[int], widths: list[int], indent: int) -> int:
    return indent + sum(widths[index] for index in kept) + len(GAP) * (len(kept) - 1)


def _cell_lines(text: str, column: Column, width: int) -> list[str]:
    if column.shrink == WRAP:
        return wrap(text, width)
    if column.shrink == CUT:
        return [shorten(text, width)]
    return [text]


def _pad(text: str, width: int, right: bool, last: bool) -> str:
    room = max(0, width - cell_len(text))
    if right:
        return " " * room + text
    return text if last else text + " " * room


def shorten(text: str, width: int | None) -> str:
    """``text`` cut to ``width`` cells, ending in "…" when it was cut."""
    if width is None or cell_len(text) <= width:
        return text
    return _take(text, max(0, width - 1)) + ELLIPSIS


def _take(text: str, width: int) -> str:
    """The longest start of ``text`` that takes at most ``width`` cells."""
    used = 0
    for position, character in enumerate(text):
        used += get_character_cell_size(character)
        if used > width:
            return text[:position]
    return text


def wrap(text: str, width: int | None, indent: str = "") -> list[str]:
    """``text`` in lines of at most ``width`` cells, broken between words (a word longer than a
    line is cut); lines after the first start with ``indent``."""
    if width is None or cell_len(text) <= width:
        return [text]
    lines: list[str] = []
    line = text[: len(text) - len(text.lstrip(" "))]  # the first line keeps its own indent
    for word in text.split():
        room = width - (cell_len(indent) if lines else 0)
        candidate = f"{line} {word}" if line.strip() else line + word
        if cell_len(candidate) <= room:
            line = candidate
            continue
        if line.strip():
            lines.append(line)
            room = width - cell_len(indent)
        while cell_len(word) > room > 0:
            head = _take(word, room)
            lines.append(head)
            word = word[len(head) :]
            room = width - cell_len(indent)
        line = word
    if line or not lines:
        lines.append(line)
    return [lines[0], *(indent + rest for rest in lines[1:])]


def wrap_block(lines: Sequence[str], width: int | None, indent: str = "    ") -> list[str]:
    """Free text lines (messages, notes) wrapped to ``width``, continuations indented one step
    further than their line."""
    result: list[str] = []
    for line in lines:
        lead = line[: len(line) - len(line.lstrip(" "))]
        result += wrap(line, width, lead + indent) if line.strip() else [line]
    return result


def wrap_text(text: str, width: int | None, indent: str = "    ") -> str:
    """Every line of ``text`` wrapped (``wrap_block``); the final newline kept."""
    lines = wrap_block(text.rstrip("\n").split("\n"), width, indent)
    return "\n".join(lines) + ("\n" if text.endswith("\n") else "")


def fold_diff(text: str, width: int | None) -> str:
    """A unified diff for the terminal: a line longer than ``width`` goes on in lines that
    repeat its marker (+, - or space) and are indented three more; nothing inside is changed.
    (Piped, with no width, the diff stays a patch.)"""
    if width is None:
        return text
    lines = []
    for line in text.split("\n"):
        if cell_len(line) <= width:
            lines.append(line)
            continue
        marker = line[:1] if line[:1] in "+- " and not line.startswith(("+++", "---")) else ""
        head = _take(line, width)
        lines.append(head)
        rest = line[len(head) :]
        lead = marker + "   "
        while rest:
            part = _take(rest, max(1, width - cell_len(lead)))
            lines.append(lead + part)
            rest = rest[len(part) :]
    return "\n".join(lines)
