"""The one-row-a-line reader of completions files (store/read/completion_lines.py) must give
exactly what the YAML path and the model give, positions included, or leave the file to them."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from nencheck.model.training import CompletionTable
from nencheck.store.read import parsing
from nencheck.store.read.completion_lines import read_completion_lines
from nencheck.store.read.loader import KINDS

PATH = "evidence/training/completions/2025.yaml"

plain_ids = st.sampled_from(["E1042", "AW-01", "1042", "0042", "5.10", "a_b", "Truey"])
quoted_ids = st.sampled_from(['"E1042"', '"5.10"', '"a#b: c"', '"ü"', '"1"', '"true"'])
odd_ids = st.sampled_from(["'E1'", "~", "[1]", "E 1", "#x", "-x", "", "true", "null", '" E7"'])
odd_ids = st.one_of(odd_ids, st.just('"x\\ty"'))
good_days = st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31)).map(str)
odd_days = st.sampled_from(["2025-02-30", "1899-12-31", "2025-1-1", '"2025-01-01"'])
indents = st.sampled_from(["  ", "  ", "", "    "])
separators = st.sampled_from([", "] * 8 + [",", " ,  "])
extras = st.sampled_from([""] * 12 + ["  # opmerking", "\r", " "])
between = st.sampled_from([None] * 10 + ["", "# tussenregel", "    # ingesprongen"])


@st.composite
def files(draw: st.DrawFn) -> str:
    """Mostly files in the import form (so the line path is taken and compared), some with one
    odd line, value or layout (which YAML must then decide)."""
    clean = draw(st.integers(0, 9)) < 7

    def pick(usual: st.SearchStrategy[str], odd: st.SearchStrategy[str]) -> str:
        return draw(usual if clean or draw(st.integers(0, 3)) else odd)

    value = st.one_of(plain_ids, quoted_ids)
    lines = [draw(st.sampled_from(["", "# Export van het leerplatform"]))]
    lines.append(pick(st.sampled_from(["completions:", "completions:  # 2025"]), st.just("rows:")))
    indent = draw(indents)
    for _ in range(draw(st.integers(1, 6))):
        separator = pick(st.just(", "), separators)
        lines.append(
            f"{pick(st.just(indent), indents)}- {{person: {pick(value, odd_ids)}{separator}"
            f"module: {pick(value, odd_ids)}{separator}completed: {pick(good_days, odd_days)}}}"
            f"{pick(st.just(''), extras)}"
        )
        if (extra := draw(between)) is not None:
            lines.append(extra)
    return "\n".join(lines) + draw(st.sampled_from(["\n", "", "\n# einde export\n"]))


def through_yaml(raw: bytes) -> tuple[CompletionTable | None, bool]:
    """The table the YAML path and the model give, and whether they accept the file."""
    parsed = parsing.parse_bytes(PATH, raw)
    if isinstance(parsed, parsing.DataError):
        return None, False
    data, node = parsed
    model, list_key = KINDS["completion"]
    result = parsing.validate_file(PATH, data, node, model, list_key)
    if result.errors:
        return None, False
    return CompletionTable.from_records(result.records), True


@settings(max_examples=400, deadline=None)
@given(files())
def test_the_line_reader_gives_what_yaml_and_the_model_give(text: str) -> None:
    lines = read_completion_lines(PATH, text)
    if lines is None:
        return  # left to the YAML path: whatever it says is what the user sees
    expected, accepted = through_yaml(text.encode())
    assert accepted, "the line reader took a file that YAML or the model refuses"
    assert lines == expected
    assert [c.origin for c in lines] == [c.origin for c in expected]


def test_an_import_shaped_file_takes_the_line_path_with_yaml_positions() -> None:
    text = (
        "# Export van het (fictieve) leerplatform\n"
        "completions:\n"
        '  - {person: "E1042", module: AW-01, completed: 2025-03-04}\n'
        "  - {person: 1077, module: AW-02, completed: 2025-03-05}\n"
        "# einde export\n"
    )
    table = read_completion_lines(PATH, text)
    assert table is not None and len(table) == 2
    assert table == through_yaml(text.encode())[0]
    assert table[0].origin.at("person") == (3, 14)
    assert (table[1].person, table[1].origin.at("completed")) == ("1077", (4, 46))


def test_anything_unusual_is_left_to_yaml_which_explains_it() -> None:
    bad_date = "completions:\n  - {person: E1, module: AW-01, completed: 2025-02-30}\n"
    assert read_completion_lines(PATH, bad_date) is None
    [error] = parsing.records_from_bytes(PATH, bad_date.encode(), "completion").errors
    assert (error.line, error.code) == (2, "invalid-date")
    assert (
        read_completion_lines(
            PATH, "completions:\n  - {person: true, module: A, completed: 2025-01-01}\n"
        )
        is None
    )
    assert (
        read_completion_lines(
            PATH, "completions:\n  - {person: E1, module: A, completed: 2025-01-01}\x07\n"
        )
        is None
    )
