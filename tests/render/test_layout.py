"""The one text layout (render.layout): widths in terminal cells, what gives way first."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len as rich_cell_len

from nencheck.render.layout import CUT, WRAP, Column, cell_len, shorten, table_lines, wrap

COLUMNS = [
    Column("ID"),
    Column("TITLE", shrink=WRAP, min_width=10),
    Column("OWNER", shrink=CUT, drop=1, min_width=8),
    Column("VERSION", drop=2),
]
ROWS = [
    [
        "PROT-HAP-014",
        "Triage bij kwetsbare ouderen en mantelzorgers",
        "Laboratoriumcoördinator",
        "3.1",
    ],
    ["日本-1", "漢字のタイトルはセル二つ分の幅です", "ICT", "1.0"],
]


def test_cells_count_like_rich() -> None:
    for text in ["coördinator", "漢字", "e\u0301", "…", "█▓▒░", "plain"]:
        assert cell_len(text) == rich_cell_len(text)


def test_no_limit_keeps_every_cell_whole() -> None:
    lines = table_lines(COLUMNS, ROWS, None)
    assert len(lines) == 3
    assert "Laboratoriumcoördinator" in lines[1]


def test_narrow_drops_low_value_columns_first_and_never_cuts_ids() -> None:
    lines = table_lines(COLUMNS, ROWS, 40)
    assert all(rich_cell_len(line) <= 40 for line in lines)
    assert "VERSION" not in lines[0]  # drop=2 goes before the owner (drop=1)
    assert lines[1].startswith("PROT-HAP-014  ")
    assert any(line.startswith("日本-1") for line in lines)


def test_titles_wrap_between_words_and_owners_get_an_ellipsis() -> None:
    lines = table_lines(COLUMNS[:3], ROWS[:1], 44)
    assert all(rich_cell_len(line) <= 44 for line in lines)
    assert any("…" in line for line in lines)
    text = " ".join(" ".join(lines).split())
    assert "Triage bij kwetsbare ouderen en mantelzorgers" not in text  # broken over lines
    assert {"Triage", "kwetsbare", "mantelzorgers"} <= set(text.split())


def test_wide_characters_are_cut_by_cells() -> None:
    assert shorten("漢字のタイトル", 5) == "漢字…"
    assert all(rich_cell_len(line) <= 9 for line in wrap("漢字のタイトルはセル二つ分の幅です", 9))


@given(
    words=st.lists(st.text(alphabet="abcdeéë漢字-", min_size=1, max_size=30), max_size=30),
    width=st.integers(min_value=20, max_value=120),
)
def test_wrapped_lines_never_exceed_the_width_and_keep_the_text(
    words: list[str], width: int
) -> None:
    text = " ".join(words)
    lines = wrap(text, width, "    ")
    assert all(rich_cell_len(line) <= width for line in lines)
    assert "".join("".join(lines).split()) == "".join(text.split())
