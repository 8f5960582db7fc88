"""nencheck's JSON layout: the same values as json.dumps, an indented outline, one line per list
item (a problem, a due item), so a person can read it and grep it."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from nencheck.render.json_text import WIDTH, json_text

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=40,
)


@settings(max_examples=300)
@given(json_values)
def test_the_text_holds_exactly_the_values(value: Any) -> None:
    text = json_text(value)
    assert text.endswith("\n")
    assert json.loads(text) == json.loads(json.dumps(value))


def test_every_problem_is_one_line_and_the_outline_is_indented() -> None:
    problems = [{"rule": "policy-overdue", "id": f"P-{n}", "message": "x" * 80} for n in range(3)]
    text = json_text({"ok": False, "as_of": "2026-11-23", "errors": [], "problems": problems})
    lines = text.splitlines()
    assert lines[:5] == [
        "{",
        '  "ok": false,',
        '  "as_of": "2026-11-23",',
        '  "errors": [],',
        '  "problems": [',
    ]
    assert lines[5] == "    " + json.dumps(problems[0], ensure_ascii=False) + ","
    assert lines[-2:] == ["  ]", "}"]


def test_a_short_mapping_stays_on_one_line_and_a_long_one_is_spread() -> None:
    short = {"by_status": {"planned": 6, "implemented": 72}}
    assert json_text(short) == '{"by_status": {"planned": 6, "implemented": 72}}\n'
    long = {"units": {f"UNIT{n}": "Een lange naam van een eenheid" for n in range(6)}}
    lines = json_text(long).splitlines()
    assert lines[1] == '  "units": {' and all(len(line) <= WIDTH for line in lines)
