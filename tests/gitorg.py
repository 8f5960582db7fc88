"""A tiny compliance repository in git with dated commits, for the policy lifecycle and
history tests (``--rev``, ``--as-recorded``, ``policy history``/``diff``)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

FILES: dict[str, str] = {
    "nencheck.yaml": """\
organisation: Testpost De Linde
framework: catalog.yaml
language: en
units:
  - {id: HAP, name: Huisartsenspoedpost}
  - {id: HCZ, name: Huisartsen Chronische Zorg}
due_soon: 60d
fail_on: [policy-overdue]
""",
    "catalog.yaml": """\
catalog: test-catalog
title: Test catalog
themes:
  - {id: organizational, number: "5", nl: Organisatorisch, en: Organisational}
controls:
  - {id: "5.1", theme: organizational, title: Policies for information security}
  - {id: "5.10", theme: organizational, title: Acceptable use of information}
""",
    "controls/5.1.yaml": 'id: "5.1"\napplicable: true\nstatus: implemented\nowner: ISO\n'
    "policies: [BEL-001]\n",
    "controls/5.10.yaml": 'id: "5.10"\napplicable: true\nstatus: implemented\nowner: ISO\n'
    "policies: [PROT-HAP-014]\n",
    "policies/algemeen/bel-001.yaml": """\
id: BEL-001
title: Informatiebeveiligingsbeleid
type: policy
status: active
version: "3.0"
owner: ISO
approved_by: Raad van bestuur
approved: 2024-03-12
last_reviewed: 2024-03-12
review_interval: 2y
units: [all]
controls: ["5.1"]
""",
    "policies/hap/prot-hap-014.yaml": """\
# Triage protocol of the out-of-hours GP post.
id: PROT-HAP-014
title: Triage bij pijn op de borst   # as in the NHG-Triagewijzer
type: protocol
status: active
version: "4.0"
owner: Teamleider triage
approved_by: Medisch manager
approved: 2024-03-12
last_reviewed: 2024-03-12
review_interval: 2y
units: [HAP]
controls: ["5.10"]

# Who must know it.
audience:
  - triagisten
  - huisartsen
document: policies/documents/prot-hap-014.md
""",
    "policies/documents/prot-hap-014.md": "# Triage bij pijn op de borst\n\nVersie 4.0.\n",
}

FIRST_DAY = "2024-03-12T10:00:00+01:00"


def git(root: Path, *args: str, when: str | None = None) -> str:
    env = dict(os.environ)
    if when is not None:
        env["GIT_AUTHOR_DATE"] = when
        env["GIT_COMMITTER_DATE"] = when
    completed = subprocess.run(
        ["git", *args], cwd=root, check=True, capture_output=True, text=True, env=env
    )
    return completed.stdout


def commit_all(root: Path, message: str, when: str) -> str:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, when=when)
    return git(root, "rev-parse", "HEAD").strip()


def make_org(root: Path) -> Path:
    """The organisation committed once, on FIRST_DAY."""
    for name, text in FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    commit_all(root, "Voorbeeldorganisatie", FIRST_DAY)
    return root
