"""A new compliance repository: settings, one control file per catalog control, the folders."""

from __future__ import annotations

import json
from pathlib import Path

from nencheck.errors import NencheckError
from nencheck.i18n import _
from nencheck.model.catalog import Catalog
from nencheck.store.git.runner import GitFailed, require_git, run_git
from nencheck.store.write.atomic import write_atomic

FOLDERS = (
    "policies/documents",
    "evidence/records",
    "evidence/audits",
    "evidence/incidents",
    "evidence/training/completions",
    "evidence/files",
)

THEME_FOLDERS = {
    "organizational": "5-organisatorisch",
    "people": "6-mensen",
    "physical": "7-fysiek",
    "technological": "8-technologisch",
}

SETTINGS_TEMPLATE = """\
# nencheck: instellingen van deze compliance-repository.
# Zie `nencheck schema settings` voor alle velden.
organisation: {organisation}
framework: {framework}        # een meegeleverde catalogus, of een eigen catalogusbestand in deze repository
language: {language}                  # nl of en: taal van rapporten en meldingen
units:                        # organisatie-eenheden; 'all' bestaat altijd
  - {{id: ORG, name: Organisatie}}
due_soon: 60d                 # venster voor "binnenkort herzien"
training_target: 0.90         # doel: aandeel trainingstoewijzingen met geldige afronding
fail_on: [policy-overdue]     # regels waarop `nencheck check` met code 1 eindigt
contacts: {{}}                  # eigenaar -> e-mailadres, voor `nencheck notify`
"""

GITIGNORE = """\
# nencheck's parse cache
.nencheck/
"""


def scaffold_files(catalog: Catalog, organisation: str, language: str) -> dict[str, str]:
    """Every file of a new repository, path -> text. Controls start honestly: applicable,
    not_started, nothing marked done."""
    files = {
        "nencheck.yaml": SETTINGS_TEMPLATE.format(
            # quoted as JSON (a YAML double-quoted string): "'t Hooghe" or "Zorg: Noord #1"
            organisation=json.dumps(organisation, ensure_ascii=False),
            framework=catalog.catalog,
            language=language,
        ),
        ".gitignore": GITIGNORE,
    }
    for control in catalog.controls:
        folder = THEME_FOLDERS.get(control.theme, control.theme)
        files[f"controls/{folder}/{control.id}.yaml"] = (
            f"# {control.id} {control.title}\n"
            f'id: "{control.id}"\n'
            "applicable: true\n"
            "status: not_started\n"
            "owner: null\n"
            "policies: []\n"
            "evidence: []\n"
        )
    for folder in FOLDERS:
        files[f"{folder}/.gitkeep"] = ""
    files["evidence/training/modules.yaml"] = "modules: []\n"
    files["evidence/training/people.yaml"] = (
        "# Personeelsnummers, geen namen: dit zijn persoonsgegevens.\npeople: []\n"
    )
    return files


def create_repository(target: Path, files: dict[str, str], commit: bool = True) -> None:
    if (target / "nencheck.yaml").exists():
        raise NencheckError(
            _("{path} already has a nencheck.yaml; nothing was changed").format(path=target)
        )
    clashes = [path for path in files if (target / path).exists()]
    if clashes:
        raise NencheckError(
            _("{path} already exists; init only creates new files").format(path=target / clashes[0])
        )
    if commit:
        require_git()  # before anything is written: no half-made repository without git
    for path, text in files.items():
        write_atomic(target / path, text.encode("utf-8"))
    if commit:
        _first_commit(target, list(files))


def _first_commit(target: Path, paths: list[str]) -> None:
    try:
        run_git(target, ["rev-parse", "--git-dir"])
    except GitFailed:
        run_git(target, ["init", "-q"], read_only=False)
    try:
        run_git(target, ["add", "--", *paths], read_only=False)
    except GitFailed:
        raise NencheckError(_("git add failed in {path}").format(path=target)) from None
    try:
        run_git(
            target,
            [
                "commit",
                "-q",
                "-m",
                "nencheck init: compliance repository with one control file per catalog control",
                "--",
                *paths,
            ],
            read_only=False,
        )
    except GitFailed as failure:
        raise NencheckError(
            _(
                "the files were created but git could not commit them: {reason}. Set your identity with "
                "git config user.name / user.email and commit them yourself."
            ).format(reason=failure.stderr or failure)
        ) from None
