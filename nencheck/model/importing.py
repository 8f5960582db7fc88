"""What an import reads and plans, as values: a sheet's located rows, the columns matched to
fields, the problems found per row, and the plan of files or completions to write.

The functions that read files and make plans are in ``nencheck.imports``; these types live here
so that renderers can show a plan without importing the importer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

TABLE_ROW = 0  # a problem with the sheet as a whole (a missing column), not with one row


@dataclass(frozen=True)
class Row:
    """One data row: its 1-based row number in the sheet and its cell values by column."""

    number: int
    values: tuple[Any, ...]

    def cell(self, column: int) -> Any:
        """The value in a 1-based column, or None past the row's end."""
        return self.values[column - 1] if 0 < column <= len(self.values) else None


@dataclass
class Table:
    """A sheet (or CSV file) below its header row, and how the file was read (shown to the
    user, so a wrong guess of encoding or delimiter shows). ``label`` is the file name shown
    in messages."""

    label: str
    sheet: str | None
    header_row: int
    headers: list[str]
    rows: list[Row] = field(default_factory=list)
    kind: str = "csv"  # "csv" or "xlsx"
    encoding: str | None = None
    delimiter: str | None = None
    notes: list[str] = field(default_factory=list)

    def place(self, row: int, column: int | None = None) -> str:
        """``Protocollen!R14:C3`` (CSV: ``R14:C3``)."""
        place = f"{self.sheet}!" if self.sheet else ""
        place += f"R{row}"
        if column is not None:
            place += f":C{column}"
        return place

    def where(self, row: int, column: int | None = None) -> str:
        """``register.xlsx:Protocollen!R14:C3`` (CSV: ``register.csv:R14:C3``)."""
        return f"{self.label}:{self.place(row, column)}"


@dataclass(frozen=True)
class ColumnMap:
    """Record field -> 1-based column, and the headers left unused."""

    columns: dict[str, int]
    ignored: list[str]

    def value(self, row: Row, field_name: str) -> Any:
        column = self.columns.get(field_name)
        return None if column is None else row.cell(column)

    def headers(self, table: Table) -> dict[str, str]:
        """field -> the header text of the column it is read from."""
        return {name: table.headers[column - 1] for name, column in self.columns.items()}


@dataclass(frozen=True)
class RowProblem:
    """``register.xlsx:Protocollen!R14:C3: unknown revision term "soms"``. ``value`` is the cell
    text at fault where grouping by it helps (the same unknown person on 40 rows)."""

    row: int
    where: str
    message: str
    value: str = ""

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def group_by_value(problems: list[RowProblem]) -> list[tuple[str, list[int]]]:
    """The values at fault with the rows they occur in, in order of first appearance."""
    grouped: dict[str, list[int]] = {}
    for problem in problems:
        grouped.setdefault(problem.value, []).append(problem.row)
    return list(grouped.items())


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any


@dataclass
class PlannedFile:
    """One record file the import creates or changes."""

    path: str
    record_id: str
    content: bytes
    rows: list[int]
    changes: list[FieldChange] = field(default_factory=list)  # empty for a new file


@dataclass
class ImportPlan:
    """Record files an import creates or updates (policies, the SoA, risks)."""

    creates: list[PlannedFile] = field(default_factory=list)
    updates: list[PlannedFile] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # merges, conflicts, values read leniently

    @property
    def invalid_rows(self) -> list[int]:
        return sorted({p.row for p in self.problems if p.row != TABLE_ROW})

    @property
    def table_problems(self) -> list[RowProblem]:
        return [p for p in self.problems if p.row == TABLE_ROW]

    def files(self) -> list[PlannedFile]:
        return self.creates + self.updates


@dataclass(frozen=True)
class NewCompletion:
    person: str
    module: str
    completed: date
    row: int  # where in the export it came from


@dataclass
class CompletionPlan:
    """What a training import would add, and everything it would not (with row numbers)."""

    table: Table
    columns: ColumnMap
    new: list[NewCompletion] = field(default_factory=list)
    rows: int = 0  # data rows below the header, blank rows not counted
    already_recorded: int = 0
    duplicates_in_file: int = 0
    not_completed: int = 0  # rows without a completion date (enrolled, not finished)
    unknown_people: list[RowProblem] = field(default_factory=list)
    unknown_modules: list[RowProblem] = field(default_factory=list)
    invalid: list[RowProblem] = field(default_factory=list)

    @property
    def unknown(self) -> bool:
        return bool(self.unknown_people or self.unknown_modules)

    def column_headers(self) -> dict[str, str]:
        """field -> the header text of the column it was read from."""
        return self.columns.headers(self.table)
