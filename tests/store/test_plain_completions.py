"""A completions file is read without a model per row when it is plain; the result must be what
the model gives, and anything the model refuses must take the model's path (and its message)."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from nencheck.model.training import CompletionTable
from nencheck.store.read import parsing
from nencheck.store.read.loader import KINDS

PATH = "evidence/training/completions/2025.yaml"

odd_values = st.sampled_from(
    [
        *("", "2025-02-30", "14-03-2025", "1899-12-31", "3000-01-01", "true", "null", "~"),
        *("7", "[1]", "{a: 1}", "'x'", "2025-03-14T10:00:00+01:00", "5.10", " 2025-01-01 "),
    ]
)
good_ids = st.sampled_from(["E1042", " E7 ", "AW-01", "'5.10'", "'0042'"])
good_dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31)).map(str)
# Mostly good values, so that many files take the plain path and others the model's.
ids = st.one_of(*[good_ids] * 15, odd_values)
dates = st.one_of(*[good_dates] * 15, odd_values)
values = st.one_of(ids, dates)
keys = st.sampled_from(["person", "module", "completed", "persoon", "datum"])


def row_text(row: list[tuple[str, str]]) -> str:
    lines = [
        f"{'- ' if index == 0 else '  '}{key}: {value}" for index, (key, value) in enumerate(row)
    ]
    return "\n".join(lines) + "\n"


regular = st.tuples(
    st.just("person"), ids, st.just("module"), ids, st.just("completed"), dates
).map(lambda t: [(t[0], t[1]), (t[2], t[3]), (t[4], t[5])])
odd = st.lists(st.tuples(keys, values), min_size=0, max_size=4, unique_by=lambda kv: kv[0])


def through_the_model(raw: bytes) -> tuple[CompletionTable | None, list]:
    parsed = parsing.parse_bytes(PATH, raw)
    assert not isinstance(parsed, parsing.DataError)
    data, node = parsed
    model, list_key = KINDS["completion"]
    result = parsing.validate_file(PATH, data, node, model, list_key)
    if result.errors:
        return None, result.errors
    return CompletionTable.from_records(result.records), []


@settings(max_examples=500)
@given(st.lists(st.one_of(*[regular] * 8, odd), max_size=6), st.sampled_from([False] * 4 + [True]))
def test_the_plain_path_gives_what_the_model_gives(rows: list, extra_key: bool) -> None:
    text = (
        "completions:\n" + "".join(row_text(row) for row in rows) if rows else "completions: []\n"
    )
    if extra_key:
        text = "bron: lms\n" + text
    raw = text.encode()
    parsed = parsing.parse_bytes(PATH, raw)
    if isinstance(parsed, parsing.DataError):
        return  # not YAML a completions file could hold: the model never sees it either
    data, node = parsed
    plain = parsing._plain_completions(PATH, data, node)
    expected, errors = through_the_model(raw)
    if plain is None:
        return  # the model's path: whatever it says is what the user sees
    assert errors == [], "the plain path took a file the model refuses"
    assert plain == expected
    assert [c.origin for c in plain] == [c.origin for c in expected]
    result = parsing.records_from_bytes(PATH, raw, "completion")
    assert result.errors == [] and result.records == [plain]


def test_a_plain_export_takes_the_plain_path_and_a_bad_row_the_models() -> None:
    good = (
        "completions:\n"
        "  - person: E1042\n    module: AW-01\n    completed: 2025-03-14\n"
        "  - {person: E7, module: AW-02, completed: 2025-04-01}\n"
    )
    parsed = parsing.parse_bytes(PATH, good.encode())
    assert not isinstance(parsed, parsing.DataError)
    table = parsing._plain_completions(PATH, *parsed)
    assert table is not None and len(table) == 2
    assert table[1].origin.at("completed") == (5, 44)
    bad = good.replace("2025-04-01", "2025-04-31")
    result = parsing.records_from_bytes(PATH, bad.encode(), "completion")
    [error] = result.errors
    assert (error.line, error.code) == (5, "invalid-date")
