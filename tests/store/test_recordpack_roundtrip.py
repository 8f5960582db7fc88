"""The parse cache's packing, per record kind: pack -> pickle -> unpack gives back the records
exactly, with their values, origins and the set of fields that were given
(``model_fields_set``, on which the imports' ``exclude_unset=True`` edits depend), also for
nested records (a policy's reviews, an audit's findings and their updates)."""

from __future__ import annotations

import pickle
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from nencheck.model.base import Origin, Record
from nencheck.model.records import Records
from nencheck.store.cache import recordpack
from nencheck.store.read.loader import load_repository
from nencheck.store.read.source import WorkingTree

PROJECT_ROOT = Path(__file__).resolve().parent.parent.parent
FILE = "records/some-file.yaml"
WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéëï ABCXYZ-0123456789", min_size=1).map(
    str.strip
)
KEEP_AS_IS = {"id", "person", "module", "unit", "units", "controls", "framework", "language"}


@cache
def example() -> Records:
    result = load_repository(WorkingTree(PROJECT_ROOT))
    assert result.records is not None, result.errors
    return result.records


KINDS: dict[str, Any] = {
    "policy": lambda r: r.policies,
    "control": lambda r: r.controls,
    "evidence": lambda r: r.evidence,
    "incident": lambda r: r.incidents,
    "audit": lambda r: r.audits,
    "person": lambda r: r.people,
    "module": lambda r: r.modules,
    "completion": lambda r: list(r.completions[:200]),
    "settings": lambda r: [r.settings],
}


@st.composite
def variants(draw: st.DrawFn, kind: str) -> Record:
    """A record of the kind, from an example record with some optional fields left out (so
    the set of given fields varies) and some text values changed."""
    base = draw(st.sampled_from(KINDS[kind](example())))
    cls = type(base)
    data = base.model_dump(mode="json", exclude_unset=True)
    optional = sorted(name for name in data if not cls.model_fields[name].is_required())
    for name in draw(st.sets(st.sampled_from(optional))) if optional else set():
        del data[name]
    for name, value in list(data.items()):
        if isinstance(value, str) and name not in KEEP_AS_IS and draw(st.booleans()):
            data[name] = draw(WORDS.filter(bool))
    try:
        return cls.model_validate(data)
    except ValidationError:  # a change a rule of the record forbids (a date order, say)
        return cls.model_validate(base.model_dump(mode="json", exclude_unset=True))


@st.composite
def origins(draw: st.DrawFn, record: Record) -> Origin:
    names = draw(st.sets(st.sampled_from(sorted(type(record).model_fields))))
    positions = st.tuples(st.integers(1, 10_000), st.integers(1, 200))
    return Origin.of(
        FILE,
        draw(st.integers(1, 10_000)),
        draw(st.integers(1, 200)),
        {name: draw(positions) for name in sorted(names)},
    )


def place(draw: st.DrawFn, record: Record) -> None:
    """An origin in the file for the record and every nested record, as the loader gives."""
    record.with_origin(draw(origins(record)))
    for value in record.__dict__.values():
        if isinstance(value, list):
            for item in value:
                if isinstance(item, Record):
                    place(draw, item)


@st.composite
def files(draw: st.DrawFn, kind: str) -> list[Record]:
    """The records of one file, each placed in it."""
    records = draw(st.lists(variants(kind), min_size=1, max_size=4))
    for record in records:
        place(draw, record)
    return records


def assert_same(back: Any, original: Any, where: str = "") -> None:
    """Equal values, class, given fields and origin, down through nested records."""
    if isinstance(original, list):
        assert isinstance(back, list) and len(back) == len(original), where
        for index, (b, o) in enumerate(zip(back, original, strict=True)):
            assert_same(b, o, f"{where}[{index}]")
        return
    if not isinstance(original, Record):
        assert back == original and type(back) is type(original), where
        return
    assert type(back) is type(original), where
    assert back.model_fields_set == original.model_fields_set, where
    assert back.__pydantic_private__ == original.__pydantic_private__, where  # the origin
    assert back.model_dump(exclude_unset=True) == original.model_dump(exclude_unset=True), where
    assert list(back.__dict__) == list(original.__dict__), where
    for name, value in original.__dict__.items():
        assert_same(back.__dict__[name], value, f"{where}.{name}")


@pytest.mark.parametrize("kind", sorted(KINDS))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_pack_then_unpack_gives_the_records_back_exactly(kind: str, data: st.DataObject) -> None:
    records = data.draw(files(kind))
    packed = recordpack.pack(records)
    assert packed[0] == "columns", "valid records take the packed path, not the fallback"
    back = recordpack.unpack(pickle.loads(pickle.dumps(packed)))
    assert back == records
    assert_same(back, records)


def test_the_given_fields_survive_for_an_import_that_writes_only_them() -> None:
    """A record read with few fields given comes back with just those: an edit that dumps
    ``exclude_unset=True`` writes no defaults into the file."""
    person = type(example().people[0]).model_validate({"id": "E1", "unit": "HAP"})
    back = recordpack.unpack(recordpack.pack([person]))[0]
    assert back.model_fields_set == {"id", "unit"}
    assert back.model_dump(exclude_unset=True) == {"id": "E1", "unit": "HAP"}
