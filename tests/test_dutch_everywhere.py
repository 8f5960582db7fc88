"""Dutch everywhere (issue 15): every command of the click tree, its --help and its usage errors,
run in Dutch on a copy of the example organisation, prints no English word and no raw value.

The stop list is built from the value sets themselves (render/labels.py: every enum value) and
common English interface words; words that Dutch shares ("status", "open", "protocol",
"training", "incident", "units") are not on it. Stable identifiers are allowed and removed
before the words are compared: record ids, file paths, option names (``--kind``), rule names
and error codes (``policy-overdue``), the choices of an option (``[text|json]``), fields and
values quoted as they stand in a file (``last_reviewed``, ``review_interval 1y``).
"""

from __future__ import annotations

import email
import email.message
import email.policy
import html
import re
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from nencheck.cli.main import cli
from nencheck.model.audit import Audit, Finding
from nencheck.model.control import Control
from nencheck.model.evidence import Evidence
from nencheck.model.incident import Incident
from nencheck.model.policy import Policy
from nencheck.model.settings import Settings
from nencheck.render.labels import LABELS, PROBLEM_SEVERITIES
from tests.conftest import AS_OF, Outcome, copy_example, init_git, run_cli

ENGLISH_WORDS = (
    "overdue",
    "due soon",
    "due today",
    "error",
    "errors",
    "warning",
    "warnings",
    "owner",
    "owners",
    "policy",
    "policies",
    "finding",
    "findings",
    "control",
    "controls",
    "evidence",
    "reviewed",
    "usage",
    "invalid",
    "options",
    "commands",
    "show this message",
    "missing",
    "required",
    "default",
    "no such",
    "day",
    "days",
    "ago",
    "until",
    "none",
    "yes",
    "written",
    "nothing",
    "the",
    "and",
    "with",
    "not",
    "all",
    "total",
    "closed",
    "active",
    "expired",
    "valid",
    "notified",
)
RECORD_MODELS = (Audit, Finding, Control, Evidence, Incident, Policy, Settings)
# Values Dutch writes the same way (a label may equal its value).
SHARED_WITH_DUTCH = {"open", "protocol", "procedure", "training", "incident", "pentest"}
RAW_VALUES = {
    str(value)
    for labels in LABELS.values()
    for value in labels
    if str(value) not in SHARED_WITH_DUTCH
} | set(PROBLEM_SEVERITIES)
STOP = sorted(RAW_VALUES | set(ENGLISH_WORDS), key=len, reverse=True)
STOP_PATTERN = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(word) for word in STOP) + r")(?![\w-])", re.IGNORECASE
)

# Stable identifiers, removed before the words are compared. First per line: command lines
# (a usage line, an example to type) and the command names of a help's command list.
LINE_IDENTIFIERS = re.compile(r"^\s*(?:Gebruik: )?nencheck .*|^  [a-z]+(?=\s{2,}\S)|^  [a-z]+$")
COMMAND_NAMES = r"init|check|status|due|policy|control|finding|training|evidence|verify|incident|"
COMMAND_NAMES += r"soa|report|notify|schema|network"
FIELD_NAMES = "|".join(
    sorted({name for model in RECORD_MODELS for name in model.model_fields}, key=len, reverse=True)
)
RAW_WITH_UNDERSCORE = "|".join(sorted(value for value in RAW_VALUES if "_" in value))
IDENTIFIERS = (
    rf"\bnencheck(?: (?:{COMMAND_NAMES})(?: [a-z]+)?)?",  # a command named in a sentence
    r"`[^`]*`",  # a command in backquotes: `incident list`
    r"\[[a-z0-9_| ]+\]",  # the choices of an option: [text|json] (wrapped lines included)
    r"--[a-z][a-z0-9-]*(?: [a-z_]+\b(?![:-]))?",  # an option with the value to type
    r"'[^'\n]*'",  # a value quoted as it stands (what was given, what to type)
    r"\S*[/=]\S*",  # paths, URLs, FIELD=VALUE examples
    r"\S+\.(?:ya?ml|json|html|md|csv|xlsx|eml|ics|css)\b",  # file names
    rf"\b(?!(?:{RAW_WITH_UNDERSCORE})\b)[a-z]+(?:[-_][a-z0-9]+)+\b",  # rule, code, field names
    r"\b[A-Z][A-Z0-9]*(?:-[A-Z0-9.]+)+\b",  # record ids: BEL-IB-014, F-2026-INT-01
    r"\b(?:status|type|units|controls|severity|kind):\s*\w+",  # a field and its value in a file
    rf"\b(?:{FIELD_NAMES}):(?!\w)",  # a field named as it is written in a file: policies:
    r"\[(?:standaard|default): [^\]]*\]",  # an option's default: the value to type
)
IDENTIFIER_PATTERN = re.compile("|".join(IDENTIFIERS))


def english_in(text: str) -> list[str]:
    """The stop-list words in ``text`` once stable identifiers are taken out, with context.

    Help text is wrapped to the terminal, so lines are joined first (a word broken at its hyphen
    whole again) and a quoted value or choice list that spans two lines is still one."""
    text = re.sub(r"^Gebruik: nencheck.*?(?=\n\n|\Z)", " ", text, flags=re.DOTALL | re.MULTILINE)
    text = re.sub(r"(?<=\w)-\n\s*", "-", text)
    text = re.sub(r" \\\n\s*", " ", text)  # an example command continued on the next line
    lines = [LINE_IDENTIFIERS.sub(" ", line) for line in text.splitlines()]
    cleaned = IDENTIFIER_PATTERN.sub(" ", " ".join(" ".join(lines).split()))
    return [
        f"{match.group(0)!r} in: ...{cleaned[max(0, match.start() - 70) : match.end() + 70]}..."
        for match in STOP_PATTERN.finditer(cleaned)
    ]


@pytest.fixture(scope="module")
def org(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return init_git(copy_example(tmp_path_factory.mktemp("dutch") / "org"))


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory, org: Path) -> Path:
    """The spreadsheets and the evidence file the import and add commands read, and a network
    of the organisation and a member that is not there."""
    folder = tmp_path_factory.mktemp("files")
    (folder / "network.yaml").write_text(
        "network: Coöperatie\nmembers:\n"
        f"  - {{id: P1, name: Praktijk Een, repo: '{org}'}}\n"
        "  - {id: P2, name: Praktijk Twee, repo: weg}\n",
        encoding="utf-8",
    )
    (folder / "register.csv").write_text(
        "Nummer;Titel;Soort;Eigenaar;Afdeling;Laatst herzien;Herzieningstermijn\n"
        "PROT-NW-001;Nieuw protocol;Protocol;Kwaliteitsfunctionaris;HAP;01-03-2026;2 jaar\n",
        encoding="utf-8",
    )
    (folder / "vvt.csv").write_text(
        "Maatregel;Van toepassing;Rechtvaardiging;Status;Eigenaar\n"
        "5.1;Ja;Basis van het ISMS;Geïmplementeerd;Bestuurder\n",
        encoding="utf-8",
    )
    (folder / "export.csv").write_text(
        "Personeelsnummer;Cursus;Afgerond\nE1019;AW-01;20-11-2026\nE9999;AW-01;20-11-2026\n",
        encoding="utf-8",
    )
    (folder / "risico.csv").write_text(
        "Risico;Dreiging;Kwetsbaarheid;Kans;Impact;Eigenaar;Maatregelen;Behandeling;Afdeling\n"
        "Uitval koelcel;Stroomstoring;Geen alarm;Mogelijk;Ernstig;Praktijkmanager MC;7.11;"
        "Mitigeren;MC\n"
        "Phishing;Phishing;Weinig training;soms ja;Groot;Coördinator;6.3;negeren;PO\n",
        encoding="utf-8",
    )
    (folder / "restoretest.pdf").write_bytes(b"%PDF-1.4 restoretest")
    return folder


# Every command with realistic arguments: (command path, arguments). The test below checks that
# this covers the whole click tree, so a new command cannot be left out.
SCENARIOS: list[tuple[str, list[str]]] = [
    ("check", []),
    ("status", []),
    ("status", ["--format", "markdown"]),
    ("due", []),
    ("due", ["--by", "owner", "--within", "30d"]),
    ("policy list", []),
    ("policy show", ["BEL-IB-014"]),
    ("policy history", ["BEL-IB-014"]),
    ("policy diff", ["BEL-IB-014"]),
    ("control show", ["5.1"]),
    ("control show", ["8.16"]),
    ("finding list", []),
    ("incident list", []),
    ("training status", []),
    ("verify", []),
    ("soa", []),
    ("soa", ["--format", "markdown"]),
    ("report", ["--format", "markdown"]),
    ("report", []),
    ("status", ["--format", "html"]),
    ("soa", ["--format", "html"]),
    ("notify", ["--dry-run", "{tmp}/mail"]),
    ("schema", ["--write-dir", "{tmp}"]),
    ("network status", ["--network", "{files}/network.yaml"]),
    ("network check", ["--network", "{files}/network.yaml"]),
    ("network report", ["--network", "{files}/network.yaml", "--format", "markdown"]),
    ("network report", ["--network", "{files}/network.yaml", "--member", "P1"]),
    ("site", ["{tmp}/kennisbank"]),
    ("init", ["{files}/nieuw"]),
    ("init", ["{files}/nieuw"]),  # again: refused, the folder has a nencheck.yaml
    ("evidence add", ["{files}/restoretest.pdf", "--title", "Restoretest", "--valid-for", "1y"]),
    (
        "finding add",
        [
            *("AUD-2026-INT", "--title", "Testbevinding", "--severity", "minor"),
            *("--due", "2027-01-31", "--owner", "ICT-beheer"),
        ],
    ),
    ("finding update", ["F-2026-INT-01", "--status", "in_progress", "--note", "Gestart"]),
    (
        "finding close",
        [
            *("F-2026-INT-01", "--date", "2026-11-23", "--resolution", "Opgelost"),
            *("--evidence", "EV-2026-002"),
        ],
    ),
    (
        "incident add",
        [
            *("--title", "Verkeerde brief", "--kind", "data_breach"),
            *("--reported", "2026-11-22T10:15+01:00", "--units", "HAP"),
        ],
    ),
    ("incident update", ["INC-2026-031", "--notified", "2026-11-23T09:00+01:00"]),
    ("incident close", ["INC-2026-031", "--date", "2026-11-23", "--note", "Afgehandeld"]),
    ("policy review", ["BEL-IB-014", "--reviewer", "Bestuurder", "--version", "3.3"]),
    (
        "policy new",
        [
            *("--id", "PROT-HAP-099", "--title", "Nieuw protocol", "--type", "protocol"),
            *("--owner", "Kwaliteitsfunctionaris"),
        ],
    ),
    ("policy retire", ["PROT-HAP-099", "--reason", "Vervangen"]),
    ("policy import", ["{files}/register.csv", "--dry-run"]),
    ("control import", ["{files}/vvt.csv", "--dry-run"]),
    ("training import", ["{files}/export.csv", "--dry-run"]),
    ("risk list", []),
    ("risk list", ["--above-appetite"]),
    ("risk show", ["R-2025-007"]),
    ("risk show", ["R-2026-004", "--since", "2026-01-01"]),
    ("risk matrix", []),
    ("risk assess", ["R-2024-003", "--likelihood", "1", "--impact", "4", "--date", "2026-11-20"]),
    ("risk assess", ["R-2024-003", "--likelihood", "9", "--impact", "4"]),
    ("risk accept", ["R-2026-004", "--by", "Bestuurder", "--date", "2026-11-20"]),
    ("risk import", ["{files}/risico.csv", "--dry-run"]),
    ("risk import", ["{files}/risico.csv", "--dry-run", "--skip-invalid"]),
    # usage errors: click's messages and nencheck's own
    ("incident list", ["--kind", "lek"]),
    ("finding add", []),
    ("status", ["--bogus"]),
    ("", ["bogus"]),
    ("due", ["--within", "binnenkort"]),
    ("status", ["--as-of", "23-11-2026"]),
    ("policy show", ["BEL-XX-999"]),
    ("control show", ["99.9"]),
]


def command_paths() -> Iterator[str]:
    """Every command of the click tree, groups included, as "policy list"."""

    def walk(command: click.Command, path: list[str]) -> Iterator[str]:
        yield " ".join(path)
        if isinstance(command, click.Group):
            context = click.Context(command)
            for name in command.list_commands(context):
                sub = command.get_command(context, name)
                assert sub is not None
                yield from walk(sub, [*path, name])

    yield from walk(cli, [])


def leaf_paths() -> list[str]:
    return [
        path
        for path in command_paths()
        if path and not any(other.startswith(path + " ") for other in command_paths())
    ]


def run_dutch(org: Path, path: str, args: list[str], tmp: Path, files: Path) -> Outcome:
    filled = [arg.format(tmp=tmp, files=files) for arg in args]
    return run_cli("--lang", "nl", *path.split(), "--as-of", AS_OF, *filled, repo=org)


def test_the_scenarios_cover_every_command() -> None:
    covered = {path for path, _args in SCENARIOS}
    assert sorted(set(leaf_paths()) - covered) == []


@pytest.mark.parametrize(("path", "args"), SCENARIOS, ids=lambda value: str(value)[:60])
def test_every_command_speaks_dutch(
    org: Path, files: Path, tmp_path: Path, path: str, args: list[str]
) -> None:
    result = run_dutch(org, path, args, tmp_path, files)
    assert result.exit_code in (0, 1, 2), result.output
    assert result.output.strip(), "no output to judge"
    assert english_in(visible_text(result.output)) == []


# Dutch interface words that must not leak into English output (record titles and names in the
# example organisation are Dutch data, so only words of nencheck's own texts are listed).
DUTCH_WORDS = re.compile(
    r"(?<!\w)(fout|fouten|waarschuwing|waarschuwingen|te laat|binnenkort|Gebruik:|Opties|Opdrachten|"
    r"uiterlijk|geschreven|vastgelegd|punt\(en\)|hele organisatie|In behandeling|"
    r"beleidsdocument|beleidsdocumenten|bevinding|bevindingen|maatregel|maatregelen|peildatum|"
    r"herziening|eigenaar|Voorbeelden?|Toon deze)(?!\w)",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def english_org(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return init_git(copy_example(tmp_path_factory.mktemp("english") / "org"))


@pytest.mark.parametrize(("path", "args"), SCENARIOS, ids=lambda value: str(value)[:60])
def test_english_stays_complete(
    english_org: Path, files: Path, tmp_path: Path, path: str, args: list[str]
) -> None:
    filled = [arg.format(tmp=tmp_path, files=files) for arg in args]
    if path == "init":
        filled = [arg.replace("nieuw", "new") for arg in filled]
    result = run_cli("--lang", "en", *path.split(), "--as-of", AS_OF, *filled, repo=english_org)
    assert result.exit_code in (0, 1, 2), result.output
    text = IDENTIFIER_PATTERN.sub(" ", visible_text(result.output))
    assert [match.group(0) for match in DUTCH_WORDS.finditer(text)] == []


def test_the_e_mails_speak_dutch(org: Path, tmp_path: Path) -> None:
    result = run_cli(
        "--lang", "nl", "notify", "--as-of", AS_OF, "--dry-run", str(tmp_path), repo=org
    )
    assert result.exit_code in (0, 1), result.output  # 1: an owner without an address
    messages = sorted(tmp_path.glob("*.eml"))
    assert messages
    for path in messages:
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        assert isinstance(message, email.message.EmailMessage)
        body = message.get_body(("plain",))
        assert body is not None
        assert english_in(str(message["Subject"]) + "\n" + body.get_content()) == []


def visible_text(output: str) -> str:
    """What a reader sees of an HTML document (and the hover titles of its charts)."""
    if not output.lstrip().startswith("<!"):
        return output
    output = re.sub(r"<(script|style)\b.*?</\1>", " ", output, flags=re.DOTALL)
    return html.unescape(re.sub(r"<[^>]+>", "\n", output))


@pytest.mark.parametrize("path", sorted(command_paths()))
def test_every_help_is_dutch(org: Path, path: str) -> None:
    result = run_cli("--lang", "nl", *path.split(), "--help", repo=org)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Gebruik: nencheck")
    assert english_in(result.stdout) == []


@pytest.mark.parametrize("path", sorted(command_paths()))
def test_every_help_is_complete_in_english(org: Path, path: str) -> None:
    result = run_cli("--lang", "en", *path.split(), "--help", repo=org)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Usage: nencheck")
    assert "Options:" in result.stdout
    assert "Gebruik" not in result.stdout and "Opties" not in result.stdout


def test_the_stop_list_catches_raw_values_and_english_words() -> None:
    """The test above can fail: a raw value or an English word in a Dutch line is found."""
    found = english_in("F-1  major  in_progress  Manager ICT")
    assert [item.split(" in: ")[0] for item in found] == ["'major'", "'in_progress'"]
    assert english_in("Usage: nencheck status [OPTIONS]") != []
    assert english_in("  units               all") != []
    assert english_in("  status      active") != []
    assert english_in("Error: Invalid value for '--kind'") != []
    allowed = (
        "policies/hap/prot-hap-014.yaml:9:16: fout policy-overdue: PROT-HAP-014 (status: active)"
    )
    assert english_in(allowed) == []
    assert (
        english_in("Gebruik: nencheck finding list [OPTIES]\n  --status [open|in_progress]") == []
    )
