"""Planning the import of a protocol register (one spreadsheet row -> one policy file).

The plan is computed completely before anything is written: every row is read, validated with
the Policy model and checked against the repository (units, controls, duplicate ids), so the
command can refuse the whole import while any row is invalid.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from nencheck.errors import NencheckError
from nencheck.i18n import _
from nencheck.imports import terms as terms
from nencheck.imports.plan import (
    RowReader,
    differences,
    require_columns,
    split_list,
    updated_file,
)
from nencheck.imports.terms import is_blank
from nencheck.model.importing import (
    TABLE_ROW,
    ColumnMap,
    ImportPlan,
    PlannedFile,
    Row,
    RowProblem,
    Table,
)
from nencheck.model.policy import Policy
from nencheck.model.records import Records
from nencheck.store.write.paths import policy_path

# Field order of a new policy file, as in SPEC's example.
FIELD_ORDER = (
    "id",
    "title",
    "type",
    "status",
    "version",
    "owner",
    "approved_by",
    "approved",
    "last_reviewed",
    "review_interval",
    "next_review",
    "units",
    "controls",
    "document",
    "audience",
    "notes",
)
# Used for every row when the sheet has no such column (or the cell is empty); --default overrides.
BUILTIN_DEFAULTS = {"type": "protocol", "status": "active", "version": "1.0"}
ALL_WORDS = (
    "all",
    "alle",
    "algemeen",
    "organisatiebreed",
    "iedereen",
    "hele organisatie",
    "alle afdelingen",
    "alle units",
    "organisatie",
)


@dataclass
class PolicyImportOptions:
    label: str  # the file name shown in messages and the commit
    update: bool = False
    unit_folders: bool | None = None  # None: group by unit when a unit column is mapped
    defaults: dict[str, str] = field(default_factory=dict)


def plan_policy_import(
    table: Table, columns: ColumnMap, records: Records, root: Path, options: PolicyImportOptions
) -> ImportPlan:
    plan = ImportPlan()
    require_columns(plan, table, columns, ("id", "title", "owner"))
    if plan.problems:
        return plan
    parsers = _parsers(_CellReader(records))
    defaults = _read_defaults({**BUILTIN_DEFAULTS, **options.defaults}, parsers, plan, table)
    if plan.problems:
        return plan
    folders = options.unit_folders
    run = _Run(
        plan,
        table,
        records,
        root,
        options,
        "units" in columns.columns if folders is None else folders,
    )
    for row in table.rows:
        cells = RowReader(table, columns, row, plan.problems)
        data = _row_data(cells, parsers, defaults)
        if not cells.failed:
            run.plan_row(cells, data)
        elif data.get("id") not in records.policy_by_id:
            _validated(cells, data)  # the row's other problems too, not only its first
    _note_number_versions(plan, table, columns)
    return plan


def _note_number_versions(plan: ImportPlan, table: Table, columns: ColumnMap) -> None:
    """Excel keeps 1.0 in a number cell as 1, and 1.10 as 1.1: such versions are read as
    written here (1 as 1.0), and the plan says where, so the user can check them."""
    rows = [
        table.place(row.number, columns.columns["version"])
        for row in table.rows
        if isinstance(columns.value(row, "version"), int | float)
        and not isinstance(columns.value(row, "version"), bool)
    ]
    if rows:
        plan.notes.append(
            _(
                "versions read from number cells ({places}): a number cell keeps 1.0 as 1 and "
                "1.10 as 1.1; they were read as 1.0 and 1.1. Check them, or format the version "
                "column as text"
            ).format(places=", ".join(rows[:10]) + (" …" if len(rows) > 10 else ""))
        )


@dataclass
class _Run:
    """One import in progress: the plan so far and the ids and paths already taken."""

    plan: ImportPlan
    table: Table
    records: Records
    root: Path
    options: PolicyImportOptions
    unit_folders: bool
    seen_ids: dict[str, int] = field(default_factory=dict)
    seen_paths: dict[str, int] = field(default_factory=dict)

    def plan_row(self, cells: RowReader, data: dict[str, Any]) -> None:
        if "id" not in data:
            cells.report("id", _("the id is empty; every row needs an id"))
            return
        if _duplicate(cells, data["id"], self.seen_ids):
            return
        existing = self.records.policy_by_id.get(data["id"])
        if existing is not None:
            _plan_update(self.plan, cells, existing, data, self.root, self.options)
            return
        policy = _validated(cells, data)
        if policy is None:
            return
        path = policy_path(policy, self.unit_folders)
        if _path_taken(cells, path, self.seen_paths, self.root):
            return
        content = _new_file(data, self.options.label, self.table, cells.row)
        self.plan.creates.append(PlannedFile(path, policy.id, content, [cells.row.number]))


class _CellReader:
    """Parsers that need the repository: units by id or name, control ids of the catalog."""

    def __init__(self, records: Records) -> None:
        self.units: dict[str, str] = {}
        for unit in records.settings.units:
            self.units[terms.normalise(unit.id)] = unit.id
            self.units.setdefault(terms.normalise(unit.name), unit.id)
        self.unit_list = ", ".join(unit.id for unit in records.settings.units)
        self.controls = set(records.catalog.ids()) | set(records.control_by_id)

    def units_of(self, raw: Any) -> list[str]:
        found: list[str] = []
        for part in split_list(raw):
            key = terms.normalise(part)
            unit = "all" if key in ALL_WORDS else self.units.get(key)
            if unit is None:
                raise terms.TermError(
                    _(
                        'unknown unit "{unit}"; nencheck.yaml has: {units} '
                        "(add the unit there, or write Alle)"
                    ).format(unit=part, units=self.unit_list or "—")
                )
            if unit not in found:
                found.append(unit)
        return ["all"] if "all" in found else found

    def controls_of(self, raw: Any) -> list[str]:
        found: list[str] = []
        for part in split_list(raw):
            control = re.sub(r"^a\.?\s*", "", part.strip(), flags=re.IGNORECASE)
            if control not in self.controls:
                raise terms.TermError(
                    _(
                        'unknown control "{control}"; use a control id of the catalog, e.g. 5.15'
                    ).format(control=part)
                )
            if control not in found:
                found.append(control)
        return found


def _parsers(reader: _CellReader) -> dict[str, Callable[[Any], Any] | None]:
    """How each field's cell is read (None: as text)."""
    return {
        "id": None,
        "title": None,
        "type": terms.policy_type,
        "status": terms.policy_status,
        "version": terms.version_text,
        "owner": None,
        "approved_by": None,
        "approved": terms.dutch_date,
        "last_reviewed": terms.dutch_date,
        "review_interval": terms.revision_term,
        "next_review": terms.dutch_date,
        "units": reader.units_of,
        "controls": reader.controls_of,
        "document": None,
        "audience": split_list,
        "notes": None,
    }


def parse_defaults(values: Iterable[str]) -> dict[str, str]:
    """``--default type=procedure`` (repeatable) as field -> text."""
    defaults: dict[str, str] = {}
    for value in values:
        name, sep, text = value.partition("=")
        if not sep or name.strip() not in FIELD_ORDER or name.strip() == "id":
            raise NencheckError(
                _(
                    "--default: '{value}' is not field=value with a policy field "
                    "(e.g. type=procedure)"
                ).format(value=value)
            )
        defaults[name.strip()] = text.strip()
    return defaults


def _read_defaults(
    defaults: dict[str, str],
    parsers: dict[str, Callable[[Any], Any] | None],
    plan: ImportPlan,
    table: Table,
) -> dict[str, Any]:
    parsed: dict[str, Any] = {}
    for name, text in defaults.items():
        parse = parsers[name]
        try:
            parsed[name] = parse(text) if parse is not None and text else (text or None)
        except terms.TermError as error:
            plan.problems.append(
                RowProblem(
                    TABLE_ROW,
                    table.where(table.header_row),
                    _("--default {field}: {reason}").format(field=name, reason=error),
                )
            )
    return parsed


def _row_data(
    cells: RowReader, parsers: dict[str, Callable[[Any], Any] | None], defaults: dict[str, Any]
) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for name in FIELD_ORDER:
        value = cells.get(name, parsers[name])
        if value is None and name in defaults and is_blank(cells.columns.value(cells.row, name)):
            value = defaults[name]
        if value not in (None, []):
            data[name] = value
    return data


def _validated(cells: RowReader, data: dict[str, Any]) -> Policy | None:
    try:
        return Policy.model_validate(data)
    except ValidationError as error:
        cells.report_validation(error)
        return None


def _duplicate(cells: RowReader, policy_id: str, seen: dict[str, int]) -> bool:
    first = seen.setdefault(policy_id, cells.row.number)
    if first == cells.row.number:
        return False
    cells.report(
        "id",
        _('duplicate id "{id}": also on row {row}; give one of them another id').format(
            id=policy_id, row=first
        ),
    )
    return True


def _path_taken(cells: RowReader, path: str, seen: dict[str, int], root: Path) -> bool:
    first = seen.setdefault(path, cells.row.number)
    if first != cells.row.number:
        cells.report(
            "id",
            _(
                "this id gives the same file name as row {row} ({path}); give one "
                "of them another id"
            ).format(row=first, path=path),
        )
        return True
    if (root / path).exists():
        cells.report(
            "id",
            _("{path} already exists and holds another record; give this policy another id").format(
                path=path
            ),
        )
        return True
    return False


def _plan_update(
    plan: ImportPlan,
    cells: RowReader,
    existing: Policy,
    data: dict[str, Any],
    root: Path,
    options: PolicyImportOptions,
) -> None:
    path = existing.origin.file
    if not options.update:
        cells.report(
            "id",
            _(
                "policy {id} already exists ({path}); use --update to change it from the register"
            ).format(id=existing.id, path=path),
        )
        return
    names = [name for name in data if name != "id" and name in cells.columns.columns]
    merged = {**existing.model_dump(exclude_unset=True), **{n: data[n] for n in names}}
    updated = _validated(cells, merged)
    if updated is None:
        return
    changes = differences(existing, updated, names)
    if not changes:
        plan.unchanged.append(existing.id)
        return
    plan.updates.append(
        PlannedFile(
            path,
            existing.id,
            updated_file(root, path, changes, FIELD_ORDER),
            [cells.row.number],
            changes,
        )
    )


def _new_file(data: dict[str, Any], label: str, table: Table, row: Row) -> bytes:
    from nencheck.store.write.writer import new_record_yaml

    written = {
        name: (str(value) if name == "review_interval" else value) for name, value in data.items()
    }
    comment = _("Imported from {file} ({place}).").format(file=label, place=table.place(row.number))
    return new_record_yaml(written, comment)
