"""Planning the import of a Dutch risk spreadsheet (one row -> one risk file under risks/).

Headers such as Risico, Dreiging, Kwetsbaarheid, Kans, Impact, Eigenaar, Maatregelen and
Behandeling are matched by ``imports.table``; Dutch words for likelihood, impact and treatment
are read by ``imports.risk_terms``. Every problem of a row is reported at its cell, and the plan is
complete before anything is written (``cli.import_run.finish_import``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from nencheck.i18n import _
from nencheck.imports import risk_terms, terms
from nencheck.imports.plan import RowReader, require_columns, split_list
from nencheck.imports.policies import _CellReader
from nencheck.model.importing import ColumnMap, ImportPlan, PlannedFile, Row, Table
from nencheck.model.records import Records
from nencheck.model.risk import Risk
from nencheck.store.write.paths import risk_path

RISK_HEADERS: dict[str, tuple[str, ...]] = {
    "id": ("Nr", "Nummer", "ID", "Risiconummer", "Code", "Kenmerk"),
    "title": ("Risico", "Risicobeschrijving", "Omschrijving", "Titel", "Risk"),
    "threat": ("Dreiging", "Bedreiging", "Threat"),
    "vulnerability": ("Kwetsbaarheid", "Zwakte", "Vulnerability"),
    "likelihood": ("Kans", "Waarschijnlijkheid", "Likelihood"),
    "impact": ("Impact", "Gevolg", "Schade", "Effect"),
    "owner": ("Eigenaar", "Risico-eigenaar", "Risicoeigenaar", "Verantwoordelijke", "Owner"),
    "controls": ("Maatregelen", "Beheersmaatregelen", "Controls", "NEN 7510"),
    "treatment": ("Behandeling", "Strategie", "Risicobehandeling", "Treatment"),
    "units": ("Afdeling", "Unit", "Eenheid", "Locatie"),
    "assessed": ("Datum", "Beoordeeld", "Datum beoordeling", "Assessed"),
    "review_interval": ("Herbeoordeling", "Herzieningstermijn", "Review interval"),
    "notes": ("Opmerkingen", "Toelichting", "Notes"),
}
REQUIRED = ("title", "likelihood", "impact", "owner", "treatment")
FIELD_ORDER = (
    "id",
    "title",
    "threat",
    "vulnerability",
    "units",
    "owner",
    "current",
    "treatment",
    "controls",
    "assessed",
    "review_interval",
    "status",
    "notes",
)
_CONTROL_NUMBER = re.compile(r"^(?:a\.?\s*)?(\d+\.\d+)\b", re.IGNORECASE)


@dataclass
class RiskImportOptions:
    label: str
    assessed: date  # the assessment date of rows without one
    today: date  # assessment dates after it are refused


@dataclass
class _Run:
    plan: ImportPlan
    table: Table
    records: Records
    root: Path
    options: RiskImportOptions
    taken_ids: set[str] = field(default_factory=set)
    seen_ids: dict[str, int] = field(default_factory=dict)


def plan_risk_import(
    table: Table, columns: ColumnMap, records: Records, root: Path, options: RiskImportOptions
) -> ImportPlan:
    plan = ImportPlan()
    require_columns(plan, table, columns, REQUIRED)
    if plan.problems:
        return plan
    run = _Run(plan, table, records, root, options, {risk.id for risk in records.risks})
    reader = _CellReader(records)
    for row in table.rows:
        cells = RowReader(table, columns, row, plan.problems)
        data = _row_data(cells, reader, records, options)
        if not cells.failed:
            _plan_row(run, cells, data)
    return plan


def _row_data(
    cells: RowReader, reader: _CellReader, records: Records, options: RiskImportOptions
) -> dict[str, Any]:
    """Every cell of the row read; each unreadable one reported at its column."""
    criteria = records.settings.risk

    def step(scale: list[str], words: dict[int, tuple[str, ...]], what: str) -> Any:
        return lambda raw: risk_terms.risk_step(raw, scale, words, what)

    likelihood = cells.get(
        "likelihood", step(criteria.likelihood, risk_terms.LIKELIHOOD_WORDS, _("likelihood"))
    )
    impact = cells.get("impact", step(criteria.impact, risk_terms.IMPACT_WORDS, _("impact")))
    data: dict[str, Any] = {
        "id": cells.get("id"),
        "title": cells.get("title"),
        "threat": cells.get("threat"),
        "vulnerability": cells.get("vulnerability"),
        "units": cells.get("units", reader.units_of),
        "owner": cells.get("owner"),
        "current": {"likelihood": likelihood, "impact": impact},
        "controls": cells.get("controls", lambda raw: _controls(raw, reader)),
        "treatment": cells.get("treatment", risk_terms.risk_treatment),
        "assessed": cells.get("assessed", lambda raw: _past(raw, options.today)),
        "review_interval": cells.get("review_interval", terms.revision_term),
        "notes": cells.get("notes"),
    }
    return {name: value for name, value in data.items() if value not in (None, [])}


def _controls(raw: Any, reader: _CellReader) -> list[str]:
    """``8.7 Malwarebescherming; 8.13 Back-up``: the control number leading each part."""
    found: list[str] = []
    for part in split_list(raw):
        match = _CONTROL_NUMBER.match(part.strip())
        if match is None:
            raise terms.TermError(
                _(
                    'control "{part}" has no control number; write the ids of the controls '
                    "that treat the risk, e.g. 8.7, 8.13"
                ).format(part=part)
            )
        found += [c for c in reader.controls_of(match.group(1)) if c not in found]
    return found


def _past(raw: Any, today: date) -> date:
    day = terms.dutch_date(raw)
    if day > today:
        raise terms.TermError(
            _("assessment date {day} lies after today ({today})").format(day=day, today=today)
        )
    return day


def _plan_row(run: _Run, cells: RowReader, data: dict[str, Any]) -> None:
    data.setdefault("assessed", run.options.assessed)
    data.setdefault("review_interval", "1y")
    data.setdefault("status", "open")
    if "id" not in data:
        data["id"] = _next_id(data["assessed"].year, run.taken_ids)
    elif data["id"] in run.taken_ids:
        cells.report(
            "id",
            _(
                "risk {id} already exists (or is on an earlier row); give this row another id"
            ).format(id=data["id"]),
        )
        return
    run.taken_ids.add(data["id"])
    data["review_interval"] = str(data["review_interval"])
    try:
        risk = Risk.model_validate(data)
    except ValidationError as error:
        cells.report_validation(error)
        return
    path = risk_path(risk)
    if (run.root / path).exists() or any(p.path == path for p in run.plan.creates):
        cells.report("id", _("{path} already exists; give this risk another id").format(path=path))
        return
    content = _new_file(data, run.options.label, run.table, cells.row)
    run.plan.creates.append(PlannedFile(path, risk.id, content, [cells.row.number]))


def _next_id(year: int, taken: set[str]) -> str:
    """R-<year>-NNN, one more than the highest number of that year in use (never reused)."""
    pattern = re.compile(rf"^R-{year}-(\d+)$", re.IGNORECASE)
    numbers = [int(m.group(1)) for t in taken if (m := pattern.match(t))]
    return f"R-{year}-{max(numbers, default=0) + 1:03d}"


def _new_file(data: dict[str, Any], label: str, table: Table, row: Row) -> bytes:
    """A new risk file: block mappings, ``current: {likelihood: L, impact: I}`` on one line."""
    from nencheck.store.write.roundtrip import dump_document
    from nencheck.store.write.writer import NEW_FILE_STYLE, to_document

    document = to_document({name: data[name] for name in FIELD_ORDER if name in data})
    document["current"].fa.set_flow_style()
    comment = _("Imported from {file} ({place}).").format(file=label, place=table.place(row.number))
    return f"# {comment}\n".encode() + dump_document(document, NEW_FILE_STYLE)
