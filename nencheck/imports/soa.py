"""Planning the import of an existing Statement of Applicability (Verklaring van Toepasselijkheid)
from a spreadsheet into control files.

Rows may use the 2022 numbering (``5.15``, ``A.5.15``) or the 2013 numbering (``A.9.4.1``,
``9.4.1``); the latter go through the shipped 2013 -> 2022 mapping. Several old rows that land on
one new control are merged: applicable if any row is, the least implemented status, and every
merge and conflict is reported. Existing control files are updated in place, missing ones made.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from nencheck.i18n import _, ngettext
from nencheck.imports import terms as terms
from nencheck.imports.plan import (
    RowReader,
    differences,
    require_columns,
    updated_file,
)
from nencheck.model.control import Control, ControlStatus
from nencheck.model.importing import ColumnMap, ImportPlan, PlannedFile, Row, Table
from nencheck.model.records import Records
from nencheck.store.read.catalogs import mapping_2013
from nencheck.store.write.scaffold import THEME_FOLDERS

# Least implemented first: a merged control is only as far along as its weakest source.
STATUS_ORDER = tuple(ControlStatus)  # least to most implemented: the enum's own order
FIELDS = ("applicable", "justification", "status", "owner", "notes")
# SPEC's order of a control file, for fields an update adds.
CONTROL_ORDER = (
    "id",
    "title",
    "applicable",
    "justification",
    "status",
    "owner",
    "units",
    "policies",
    "evidence",
    "notes",
)
_PREFIX = re.compile(r"^a\s*\.?\s*", re.IGNORECASE)


@dataclass
class SoaEntry:
    """One spreadsheet row, read: the id as written and its values."""

    row: int
    written: str
    old_id: str | None  # the 2013 id when the row used the old numbering
    values: dict[str, Any]


@dataclass
class MergedControl:
    control_id: str
    entries: list[SoaEntry] = field(default_factory=list)


def plan_soa_import(table: Table, columns: ColumnMap, records: Records, root: Path) -> ImportPlan:
    plan = ImportPlan()
    require_columns(plan, table, columns, ("id", "applicable"))
    if plan.problems:
        return plan
    groups = _read_rows(table, columns, records, plan)
    old_rows = {e.row for g in groups.values() for e in g.entries if e.old_id is not None}
    if old_rows:
        message = ngettext(
            "{count} row uses an ISO 27002:2013 number; it is mapped to the 2022 controls",
            "{count} rows use ISO 27002:2013 numbers; they are mapped to the 2022 controls",
            len(old_rows),
        )
        plan.notes.insert(0, message.format(count=len(old_rows)))
    for group in groups.values():
        _plan_control(plan, group, columns, records, root, table)
    return plan


def resolve_id(written: str, catalog_ids: set[str]) -> tuple[list[str], str | None]:
    """(the 2022 controls, the 2013 id or None) for an id as written in an SoA; ([], None) when
    it is neither a catalog id nor a 2013 number."""
    text = _PREFIX.sub("", written.strip()).rstrip(".").replace(" ", "")
    if text in catalog_ids:
        return [text], None
    targets = mapping_2013().get(text)
    if targets:
        return [target for target in targets if target in catalog_ids], text
    return [], None


def _read_rows(
    table: Table, columns: ColumnMap, records: Records, plan: ImportPlan
) -> dict[str, MergedControl]:
    catalog_ids = set(records.catalog.ids()) | set(records.control_by_id)
    groups: dict[str, MergedControl] = {}
    seen: dict[str, int] = {}
    for row in table.rows:
        cells = RowReader(table, columns, row, plan.problems)
        written = cells.get("id")
        values = _row_values(cells)
        if written is None:
            cells.report("id", _("the control id is empty; every row needs one"))
            continue
        targets, old_id = resolve_id(written, catalog_ids)
        if not _known_and_new(cells, written, targets, old_id, seen, records):
            continue
        if cells.failed:
            continue
        entry = SoaEntry(row.number, written, old_id, values)
        if len(targets) > 1:
            plan.notes.append(
                _("split: {old} -> {ids}").format(old=old_id or written, ids=" + ".join(targets))
            )
        for target in targets:
            groups.setdefault(target, MergedControl(target)).entries.append(entry)
    return groups


def _known_and_new(
    cells: RowReader,
    written: str,
    targets: list[str],
    old_id: str | None,
    seen: dict[str, int],
    records: Records,
) -> bool:
    """False (with the problem reported) for an unknown id or one seen on an earlier row."""
    if not targets:
        message = _(
            'unknown control "{id}": not in the catalog {catalog} and not an ISO 27002:2013 number'
        ).format(id=written, catalog=records.catalog.catalog)
        cells.report("id", message)
        return False
    first = seen.setdefault(old_id or targets[0], cells.row.number)
    if first != cells.row.number:
        message = _(
            'duplicate control "{id}": also on row {row} (a number cell turns 5.10 into 5.1: '
            "format the column as text)"
        ).format(id=written, row=first)
        cells.report("id", message)
        return False
    return True


def _row_values(cells: RowReader) -> dict[str, Any]:
    applicable = cells.get("applicable", terms.yes_no)
    status = cells.get("status", terms.control_status)
    values = {
        "applicable": applicable,
        "justification": cells.get("justification"),
        "status": status,
        "owner": cells.get("owner"),
        "notes": cells.get("notes"),
    }
    if cells.failed:
        return values
    if status == terms.NOT_APPLICABLE_STATUS:  # as nencheck's own SoA shows an excluded control
        if applicable:
            cells.report(
                "status",
                _(
                    "status says not applicable, but the control is applicable; write "
                    "Geïmplementeerd, Gedeeltelijk, Gepland or Niet gestart"
                ),
            )
        values["status"] = None  # an excluded control keeps the status its file has
        return values
    if applicable is None:
        cells.report("applicable", _("applicable is empty; write Ja or Nee"))
    elif status is None and "status" in cells.columns.columns:
        if applicable:
            cells.report(
                "status",
                _(
                    "status is empty for an applicable control; write "
                    "Geïmplementeerd, Gedeeltelijk, Gepland or Niet gestart"
                ),
            )
        else:
            values["status"] = ControlStatus.NOT_STARTED.value
    elif status is None:
        values["status"] = ControlStatus.NOT_STARTED.value
    return values


def _merge(group: MergedControl, notes: list[str]) -> dict[str, Any]:
    """One set of values from the rows of a group, reporting merges and conflicts."""
    entries = group.entries
    if len(entries) == 1:
        return dict(entries[0].values)
    sources = " + ".join(entry.old_id or entry.written for entry in entries)
    notes.append(_("merged: {sources} -> {id}").format(sources=sources, id=group.control_id))
    merged: dict[str, Any] = {"applicable": any(e.values["applicable"] for e in entries)}
    _conflict(
        notes,
        group.control_id,
        entries,
        "applicable",
        merged["applicable"],
        _("because one of them is"),
    )
    # Once the control is applicable, the rows that excluded it say nothing about its status.
    counted = [e for e in entries if e.values["applicable"] == merged["applicable"]]
    statuses = [e.values["status"] for e in counted if e.values["status"]]
    merged["status"] = min(statuses, key=STATUS_ORDER.index) if statuses else None
    _conflict(
        notes, group.control_id, counted, "status", merged["status"], _("the least implemented")
    )
    for name in ("justification", "notes"):
        source = counted if name == "justification" else entries
        texts = list(dict.fromkeys(e.values[name] for e in source if e.values[name]))
        merged[name] = " / ".join(texts) if texts else None
    owners = list(dict.fromkeys(e.values["owner"] for e in entries if e.values["owner"]))
    merged["owner"] = owners[0] if owners else None
    _conflict(notes, group.control_id, entries, "owner", merged["owner"], _("the first one"))
    return merged


def _conflict(
    notes: list[str], control_id: str, entries: list[SoaEntry], name: str, chosen: Any, rule: str
) -> None:
    if len({e.values[name] for e in entries if e.values[name] is not None}) < 2:
        return
    described = ", ".join(
        f"{entry.old_id or entry.written} {terms_value(entry.values[name])}"
        for entry in entries
        if entry.values[name] is not None
    )
    notes.append(
        _("conflict on {id}: {field} differs ({values}) -> {chosen} ({rule})").format(
            id=control_id, field=name, values=described, chosen=terms_value(chosen), rule=rule
        )
    )


def terms_value(value: Any) -> str:
    if isinstance(value, bool):
        return _("applicable") if value else _("not applicable")
    return str(value)


def _plan_control(
    plan: ImportPlan,
    group: MergedControl,
    columns: ColumnMap,
    records: Records,
    root: Path,
    table: Table,
) -> None:
    values = _merge(group, plan.notes)
    rows = [entry.row for entry in group.entries]
    given = [name for name in FIELDS if values.get(name) is not None]
    existing = records.control_by_id.get(group.control_id)
    if existing is not None:
        data = {**existing.model_dump(exclude_unset=True), **{n: values[n] for n in given}}
        updated = _validated(group, data, columns, table, plan)
        if updated is None:
            return
        changes = differences(existing, updated, given)
        if not changes:
            plan.unchanged.append(existing.id)
            return
        path = existing.origin.file
        plan.updates.append(
            PlannedFile(
                path, existing.id, updated_file(root, path, changes, CONTROL_ORDER), rows, changes
            )
        )
        return
    data = {"id": group.control_id, **{n: values[n] for n in given}}
    data.setdefault("status", ControlStatus.NOT_STARTED.value)  # excluded, status not given
    if _validated(group, data, columns, table, plan) is None:
        return
    path = control_path(group.control_id, records)
    plan.creates.append(PlannedFile(path, group.control_id, _new_file(data, records), rows))


def control_path(control_id: str, records: Records) -> str:
    """Where ``nencheck init`` puts a control: controls/<theme folder>/<id>.yaml."""
    entry = records.catalog.control(control_id)
    theme = entry.theme if entry is not None else "own"
    return f"controls/{THEME_FOLDERS.get(theme, theme)}/{control_id}.yaml"


def _validated(
    group: MergedControl, data: dict[str, Any], columns: ColumnMap, table: Table, plan: ImportPlan
) -> Control | None:
    try:
        return Control.model_validate(data)
    except ValidationError as error:
        cells = RowReader(table, columns, Row(group.entries[-1].row, ()), plan.problems)
        cells.report_validation(error)
        return None


def _new_file(data: dict[str, Any], records: Records) -> bytes:
    from nencheck.store.write.writer import new_record_yaml

    title = records.control_title(data["id"])
    return new_record_yaml(data, f"{data['id']} {title}".strip())
