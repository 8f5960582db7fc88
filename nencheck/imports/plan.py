"""What the record imports (policies, SoA, risks) share: reading typed cells with located
problems, the plan of files to create or update, and in-place updates of existing records that
keep the user's comments. The value types themselves are in ``model.importing``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from nencheck.i18n import _
from nencheck.imports.terms import TermError, is_blank
from nencheck.model.base import Record
from nencheck.model.importing import (
    TABLE_ROW,
    ColumnMap,
    FieldChange,
    ImportPlan,
    Row,
    RowProblem,
    Table,
)
from nencheck.model.types import Duration
from nencheck.store.read.validation_messages import validation_message


def require_columns(
    plan: ImportPlan, table: Table, columns: ColumnMap, names: tuple[str, ...]
) -> None:
    """A sheet without a column for a required field cannot be imported row by row."""
    for name in names:
        if name not in columns.columns:
            message = _("no column for {field}; map it with --map {field}=Header").format(
                field=name
            )
            plan.problems.append(RowProblem(TABLE_ROW, table.where(table.header_row), message))


class RowReader:
    """Typed values from one row; every unreadable cell becomes a problem at its column."""

    def __init__(self, table: Table, columns: ColumnMap, row: Row, problems: list[RowProblem]):
        self.table, self.columns, self.row, self.problems = table, columns, row, problems
        self.failed = False
        self.failed_fields: set[str] = set()  # reported already: the model need not repeat them

    def get(self, name: str, parse: Callable[[Any], Any] | None = None) -> Any:
        """The parsed cell of field ``name``; None when the column is absent, the cell empty or
        unreadable (then a problem is recorded)."""
        raw = self.columns.value(self.row, name)
        if is_blank(raw):
            return None
        if parse is None:
            return cell_text(raw)
        try:
            return parse(raw)
        except TermError as error:
            self.report(name, str(error))
            return None

    def report(self, name: str | None, message: str) -> None:
        if name:
            self.failed_fields.add(name)
        column = self.columns.columns.get(name) if name else None
        self.problems.append(
            RowProblem(self.row.number, self.table.where(self.row.number, column), message)
        )
        self.failed = True

    def report_validation(self, error: ValidationError) -> None:
        """The model's objections, each at the column of the field it names."""
        for detail in error.errors(include_url=False):
            context = detail.get("ctx") or {}
            name = str(detail["loc"][0]) if detail["loc"] else context.get("field")
            if name in self.failed_fields:
                continue  # its cell was unreadable, and that was reported
            if detail["type"] == "missing":
                message = _(
                    "{field} is missing; fill in the cell or map its column with --map "
                    "{field}=Header"
                ).format(field=name)
            elif str(detail["type"]).startswith("conditional_"):
                message = validation_message(detail)  # it names its field itself
            else:
                message = validation_message(detail)
                message = f"{name}: {message}" if name else message
            self.report(name, message)


def cell_text(raw: Any) -> str:
    """A cell as text: Excel stores 4 as 4 and 4.0 as 4.0; an integral number loses its '.0'."""
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, date):
        return raw.isoformat()
    return " ".join(str(raw).split())


def split_list(raw: Any) -> list[str]:
    """A cell holding several values: ``HAP, HCZ`` or ``5.1; 5.15`` or one per line."""
    text = cell_text(raw) if not isinstance(raw, str) else raw
    parts = [
        part.strip() for chunk in text.replace(";", ",").splitlines() for part in chunk.split(",")
    ]
    return [part for part in parts if part]


def yaml_value(value: Any, like: Any = None) -> Any:
    """A model value as it is written into a YAML document (dates plain, durations as 2y,
    lists in the flow or block style of the list they replace)."""
    from ruamel.yaml.comments import CommentedSeq

    from nencheck.store.write.writer import scalar

    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Duration):
        return str(value)
    if isinstance(value, list):
        sequence = CommentedSeq(yaml_value(item) for item in value)
        if not isinstance(like, CommentedSeq) or like.fa.flow_style():
            sequence.fa.set_flow_style()
        return sequence
    if isinstance(value, str):
        return scalar(value, like=like)
    return value


def differences(existing: Record, updated: Record, names: list[str]) -> list[FieldChange]:
    """The named fields whose validated values differ between two versions of a record."""
    return [
        FieldChange(name, getattr(existing, name), getattr(updated, name))
        for name in names
        if not same_value(getattr(existing, name), getattr(updated, name))
    ]


def same_value(old: Any, new: Any) -> bool:
    """Equal, counting 2y and 24m (or 1w and 7d) as the same duration."""
    if isinstance(old, Duration) and isinstance(new, Duration):
        return _canonical(old) == _canonical(new)
    return bool(old == new)


def _canonical(duration: Duration) -> tuple[int, str]:
    if duration.unit == "y":
        return duration.count * 12, "m"
    if duration.unit == "w":
        return duration.count * 7, "d"
    return duration.count, duration.unit


def updated_file(
    root: Path, path: str, changes: list[FieldChange], order: tuple[str, ...] = ()
) -> bytes:
    """The record file with only the changed fields replaced, comments and layout kept. A field
    the file did not have goes after the fields that come before it in ``order``."""
    from nencheck.store.write.writer import dump_edited, load_for_edit

    document = load_for_edit(root, path)
    for change in changes:
        if change.new is None or change.new == []:
            document.pop(change.field, None)
        elif change.field in document:
            document[change.field] = yaml_value(change.new, like=document[change.field])
        else:
            position = _position(list(document), change.field, order)
            document.insert(position, change.field, yaml_value(change.new))
    return dump_edited(document)


def _position(keys: list[str], name: str, order: tuple[str, ...]) -> int:
    """After the last key that ``order`` puts before ``name``; at the end when unknown."""
    if name not in order:
        return len(keys)
    earlier = set(order[: order.index(name)])
    positions = [index for index, key in enumerate(keys) if key in earlier]
    return positions[-1] + 1 if positions else 0


def show_value(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, list):
        return "[" + ", ".join(str(item) for item in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
