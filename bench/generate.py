"""Generate a synthetic compliance repository of a chosen size for the benchmarks.

    python bench/generate.py bench/out/org-10000 --documents 10000 --git-commits 2000

The organisation is a regional network: one organisation of five units per 200 documents
(policies), ~0.5 people per document and ~12 training completions per person (~60,000 rows at
10,000 documents, exported per quarter as a learning platform would), all 101 controls, and
evidence, audits and incidents in proportion. Everything is valid for the loader, so
``nencheck check`` reports rule problems but no data errors. With ``--git-commits N`` the files
become a git history of N commits (built with ``git fast-import``) in which policies are
reviewed, so ``nencheck policy history HISTORY_POLICY`` has versions to list.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from githistory import Commit, import_history

HISTORY_POLICY = "BEL-00001"  # the policy reviewed most often in a generated history
AS_OF = date(2026, 11, 23)  # the evaluation date the bench uses
UNIT_KINDS = ("HAP", "HCZ", "GGZ", "DIA", "BUR")
ROLES = ("triagist", "huisarts", "doktersassistent", "verpleegkundige", "praktijkmanager", "ict")
OWNERS = (
    "Teamleider triage",
    "Medisch manager",
    "Kwaliteitsfunctionaris",
    "ICT-beheer",
    "Informatiebeveiligingsfunctionaris",
    "Praktijkmanager",
    "Functionaris gegevensbescherming",
)
WORDS = (
    "triage",
    "pijn op de borst",
    "telefonische bereikbaarheid",
    "medicatieveiligheid",
    "toegangsbeheer",
    "back-up",
    "wachtwoorden",
    "incidentmelding",
    "datalek",
    "visite",
    "spoedzorg",
    "diabeteszorg",
    "COPD",
    "ouderenzorg",
    "laboratorium",
    "hygiëne",
    "meldcode",
    "privacy",
    "thuiswerken",
    "leveranciers",
    "logging",
    "mobiele apparaten",
)
POLICY_TYPES = (
    ("protocol", "PROT"),
    ("procedure", "PROC"),
    ("work_instruction", "WI"),
    ("form", "FORM"),
    ("policy", "BEL"),
)
MODULES = (
    ("AW-01", "Phishing herkennen", "1y", "[all]"),
    ("AW-02", "Veilig omgaan met patiëntgegevens", "1y", "[all]"),
    ("AW-03", "Wachtwoorden en MFA", "2y", "[all]"),
    ("AW-04", "Datalekken melden", "1y", "[all]"),
    ("AW-05", "Triage en privacy aan de telefoon", "1y", "[triagist, doktersassistent]"),
    ("AW-06", "Beheer van systemen", "1y", "[ict]"),
)


@dataclass
class PolicyState:
    """A policy's metadata; reviews change it, each review is one commit in the history."""

    pid: str
    path: str
    kind: str
    unit: str
    title: str
    owner: str
    status: str
    interval: str
    last_reviewed: date
    controls: list[str]
    major: int = 1
    reviews: list[tuple[date, str, str]] = field(default_factory=list)

    def review(self, day: date, reviewer: str) -> None:
        self.major += 1
        self.last_reviewed = day
        self.reviews.append((day, reviewer, f"{self.major}.0"))

    def render(self) -> str:
        lines = [
            f"id: {self.pid}",
            f"title: {self.title}",
            f"type: {self.kind}",
            f"status: {self.status}",
            f'version: "{self.major}.0"',
            f"owner: {self.owner}",
        ]
        if self.status != "draft":
            lines += [
                "approved_by: Medisch manager",
                f"approved: {self.last_reviewed}",
                f"last_reviewed: {self.last_reviewed}",
                f"review_interval: {self.interval}",
            ]
        lines += [
            f"units: [{self.unit}]",
            f"controls: [{_quoted(self.controls)}]",
            f"document: policies/documents/{self.pid.lower()}.md",
            "audience: [medewerkers]",
        ]
        if self.status == "retired":
            lines += [
                f"retired: {self.last_reviewed + timedelta(days=30)}",
                "retired_reason: Vervangen door een nieuwere versie",
            ]
        if self.reviews:
            lines.append("reviews:")
            lines += [
                f'  - {{date: {day}, reviewer: {who}, version: "{version}"}}'
                for day, who, version in self.reviews
            ]
        return "\n".join(lines) + "\n"


@dataclass
class Organisation:
    documents: int
    units: list[str]
    control_ids: list[str]
    files: dict[str, str] = field(default_factory=dict)  # path -> content (all but policies)
    policies: list[PolicyState] = field(default_factory=list)


def _quoted(ids: list[str]) -> str:
    return ", ".join(f'"{item}"' for item in ids)


def _day(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange(max(1, (end - start).days)))


def build(documents: int, seed: int = 7510, history: bool = False) -> Organisation:
    from nencheck.store.read.catalogs import builtin_catalog

    rng = random.Random(seed)
    organisations = max(1, documents // 200)
    units = [
        kind if organisations == 1 else f"O{n:02d}-{kind}"
        for n in range(1, organisations + 1)
        for kind in UNIT_KINDS
    ]
    control_ids = builtin_catalog("nen7510-2024").ids()
    org = Organisation(documents, units, control_ids)
    org.files["nencheck.yaml"] = _settings(units)
    org.policies = _policies(rng, org, history)
    _controls(rng, org)
    _evidence(rng, org)
    _audits(rng, org)
    _incidents(rng, org)
    _training(rng, org)
    return org


def _settings(units: list[str]) -> str:
    lines = [
        "organisation: Regionaal netwerk Voorbeeld Huisartsenzorg",
        "framework: nen7510-2024",
        "language: nl",
        "units:",
    ]
    lines += [f"  - {{id: {unit}, name: Eenheid {unit}}}" for unit in units]
    lines += ["due_soon: 60d", "training_target: 0.90", "fail_on: [policy-overdue]"]
    return "\n".join(lines) + "\n"


def _policies(rng: random.Random, org: Organisation, history: bool) -> list[PolicyState]:
    # Most policies are reviewed on time, one in twenty is overdue. With a history, the first
    # commit is two years before AS_OF, holds older reviews, and the history adds newer ones.
    newest = AS_OF - timedelta(days=730) if history else AS_OF
    window = 270 if history else 650
    policies = []
    for number in range(1, org.documents + 1):
        kind, prefix = POLICY_TYPES[0 if number == 1 else number % len(POLICY_TYPES)]
        if number == 1:
            kind, prefix = "policy", "BEL"
        unit = org.units[number % len(org.units)]
        pid = f"{prefix}-{number:05d}"
        status = "active" if number % 40 else ("draft" if number % 80 else "retired")
        policies.append(
            PolicyState(
                pid=pid,
                path=f"policies/{unit.lower()}/{pid.lower()}.yaml",
                kind=kind,
                unit=unit,
                title=f"{kind.replace('_', ' ').capitalize()} {rng.choice(WORDS)} {number}",
                owner=rng.choice(OWNERS),
                status=status,
                interval="3y" if history else rng.choice(("2y", "3y")),
                last_reviewed=_day(rng, newest - timedelta(days=window), newest)
                if number % 20
                else _day(rng, AS_OF - timedelta(days=1500), AS_OF - timedelta(days=1200)),
                controls=rng.sample(org.control_ids, rng.randint(1, 3)),
                major=rng.randint(1, 4),
            )
        )
    return policies


def _controls(rng: random.Random, org: Organisation) -> None:
    active = [p.pid for p in org.policies if p.status == "active"]
    for index, control_id in enumerate(org.control_ids):
        theme = control_id.split(".")[0]
        lines = [f'id: "{control_id}"']
        if index % 25 == 24:
            lines += [
                "applicable: false",
                "justification: Niet van toepassing; geen eigen ontwikkeling of datacentrum.",
                "status: not_started",
            ]
        else:
            status = ("implemented", "implemented", "implemented", "partial", "planned")[index % 5]
            lines += [
                "applicable: true",
                f"status: {status}",
                f"owner: {rng.choice(OWNERS)}",
                "units: [all]",
                f"policies: [{', '.join(rng.sample(active, 2))}]",
            ]
        org.files[f"controls/{theme}/{control_id}.yaml"] = "\n".join(lines) + "\n"


def _evidence(rng: random.Random, org: Organisation) -> None:
    for number in range(1, org.documents // 5 + 1):
        validity = rng.choice(("valid_for: 1y", "valid_for: 6m", "valid_until"))
        recent = 170 if validity.endswith("6m") else 330
        collected = _day(rng, AS_OF - timedelta(days=recent if number % 20 else 500), AS_OF)
        eid = f"EV-{collected.year}-{number:05d}"
        if validity == "valid_until":
            validity = f"valid_until: {collected + timedelta(days=365)}"
        org.files[f"evidence/records/{collected.year}/{eid.lower()}.yaml"] = (
            f"id: {eid}\ntitle: Bewijs {rng.choice(WORDS)} {number}\n"
            f"controls: [{_quoted(rng.sample(org.control_ids, rng.randint(1, 2)))}]\n"
            f"collected: {collected}\n{validity}\nowner: {rng.choice(OWNERS)}\n"
            f"units: [{rng.choice(org.units)}]\n"
            f"file: evidence/files/{eid.lower()}.pdf\n"
        )


def _audits(rng: random.Random, org: Organisation) -> None:
    for number in range(1, max(2, org.documents // 50) + 1):
        held = _day(rng, AS_OF - timedelta(days=900), AS_OF - timedelta(days=30))
        aid = f"AUD-{held.year}-{number:04d}"
        kind = ("internal", "external", "pentest", "self_assessment", "certification")[number % 5]
        lines = [
            f"id: {aid}",
            f"title: Audit {rng.choice(WORDS)} {held.year}",
            f"type: {kind}",
            f"date: {held}",
            "auditor: Extern bureau",
            f"units: [{rng.choice(org.units)}]",
            "findings:",
        ]
        for index in range(1, rng.randint(2, 6) + 1):
            lines += _finding(rng, org, f"F-{aid[4:]}-{index:02d}", held)
        org.files[f"evidence/audits/{held.year}/{aid.lower()}.yaml"] = "\n".join(lines) + "\n"


def _finding(rng: random.Random, org: Organisation, fid: str, held: date) -> list[str]:
    due = held + timedelta(days=rng.choice((60, 90, 180)))
    status = rng.choice(("closed", "closed", "closed", "open", "in_progress", "accepted"))
    lines = [
        f"  - id: {fid}",
        f"    title: Bevinding {rng.choice(WORDS)}",
        f"    severity: {rng.choice(('major', 'minor', 'minor', 'observation', 'improvement'))}",
        f"    controls: [{_quoted(rng.sample(org.control_ids, 1))}]",
        f"    owner: {rng.choice(OWNERS)}",
        f"    due: {due}",
        f"    status: {status}",
    ]
    if status == "closed":
        lines += [
            f"    closed: {min(AS_OF, due - timedelta(days=rng.randint(-20, 40)))}",
            "    resolution: Maatregel ingevoerd en gecontroleerd",
        ]
    return lines


def _incidents(rng: random.Random, org: Organisation) -> None:
    for number in range(1, max(2, org.documents // 20) + 1):
        day = _day(rng, AS_OF - timedelta(days=700), AS_OF)
        offset = "+02:00" if 4 <= day.month <= 9 else "+01:00"
        iid = f"INC-{day.year}-{number:05d}"
        kind = ("security_incident", "data_breach", "calamity", "complaint", "signal")[number % 5]
        lines = [
            f"id: {iid}",
            f"title: Melding {rng.choice(WORDS)}",
            f"reported: {day}T{rng.randint(8, 17):02d}:15:00{offset}",
            f"kind: {kind}",
            f"units: [{rng.choice(org.units)}]",
            f"controls: [{_quoted(rng.sample(org.control_ids, 1))}]",
        ]
        if kind in ("data_breach", "calamity"):
            lines.append(f"authority_notified: {day + timedelta(days=1)}T16:00:00{offset}")
        closed = day + timedelta(days=rng.randint(5, 60))
        if closed < AS_OF:
            lines += ["status: closed", f"closed: {closed}"]
        else:
            lines.append("status: in_progress")
        org.files[f"evidence/incidents/{day.year}/{iid.lower()}.yaml"] = "\n".join(lines) + "\n"


def _training(rng: random.Random, org: Organisation) -> None:
    org.files["evidence/training/modules.yaml"] = "modules:\n" + "".join(
        f"  - {{id: {mid}, title: {title}, valid_for: {valid}, required_for: {needed}}}\n"
        for mid, title, valid, needed in MODULES
    )
    people = [
        (f"E{n:05d}", rng.choice(org.units), rng.choice(ROLES))
        for n in range(1, max(10, org.documents // 2) + 1)
    ]
    rows = ["people:\n"]
    for pid, unit, role in people:
        left = _day(rng, AS_OF - timedelta(days=300), AS_OF) if rng.random() < 0.04 else "null"
        rows.append(f'  - {{id: "{pid}", unit: {unit}, role: {role}, left: {left}}}\n')
    org.files["evidence/training/people.yaml"] = "".join(rows)
    quarters: dict[tuple[int, int], list[str]] = {}
    for pid, _unit, _role in people:
        for mid, *_rest in MODULES:
            for year_back in (1, 0):  # a completion last year and (usually) one this year
                if year_back == 0 and rng.random() < 0.08:
                    continue
                day = _day(
                    rng,
                    AS_OF - timedelta(days=365 * (year_back + 1)),
                    AS_OF - timedelta(days=365 * year_back),
                )
                quarters.setdefault((day.year, (day.month - 1) // 3 + 1), []).append(
                    f'  - {{person: "{pid}", module: {mid}, completed: {day}}}\n'
                )
    for (year, quarter), lines in sorted(quarters.items()):
        org.files[f"evidence/training/completions/{year}/{year}-q{quarter}.yaml"] = (
            "completions:\n" + "".join(lines)
        )


def write_tree(org: Organisation, target: Path) -> None:
    for path, content in _current_files(org):
        destination = target / path
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_text(content, encoding="utf-8")


def _current_files(org: Organisation) -> Iterator[tuple[str, str]]:
    yield from org.files.items()
    for policy in org.policies:
        yield policy.path, policy.render()


def history(org: Organisation, commits: int, seed: int = 7510) -> Iterator[Commit]:
    """An initial commit, then ``commits - 1`` commits that each review one active policy (the
    HISTORY_POLICY every 50th), one every ~9 hours over the two years before AS_OF. The
    policies end as the last commit left them, which is what ``write_tree`` writes."""
    rng = random.Random(seed + 1)
    start = AS_OF - timedelta(days=730)
    step = 730 * 86400 // max(1, commits)
    epoch = int((start - date(1970, 1, 1)).total_seconds()) + 9 * 3600
    yield epoch, "Importeer het kwaliteitssysteem", list(_current_files(org))
    active = [p for p in org.policies if p.status == "active"]
    favourite = next(p for p in active if p.pid == HISTORY_POLICY)
    for number in range(1, commits):
        when = epoch + number * step
        chosen = favourite if number % 50 == 1 else rng.choice(active)
        reviewer = rng.choice(OWNERS)
        chosen.review(date.fromtimestamp(when), reviewer)
        message = f"Herzien: {chosen.pid} versie {chosen.major}.0 ({reviewer})"
        yield when, message, [(chosen.path, chosen.render())]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("target", type=Path, help="folder to create (replaced if it exists)")
    parser.add_argument("--documents", type=int, default=170, help="number of policy documents")
    parser.add_argument("--git-commits", type=int, default=0, help="build a git history")
    parser.add_argument("--seed", type=int, default=7510)
    options = parser.parse_args(argv)
    if options.target.exists():
        shutil.rmtree(options.target)
    options.target.mkdir(parents=True)
    org = build(options.documents, options.seed, history=options.git_commits > 0)
    if options.git_commits > 0:
        import_history(options.target, history(org, options.git_commits, options.seed))
    write_tree(org, options.target)
    if options.git_commits > 0:
        subprocess.run(["git", "reset", "-q"], cwd=options.target, check=True)
    files = len(org.files) + len(org.policies)
    print(f"{options.target}: {files} files, {len(org.policies)} policies", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
