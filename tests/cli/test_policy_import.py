"""``nencheck policy import``: a protocol register spreadsheet becomes policy files in one commit."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from tests.conftest import AS_OF, git, run_cli
from tests.sheets import REGISTER_HEADERS, make_repo, register_row, write_xlsx

TITLE = "Protocollenregister Voorbeeld Huisartsenzorg (stand januari 2026)"


def _commits(root: Path) -> int:
    return int(git(root, "rev-list", "--count", "HEAD").strip())


def _register(path: Path, rows: list[list[object]], **kwargs: object) -> Path:
    return write_xlsx(path, REGISTER_HEADERS, rows, title=TITLE, trailing_empty=3, **kwargs)


def _policy_files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in (root / "policies").rglob("*.yaml"))


def test_register_of_170_protocols_becomes_a_valid_repository_in_one_commit(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "org")
    sheet = _register(tmp_path / "register.xlsx", [register_row(n) for n in range(1, 171)])

    result = run_cli("policy", "import", str(sheet), repo=root)

    assert result.exit_code == 0, result.output
    assert "170 created, 0 updated, 0 unchanged; committed" in result.stdout
    assert _commits(root) == 2
    subject = git(root, "log", "-1", "--format=%s").strip()
    assert subject == "Import policy register register.xlsx: 170 created, 0 updated, 0 unchanged"
    touched = git(root, "show", "--name-only", "--format=", "HEAD").split()
    assert len(touched) == 170 and all(path.startswith("policies/") for path in touched)
    assert git(root, "status", "--porcelain") == ""
    check = run_cli("check", "--as-of", AS_OF, "--format", "json", repo=root)
    assert check.exit_code in (0, 1), check.output
    assert check.json()["errors"] == []


def test_files_are_grouped_by_unit_and_all_units_go_to_algemeen(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "org")
    sheet = _register(tmp_path / "register.xlsx", [register_row(n) for n in (1, 2, 7)])

    assert run_cli("policy", "import", str(sheet), repo=root).exit_code == 0

    assert _policy_files(root) == [
        "policies/algemeen/prot-dia-007.yaml",
        "policies/ggz/prot-ggz-002.yaml",
        "policies/hcz/prot-hcz-001.yaml",
    ]


def test_new_policy_file_has_dutch_cells_as_nencheck_values(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "org")
    rows = [
        [
            "PROT-HAP-014",
            "Triage bij pijn op de borst",
            "Protocol",
            "Vastgesteld",
            "4.0",
            "Teamleider triage",
            "Huisartsenspoedpost",
            datetime(2024, 3, 12),
            "tweejaarlijks",
        ],
        [
            "WI-HAP-002",
            "Telefoonscript",
            "Werkinstructie",
            "Actief",
            2,
            "Teamleider triage",
            "HAP",
            "12 maart 2024",
            "elke 3 jaar",
        ],
        [
            "FORM-HCZ-001",
            "Intakeformulier",
            "Formulier",
            "Concept",
            "0.1",
            "Praktijkmanager",
            "HCZ",
            None,
            None,
        ],
    ]
    sheet = _register(tmp_path / "register.xlsx", rows)

    result = run_cli("policy", "import", str(sheet), repo=root)

    assert result.exit_code == 0, result.output
    assert (root / "policies/hap/prot-hap-014.yaml").read_text("utf-8") == (
        "# Imported from register.xlsx (Protocollen!R4).\n"
        "id: PROT-HAP-014\n"
        "title: Triage bij pijn op de borst\n"
        "type: protocol\n"
        "status: active\n"
        'version: "4.0"\n'
        "owner: Teamleider triage\n"
        "last_reviewed: 2024-03-12\n"
        "review_interval: 2y\n"
        "units: [HAP]\n"
    )
    instruction = (root / "policies/hap/wi-hap-002.yaml").read_text("utf-8")
    assert "type: work_instruction\n" in instruction
    assert 'version: "2.0"\n' in instruction  # a number cell 2 (Excel's "2.0")
    assert "versions read from number cells (Protocollen!R5:C" in result.output
    assert "last_reviewed: 2024-03-12\n" in instruction
    assert "review_interval: 3y\n" in instruction
    draft = (root / "policies/hcz/form-hcz-001.yaml").read_text("utf-8")
    assert "status: draft\n" in draft and "last_reviewed" not in draft


def test_invalid_row_is_reported_with_sheet_row_and_column_and_nothing_is_written(
    tmp_path: Path,
) -> None:
    root = make_repo(tmp_path / "org")
    rows = [register_row(n) for n in range(1, 11)]
    rows[3][8] = "soms"
    rows[5][7] = "31-02-2025"
    sheet = _register(tmp_path / "register.xlsx", rows)

    result = run_cli("policy", "import", str(sheet), repo=root)

    assert result.exit_code == 2
    assert 'register.xlsx:Protocollen!R7:C9: unknown revision term "soms"' in result.stderr
    assert 'register.xlsx:Protocollen!R9:C8: impossible date "31-02-2025"' in result.stderr
    assert "nothing written: 2 rows have problems" in result.stderr
    assert not (root / "policies").exists()
    assert _commits(root) == 1


def test_skip_invalid_imports_the_rest_and_lists_the_skipped_rows(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "org")
    rows = [register_row(n) for n in range(1, 11)]
    rows[3][8] = "soms"
    sheet = _register(tmp_path / "register.xlsx", rows)

    result = run_cli("policy", "import", str(sheet), "--skip-invalid", repo=root)

    assert result.exit_code == 0, result.output
    assert "skipped 1 invalid row: Protocollen!R7" in result.stderr
    assert "9 created, 0 updated, 0 unchanged, 1 skipped; committed" in result.stdout
    assert len(_policy_files(root)) == 9
    assert "Skipped invalid rows: Protocollen!R7." in git(root, "log", "-1", "--format=%B")


def test_duplicate_id_in_the_sheet_is_refused(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "org")
    rows = [register_row(n) for n in range(1, 6)]
    rows.append(list(rows[1]))
    sheet = _register(tmp_path / "register.xlsx", rows)

    result = run_cli("policy", "import", str(sheet), repo=root)

    assert result.exit_code == 2
    assert (
        'register.xlsx:Protocollen!R9:C1: duplicate id "PROT-GGZ-002": also on row 5'
        in result.stderr
    )
    assert not (root / "policies").exists()


def test_unknown_unit_is_a_row_error_naming_the_units_of_nencheck_yaml(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "org")
    rows = [register_row(1)]
    rows[0][6] = "Kraamzorg"
    sheet = _register(tmp_path / "register.xlsx", rows)

    result = run_cli("policy", "import", str(sheet), repo=root)

    assert result.exit_code == 2
    assert (
        'register.xlsx:Protocollen!R4:C7: unknown unit "Kraamzorg"; nencheck.yaml has: '
        "HAP, HCZ, GGZ, DIA"
    ) in result.stderr


def test_existing_policy_is_refused_without_update(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "org")
    sheet = _register(tmp_path / "register.xlsx", [register_row(1), register_row(2)])
    assert run_cli("policy", "import", str(sheet), repo=root).exit_code == 0

    result = run_cli("policy", "import", str(sheet), repo=root)

    assert result.exit_code == 2
    assert (
        "register.xlsx:Protocollen!R4:C1: policy PROT-HCZ-001 already exists "
        "(policies/hcz/prot-hcz-001.yaml); use --update"
    ) in result.stderr


def test_update_changes_only_differing_fields_and_keeps_comments(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "org")
    rows = [register_row(n) for n in (1, 2, 3)]
    assert (
        run_cli("policy", "import", str(_register(tmp_path / "v1.xlsx", rows)), repo=root).exit_code
        == 0
    )
    path = root / "policies/hcz/prot-hcz-001.yaml"
    path.write_text(
        path.read_text("utf-8").replace(
            "owner: Medisch manager\n", "owner: Medisch manager   # bevestigd door het MT\n"
        ),
        "utf-8",
    )
    git(root, "commit", "-qam", "Eigenaar bevestigd")
    rows[0][4] = "2.1"
    rows[0][7] = "3 maart 2026"
    rows[1][8] = "24 maanden"  # was "2 jaar": the same term, not a change
    rows.append(register_row(4))

    result = run_cli(
        "policy", "import", str(_register(tmp_path / "v2.xlsx", rows)), "--update", repo=root
    )

    assert result.exit_code == 0, result.output
    assert (
        "updated policies/hcz/prot-hcz-001.yaml: version 2.0 -> 2.1, "
        "last_reviewed 2025-02-02 -> 2026-03-03"
    ) in result.stdout
    assert "1 created, 1 updated, 2 unchanged; committed" in result.stdout
    diff = git(root, "show", "--format=", "-U0", "HEAD", "--", "policies/hcz/prot-hcz-001.yaml")
    changed = [
        line for line in diff.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]
    assert changed == [
        '-version: "2.0"',
        '+version: "2.1"',
        "-last_reviewed: 2025-02-02",
        "+last_reviewed: 2026-03-03",
    ]
    assert "# bevestigd door het MT" in path.read_text("utf-8")
    assert _commits(root) == 4


def test_dry_run_shows_what_would_be_created_and_writes_nothing(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "org")
    sheet = _register(tmp_path / "register.xlsx", [register_row(1), register_row(2)])

    result = run_cli("policy", "import", str(sheet), "--dry-run", repo=root)

    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "would create policies/hcz/prot-hcz-001.yaml",
        "would create policies/ggz/prot-ggz-002.yaml",
        "2 to create, 0 to update, 0 unchanged (dry run: nothing written)",
    ]
    assert not (root / "policies").exists()


def test_csv_with_own_headers_mapped_and_no_unit_column_goes_to_imported(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "org")
    sheet = tmp_path / "export.csv"
    sheet.write_bytes(
        "\ufeffDocumentnr;Onderwerp;Verantwoordelijk;Revisie gedaan;Termijn\n"
        "PRO-7;Meldcode huiselijk geweld;Kwaliteitsfunctionaris;1-9-2025;jaarlijks\n"
        ";;;;\n".encode()
    )

    result = run_cli(
        "policy",
        "import",
        str(sheet),
        "--map",
        "id=Documentnr,title=Onderwerp,owner=Verantwoordelijk,last_reviewed=Revisie gedaan,"
        "review_interval=Termijn",
        "--default",
        "type=procedure",
        repo=root,
    )

    assert result.exit_code == 0, result.output
    text = (root / "policies/imported/pro-7.yaml").read_text("utf-8")
    assert "type: procedure\n" in text and "last_reviewed: 2025-09-01\n" in text
    assert "review_interval: 1y\n" in text and 'version: "1.0"\n' in text
    assert "# Imported from export.csv (R2).\n" in text


def test_missing_owner_column_is_a_sheet_problem(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "org")
    sheet = write_xlsx(tmp_path / "register.xlsx", ("Nummer", "Titel"), [("P-1", "Een")])

    result = run_cli("policy", "import", str(sheet), repo=root)

    assert result.exit_code == 2
    assert (
        "register.xlsx:Protocollen!R1: no column for owner; map it with --map owner=Header"
    ) in result.stderr


def test_active_policy_without_review_date_names_the_field(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "org")
    row = register_row(1)
    row[7] = None
    sheet = _register(tmp_path / "register.xlsx", [row])

    result = run_cli("policy", "import", str(sheet), repo=root)

    assert result.exit_code == 2
    assert (
        "register.xlsx:Protocollen!R4:C8: missing field 'last_reviewed': it is required "
        "for an active policy"
    ) in result.stderr


def test_no_commit_leaves_the_files_staged(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "org")
    sheet = _register(tmp_path / "register.xlsx", [register_row(1)])

    result = run_cli("policy", "import", str(sheet), "--no-commit", repo=root)

    assert result.exit_code == 0, result.output
    assert "; not committed" in result.stdout
    assert git(root, "status", "--porcelain").strip() == "A  policies/hcz/prot-hcz-001.yaml"
    assert _commits(root) == 1


def test_outside_git_the_import_asks_for_no_commit(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "org", git=False)
    sheet = _register(tmp_path / "register.xlsx", [register_row(1)])

    refused = run_cli("policy", "import", str(sheet), repo=root)
    written = run_cli("policy", "import", str(sheet), "--no-commit", repo=root)

    assert refused.exit_code == 2 and "--no-commit" in refused.stderr
    assert written.exit_code == 0 and _policy_files(root) == ["policies/hcz/prot-hcz-001.yaml"]


def test_a_row_with_an_unreadable_cell_reports_its_other_problems_too(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "org")
    row = ["PROT-HAP-050", "Triage bij iets", "Protocol", "Actief", "1.0", None, "HAP"]
    sheet = _register(tmp_path / "register.xlsx", [[*row, "31-02-2024", "2 jaar"]])
    result = run_cli("policy", "import", str(sheet), repo=root)
    assert result.exit_code == 2
    problems = [line for line in result.stderr.splitlines() if "Protocollen!R4" in line]
    assert len(problems) == 2, result.stderr  # the impossible date and the missing owner
    assert any(":C8:" in line for line in problems) and any("owner" in line for line in problems)
