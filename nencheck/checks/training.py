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
    assignments: list[Assignment] = field(default_factory=list)

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

    @property
    def overdue(self) -> list[Assignment]:
        """(person, module) pairs without a valid completion on the date."""
        return [assignment for assignment in self.assignments if not assignment.compliant]


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
    latest = _latest_completions(records, as_of)
    required_for = [(module, set(module.required_for)) for module in records.modules]
    needed: dict[tuple[str, str | None], list[Module]] = {}  # by unit and role: few of each
    valid: dict[tuple[str, int], tuple[date, date]] = {}  # (module, day): many rows share one
    for person in records.people:
        if (unit is not None and person.unit != unit) or not person.active_on(as_of):
            continue
        modules = needed.get((person.unit, person.role))
        if modules is None:
            modules = [module for module, wanted in required_for if _needed_by(person, wanted)]
            needed[(person.unit, person.role)] = modules
        found = []
        for module in modules:
            last = latest.get((person.id, module.id))
            if last is None:
                found.append(Assignment(person, module, None, None, False))
                continue
            dates = valid.get((module.id, last))
            if dates is None:
                completed = date.fromordinal(last)
                dates = valid[(module.id, last)] = (completed, module.valid_for.after(completed))
            found.append(Assignment(person, module, *dates, dates[1] >= as_of))
        if found:
            yield found


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
    found: list[Assignment] = []
    # Counted first, added up per unit and module after: tens of thousands of assignments.
    tally: Counter[tuple[str, str, bool, bool]] = Counter()  # unit, module, compliant, trained
    people: Counter[tuple[str, bool]] = Counter()  # unit, trained (every assignment compliant)
    for group in _assignments_per_person(records, as_of, unit):
        found += group
        trained = all(assignment.compliant for assignment in group)
        person_unit = group[0].person.unit
        people[(person_unit, trained)] += 1
        for assignment in group:
            tally[(person_unit, assignment.module.id, assignment.compliant, trained)] += 1
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
    return TrainingFigures(overall, by_unit, by_module, found)


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
