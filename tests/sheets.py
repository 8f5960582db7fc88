"""Realistic spreadsheets for the import tests, built with openpyxl, and tiny repositories."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from tests.conftest import init_git

UNITS = (
    ("HAP", "Huisartsenspoedpost"),
    ("HCZ", "Huisartsen Chronische Zorg"),
    ("GGZ", "Geestelijke gezondheidszorg"),
    ("DIA", "Diagnostisch centrum"),
)

REGISTER_HEADERS = (
    "Nummer",
    "Titel",
    "Soort",
    "Status",
    "Versie",
    "Eigenaar",
    "Afdeling",
    "Laatst herzien",
    "Herzieningstermijn",
)
TERMS = (
    "jaarlijks",
    "tweejaarlijks",
    "2 jaar",
    "elke 3 jaar",
    "halfjaarlijks",
    "3 jaar",
    "2-jaarlijks",
    "24 maanden",
)
KINDS = ("Protocol", "Werkinstructie", "Beleid", "Procedure", "Formulier")
OWNERS = (
    "Teamleider triage",
    "Medisch manager",
    "Kwaliteitsfunctionaris",
    "Praktijkmanager",
    "Informatiebeveiligingsfunctionaris",
)


def write_xlsx(
    path: Path,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    sheet: str = "Protocollen",
    title: str | None = None,
    trailing_empty: int = 0,
) -> Path:
    """A workbook whose sheet has an optional merged title row and a blank row above the
    header, like registers kept by hand."""
    import openpyxl

    workbook = openpyxl.Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    if title:
        worksheet.append([title])
        worksheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
        worksheet.append([])
    worksheet.append(list(headers))
    for row in rows:
        worksheet.append(list(row))
    for _index in range(trailing_empty):
        worksheet.append([None] * len(headers))
    workbook.save(path)
    return path


def register_row(number: int) -> list[Any]:
    """One protocol of a register of ~170: mixed date cells (datetime and Dutch text)."""
    unit = UNITS[number % len(UNITS)][0]
    month = number % 12 + 1
    day = number % 27 + 1
    if number % 3 == 0:
        reviewed: Any = datetime(2025, month, day)
    elif number % 3 == 1:
        reviewed = f"{day:02d}-{month:02d}-2025"
    else:
        reviewed = f"{day} {('januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december')[month - 1]} 2025"
    return [
        f"PROT-{unit}-{number:03d}",
        f"Protocol {number} voor {unit}",
        KINDS[number % len(KINDS)],
        "Actief" if number % 10 else "Concept",
        f"{1 + number % 4}.0",
        OWNERS[number % len(OWNERS)],
        unit if number % 7 else "Alle",
        reviewed,
        TERMS[number % len(TERMS)],
    ]


def make_repo(
    root: Path, *, git: bool = True, language: str = "en", extra_files: dict[str, str] | None = None
) -> Path:
    """A small compliance repository: settings with four units, nothing else."""
    root.mkdir(parents=True, exist_ok=True)
    units = "\n".join(f"  - {{id: {unit}, name: {name}}}" for unit, name in UNITS)
    (root / "nencheck.yaml").write_text(
        f"organisation: Testorganisatie\nframework: nen7510-2024\nlanguage: {language}\n"
        f"units:\n{units}\n",
        encoding="utf-8",
    )
    for path, text in (extra_files or {}).items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    if git:
        init_git(root, "Lege repository")
    return root
