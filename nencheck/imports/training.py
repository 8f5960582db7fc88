"""Turning a learning platform's export into the training completions to add.

The export is read by ``store.export_table`` (CSV or XLSX); here its columns are matched to the
three fields a completion has (person, module, completed), each row is normalised (personnel
number as text, module by id or exact title, Dutch dates and Excel date cells), and checked
against the records: unknown people and modules are collected with their row numbers, never
dropped in silence, and a completion already recorded (same person, module and date, in any
completions file) is not added again, so importing the same export twice adds nothing.
No column holding names is ever read: names stay out of the repository (docs/registers.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from nencheck.errors import NencheckError
from nencheck.i18n import _
from nencheck.imports.export_table import (
    HeaderMatch,
    Matcher,
    SourceRow,
    Table,
    find_header,
    normalise_header,
    read_table,
)
from nencheck.imports.terms import TermError, dutch_date
from nencheck.model.records import Records

FIELDS = ("person", "module", "completed")

# Header names (compared by ``normalise_header``) that learning platforms and HR exports use,
# best first: when two columns match one field (Cursuscode and Cursusnaam), the earlier wins.
# fmt: off
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
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


@dataclass(frozen=True)
class NewCompletion:
    person: str
    module: str
    completed: date
    row: int  # where in the export it came from


@dataclass(frozen=True)
class RowIssue:
    """A row that cannot be imported: its number, the value at fault and why."""

    row: int
    value: str
    message: str = ""


@dataclass
class ImportPlan:
    """What an import would do, and everything it would not import (with row numbers)."""

    table: Table
    header: HeaderMatch
    new: list[NewCompletion] = field(default_factory=list)
    rows: int = 0  # data rows below the header, blank rows not counted
    already_recorded: int = 0
    duplicates_in_file: int = 0
    not_completed: int = 0  # rows without a completion date (enrolled, not finished)
    unknown_people: list[RowIssue] = field(default_factory=list)
    unknown_modules: list[RowIssue] = field(default_factory=list)
    invalid: list[RowIssue] = field(default_factory=list)

    @property
    def unknown(self) -> bool:
        return bool(self.unknown_people or self.unknown_modules)

    def columns(self) -> dict[str, str]:
        """field -> the header text of the column it was read from."""
        return {
            name: str(self.header.row.cell(index)) for name, index in self.header.columns.items()
        }


def parse_mapping(text: str | None) -> dict[str, str]:
    """``person=Personeelsnummer,module=Cursus,completed=Afgerond`` -> field -> header."""
    if not text:
        return {}
    mapping: dict[str, str] = {}
    for part in text.split(","):
        name, equals, header = part.partition("=")
        name = name.strip().lower()
        if not equals or name not in FIELDS or not header.strip():
            raise NencheckError(
                _(
                    "--map: '{part}' is not FIELD=HEADER with FIELD one of {fields}; e.g. "
                    "--map person=Personeelsnummer,module=Cursus,completed=Afgerond"
                ).format(part=part.strip(), fields=", ".join(FIELDS))
            )
        mapping[name] = header.strip()
    return mapping


def header_matchers(explicit: dict[str, str]) -> dict[str, Matcher]:
    """For each field: a column named by --map, or else one of the known header names."""

    def exactly(wanted: str) -> Matcher:
        return lambda header: 0 if header == wanted else None

    def known(aliases: tuple[str, ...]) -> Matcher:
        return lambda header: aliases.index(header) if header in aliases else None

    return {
        name: exactly(normalise_header(explicit[name]))
        if name in explicit
        else known(HEADER_ALIASES[name])
        for name in FIELDS
    }


def locate_columns(table: Table, explicit: dict[str, str]) -> HeaderMatch:
    """The header row and the column of each field, or a NencheckError saying what to map."""
    found = find_header(table.rows, header_matchers(explicit))
    if found is not None and len(found.columns) == len(FIELDS):
        return found
    if found is None:
        raise NencheckError(
            _(
                "cannot find the header row: none of the first rows names a column for the personnel "
                "number, the module and the completion date. Name them with --map, e.g. "
                "--map person=Personeelsnummer,module=Cursus,completed=Afgerond"
            )
        )
    missing = [name for name in FIELDS if name not in found.columns]
    headers = ", ".join(str(cell) for cell in found.row.cells if cell not in (None, ""))
    raise NencheckError(
        _(
            "row {row} looks like the header ({headers}) but has no column for: {missing}. "
            "Name it with --map, e.g. --map {example}=<header>"
        ).format(
            row=found.row.number, headers=headers, missing=", ".join(missing), example=missing[0]
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
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value).strip()


class Resolver:
    """Finds a person by personnel number and a module by id or exact title."""

    def __init__(self, records: Records) -> None:
        self.people = {person.id: person.id for person in records.people}
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

    def person(self, text: str) -> str | None:
        if text in self.people:
            return text
        return self.unpadded.get(text.lstrip("0") or "0") if _DIGITS.match(text) else None

    def module(self, text: str) -> str | None:
        return self.modules.get(text) or self.modules.get(text.casefold())


def plan_import(
    table: Table,
    header: HeaderMatch,
    records: Records,
    as_of: date,
    date_format: str | None = None,
    progress: Progress | None = None,
) -> ImportPlan:
    """Normalise and check every row below the header; nothing is written."""
    plan = ImportPlan(table, header)
    resolver = Resolver(records)
    existing = set(records.completions.keys())
    seen: set[tuple[str, str, date]] = set()
    rows = [row for row in table.rows if row.number > header.row.number]
    for done, row in enumerate(rows, start=1):
        key = _read_row(plan, row, resolver, as_of, date_format)
        if key is not None:
            if key in existing:
                plan.already_recorded += 1
            elif key in seen:
                plan.duplicates_in_file += 1
            else:
                seen.add(key)
                plan.new.append(NewCompletion(*key, row=row.number))
        if progress is not None and (done % 500 == 0 or done == len(rows)):
            progress(done, len(rows))
    return plan


def _read_row(
    plan: ImportPlan, row: SourceRow, resolver: Resolver, as_of: date, date_format: str | None
) -> tuple[str, str, date] | None:
    columns = plan.header.columns
    person_cell, module_cell, completed_cell = (row.cell(columns[name]) for name in FIELDS)
    if all(cell_text(cell) == "" for cell in row.cells):
        return None
    plan.rows += 1
    person_text, module_text = cell_text(person_cell), cell_text(module_cell)
    if cell_text(completed_cell) == "":
        plan.not_completed += 1
        return None
    person_id = _resolve(
        plan,
        row.number,
        person_text,
        resolver.person,
        plan.unknown_people,
        _("no personnel number"),
    )
    module_id = _resolve(
        plan, row.number, module_text, resolver.module, plan.unknown_modules, _("no module")
    )
    try:
        completed = completion_date(completed_cell, date_format)
    except ValueError as error:
        plan.invalid.append(RowIssue(row.number, cell_text(completed_cell), str(error)))
        return None
    if completed > as_of:
        plan.invalid.append(
            RowIssue(
                row.number,
                completed.isoformat(),
                _(
                    "the completion date lies after {as_of}; if day and month are swapped, give "
                    "--date-format (e.g. %m/%d/%Y)"
                ).format(as_of=as_of),
            )
        )
        return None
    if person_id is None or module_id is None:
        return None
    return person_id, module_id, completed


def _resolve(
    plan: ImportPlan,
    row: int,
    text: str,
    find: Callable[[str], str | None],
    unknown: list[RowIssue],
    empty_message: str,
) -> str | None:
    """The id ``text`` names, or None after recording why not."""
    if not text:
        plan.invalid.append(RowIssue(row, "", empty_message))
        return None
    found = find(text)
    if found is None:
        unknown.append(RowIssue(row, text))
    return found


def read_export(
    path: Path,
    records: Records,
    as_of: date,
    *,
    mapping: str | None = None,
    date_format: str | None = None,
    sheet: str | None = None,
    progress: Progress | None = None,
) -> ImportPlan:
    """Read an export file and plan its import (the one call the CLI makes)."""
    table = read_table(path, sheet)
    header = locate_columns(table, parse_mapping(mapping))
    return plan_import(table, header, records, as_of, date_format, progress)


def group_issues(issues: list[RowIssue]) -> list[tuple[str, list[int]]]:
    """Unknown values with the rows they occur in, in order of first appearance."""
    grouped: dict[str, list[int]] = {}
    for issue in issues:
        grouped.setdefault(issue.value, []).append(issue.row)
    return list(grouped.items())
