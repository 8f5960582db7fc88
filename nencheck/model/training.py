"""Awareness training: modules, people (by personnel number) and completions."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from itertools import groupby
from typing import Any, overload

from pydantic import Field

from nencheck.model.base import Origin, Record
from nencheck.model.types import DurationField, Identifier, IsoDate, Text


class Module(Record):
    id: Identifier
    title: Text
    valid_for: DurationField
    required_for: list[Identifier] = Field(min_length=1)


class Person(Record):
    """A person is keyed by personnel number; a name is optional personal data."""

    id: Identifier
    unit: Identifier
    role: Text | None = None
    name: Text | None = None
    left: IsoDate | None = None

    def active_on(self, day: date) -> bool:
        return self.left is None or self.left > day


class Completion(Record):
    event_dates = ("completed",)
    person: Identifier
    module: Identifier
    completed: IsoDate


class ModulesFile(Record):
    modules: list[Module] = Field(default_factory=list)


class PeopleFile(Record):
    people: list[Person] = Field(default_factory=list)


class CompletionsFile(Record):
    completions: list[Completion] = Field(default_factory=list)


# Per row of a CompletionTable: the row's line and column, then those of person, module, completed.
_POSITION_FIELDS = ("person", "module", "completed")
_POSITIONS_PER_ROW = 2 + 2 * len(_POSITION_FIELDS)

# person, module, completed, and the row's positions (_POSITIONS_PER_ROW numbers)
CompletionRow = tuple[str, str, date, tuple[int, ...]]


def _row(completion: Completion) -> CompletionRow:
    origin = completion.origin
    positions: tuple[int, ...] = (origin.line, origin.column)
    for name in _POSITION_FIELDS:
        positions += origin.at(name)
    return completion.person, completion.module, completion.completed, positions


class CompletionTable(Sequence[Completion]):
    """The training completions of a repository, kept as columns rather than one record a row.

    A learning platform's exports hold tens of thousands of rows (57,632 in the benchmark's
    10,000-document network) and every rule reads them all: as records, rebuilding them from the
    parse cache cost half a warm run. The rules read the columns (``person``, ``module``,
    ``day``, a date as its ordinal); a ``Completion`` record with its origin is built only for a
    row that is looked at as one (a message about an unknown person, say). Indexing and iterating
    give such records, so the table can stand where a list of completions stood.

    A table is not changed after it is built; ``joined`` makes a new one. Searching it as a
    sequence (``in``, ``index``, ``count``) builds a record for every row: read the columns.
    """

    __slots__ = ("_file_of", "_files", "_positions", "day", "module", "person")

    def __init__(self) -> None:
        self.person: list[str] = []
        self.module: list[str] = []
        self.day = array("i")  # date.toordinal() of each row's ``completed``
        self._files: list[str] = []
        self._file_of = array("I")  # index into _files, per row
        self._positions = array("i")  # _POSITIONS_PER_ROW numbers per row

    @classmethod
    def from_rows(cls, file: str, rows: Iterable[CompletionRow]) -> CompletionTable:
        """The rows of one completions file."""
        table = cls()
        table._files = [file]
        texts: dict[str, str] = {}  # one string object per distinct id, shared by the rows
        for person, module, completed, positions in rows:
            table.person.append(texts.setdefault(person, person))
            table.module.append(texts.setdefault(module, module))
            table.day.append(completed.toordinal())
            table._file_of.append(0)
            table._positions.extend(positions)
        return table

    @classmethod
    def from_columns(
        cls, file: str, person: list[str], module: list[str], day: array[int], positions: array[int]
    ) -> CompletionTable:
        """The rows of one completions file, given as columns (``day`` as date ordinals,
        ``positions`` _POSITIONS_PER_ROW numbers per row); the lists are taken, not copied."""
        if not len(person) == len(module) == len(day) == len(positions) // _POSITIONS_PER_ROW:
            raise ValueError("columns of different lengths")
        table = cls()
        table._files = [file]
        table.person, table.module, table.day, table._positions = person, module, day, positions
        table._file_of = array("I", bytes(4 * len(person)))
        return table

    @classmethod
    def from_records(cls, completions: Iterable[Completion]) -> CompletionTable:
        """The rows of validated records, which the loader has given their origins (a record
        without one comes back with an empty file name at line 1)."""
        return cls.joined(
            cls.from_rows(file, (_row(completion) for completion in group))
            for file, group in groupby(completions, key=lambda completion: completion.origin.file)
        )

    @classmethod
    def joined(cls, tables: Iterable[CompletionTable]) -> CompletionTable:
        """One table of the rows of several (one per completions file), in their order."""
        table = cls()
        for part in tables:
            offset = len(table._files)
            table.person += part.person
            table.module += part.module
            table.day += part.day
            table._files += part._files
            table._file_of += array("I", (index + offset for index in part._file_of))
            table._positions += part._positions
        return table

    def keys(self) -> Iterator[tuple[str, str, date]]:
        """(person, module, completed) of each row."""
        for person, module, day in zip(self.person, self.module, self.day, strict=True):
            yield person, module, date.fromordinal(day)

    def __len__(self) -> int:
        return len(self.person)

    @overload
    def __getitem__(self, index: int) -> Completion: ...

    @overload
    def __getitem__(self, index: slice) -> list[Completion]: ...

    def __getitem__(self, index: int | slice) -> Completion | list[Completion]:
        rows = range(len(self))
        if isinstance(index, slice):
            return [self._record(row) for row in rows[index]]
        if not -len(rows) <= index < len(rows):
            raise IndexError(f"row {index} of a table of {len(rows)} completions")
        return self._record(rows[index])

    def __iter__(self) -> Iterator[Completion]:
        return (self._record(row) for row in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CompletionTable):
            return NotImplemented
        return list(self) == list(other) and [c.origin for c in self] == [c.origin for c in other]

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"CompletionTable({len(self)} rows)"

    def __getstate__(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        for name, value in zip(self.__slots__, state, strict=True):
            setattr(self, name, value)

    def _record(self, row: int) -> Completion:
        at = row * _POSITIONS_PER_ROW
        numbers = self._positions[at : at + _POSITIONS_PER_ROW]
        completion = Completion.model_construct(
            person=self.person[row],
            module=self.module[row],
            completed=date.fromordinal(self.day[row]),
        )
        file = self._files[self._file_of[row]]
        origin = Origin(file, numbers[0], numbers[1], _POSITION_FIELDS, tuple(numbers[2:]))
        return completion.with_origin(origin)  # type: ignore[no-any-return]
