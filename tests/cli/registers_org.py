"""A small compliance repository for the register tests (findings, training, evidence,
incidents), with comments in the files so the tests can see they survive an edit."""

from __future__ import annotations

import hashlib
from pathlib import Path

from tests.conftest import git, init_git

REPORT = b"Rapport interne audit 2026\n"
RESTORE = b"Restoretest back-up Q3: geslaagd\n"

FILES: dict[str, str] = {
    "nencheck.yaml": """\
organisation: Testpraktijk De Linde
framework: catalog.yaml
language: en
units:
  - {id: HAP, name: Huisartsenspoedpost}
  - {id: HCZ, name: Huisartsen Chronische Zorg}
training_target: 0.90
""",
    "catalog.yaml": """\
catalog: test-catalog
title: Test catalog
themes:
  - {id: organizational, number: "5", nl: Organisatorisch, en: Organisational}
  - {id: technological, number: "8", nl: Technologisch, en: Technological}
controls:
  - {id: "5.1", theme: organizational, title: Policies for information security}
  - {id: "5.10", theme: organizational, title: Acceptable use of information}
  - {id: "5.24", theme: organizational, title: Incident management planning}
  - {id: "8.13", theme: technological, title: Information backup}
  - {id: "8.8", theme: technological, title: Management of technical vulnerabilities}
""",
    "controls/5.1.yaml": 'id: "5.1"\napplicable: true\nstatus: implemented\n',
    "policies/bel-001.yaml": """\
id: BEL-001
title: Informatiebeveiligingsbeleid
type: policy
status: active
version: "3.0"
owner: ISO
last_reviewed: 2026-03-12
review_interval: 2y
document: evidence/files/beleid.md
""",
    "evidence/audits/aud-2026-int.yaml": """\
# Interne audit 2026 — bevindingen worden hier bijgehouden.
id: AUD-2026-INT
title: Interne audit 2026
type: internal
date: 2026-06-10
report: evidence/files/interne-audit-2026.txt
findings:
  # eerste ronde
  - id: F-2026-INT-01
    title: Patchbeleid werkplekken niet aantoonbaar
    severity: minor
    controls: ["8.8"]
    owner: ICT-beheer
    due: 2026-09-30   # afgesproken met ICT
    status: open
  - id: F-2026-INT-02
    title: Back-up niet getest
    severity: major
    controls: ["8.13"]
    owner: ICT-beheer
    due: 2026-12-15
    status: in_progress
  - id: F-2026-INT-04
    title: Clean desk niet nageleefd
    severity: observation
    owner: Praktijkmanager
    due: 2026-08-31
    status: closed
    closed: 2026-08-20
    resolution: Rondgang herhaald
""",
    "evidence/audits/aud-2025-ext.yaml": """\
id: AUD-2025-EXT
title: Externe toets 2025
type: external
date: 2025-06-12
findings:
  - id: F-2025-EXT-01
    title: Wachtwoordbeleid
    severity: minor
    controls: ["5.1"]
    owner: ISO
    due: 2025-12-31
    status: accepted
""",
    "evidence/records/2026/ev-2026-001.yaml": f"""\
# Restoretest, elk kwartaal
id: EV-2026-001
title: Restoretest back-up Q3
controls: ["8.13"]
collected: 2026-09-12
valid_for: 1y
file: evidence/files/restoretest-2026q3.txt
sha256: {hashlib.sha256(RESTORE).hexdigest()}
""",
    "evidence/training/modules.yaml": """\
# Modules van het bewustwordingsprogramma
modules:
  - {id: AW-01, title: Phishing herkennen, valid_for: 1y, required_for: [all]}
  - {id: AW-02, title: Veilig omgaan met patiëntgegevens, valid_for: 2y, required_for: [HAP]}
""",
    "evidence/training/people.yaml": """\
people:
  - {id: "E1042", unit: HAP, role: triagist}
  - {id: "E1043", unit: HAP, role: triagist, name: Anna de Vries}
  - {id: "E2001", unit: HCZ}
  - {id: "01077", unit: HCZ}
  - {id: "E2002", unit: HCZ, left: 2026-01-31}
""",
    "evidence/training/completions/2026.yaml": """\
# Afgeronde modules 2026 (export leerplatform)
completions:
  - {person: "E1042", module: AW-01, completed: 2026-03-04}
  - {person: "E1042", module: AW-02, completed: 2026-03-05}  # handmatig toegevoegd
# einde export
""",
    "evidence/incidents/2026/inc-2026-001.yaml": """\
# Datalek: e-mail naar verkeerde ontvanger
id: INC-2026-001
title: E-mail met patiëntgegevens naar verkeerde ontvanger
reported: 2026-11-21T10:15:00+01:00
kind: data_breach
units: [HCZ]
controls: ["5.24"]
status: open
""",
    "evidence/incidents/2026/inc-2026-002.yaml": """\
id: INC-2026-002
title: Phishingmail aan alle medewerkers
reported: 2026-05-02T09:00:00+02:00
kind: security_incident
status: closed
closed: 2026-05-10
""",
}

BINARY_FILES: dict[str, bytes] = {
    "evidence/files/restoretest-2026q3.txt": RESTORE,
    "evidence/files/interne-audit-2026.txt": REPORT,
    "evidence/files/beleid.md": b"# Beleid\n",
}


def make_org(root: Path, commit: bool = True) -> Path:
    """Write the repository under ``root`` and commit it (one commit)."""
    for path, text in FILES.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    for path, content in BINARY_FILES.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return init_git(root) if commit else root


def commits(root: Path) -> list[str]:
    return git(root, "log", "--format=%H").split()


def last_commit_files(root: Path) -> list[str]:
    return sorted(git(root, "show", "--name-only", "--format=", "HEAD").split())


def last_commit_message(root: Path) -> str:
    return git(root, "log", "-1", "--format=%B")


def clean(root: Path) -> bool:
    return git(root, "status", "--porcelain") == ""
