"""Awareness training on a date: assignments, completion figures, and the rules
training-overdue and training-below-target.

A person needs a module (an *assignment*) when the module's ``required_for`` names ``all``, the
person's unit or role, and the person had not left on the date. The latest completion on or
before the date counts; it is valid through completed + valid_for (inclusive). Completions dated
after the evaluation date do not count yet. People are named by personnel number only.

A never-completed assignment is due from a fixed date, so its date does not move every day: the
day the records first show the module being taken (its earliest completion on or before the
evaluation date). The records hold no start date of a person or a module; the first completion
is the earliest day on which the module demonstrably existed. A module nobody has completed yet
is due from the earliest completion of any module, and without any completion at all from the
evaluation date itself (docs/evaluation.md).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from typing import NamedTuple

from nencheck.checks.problem import Problem
from nencheck.i18n import _
from nencheck.model.records import Records
from nencheck.model.training import Module, Person


class Assignment(NamedTuple):
    """One person who needs one module on the evaluation date. (A tuple: tens of thousands are
    made per evaluation.)"""

    person: Person
    module: Module
    last_completed: date | None  # the latest completion on or before the date
    valid_until: date | None  # last_completed + the module's valid_for
    compliant: bool

    @property
    def key(self) -> str:
        return f"{self.person.id}/{self.module.id}"


@dataclass
class Figures:
    required: int = 0
    compliant: int = 0
    people: int = 0  # people with at least one assignment
    people_trained: int = 0  # of those, people whose every assignment is compliant

    @property
    def share(self) -> Fraction | None:
        return Fraction(self.compliant, self.required) if self.required else None

    @property
    def rate(self) -> float | None:
        """compliant / required, rounded to 4 decimals; None when nothing is required."""
        share = self.share
        return None if share is None else round(float(share), 4)

    def to_json(self) -> dict[str, int | float | None]:
        return {
            "required": self.required,
            "compliant": self.compliant,
            "rate": self.rate,
            "people": self.people,
            "people_trained": self.people_trained,
        }


@dataclass
class TrainingFigures:
    overall: Figures
    by_unit: dict[str, Figures] = field(default_factory=dict)
    by_module: dict[str, Figures] = field(default_factory=dict)
    # the (person, module) pairs without a valid completion on the date
    overdue: list[Assignment] = field(default_factory=list)

    @property
    def required(self) -> int:
        return self.overall.required

    @property
    def compliant(self) -> int:
        return self.overall.compliant

    @property
    def rate(self) -> float | None:
        return self.overall.rate

    @property
    def people(self) -> int:
        return self.overall.people

    @property
    def people_trained(self) -> int:
        return self.overall.people_trained


def _needed_by(person: Person, required_for: set[str]) -> bool:
    return (
        "all" in required_for
        or person.unit in required_for
        or (person.role is not None and person.role in required_for)
    )


def assignments(records: Records, as_of: date, unit: str | None = None) -> list[Assignment]:
    """Every assignment on the date (of one unit's people when ``unit`` is given)."""
    return [found for group in _assignments_per_person(records, as_of, unit) for found in group]


def _assignments_per_person(
    records: Records, as_of: date, unit: str | None
) -> Iterator[list[Assignment]]:
    """The assignments of each person who has any, person by person."""
    judge = _Judge(records, as_of)
    for person in judge.people(unit):
        modules = judge.modules_of(person)
        if modules:
            yield [judge.assignment(person, module) for module in modules]


class _Judge:
    """Who needs which module on a date, and whether their latest completion is still valid,
    with what many people share worked out once: the modules of a unit and role, the expiry of
    a module completed on a day."""

    def __init__(self, records: Records, as_of: date) -> None:
        self.records, self.as_of = records, as_of
        self.latest = _latest_completions(records, as_of)
        self.required_for = [(module, set(module.required_for)) for module in records.modules]
        self.needed: dict[tuple[str, str | None], list[Module]] = {}  # by (unit, role)
        self._dates: dict[tuple[str, int], tuple[date, date]] = {}  # by (module, day)

    def people(self, unit: str | None) -> Iterator[Person]:
        """The people on the date (of one unit when given)."""
        for person in self.records.people:
            if (unit is None or person.unit == unit) and person.active_on(self.as_of):
                yield person

    def modules_of(self, person: Person) -> list[Module]:
        key = (person.unit, person.role)
        modules = self.needed.get(key)
        if modules is None:
            wanted = self.required_for
            modules = self.needed[key] = [m for m, w in wanted if _needed_by(person, w)]
        return modules

    def compliance(self, person: Person, modules: list[Module]) -> tuple[bool, ...]:
        """Per module, whether the person holds a valid completion of it on the date."""
        latest, person_id, as_of = self.latest, person.id, self.as_of
        found = []
        for module in modules:
            last = latest.get((person_id, module.id))
            found.append(last is not None and self.dates(module, last)[1] >= as_of)
        return tuple(found)

    def assignment(self, person: Person, module: Module) -> Assignment:
        last = self.latest.get((person.id, module.id))
        if last is None:
            return Assignment(person, module, None, None, False)
        completed, valid_until = self.dates(module, last)
        return Assignment(person, module, completed, valid_until, valid_until >= self.as_of)

    def dates(self, module: Module, day: int) -> tuple[date, date]:
        """(completed, valid until) of a completion on the day (an ordinal)."""
        found = self._dates.get((module.id, day))
        if found is None:
            completed = date.fromordinal(day)
            found = self._dates[(module.id, day)] = (completed, module.valid_for.after(completed))
        return found


def _latest_completions(records: Records, as_of: date) -> dict[tuple[str, str], int]:
    """(person, module) -> the day (as an ordinal) of the latest completion on or before the
    date. Read from the table's columns: tens of thousands of rows."""
    table = records.completions
    limit = as_of.toordinal()
    latest: dict[tuple[str, str], int] = {}
    for person, module, day in zip(table.person, table.module, table.day, strict=True):
        if day <= limit and latest.get((person, module), 0) < day:
            latest[(person, module)] = day
    return latest


def required_since(records: Records, as_of: date) -> dict[str, date]:
    """Module id -> the fixed date a never-completed assignment of it is due (module docstring)."""
    return records.derive(("required_since", as_of), lambda: _required_since(records, as_of))


def _required_since(records: Records, as_of: date) -> dict[str, date]:
    table = records.completions
    limit = as_of.toordinal()
    first: dict[str, int] = {}
    for module, day in zip(table.module, table.day, strict=True):
        if day <= limit and first.get(module, limit + 1) > day:
            first[module] = day
    fallback = min(first.values(), default=limit)
    return {
        module.id: date.fromordinal(first.get(module.id, fallback)) for module in records.modules
    }


def assignment_due(records: Records, assignment: Assignment, as_of: date) -> date:
    """When an assignment without a valid completion fell due: its expiry, or the fixed date."""
    if assignment.valid_until is not None:
        return assignment.valid_until
    return required_since(records, as_of).get(assignment.module.id, as_of)


def training_figures(records: Records, as_of: date, unit: str | None = None) -> TrainingFigures:
    """The figures on a date, computed once per records, date and unit: ``check`` needs them
    for two rules and ``status`` for its summary. Treat the result as read-only."""
    return records.derive(
        ("training_figures", as_of, unit), lambda: _compute_figures(records, as_of, unit)
    )


def _compute_figures(records: Records, as_of: date, unit: str | None) -> TrainingFigures:
    judge = _Judge(records, as_of)
    overdue: list[Assignment] = []
    # Tens of thousands of assignments, but few patterns: people are counted per unit, role
    # and which of their modules they hold, then added up per unit and module.
    patterns: Counter[tuple[tuple[str, str | None], tuple[bool, ...]]] = Counter()
    for person in judge.people(unit):
        modules = judge.modules_of(person)
        if not modules:
            continue
        compliance = judge.compliance(person, modules)
        patterns[((person.unit, person.role), compliance)] += 1
        if not all(compliance):
            overdue += [
                judge.assignment(person, module)
                for module, compliant in zip(modules, compliance, strict=True)
                if not compliant
            ]
    tally: Counter[tuple[str, str, bool, bool]] = Counter()  # unit, module, compliant, trained
    people: Counter[tuple[str, bool]] = Counter()  # unit, trained (every assignment compliant)
    for ((person_unit, role), compliance), count in patterns.items():
        trained = all(compliance)
        people[(person_unit, trained)] += count
        for module, compliant in zip(judge.needed[(person_unit, role)], compliance, strict=True):
            tally[(person_unit, module.id, compliant, trained)] += count
    overall = Figures()
    by_unit: dict[str, Figures] = {}
    by_module: dict[str, Figures] = {module.id: Figures() for module in records.modules}
    for (person_unit, module_id, compliant, trained), count in tally.items():
        # A person has one assignment per module: counting assignments counts people.
        module_figures = by_module[module_id]
        module_figures.people += count
        module_figures.people_trained += count * trained
        for figures in (overall, by_unit.setdefault(person_unit, Figures()), module_figures):
            figures.required += count
            figures.compliant += count * compliant
    for (person_unit, trained), count in people.items():
        for figures in (overall, by_unit[person_unit]):
            figures.people += count
            figures.people_trained += count * trained
    order = [u.id for u in records.settings.units]
    by_unit = dict(sorted(by_unit.items(), key=lambda item: _position(order, item[0])))
    by_module = {key: value for key, value in by_module.items() if value.required}
    return TrainingFigures(overall, by_unit, by_module, overdue)


def below_target(figures: Figures, target: float) -> bool:
    share = figures.share
    return share is not None and share < Fraction(repr(target))


def rule_training_overdue(records: Records, as_of: date) -> list[Problem]:
    per_person: dict[str, list[Assignment]] = defaultdict(list)
    for assignment in training_figures(records, as_of).overdue:
        per_person[assignment.person.id].append(assignment)
    problems = []
    for person_assignments in per_person.values():
        person = person_assignments[0].person
        parts = [_describe(records, assignment, as_of) for assignment in person_assignments]
        message = _("no valid completion on {as_of} of: {modules}; unit {unit}").format(
            unit=person.unit, as_of=as_of, modules=", ".join(parts)
        )
        line, column = person.origin.at("id")
        problems.append(
            Problem(
                rule="training-overdue",
                id=person.id,
                file=person.origin.file,
                line=line,
                column=column,
                message=message,
                details={
                    "owner": person.unit,
                    "units": [person.unit],
                    "role": person.role,
                    "modules": [assignment.module.id for assignment in person_assignments],
                },
            )
        )
    return problems


def rule_training_below_target(records: Records, as_of: date) -> list[Problem]:
    target = records.settings.training_target
    line, column = records.settings.origin.at("training_target")
    problems = []
    for unit, figures in training_figures(records, as_of).by_unit.items():
        if not below_target(figures, target):
            continue
        message = _(
            "{compliant} of {required} training assignments in unit {unit} have a valid completion "
            "on {as_of} ({rate}), below the target of {target}"
        ).format(
            unit=unit,
            compliant=figures.compliant,
            required=figures.required,
            as_of=as_of,
            rate=percent(figures.rate or 0.0, 1),
            target=percent(target),
        )
        problems.append(
            Problem(
                rule="training-below-target",
                id=unit,
                file=records.settings_file,
                line=line,
                column=column,
                message=message,
                details={
                    "units": [unit],
                    "required": figures.required,
                    "compliant": figures.compliant,
                    "rate": figures.rate,
                    "target": target,
                },
            )
        )
    return problems


def percent(share: float, decimals: int | None = None) -> str:
    """0.9 -> '90%'; with ``decimals``, 0.8235 -> '82.4%'."""
    if decimals is None:
        return f"{share * 100:g}%"
    return f"{share * 100:.{decimals}f}%"


def _describe(records: Records, assignment: Assignment, as_of: date) -> str:
    if assignment.valid_until is None:
        return _("{module} (never completed, due since {since})").format(
            module=assignment.module.id, since=assignment_due(records, assignment, as_of)
        )
    return _("{module} (valid until {until})").format(
        module=assignment.module.id, until=assignment.valid_until
    )


def _position(order: list[str], unit: str) -> tuple[int, str]:
    return (order.index(unit) if unit in order else len(order), unit)
