"""Packing one file's validated records into plain values for the parse cache, and back.

Pickling pydantic models one by one is slow where it matters: a Python ``__getstate__`` call
and a dozen small objects per model, and per file every class, enum and date type written and
looked up again by name (measured: 8.7 µs to pickle a tuple holding a model class, two enum
members, a date and a Duration; 0.3 µs with the same values as plain numbers and text). So
records of one class are packed as rows of plain values: enum members as their value, dates as
day numbers, durations as (count, unit), the class by name, the origin as numbers, and a list of
nested records (a policy's review log, an audit's findings) as rows in its turn. Anything less
regular is kept as it is.

The parse cache pickles the packs of all files together (store/cache/parse_cache.py). The parts that every
file of a kind repeats (field names, sets of given fields, the order of an origin's fields) are
made one shared object by ``_shared``, so that pickle writes each once and refers to it after.

Unpacked records share their values (lists, a completions table) with the cache's entry, which
the cache may pickle again at the end of the run: like every loaded record, they are read-only.
"""

from __future__ import annotations

import importlib
import types
from datetime import date
from enum import Enum
from typing import Annotated, Any, Union, get_args, get_origin

from nencheck.model.base import Origin, Record
from nencheck.model.types import Duration

_COLUMNS = "columns"
_AS_IS = "list"

# class -> ((field index, encode, decode), ...) for the fields that need converting
_CODECS: dict[type, tuple[tuple[int, Any, Any], ...]] = {}
_NESTED: dict[type, tuple[int, ...]] = {}  # class -> indexes of fields of nested records
_CLASSES: dict[tuple[str, str], type] = {}
_DECODING: dict[tuple[type, tuple[str, ...]], Any] = {}  # (class, field names) -> _decoding()
_SHARED: dict[Any, Any] = {}


def pack(records: list[Any]) -> tuple[Any, ...]:
    """The records as plain values (see the module's docstring); ``unpack`` gives them back."""
    return _columns(records) or (_AS_IS, records)


def unpack(packed: tuple[Any, ...]) -> list[Any]:
    if packed[0] == _AS_IS:
        return list(packed[1])
    _tag, module, name, *columns = packed
    return _from_columns(_record_class(module, name), *columns)


def _columns(records: list[Any]) -> tuple[Any, ...] | None:
    """One tuple per record: its field values (converted), then the index of its set of given
    fields, its origin's line and column (0, 0 when it has none), the index of its field layout
    and the positions."""
    if not records or not isinstance(records[0], Record):
        return None
    try:
        return _rows(records)
    except _Irregular:
        return None


def _rows(records: list[Any]) -> tuple[Any, ...] | None:
    cls = records[0].__class__
    names = tuple(records[0].__dict__)
    file = records[0].origin.file
    codecs = _codecs(cls, names)
    nested = _nested_fields(cls, names)
    field_sets: dict[frozenset[str], int] = {}
    layouts: dict[tuple[str, ...], int] = {}
    rows = []
    for record in records:
        values, private = record.__dict__, record.__pydantic_private__
        if (
            record.__class__ is not cls
            or tuple(values) != names
            or private is None
            or len(private) != 1
            or "_origin" not in private
            or record.__pydantic_extra__ is not None
        ):
            return None
        origin = private["_origin"]
        if origin is not None and origin.file != file:
            return None
        row = list(values.values())
        for index, encode, _decode in codecs:
            if row[index] is not None:
                row[index] = encode(row[index])
        for index in nested:
            if row[index]:
                row[index] = _columns(row[index]) or row[index]  # a tuple, or still a list
        placed, positions = (origin.names, origin.positions) if origin is not None else ((), ())
        row += (
            field_sets.setdefault(
                _shared(frozenset(record.__pydantic_fields_set__)), len(field_sets)
            ),
            origin.line if origin is not None else 0,
            origin.column if origin is not None else 0,
            layouts.setdefault(_shared(placed), len(layouts)),
            positions,
        )
        rows.append(tuple(row))
    return (
        _COLUMNS,
        cls.__module__,
        cls.__qualname__,
        _shared(names),
        file,
        _shared(tuple(field_sets)),
        _shared(tuple(layouts)),
        rows,
    )


def _shared(value: Any) -> Any:
    """One object for equal layouts, so that the cache's pickle holds it once."""
    return _SHARED.setdefault(value, value)


def _from_columns(
    cls: type[Record],
    names: tuple[str, ...],
    file: str,
    field_sets: tuple[frozenset[str], ...],
    layouts: tuple[tuple[str, ...], ...],
    rows: list[tuple[Any, ...]],
) -> list[Any]:
    """The records back, set up as pydantic's own unpickling (``BaseModel.__setstate__``) sets
    them up: values, the set of given fields (``exclude_unset`` depends on it), no extras, the
    origin; nothing validated again. Its attribute writes are made here directly: calling
    ``__setstate__`` cost 3% of a warm load of 1,700 documents, and ``model_construct``
    (defaults, private attributes one by one) eight times as much per record.
    tests/store/test_recordpack_roundtrip.py holds the result to pydantic's own records."""
    new, put = object.__new__, object.__setattr__
    width = len(names)
    converted, nested = _decoding(cls, names)
    records = []
    for row in rows:
        record = new(cls)
        values = dict(zip(names, row, strict=False))
        for name, decode in converted:
            if values[name] is not None:
                values[name] = decode(values[name])
        for name in nested:
            if values[name].__class__ is tuple:
                values[name] = unpack(values[name])
        put(record, "__dict__", values)
        put(record, "__pydantic_fields_set__", set(field_sets[row[width]]))
        put(record, "__pydantic_extra__", None)
        origin = None
        if row[width + 1]:
            origin = new(Origin)
            put(
                origin,
                "__dict__",
                {
                    "file": file,
                    "line": row[width + 1],
                    "column": row[width + 2],
                    "names": layouts[row[width + 3]],
                    "positions": row[width + 4],
                },
            )
        put(record, "__pydantic_private__", {"_origin": origin})
        records.append(record)
    return records


def _decoding(
    cls: type[Record], names: tuple[str, ...]
) -> tuple[tuple[tuple[str, Any], ...], tuple[str, ...]]:
    """(the fields to decode with their decoders, the fields of nested records) for a layout:
    asked for each of thousands of files, mostly of one record each."""
    found = _DECODING.get((cls, names))
    if found is None:
        converted = tuple((names[index], decode) for index, _e, decode in _codecs(cls, names))
        nested = tuple(names[index] for index in _nested_fields(cls, names))
        found = _DECODING[(cls, names)] = (converted, nested)
    return found


def _nested_fields(cls: type[Record], names: tuple[str, ...]) -> tuple[int, ...]:
    """Indexes of the fields that hold a list of records (``reviews: list[Review]``)."""
    found = _NESTED.get(cls)
    if found is None:
        fields = cls.model_fields
        found = _NESTED[cls] = tuple(
            index
            for index, name in enumerate(names)
            if name in fields and _record_list(fields[name].annotation)
        )
    return found


def _record_list(annotation: Any) -> bool:
    if get_origin(annotation) is not list:
        return False
    (item,) = get_args(annotation)
    return isinstance(item, type) and issubclass(item, Record)


def _codecs(cls: type[Record], names: tuple[str, ...]) -> tuple[tuple[int, Any, Any], ...]:
    found = _CODECS.get(cls)
    if found is None:
        fields = cls.model_fields
        found = tuple(
            (index, *codec)
            for index, name in enumerate(names)
            if name in fields and (codec := _codec(fields[name].annotation)) is not None
        )
        _CODECS[cls] = found
    return found


def _codec(annotation: Any) -> tuple[Any, Any] | None:
    """(encode, decode) for a field holding an enum, a date or a Duration (or None)."""
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    if get_origin(annotation) in (Union, types.UnionType):
        options = [arg for arg in get_args(annotation) if arg is not type(None)]
        if len(options) != 1:
            return None
        return _codec(options[0])
    if get_origin(annotation) is not None or not isinstance(annotation, type):
        return None
    if issubclass(annotation, Enum):
        return _checked(
            annotation, lambda member: member._value_
        ), annotation._value2member_map_.__getitem__
    if annotation is date:
        return _checked(date, date.toordinal), date.fromordinal
    if annotation is Duration:
        return _checked(Duration, lambda d: (d.count, d.unit)), _duration
    return None


_DURATIONS: dict[tuple[int, str], Duration] = {}


def _duration(pair: tuple[int, str]) -> Duration:
    """Durations are immutable and few (``3y``, ``90d``): one object for each."""
    found = _DURATIONS.get(pair)
    if found is None:
        found = _DURATIONS[pair] = Duration(*pair)
    return found


class _Irregular(Exception):
    """A value that is not of its field's declared type (a default, say): keep it as it is."""


def _checked(kind: type, encode: Any) -> Any:
    def checked(value: Any) -> Any:
        if value.__class__ is not kind:
            raise _Irregular
        return encode(value)

    return checked


def _record_class(module: str, name: str) -> type[Record]:
    found = _CLASSES.get((module, name))
    if found is None:
        if not module.startswith("nencheck."):
            raise TypeError(f"{module}.{name} is not a record class")
        found = getattr(importlib.import_module(module), name)
        if not (isinstance(found, type) and issubclass(found, Record)):
            raise TypeError(f"{module}.{name} is not a record class")
        _CLASSES[(module, name)] = found
    return found
