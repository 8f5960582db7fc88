"""A small compliance repository with one case of every rule, for the CLI tests of check,
status and due. Expected figures on AS_OF (2026-11-23) are worked out by hand in EXPECTED."""

from __future__ import annotations

from pathlib import Path

FILES: dict[str, str] = {
    "nencheck.yaml": """\
organisation: Testpraktijk De Linde
framework: catalog.yaml
language: en
units:
  - {id: HAP, name: Huisartsenspoedpost}
  - {id: HCZ, name: Huisartsen Chronische Zorg}
due_soon: 60d
training_target: 0.90
fail_on: [policy-overdue, breach-notification-late]
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
  - {id: "8.13", theme: technological, title: Information backup}
  - {id: "8.8", theme: technological, title: Management of technical vulnerabilities}
""",
    "controls/5.1.yaml": 'id: "5.1"\napplicable: true\nstatus: implemented\nowner: ISO\n',
    "controls/5.10.yaml": 'id: "5.10"\napplicable: true\nstatus: implemented\nowner: ISO\n',
    "controls/8.13.yaml": 'id: "8.13"\napplicable: true\nstatus: partial\nowner: ICT-beheer\n'
    "units: [HAP]\n",
    "policies/bel-001.yaml": """\
id: BEL-001
title: Informatiebeveiligingsbeleid
type: policy
status: active
version: "3.0"
owner: ISO
last_reviewed: 2024-03-12
review_interval: 2y
units: [all]
controls: ["5.1"]
""",
    "policies/prot-hap-014.yaml": """\
id: PROT-HAP-014
title: Triage bij pijn op de borst
type: protocol
status: active
version: "4.0"
owner: Teamleider triage
next_review: 2026-11-23
units: [HAP]
""",
    "policies/prot-hcz-002.yaml": """\
id: PROT-HCZ-002
title: Diabetes, jaarcontrole
type: protocol
status: active
version: "2.1"
owner: Kaderhuisarts
last_reviewed: 2025-12-01
review_interval: 1y
units: [HCZ]
""",
    "policies/prot-hcz-003.yaml": """\
id: PROT-HCZ-003
title: COPD-zorg
type: protocol
status: active
version: "1.0"
owner: Kaderhuisarts
last_reviewed: 2026-06-01
review_interval: 1y
units: [HCZ]
""",
    "policies/bel-009.yaml": """\
id: BEL-009
title: Thuiswerken (concept)
type: policy
status: draft
version: "0.1"
owner: ISO
""",
    "policies/bel-003.yaml": """\
id: BEL-003
title: Faxgebruik
type: policy
status: retired
version: "2.0"
owner: ISO
last_reviewed: 2019-01-01
review_interval: 1y
""",
    "evidence/records/ev-1.yaml": """\
id: EV-2025-014
title: Restoretest back-up Q3
controls: ["8.13"]
collected: 2025-09-12
valid_for: 1y
owner: ICT-beheer
""",
    "evidence/records/ev-2.yaml": """\
id: EV-2025-020
title: Toegangsreview
collected: 2025-11-23
valid_until: 2026-11-23
owner: ISO
""",
    "evidence/audits/aud-2026.yaml": """\
id: AUD-2026-INT
title: Interne audit 2026
type: internal
date: 2026-06-01
units: [all]
findings:
  - id: F-2026-01
    title: Wachtwoordbeleid niet gevolgd
    severity: major
    owner: ICT-beheer
    due: 2026-11-22
    status: open
  - id: F-2026-02
    title: Clean desk
    severity: minor
    owner: Teamleider triage
    due: 2026-11-23
    status: in_progress
  - id: F-2026-03
    title: Logging
    severity: observation
    owner: ICT-beheer
    due: 2026-01-01
    status: closed
    closed: 2026-02-01
  - id: F-2026-04
    title: Risico geaccepteerd
    severity: improvement
    owner: ISO
    due: 2026-01-01
    status: accepted
""",
    "evidence/training/modules.yaml": """\
modules:
  - {id: AW-01, title: Phishing herkennen, valid_for: 1y, required_for: [all]}
  - {id: AW-02, title: Veilig triëren, valid_for: 2y, required_for: [HAP]}
""",
    "evidence/training/people.yaml": """\
people:
  - {id: "E1", unit: HAP, role: triagist, name: Anna}
  - {id: "E2", unit: HAP, role: triagist}
  - {id: "E3", unit: HCZ, role: praktijkondersteuner}
  - {id: "E4", unit: HCZ, left: 2026-10-01}
""",
    "evidence/training/completions/2025.yaml": """\
completions:
  - {person: "E1", module: AW-02, completed: 2025-02-01}
  - {person: "E2", module: AW-01, completed: 2025-11-23}
  - {person: "E3", module: AW-01, completed: 2024-11-01}
  - {person: "E3", module: AW-01, completed: 2025-11-22}
""",
    "evidence/training/completions/2026.yaml": """\
completions:
  - {person: "E1", module: AW-01, completed: 2026-01-10}
  - {person: "E3", module: AW-02, completed: 2026-11-30}
""",
    "evidence/incidents/inc-1.yaml": """\
id: INC-2026-001
title: E-mail naar verkeerde ontvanger
reported: 2026-11-02T10:15:00+01:00
kind: data_breach
units: [HCZ]
authority_notified: 2026-11-05T10:16:00+01:00
status: closed
closed: 2026-11-10
""",
    "evidence/incidents/inc-2.yaml": """\
id: INC-2026-002
title: Medicatiefout
reported: 2026-11-20T09:00:00+01:00
kind: calamity
units: [HAP]
owner: Medisch manager
status: open
""",
    "evidence/incidents/inc-3.yaml": """\
id: INC-2026-003
title: Laptop verloren
reported: 2026-11-21T09:00:00+01:00
kind: data_breach
units: [HAP]
owner: ISO
status: in_progress
""",
}

# Worked out by hand for 2026-11-23 (a Monday):
# - BEL-001: last_reviewed 2024-03-12 + 2y = 2026-03-12, 256 days overdue (fail_on: error).
# - PROT-HAP-014: next_review today: due soon, 0 days. PROT-HCZ-002: 2026-12-01, 8 days.
# - PROT-HCZ-003: 2027-06-01, ok. BEL-009 draft, BEL-003 retired: never overdue.
# - F-2026-01 due yesterday: overdue 1 day; F-2026-02 due today: not overdue.
# - EV-2025-014 valid until 2026-09-12: expired; EV-2025-020 valid until today: still valid.
# - Training: E1 AW-01 ok, E1 AW-02 ok, E2 AW-01 valid until today, E2 AW-02 never done,
#   E3 AW-01 valid until 2026-11-22: expired (its completion of 2026-11-30 does not count yet; E3 is
#   not in HAP so AW-02 is not required anyway); E4 left. 5 required, 3 compliant.
#   HAP 3/4 = 75%, HCZ 0/1 = 0%: both below 90%.
# - Controls: 5.10 implemented, nothing linked: unsupported; 8.13 partial: gap; 8.8 missing.
# - INC-2026-001 notified 72 h 1 min after reporting: late (fail_on: error).
# - INC-2026-002 calamity Friday 2026-11-20: 3 working days = Mon, Tue, Wed 2026-11-25: not late.
# - INC-2026-003 breach 2026-11-21 09:00, not notified: deadline 2026-11-24 09:00: not late yet.
EXPECTED_PROBLEMS = {
    "policy-overdue": ["BEL-001"],
    "policy-due-soon": ["PROT-HAP-014", "PROT-HCZ-002"],
    "finding-overdue": ["F-2026-01"],
    "evidence-expired": ["EV-2025-014"],
    "training-overdue": ["E2", "E3"],
    "training-below-target": ["HAP", "HCZ"],
    "control-missing": ["8.8"],
    "control-gap": ["8.13"],
    "control-unsupported": ["5.10"],
    "breach-notification-late": ["INC-2026-001"],
}


def write_eval_org(root: Path) -> Path:
    for name, text in FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root
