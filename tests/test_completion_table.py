"""The training completions kept as columns: what goes in comes out as the same records."""

from __future__ import annotations

import pickle
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from nencheck.model.base import Origin
from nencheck.model.training import Completion, CompletionTable


def completion(person: str, module: str, day: date, file: str, line: int) -> Completion:
    record = Completion.model_construct(person=person, module=module, completed=day)
    fields = {"person": (line, 13), "module": (line + 1, 13), "completed": (line + 2, 16)}
    return record.with_origin(Origin.of(file, line, 5, fields))  # type: ignore[no-any-return]


def test_rows_come_back_as_records_with_their_origins() -> None:
    rows = [
        completion("E1", "AW-01", date(2025, 3, 1), "evidence/training/completions/2025.yaml", 2),
        completion("E2", "AW-02", date(2025, 4, 1), "evidence/training/completions/2025.yaml", 5),
    ]
    table = CompletionTable.from_records(rows)
    assert len(table) == 2
    assert table[1] == rows[1]
    assert table[1].origin == rows[1].origin
    assert table[-1].origin.at("completed") == (7, 16)
    assert list(table) == rows
    assert table.person == ["E1", "E2"]
    assert list(table.day) == [date(2025, 3, 1).toordinal(), date(2025, 4, 1).toordinal()]
    assert list(table.keys()) == [
        ("E1", "AW-01", date(2025, 3, 1)),
        ("E2", "AW-02", date(2025, 4, 1)),
    ]


def test_joined_tables_keep_each_rows_file() -> None:
    first = CompletionTable.from_records(
        [completion("E1", "AW-01", date(2024, 1, 2), "evidence/training/completions/2024.yaml", 2)]
    )
    second = CompletionTable.from_records(
        [completion("E1", "AW-01", date(2025, 1, 2), "evidence/training/completions/2025.yaml", 8)]
    )
    joined = CompletionTable.joined([first, second])
    assert [c.origin.file for c in joined] == [
        "evidence/training/completions/2024.yaml",
        "evidence/training/completions/2025.yaml",
    ]
    assert [c.origin.line for c in joined] == [2, 8]
    assert len(first) == 1  # the parts are not changed
    assert CompletionTable.joined([]) == CompletionTable()


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["E1", "E2", "E1042"]),
            st.sampled_from(["AW-01", "AW-02"]),
            st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31)),
            st.sampled_from(["a.yaml", "b.yaml"]),
            st.integers(min_value=1, max_value=100_000),
        ),
        max_size=20,
    )
)
def test_a_table_survives_pickling_as_the_parse_cache_stores_it(rows: list) -> None:
    records = [completion(*row) for row in rows]
    table = CompletionTable.from_records(records)
    back = pickle.loads(pickle.dumps(table, pickle.HIGHEST_PROTOCOL))
    assert back == table
    assert list(back) == records
    assert [c.origin for c in back] == [c.origin for c in records]
