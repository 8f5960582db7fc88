"""A small organisation written into tmp_path: every record kind, with known figures on AS_OF
(2026-11-23), and a policy title that tries to inject a script into the HTML."""

from __future__ import annotations

from pathlib import Path

SCRIPT_TITLE = "Wachtwoordbeleid <script>alert('x')</script> & meer"

FILES: dict[str, str] = {
    "nencheck.yaml": """\
organisation: Kleine Praktijk <b>Test</b>
framework: nen7510-2024
language: nl
units:
  - {id: HAP, name: Huisartsenspoedpost}
  - {id: HCZ, name: Chronische zorg}
due_soon: 60d
training_target: 0.90
""",
    "controls/5.1.yaml": """\
id: "5.1"
applicable: true
status: implemented
owner: Directie
policies: [BEL-001]
""",
    "controls/5.15.yaml": """\
id: "5.15"
applicable: true
status: partial
owner: Informatiebeveiligingsfunctionaris
""",
    "controls/7.4.yaml": """\
id: "7.4"
applicable: false
justification: Geen eigen gebouw; de verhuurder bewaakt het pand.
status: not_started
""",
    "controls/8.3.yaml": """\
id: "8.3"
applicable: true
status: planned
owner: ICT-beheer
evidence: [EV-2026-001]
""",
    "controls/eigen.yaml": """\
id: EIG-1
title: Eigen maatregel voor de praktijk
applicable: true
status: implemented
policies: [BEL-002]
""",
    "policies/bel-001.yaml": """\
id: BEL-001
title: Informatiebeveiligingsbeleid
type: policy
status: active
version: "2.0"
owner: Directie
last_reviewed: 2024-06-01
review_interval: 2y
units: [all]
controls: ["5.1"]
""",
    "policies/bel-002.yaml": f"""\
id: BEL-002
title: "{SCRIPT_TITLE}"
type: policy
status: active
version: "1.0"
owner: ICT-beheer
last_reviewed: 2025-06-15
review_interval: 1y
units: [HAP]
controls: ["5.15"]
""",
    "policies/prot-001.yaml": """\
id: PROT-001
title: Triage bij pijn op de borst
type: protocol
status: active
version: "4.0"
owner: Teamleider triage
last_reviewed: 2025-01-01
review_interval: 2y
units: [HAP]
""",
    "policies/prot-002.yaml": """\
id: PROT-002
title: Concept protocol
type: protocol
status: draft
version: "0.1"
owner: Teamleider triage
units: [HCZ]
""",
    "evidence/records/ev-2026-001.yaml": """\
id: EV-2026-001
title: Autorisatiereview
controls: ["5.15"]
collected: 2025-10-01
valid_for: 1y
owner: ICT-beheer
""",
    "evidence/audits/aud-2026.yaml": """\
id: AUD-2026-INT
title: Interne audit 2026
type: internal
date: 2026-03-10
findings:
  - id: F-1
    title: Logging niet gecontroleerd
    severity: major
    owner: ICT-beheer
    due: 2026-06-30
    status: open
  - id: F-2
    title: Clean desk
    severity: minor
    owner: Teamleider triage
    due: 2027-01-31
    status: in_progress
  - id: F-3
    title: Oude bevinding
    severity: observation
    owner: Directie
    due: 2026-04-30
    status: closed
    closed: 2026-04-20
""",
    "evidence/training/modules.yaml": """\
modules:
  - {id: AW-01, title: Phishing herkennen, valid_for: 1y, required_for: [all]}
""",
    "evidence/training/people.yaml": """\
people:
  - {id: "E1", unit: HAP}
  - {id: "E2", unit: HAP}
  - {id: "E3", unit: HCZ}
""",
    "evidence/training/completions/2026.yaml": """\
completions:
  - {person: "E1", module: AW-01, completed: 2026-02-01}
  - {person: "E3", module: AW-01, completed: 2026-05-01}
""",
    "evidence/incidents/inc-001.yaml": """\
id: INC-2026-001
title: E-mail aan verkeerde ontvanger
reported: 2026-05-04T10:00:00+02:00
kind: data_breach
units: [HCZ]
authority_notified: 2026-05-08T09:00:00+02:00
status: closed
closed: 2026-06-01
""",
}


def write_small_org(root: Path) -> Path:
    for name, text in FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root
