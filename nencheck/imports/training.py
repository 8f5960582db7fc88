"""Turning a learning platform's export into the training completions to add.

The export is read by the one table reader (``imports.table``, CSV or XLSX, ``--map`` like
every import); its columns are matched to the three fields a completion has (person, module,
completed), each row is normalised (personnel
number as text, module by id or exact title, Dutch dates and Excel date cells), and checked
against the records: unknown people and modules are collected with their row numbers, never
dropped in silence, and a completion already recorded (same person, module and date, in any
completions file) is not added again, so importing the same export twice adds nothing.
No column holding names is ever read: names stay out of the repository (docs/registers.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path

from nencheck.errors import NencheckError
from nencheck.i18n import _
from nencheck.imports.table import expected_headers, map_columns, parse_map_option, read_table
from nencheck.imports.terms import TermError, dutch_date
from nencheck.model.importing import (
    ColumnMap,
    CompletionPlan,
    NewCompletion,
    Row,
    RowProblem,
    Table,
)
from nencheck.model.records import Records

FIELDS = ("person", "module", "completed")

# Header names (compared by ``imports.table.header_key``) that learning platforms and HR exports
# use, best first: when two columns match one field (Cursuscode and Cursusnaam), the earlier wins.
# fmt: off
TRAINING_HEADERS: dict[str, tuple[str, ...]] = {
    "person": (
        "personeelsnummer", "personeelsnr", "personeels nr", "pers nr", "persnr", "pnr",
        "medewerkernummer", "medewerkernr", "medewerker nr", "medewerker id", "id medewerker",
        "werknemernummer", "werknemer nr", "employee id", "employee number", "employee no",
        "personnel number", "staff number", "person id", "person",
    ),
    "module": (
        "cursuscode", "cursus code", "cursus id", "modulecode", "module code", "module id",
        "trainingscode", "course id", "course code", "cursus", "module", "leermodule", "training",
        "e learning", "opleiding", "course", "cursusnaam", "cursus naam", "modulenaam",
        "module naam", "course name", "course title",
    ),
    "completed": (
        "afgerond op", "datum afgerond", "afrondingsdatum", "afronddatum", "datum afronding",
        "voltooid op", "datum voltooid", "voltooiingsdatum", "behaald op", "datum behaald",
        "completed on", "completion date", "date completed", "completed at", "afgerond",
        "voltooid", "behaald", "completed", "datum",
    ),
}
# fmt: on

EXCEL_EPOCH = date(1899, 12, 30)  # Excel's 1900 date system, including its 1900 leap-year bug
_EXCEL_SERIAL = re.compile(r"^\d{5}(\.\d+)?$")
_TIME_SUFFIX = re.compile(r"[ t]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(z|[+-]\d{2}:?\d{2})?$", re.I)
_DIGITS = re.compile(r"^\d+$")

Progress = Callable[[int, int], None]  # (rows done, rows in all)


def locate_columns(table: Table, maps: Sequence[str] = ()) -> ColumnMap:
    """The column of each field (by ``--map`` or the usual headers), or a NencheckError saying
    what to map."""
    columns = map_columns(table, parse_map_option(maps), TRAINING_HEADERS)
    missing = [name for name in FIELDS if name not in columns.columns]
    if not missing:
        return columns
    headers = ", ".join(header for header in table.headers if header)
    raise NencheckError(
        _(
            "row {row} looks like the header ({headers}) but has no column for: {missing}. "
            "Name it with --map, e.g. --map {example}=<header>"
        ).format(
            row=table.header_row, headers=headers, missing=", ".join(missing), example=missing[0]
        )
    )


def completion_date(value: object, date_format: str | None = None) -> date:
    """A completion date from a cell: an Excel date cell or serial number, ISO or Dutch text
    (04-03-2025, 4-3-2025, 04/03/2025, 2025-03-04, 4 maart 2025), a time part ignored.
    With ``date_format`` (strptime codes) text must follow that format. Raises ValueError."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _excel_serial(float(value))
    text = str(value).strip()
    if date_format:
        try:
            return datetime.strptime(text, date_format).date()
        except ValueError:
            raise ValueError(
                _("'{value}' does not match --date-format {format}").format(
                    value=text, format=date_format
                )
            ) from None
    if _EXCEL_SERIAL.match(text):
        return _excel_serial(float(text))
    try:
        return dutch_date(_TIME_SUFFIX.sub("", text))
    except TermError as error:
        hint = _(
            "dates are read day first (04-03-2025 is 4 March); for another order give "
            "--date-format, e.g. %m/%d/%Y"
        )
        raise ValueError(f"{error}; {hint}") from None


def _excel_serial(serial: float) -> date:
    if not 1 <= serial < 2_958_466:  # 9999-12-31
        raise ValueError(_("{value} is not an Excel date").format(value=serial))
    return EXCEL_EPOCH + timedelta(days=int(serial))


def cell_text(value: object) -> str:
    """A cell as an identifier: 1042 and 1042.0 (numbers in Excel) become '1042'."""
    if value.__class__ is str:
        return value.strip()  # type: ignore[attr-defined]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value).strip()


class Resolver:
    """Finds a person by personnel number and a module by id or exact title."""

    def __init__(self, records: Records) -> None:
        self.people = {person.id: person.id for person in records.people}
        self.dates: dict[tuple[type, object], date | str] = {}
        # Excel drops leading zeros from numbers: 01042 arrives as 1042. Match it when unique.
        unpadded: dict[str, list[str]] = {}
        for person_id in self.people:
            if _DIGITS.match(person_id):
                unpadded.setdefault(person_id.lstrip("0") or "0", []).append(person_id)
        self.unpadded = {key: ids[0] for key, ids in unpadded.items() if len(ids) == 1}
        self.modules: dict[str, str] = {}
        for module in records.modules:
            self.modules.setdefault(module.title.strip(), module.id)
            self.modules.setdefault(module.title.strip().casefold(), module.id)
        for module in records.modules:
            self.modules[module.id.casefold()] = module.id
            self.modules[module.id] = module.id

    def completed(self, cell: object, date_format: str | None) -> date | str:
        """``completion_date`` of a cell, or why it is not one; an export of 800,000 rows
        holds a few hundred distinct dates, so each is read once."""
        key = (cell.__class__, cell)
        found = self.dates.get(key)
        if found is None:
            try:
                found = completion_date(cell, date_format)
            except ValueError as error:
                found = str(error)
            self.dates[key] = found
        return found

    def person(self, text: str) -> str | None:
        if text in self.people:
            return text
        return self.unpadded.get(text.lstrip("0") or "0") if _DIGITS.match(text) else None

    def module(self, text: str) -> str | None:
        return self.modules.get(text) or self.modules.get(text.casefold())


def plan_import(
    table: Table,
    columns: ColumnMap,
    records: Records,
    as_of: date,
    date_format: str | None = None,
    progress: Progress | None = None,
) -> CompletionPlan:
    """Normalise and check every row below the header; nothing is written."""
    plan = CompletionPlan(table, columns)
    resolver = Resolver(records)
    existing = set(records.completions.keys())
    seen: set[tuple[str, str, date]] = set()
    read_row = _RowReader(plan, resolver, as_of, date_format)
    for done, row in enumerate(table.rows, start=1):
        key = read_row(row)
        if key is not None:
            if key in existing:
                plan.already_recorded += 1
            elif key in seen:
                plan.duplicates_in_file += 1
            else:
                seen.add(key)
                plan.new.append(NewCompletion(*key, row=row.number))
        if progress is not None and (done % 500 == 0 or done == len(table.rows)):
            progress(done, len(table.rows))
    return plan


class _RowReader:
    """One row's (person, module, completed), or None after counting or recording why not.
    Called for every row of an export (800,000 in the benchmark), so the columns are looked up
    once and each distinct cell is resolved once."""

    def __init__(
        self, plan: CompletionPlan, resolver: Resolver, as_of: date, date_format: str | None
    ) -> None:
        self.plan, self.resolver, self.as_of, self.date_format = plan, resolver, as_of, date_format
        self.columns = tuple(plan.columns.columns[name] - 1 for name in FIELDS)

    def __call__(self, row: Row) -> tuple[str, str, date] | None:
        plan, resolver = self.plan, self.resolver
        values, (person_at, module_at, completed_at) = row.values, self.columns
        width = len(values)
        person_cell = values[person_at] if person_at < width else None
        module_cell = values[module_at] if module_at < width else None
        completed_cell = values[completed_at] if completed_at < width else None
        plan.rows += 1
        if completed_cell is None or cell_text(completed_cell) == "":
            plan.not_completed += 1
            return None
        person_id = _resolve(
            plan, row, "person", cell_text(person_cell), resolver.person, plan.unknown_people
        )
        module_id = _resolve(
            plan, row, "module", cell_text(module_cell), resolver.module, plan.unknown_modules
        )
        completed = resolver.completed(completed_cell, self.date_format)
        if isinstance(completed, str):
            _invalid(plan, row, "completed", cell_text(completed_cell), completed)
            return None
        if completed > self.as_of:
            message = _(
                "the completion date lies after {as_of}; if day and month are swapped, give "
                "--date-format (e.g. %m/%d/%Y)"
            ).format(as_of=self.as_of)
            _invalid(plan, row, "completed", completed.isoformat(), message)
            return None
        if person_id is None or module_id is None:
            return None
        return person_id, module_id, completed


def _resolve(
    plan: CompletionPlan,
    row: Row,
    field_name: str,
    text: str,
    find: Callable[[str], str | None],
    unknown: list[RowProblem],
) -> str | None:
    """The id ``text`` names, or None after recording why not."""
    if not text:
        empty = _("no personnel number") if field_name == "person" else _("no module")
        _invalid(plan, row, field_name, "", empty)
        return None
    found = find(text)
    if found is None:
        unknown.append(RowProblem(row.number, _where(plan, row, field_name), "", text))
    return found


def _invalid(plan: CompletionPlan, row: Row, field_name: str, value: str, message: str) -> None:
    plan.invalid.append(RowProblem(row.number, _where(plan, row, field_name), message, value))


def _where(plan: CompletionPlan, row: Row, field_name: str) -> str:
    return plan.table.where(row.number, plan.columns.columns.get(field_name))


def read_export(
    path: Path,
    records: Records,
    as_of: date,
    *,
    maps: Sequence[str] = (),
    date_format: str | None = None,
    sheet: str | None = None,
    progress: Progress | None = None,
) -> CompletionPlan:
    """Read an export file and plan its import (the one call the CLI makes)."""
    expected = expected_headers(parse_map_option(maps), TRAINING_HEADERS)
    table = read_table(path, path.name, sheet, expected)
    columns = locate_columns(table, maps)
    return plan_import(table, columns, records, as_of, date_format, progress)
