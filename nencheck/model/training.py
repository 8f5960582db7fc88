"""Awareness training: modules, people (by personnel number) and completions."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from nencheck.model.base import Record
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
    person: Identifier
    module: Identifier
    completed: IsoDate


class ModulesFile(Record):
    modules: list[Module] = Field(default_factory=list)


class PeopleFile(Record):
    people: list[Person] = Field(default_factory=list)


class CompletionsFile(Record):
    completions: list[Completion] = Field(default_factory=list)
