"""The fast constructor in ``yamlread`` gives exactly what PyYAML's constructor (with the
duplicate-key check) gives: the same data, or the same error at the same place."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nencheck.store.read import yamlread
from nencheck.store.read.yamlread import YamlFailure, parse_yaml

SCALARS = [
    "x",
    "E1042",
    "AW-01",
    "5.10",
    "5.1",
    "2025-03-04",
    "0x1F",
    "1_000",
    "true",
    "True",
    "TRUE",
    "false",
    "yes",
    "no",
    "off",
    "null",
    "Null",
    "~",
    "''",
    '""',
    '"5.10"',
    "'true'",
    '"a: b"',
    "!!str 5",
    "!!int 7",
    "!!bool yes",
    "!!bool true",
    "!!null x",
    "!!float 1.5",
    "!custom x",
    "!!binary aGk=",
    "!!timestamp 2025-03-04",
    "! plain",
    "a b c",
    "-1",
    ".inf",
]
KEYS = ["a", "b", "a", "true", "True", "null", "<<", "!!merge <<", '"a"', "'b'", "5.10", "~"]


def _flow(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    pairs = st.lists(st.tuples(st.sampled_from(KEYS), children), max_size=4)
    return st.one_of(
        st.lists(children, max_size=4).map(lambda items: "[" + ", ".join(items) + "]"),
        pairs.map(lambda items: "{" + ", ".join(f"{k}: {v}" for k, v in items) + "}"),
        st.sampled_from(
            [
                "!!seq [x]",
                "!!map {a: b}",
                "!!omap [{a: b}]",
                "!!set {a}",
                "!!str [x]",
                "{[x]: y}",
                "{{a: b}: c}",
                "{? a}",
            ]
        ),
    )


VALUES = st.recursive(st.sampled_from(SCALARS), _flow, max_leaves=12)
DOCUMENTS = st.one_of(
    VALUES,
    st.lists(st.tuples(st.sampled_from(KEYS), VALUES), min_size=1, max_size=5).map(
        lambda pairs: "".join(f"{key}: {value}\n" for key, value in pairs)
    ),
    st.lists(VALUES, min_size=1, max_size=4).map(
        lambda items: "".join(f"- {item}\n" for item in items)
    ),
)


def outcome(text: str) -> tuple[str, Any]:
    try:
        parsed = parse_yaml(text)
    except YamlFailure as failure:
        return "failure", failure.problem
    return "data", parsed.data


def careful_outcome(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[str, Any]:
    def never(node: Any) -> Any:
        raise yamlread._Unusual

    with monkeypatch.context() as patched:
        patched.setattr(yamlread, "_plain_data", never)
        return outcome(text)


@settings(max_examples=400, deadline=None)
@given(DOCUMENTS)
def test_fast_construction_agrees_with_pyyaml(text: str) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert outcome(text) == careful_outcome(text, monkeypatch), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'id: "5.10"\nok: true\nno: no\nnone: ~\n',
            {"id": "5.10", "ok": True, "no": "no", "none": None},
        ),
        ("a: !!bool yes\n", {"a": True}),
        ("a: !!int 7\n", {"a": 7}),
        ("a: {true: 1, True: 2}\n", {"a": {True: "2"}}),
        ("!!merge <<: {a: b}\nc: d\n", {"a": "b", "c": "d"}),
    ],
)
def test_tags_merges_and_equal_keys_take_the_careful_path(text: str, expected: Any) -> None:
    assert parse_yaml(text).data == expected


def test_duplicate_key_is_still_refused_where_it_stands() -> None:
    with pytest.raises(YamlFailure) as failure:
        parse_yaml("a: 1\nb:\n  c: 2\n  c: 3\n")
    assert (
        failure.value.problem.line,
        failure.value.problem.column,
        failure.value.problem.code,
    ) == (4, 3, "duplicate-key")
