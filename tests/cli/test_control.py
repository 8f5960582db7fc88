"""``nencheck control import`` (an existing SoA, also in 2013 numbering) and ``control show``."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import AS_OF, PROJECT_ROOT, git, init_git, run_cli
from tests.sheets import make_repo, write_xlsx

SOA_HEADERS = (
    "Nr",
    "Maatregel",
    "Van toepassing",
    "Rechtvaardiging",
    "Implementatiestatus",
    "Eigenaar",
)
SOA_2013 = [
    ("A.9.1.1", "Beleid voor toegangsbeveiliging", "Ja", "Kernrisico", "Geïmplementeerd", "ISO"),
    (
        "A.9.1.2",
        "Toegang tot netwerken en netwerkdiensten",
        "Ja",
        None,
        "Gedeeltelijk",
        "ICT-beheer",
    ),
    ("A.11.1.6", "Laad- en loslocaties", "Nee", "Geen laad- en loslocatie", None, None),
    ("A.11.1.2", "Fysieke toegangsbeveiliging", "J", None, "Gepland", "Facilitair"),
    ("A.12.3.1", "Back-up van informatie", "Ja", None, "Geïmplementeerd", "ICT-beheer"),
    (
        "A.14.1.1",
        "Analyse van informatiebeveiligingseisen",
        "Nee",
        "Geen eigen ontwikkeling",
        "Niet gestart",
        None,
    ),
    ("A.18.2.3", "Beoordeling van technische naleving", "Ja", None, "Deels", "ICT-beheer"),
]
SCAFFOLDED_813 = (
    "# 8.13 Information backup\n"
    'id: "8.13"\n'
    "applicable: true\n"
    "status: not_started   # nog in te vullen\n"
    "owner: null\n"
    "policies: []\n"
    "evidence: []\n"
)


def _soa(path: Path, rows: list[tuple[object, ...]]) -> Path:
    return write_xlsx(
        path,
        SOA_HEADERS,
        rows,
        sheet="VvT",
        title="Verklaring van Toepasselijkheid (NEN 7510:2017)",
        trailing_empty=2,
    )


def test_soa_in_2013_numbering_becomes_control_files_with_a_merge_report(tmp_path: Path) -> None:
    root = make_repo(
        tmp_path / "org", extra_files={"controls/8-technologisch/8.13.yaml": SCAFFOLDED_813}
    )

    result = run_cli("control", "import", str(_soa(tmp_path / "vvt.xlsx", SOA_2013)), repo=root)

    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "7 rows use ISO 27002:2013 numbers; they are mapped to the 2022 controls" in lines
    assert "merged: 9.1.1 + 9.1.2 -> 5.15" in lines
    assert (
        "conflict on 5.15: status differs (9.1.1 implemented, 9.1.2 partial) -> partial "
        "(the least implemented)"
    ) in lines
    assert (
        "conflict on 7.2: applicable differs (11.1.6 not applicable, 11.1.2 applicable) -> "
        "applicable (because one of them is)"
    ) in lines
    assert "split: 18.2.3 -> 5.36 + 8.8" in lines
    assert (
        "updated controls/8-technologisch/8.13.yaml: status not_started -> implemented, owner — -> ICT-beheer"
        in lines
    )
    assert "5 created, 1 updated, 0 unchanged; committed" in lines[-1]
    assert (root / "controls/5-organisatorisch/5.15.yaml").read_text("utf-8") == (
        "# 5.15 Access control\n"
        'id: "5.15"\n'
        "applicable: true\n"
        "justification: Kernrisico\n"
        "status: partial\n"
        "owner: ISO\n"
    )
    assert git(root, "status", "--porcelain") == ""
    check = run_cli("check", "--as-of", AS_OF, "--format", "json", repo=root)
    assert check.json()["errors"] == []


def test_an_excluded_control_keeps_its_justification(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "org")

    assert (
        run_cli(
            "control", "import", str(_soa(tmp_path / "vvt.xlsx", SOA_2013)), repo=root
        ).exit_code
        == 0
    )

    text = (root / "controls/5-organisatorisch/5.8.yaml").read_text("utf-8")  # 14.1.1
    assert "applicable: false\n" in text
    assert "justification: Geen eigen ontwikkeling\n" in text
    assert "status: not_started\n" in text


def test_import_updates_a_scaffolded_control_in_place_keeping_comments(tmp_path: Path) -> None:
    root = make_repo(
        tmp_path / "org", extra_files={"controls/8-technologisch/8.13.yaml": SCAFFOLDED_813}
    )
    rows = [("8.13", "Back-up", "Ja", None, "Gedeeltelijk", "ICT-beheer")]

    result = run_cli("control", "import", str(_soa(tmp_path / "vvt.xlsx", rows)), repo=root)

    assert result.exit_code == 0, result.output
    lines = (root / "controls/8-technologisch/8.13.yaml").read_text("utf-8").splitlines()
    expected = SCAFFOLDED_813.replace("owner: null", "owner: ICT-beheer").splitlines()
    assert lines[3].startswith("status: partial ") and lines[3].endswith("# nog in te vullen")
    assert lines[:3] + lines[4:] == expected[:3] + expected[4:]
    again = run_cli("control", "import", str(_soa(tmp_path / "vvt.xlsx", rows)), repo=root)
    assert again.stdout.strip().endswith("0 created, 0 updated, 1 unchanged: nothing to change")


def test_excluded_control_without_justification_is_a_row_error(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "org")
    rows = [
        ("5.1", "Beleid", "Ja", None, "Geïmplementeerd", "ISO"),
        ("A.5.7", "Threat intelligence", "Nee", None, None, None),
    ]

    result = run_cli("control", "import", str(_soa(tmp_path / "vvt.xlsx", rows)), repo=root)

    assert result.exit_code == 2
    assert (
        "vvt.xlsx:VvT!R5:C4: missing field 'justification': it is required when applicable is false"
    ) in result.stderr
    assert not (root / "controls").exists()


def test_unknown_and_duplicate_control_ids_are_refused(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "org")
    rows = [
        ("5.1", "Beleid", "Ja", None, "Gepland", None),
        ("A.99.1.1", "Onbekend", "Ja", None, "Gepland", None),
        ("A.5.1", "Beleid nogmaals", "Ja", None, "Gepland", None),
        ("5.2", "Rollen", "Misschien", None, "Gepland", None),
    ]

    result = run_cli("control", "import", str(_soa(tmp_path / "vvt.xlsx", rows)), repo=root)

    assert result.exit_code == 2
    assert (
        'vvt.xlsx:VvT!R5:C1: unknown control "A.99.1.1": not in the catalog nen7510-2024 '
        "and not an ISO 27002:2013 number"
    ) in result.stderr
    assert 'vvt.xlsx:VvT!R6:C1: duplicate control "A.5.1": also on row 4' in result.stderr
    assert 'vvt.xlsx:VvT!R7:C3: expected Ja or Nee, found "Misschien"' in result.stderr


def test_soa_dry_run_writes_nothing(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "org")

    result = run_cli(
        "control", "import", str(_soa(tmp_path / "vvt.xlsx", SOA_2013)), "--dry-run", repo=root
    )

    assert result.exit_code == 0
    assert "would create controls/5-organisatorisch/5.15.yaml" in result.stdout
    assert not (root / "controls").exists()


# --- control show ----------------------------------------------------------------------------

SHOW_FILES = {
    "controls/5-organisatorisch/5.15.yaml": (
        'id: "5.15"\napplicable: true\nstatus: partial\nowner: ISO\n'
        "justification: Toegang tot patiëntgegevens is kernrisico.\n"
    ),
    "policies/bel-007.yaml": (
        "id: BEL-007\ntitle: Toegangsbeleid\ntype: policy\nstatus: active\nversion: '2.0'\n"
        "owner: ISO\nlast_reviewed: 2025-01-15\nreview_interval: 2y\ncontrols: ['5.15']\n"
    ),
    "policies/prot-010.yaml": (
        "id: PROT-010\ntitle: Autorisatieprocedure\ntype: procedure\nstatus: active\n"
        "version: '1.0'\nowner: ICT-beheer\nlast_reviewed: 2024-06-01\nreview_interval: 2y\n"
        "controls: ['5.15']\n"
    ),
    "evidence/records/ev-1.yaml": (
        "id: EV-2026-003\ntitle: Autorisatiereview HIS\ncontrols: ['5.15']\n"
        "collected: 2026-02-01\nvalid_for: 1y\n"
    ),
    "evidence/records/ev-2.yaml": (
        "id: EV-2025-001\ntitle: Autorisatiereview 2025\ncontrols: ['5.15']\n"
        "collected: 2025-01-10\nvalid_until: 2026-01-10\n"
    ),
    "evidence/audits/aud.yaml": (
        "id: AUD-2026-INT\ntitle: Interne audit 2026\ntype: internal\ndate: 2026-03-01\n"
        "findings:\n"
        "  - {id: F-1, title: Uitdiensttreders niet tijdig geblokkeerd, severity: minor,\n"
        "     controls: ['5.15', '5.18'], owner: HR, due: 2026-06-01, status: open}\n"
        "  - {id: F-2, title: Gedeelde accounts op de HAP, severity: major, controls: ['5.15'],\n"
        "     owner: ICT-beheer, due: 2026-04-01, status: closed, closed: 2026-03-20}\n"
        "  - {id: F-3, title: Ander onderwerp, severity: minor, controls: ['8.13'],\n"
        "     owner: ICT-beheer, due: 2026-04-01, status: open}\n"
    ),
    "evidence/incidents/inc.yaml": (
        "id: INC-2026-004\ntitle: Inlog met account van collega\n"
        "reported: 2026-05-02T10:15:00+02:00\nkind: security_incident\ncontrols: ['5.15']\n"
        "status: closed\nclosed: 2026-05-20\n"
    ),
}


@pytest.fixture
def show_repo(tmp_path: Path) -> Path:
    root = make_repo(tmp_path / "org", git=False, extra_files=SHOW_FILES)
    init_git(root, "Eerste versie")
    control = root / "controls/5-organisatorisch/5.15.yaml"
    control.write_text(control.read_text("utf-8").replace("partial", "implemented"), "utf-8")
    git(root, "commit", "-qam", "5.15 geïmplementeerd na autorisatiereview")
    return root


def test_control_show_answers_the_auditor_in_text(show_repo: Path) -> None:
    result = run_cli("control", "show", "5.15", "--as-of", AS_OF, repo=show_repo)

    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.startswith(
        "5.15 Access control\nTheme: Organisational\nISO 27002:2013: 9.1.1, 9.1.2\n"
    )
    assert "Statement of Applicability (controls/5-organisatorisch/5.15.yaml)" in text
    assert "  status         Implemented\n" in text
    assert "  BEL-007   Toegangsbeleid — Due soon · next review 2027-01-15 (in 53 days)" in text
    assert (
        "  PROT-010  Autorisatieprocedure — Overdue · next review 2026-06-01 (175 days ago)" in text
    )
    assert "  EV-2026-003  Autorisatiereview HIS — valid until 2027-02-01 (in 70 days)" in text
    assert "  EV-2025-001  Autorisatiereview 2025 — expired 2026-01-10 (317 days ago)" in text
    assert "Findings (1 open, 1 closed)" in text
    assert (
        "  F-1  [Minor] Uitdiensttreders niet tijdig geblokkeerd — open, due 2026-06-01 (overdue) (AUD-2026-INT)"
        in text
    )
    assert "  F-2  [Major] Gedeelde accounts op de HAP — closed 2026-03-20 (AUD-2026-INT)" in text
    assert "F-3" not in text
    assert (
        "  INC-2026-004  Security incident, 2026-05-02: Inlog met account van collega — closed 2026-05-20"
        in text
    )
    history = text.split("History of controls/5-organisatorisch/5.15.yaml\n")[1].splitlines()
    assert "Test Auteur  5.15 geïmplementeerd na autorisatiereview" in history[0]
    assert "Test Auteur  Eerste versie" in history[1]


def test_control_show_json_has_every_part(show_repo: Path) -> None:
    result = run_cli(
        "control", "show", "5.15", "--as-of", AS_OF, "--format", "json", repo=show_repo
    )

    assert result.exit_code == 0, result.output
    document = result.json()
    assert document["id"] == "5.15" and document["theme"] == "organizational"
    assert document["soa"]["status"] == "implemented"
    assert [(p["id"], p["state"], p["days"]) for p in document["policies"]] == [
        ("BEL-007", "due_soon", 53),
        ("PROT-010", "overdue", -175),
    ]
    assert [(e["id"], e["valid"]) for e in document["evidence"]] == [
        ("EV-2026-003", True),
        ("EV-2025-001", False),
    ]
    assert [(f["id"], f["open"], f["overdue"]) for f in document["findings"]] == [
        ("F-1", True, True),
        ("F-2", False, False),
    ]
    assert [i["id"] for i in document["incidents"]] == ["INC-2026-004"]
    assert [v["message"] for v in document["history"]] == [
        "5.15 geïmplementeerd na autorisatiereview",
        "Eerste versie",
    ]
    assert len(document["history"][0]["commit"]) == 40


def test_control_show_outside_git_skips_the_history(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "org", git=False, extra_files=SHOW_FILES)

    text = run_cli("control", "show", "5.15", "--as-of", AS_OF, repo=root)
    document = run_cli("control", "show", "5.15", "--as-of", AS_OF, "--format", "json", repo=root)

    assert text.exit_code == 0
    assert "not available (not a git repository)" in text.stdout
    assert document.json()["history"] is None


def test_control_show_accepts_a_2013_number(show_repo: Path) -> None:
    result = run_cli("control", "show", "A.9.1.2", "--as-of", AS_OF, repo=show_repo)

    assert result.exit_code == 0
    assert result.stdout.startswith("5.15 Access control\n")
    assert "9.1.2 (ISO 27002:2013) is 5.15 in the 2022 numbering" in result.stderr


def test_control_show_of_an_unaddressed_control_says_so(show_repo: Path) -> None:
    result = run_cli("control", "show", "8.13", "--as-of", AS_OF, repo=show_repo)

    assert result.exit_code == 0
    assert "Statement of Applicability: not addressed (no control file)" in result.stdout


def test_control_show_of_an_unknown_control_is_a_usage_error(show_repo: Path) -> None:
    result = run_cli("control", "show", "5.99", "--as-of", AS_OF, repo=show_repo)

    assert result.exit_code == 2
    assert "there is no control '5.99'" in result.stderr


example = pytest.mark.skipif(
    not (PROJECT_ROOT / "nencheck.yaml").is_file(),
    reason="the example organisation is not generated yet",
)


@example
def test_control_show_on_the_example_organisation_in_text_and_json() -> None:
    text = run_cli("control", "show", "5.15", "--as-of", AS_OF, "--lang", "en", repo=PROJECT_ROOT)
    document = run_cli(
        "control", "show", "5.15", "--as-of", AS_OF, "--format", "json", repo=PROJECT_ROOT
    )

    assert text.exit_code == 0, text.output
    assert text.stdout.startswith("5.15 Access control\nTheme: Organisational\n")
    for heading in (
        "Statement of Applicability (controls/",
        "Policies (",
        "Evidence (",
        "Findings (",
        "Incidents (",
        "Risks treated (",
        "History of controls/",
    ):
        assert heading in text.stdout
    assert document.exit_code == 0, document.output
    data = document.json()
    assert set(data) == {
        "as_of",
        "id",
        "title",
        "theme",
        "theme_label",
        "in_catalog",
        "iso27002_2013",
        "soa",
        "policies",
        "evidence",
        "findings",
        "incidents",
        "risks",
        "history",
    }
    assert [r["id"] for r in data["risks"]] == ["R-2024-005", "R-2025-024"]  # name 5.15
    assert all(r["level"] in ("low", "medium", "high", "critical") for r in data["risks"])
    assert data["as_of"] == AS_OF and data["id"] == "5.15" and data["in_catalog"] is True
    assert data["soa"]["file"].startswith("controls/")
    assert {p["state"] for p in data["policies"]} <= {
        "ok",
        "due_soon",
        "overdue",
        "draft",
        "retired",
    }
    assert all(isinstance(e["valid"], bool) for e in data["evidence"])


@pytest.mark.parametrize("sheet_format", ["xlsx", "csv"])
def test_our_own_soa_imports_back_unchanged(
    example_git: Path, tmp_path: Path, sheet_format: str
) -> None:
    """The SoA sheets say "Niet van toepassing" for an excluded control (as the text and HTML
    SoA do, not the "Niet gestart" its file holds); importing them back changes nothing."""
    sheet = tmp_path / f"vvt.{sheet_format}"
    exported = run_cli(
        "soa", "--as-of", AS_OF, "--format", sheet_format, "-o", str(sheet), repo=example_git
    )
    assert exported.exit_code == 0, exported.output
    if sheet_format == "csv":
        rows = sheet.read_text("utf-8-sig").splitlines()
        [excluded] = [row for row in rows if row.startswith("8.28;")]
        assert ";Nee;" in excluded and ";Niet van toepassing;" in excluded
        assert "Niet gestart" not in excluded
    again = run_cli("control", "import", str(sheet), "--dry-run", "--lang", "en", repo=example_git)
    assert again.exit_code == 0, again.output
    assert again.stdout.startswith("0 to create, 0 to update, 101 unchanged")


def test_not_applicable_status_for_an_applicable_control_is_refused(
    tmp_path: Path,
) -> None:
    root = make_repo(tmp_path / "repo")
    rows = [("A.12.3.1", "Back-up van informatie", "Ja", None, "Niet van toepassing", "ICT")]
    result = run_cli("control", "import", str(_soa(tmp_path / "vvt.xlsx", rows)), repo=root)
    assert result.exit_code == 2
    assert "status says not applicable, but the control is applicable" in result.output
