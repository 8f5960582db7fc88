"""A small organisation for the Kennisbank tests (tests/gitorg.py's, committed on 2024-03-12)
with one of each kind of document: Markdown that links to other policies by id (one that does
not exist), a PDF, a URL, none; a retired policy, a draft and a hostile title."""

from __future__ import annotations

from pathlib import Path

from tests.gitorg import commit_all, make_org

HOSTILE = "<script>alert(1)</script>"

EXTRA: dict[str, str] = {
    "policies/hap/prot-hap-009.yaml": """\
id: PROT-HAP-009
title: Triage bij pijn op de borst (oude versie)
type: protocol
status: retired
version: "3.2"
owner: Teamleider triage
retired: 2024-03-12
retired_reason: Vervangen door PROT-HAP-014
units: [HAP]
""",
    "policies/hap/prot-hap-020.yaml": """\
id: PROT-HAP-020
title: Suïcidaliteit aan de telefoon
type: protocol
status: draft
version: "0.1"
owner: Teamleider triage
units: [HAP]
""",
    "policies/algemeen/proc-001.yaml": f"""\
id: PROC-001
title: "{HOSTILE}"
type: procedure
status: active
version: "1.0"
owner: "<img src=x onerror=alert(2)>"
approved_by: "Bestuur & <b>raad</b>"
approved: 2024-03-12
last_reviewed: 2024-03-12
review_interval: 1y
units: [all]
audience: ["<i>iedereen</i>"]
controls: ["5.1"]
document: policies/documents/proc-001.pdf
""",
    "policies/algemeen/proc-002.yaml": """\
id: PROC-002
title: Procedure zonder document
type: procedure
status: active
version: "1.0"
owner: ISO
last_reviewed: 2024-03-12
review_interval: 3y
units: [HCZ]
""",
    "policies/algemeen/proc-003.yaml": """\
id: PROC-003
title: Landelijke richtlijn
type: procedure
status: active
version: "1.0"
owner: ISO
last_reviewed: 2024-03-12
review_interval: 3y
document: https://example.org/richtlijn
""",
    "policies/documents/proc-001.pdf": "%PDF-1.4 fictief\n",
    "policies/documents/prot-hap-014.md": f"""\
# Triage bij pijn op de borst

Versie 4.0. Vraag naar uitstraling en zweten; denk aan suïcidaliteit.

## Verwijzingen

- Zie het [beleid](BEL-001) en de [oude versie](PROT-HAP-009).
- Het [concept](PROT-HAP-020) is nog niet vastgesteld.
- Een [typefout](PROT-HAP-999) in een verwijzing.
- De [bijlage](bijlage.txt) en [terug naar boven](#verwijzingen).

{HOSTILE} <a href="javascript:alert(3)">klik</a>

| Urgentie | Termijn |
|---|---|
| U1 | direct |
""",
    "policies/documents/bijlage.txt": "Bijlage bij het protocol.\n",
}


def make_site_org(root: Path) -> Path:
    make_org(root)
    for name, text in EXTRA.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    commit_all(root, "Kennisbank: documenten", "2024-06-01T10:00:00+02:00")
    return root
