#!/usr/bin/env python3
"""(Re)generate the example organisation's bulk training rows: ``people.yaml`` (300 personnel
numbers) and ``completions/<year>.yaml`` (about 1,250 completions).

Every other file of the example organisation (nencheck.yaml, controls/, policies/, evidence/,
risks/) is written by hand and is its own source of truth; ``nencheck check`` is its self-check.
Only these rows are generated, because 1,500 lines of random-looking numbers are better made by
a rule than typed. The modules come from the committed ``evidence/training/modules.yaml``; the
staffing and the completion rate per unit are below. Deterministic: ``random.Random(7510)``.
``tests/test_example_training.py`` proves the committed files are what this script writes.

    python scripts/example_training.py            # writes into the repository root
    python scripts/example_training.py --check    # exit 1 when the committed files differ
"""

from __future__ import annotations

import calendar
import random
import sys
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SEED = 7510
DESIGN_DATE = date(2026, 11, 23)  # the evaluation date the example is tuned for

# unit -> [(role, headcount)]; 300 people in all
STAFFING: dict[str, list[tuple[str, int]]] = {
    "HAP": [
        ("huisarts", 33),
        ("triagist", 38),
        ("doktersassistent", 8),
        ("baliemedewerker", 8),
        ("chauffeur", 10),
        ("leidinggevende", 3),
    ],
    "HCZ": [
        ("poh-somatiek", 22),
        ("doktersassistent", 6),
        ("huisarts", 2),
        ("staf", 3),
        ("leidinggevende", 1),
    ],
    "GGZ": [("poh-ggz", 26), ("staf", 2), ("leidinggevende", 1)],
    "DIA": [
        ("laborant", 22),
        ("doktersassistent", 8),
        ("baliemedewerker", 4),
        ("leidinggevende", 1),
    ],
    "MC": [
        ("huisarts", 10),
        ("doktersassistent", 21),
        ("poh-somatiek", 5),
        ("baliemedewerker", 6),
        ("leidinggevende", 1),
    ],
    "PO": [("staf", 16), ("ict", 4), ("leidinggevende", 1)],
    "STAF": [("staf", 24), ("ict", 10), ("leidinggevende", 4)],
}
LEAVERS = 15
# Share of assignments with a valid completion on DESIGN_DATE, per unit (the target is 0.90).
TRAINING_RATE = {
    "HAP": 0.74,
    "HCZ": 0.91,
    "GGZ": 0.95,
    "DIA": 0.77,
    "MC": 0.91,
    "PO": 0.92,
    "STAF": 0.97,
}
FIXED_HOLIDAYS = {(1, 1), (4, 27), (12, 25), (12, 26)}  # completions fall on working days

PEOPLE_HEADER = [
    "# Medewerkers per personeelsnummer, zonder namen (dataminimalisatie, AVG).",
    "# Bron: fictieve HR-export; 'left' is de datum van uitdiensttreding.",
    "people:",
]


def add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def random_working_day(rng: random.Random, first: date, last: date) -> date:
    span = (last - first).days
    while True:
        day = first + timedelta(days=rng.randint(0, span))
        if day.weekday() < 5 and (day.month, day.day) not in FIXED_HOLIDAYS:
            return day


def build_people(rng: random.Random) -> list[dict[str, Any]]:
    slots = [
        (unit, role) for unit, roles in STAFFING.items() for role, n in roles for _ in range(n)
    ]
    rng.shuffle(slots)
    numbers = sorted(rng.sample(range(1001, 2999), len(slots)))
    people: list[dict[str, Any]] = [
        {"id": f"E{number}", "unit": unit, "role": role, "left": None}
        for number, (unit, role) in zip(numbers, slots, strict=True)
    ]
    for person in rng.sample(people, LEAVERS):
        month = add_months(date(2025, 1, 31), rng.randint(0, 21))
        person["left"] = date(
            month.year, month.month, calendar.monthrange(month.year, month.month)[1]
        )
    return people


def required_modules(
    person: dict[str, Any], modules: list[dict[str, Any]]
) -> list[tuple[str, str]]:
    wanted = {"all", person["unit"], person["role"]}
    return [(m["id"], m["valid_for"]) for m in modules if wanted & set(m["required_for"])]


def build_completions(
    rng: random.Random, people: list[dict[str, Any]], modules: list[dict[str, Any]]
) -> list[tuple[str, str, date]]:
    """Completions that give each unit its TRAINING_RATE on DESIGN_DATE: a valid yearly one
    dates from the last twelve months, a lapsed one from before; they start in January 2025."""
    first_day, last_day = date(2025, 1, 6), DESIGN_DATE - timedelta(days=3)
    year_ago = add_months(DESIGN_DATE, -12)
    rows: set[tuple[str, str, date]] = set()

    def done(person: dict[str, Any], module: str, start: date, end: date) -> date:
        day = random_working_day(rng, start, end)
        rows.add((person["id"], module, day))
        return day

    assignments: dict[str, list[tuple[dict[str, Any], str, str]]] = defaultdict(list)
    for person in people:
        left = person["left"]
        for module, valid_for in required_modules(person, modules):
            if left is not None and left <= DESIGN_DATE:
                if left > first_day + timedelta(days=30) and rng.random() < 0.7:
                    done(person, module, first_day, left - timedelta(days=7))
                continue
            assignments[person["unit"]].append((person, module, valid_for))

    for unit in STAFFING:
        pairs = assignments[unit]
        order = list(range(len(pairs)))
        rng.shuffle(order)
        compliant = set(order[: round(TRAINING_RATE[unit] * len(pairs))])
        for index, (person, module, valid_for) in enumerate(pairs):
            yearly = valid_for == "1y"
            if index in compliant and yearly:
                day = done(person, module, year_ago + timedelta(days=1), last_day)
                earlier = add_months(day, -12) + timedelta(days=rng.randint(-25, 25))
                if earlier >= first_day and rng.random() < 0.65:  # last year's round
                    done(person, module, earlier, earlier + timedelta(days=6))
            elif index in compliant:
                done(person, module, first_day, last_day)
            elif yearly and rng.random() < 0.55:
                done(person, module, first_day, year_ago - timedelta(days=3))  # lapsed
    return sorted(rows, key=lambda row: (row[2], row[0], row[1]))


def _person_line(person: dict[str, Any]) -> str:
    left = person["left"].isoformat() if person["left"] else "null"
    return f'  - {{id: "{person["id"]}", unit: {person["unit"]}, role: {person["role"]}, left: {left}}}'


def training_files(root: Path) -> dict[str, str]:
    """path -> content of the generated files, for the modules in ``root``."""
    modules_text = (root / "evidence/training/modules.yaml").read_text(encoding="utf-8")
    modules = yaml.safe_load(modules_text)["modules"]
    people = build_people(random.Random(SEED))
    completions = build_completions(random.Random(SEED), people, modules)
    files = {
        "evidence/training/people.yaml": "\n".join(
            PEOPLE_HEADER + [_person_line(person) for person in people]
        )
        + "\n"
    }
    for year in sorted({day.year for _p, _m, day in completions}):
        lines = [
            f"# Export van het (fictieve) leerplatform, afgeronde modules in {year}.",
            "completions:",
        ]
        lines += [
            f'  - {{person: "{person}", module: {module}, completed: {day.isoformat()}}}'
            for person, module, day in completions
            if day.year == year
        ]
        files[f"evidence/training/completions/{year}.yaml"] = "\n".join(lines) + "\n"
    return files


def main(argv: list[str]) -> int:
    files = training_files(ROOT)
    if "--check" in argv:
        stale = [path for path, text in files.items() if (ROOT / path).read_text("utf-8") != text]
        for path in stale:
            print(f"{path} differs from what scripts/example_training.py writes", file=sys.stderr)
        return 1 if stale else 0
    for path, text in files.items():
        (ROOT / path).write_text(text, encoding="utf-8")
        print(f"written: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
