"""Translations: the Dutch catalog is complete, compiled and consistent, and the CLI speaks the
language asked for (``--lang``) or the organisation's (nencheck.yaml ``language``)."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tests.conftest import AS_OF, PROJECT_ROOT, Outcome

CATALOG = PROJECT_ROOT / "nencheck" / "i18n" / "nl" / "LC_MESSAGES" / "nencheck.po"
PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)(?:[!:][^{}]*)?\}(?!\})")

Run = Callable[..., Outcome]


def test_every_message_is_translated_and_the_mo_is_compiled_from_the_po() -> None:
    done = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "scripts" / "compile_translations.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "translations complete and compiled: nl" in done.stdout


def test_every_translation_keeps_exactly_the_placeholders_of_its_message() -> None:
    with CATALOG.open("rb") as stream:
        catalog = read_po(stream, locale="nl")
    checked = 0
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = set().union(*(PLACEHOLDER.findall(str(text)) for text in ids))
        for text in strings:
            assert set(PLACEHOLDER.findall(str(text))) == expected, (message.id, text)
            checked += 1
    assert checked > 500


def test_the_catalog_declares_dutch_plural_forms() -> None:
    with CATALOG.open("rb") as stream:
        catalog = read_po(stream, locale="nl")
    assert catalog.plural_forms == "nplurals=2; plural=(n != 1);"


@pytest.mark.parametrize(
    ("lang", "heading", "words", "foreign"),
    [
        (
            "nl",
            "stand van zaken op 23 november 2026",
            ("Maatregelen per thema", "Binnenkort", "Te laat", "Auditbevindingen", "Totaal"),
            "Overdue",
        ),
        (
            "en",
            "status on 23 November 2026",
            ("Controls per theme", "Due soon", "Overdue", "Audit findings", "Total"),
            "Te laat",
        ),
    ],
)
def test_status_has_the_words_and_dates_of_its_language(
    run: Run, example_root: Path, lang: str, heading: str, words: tuple[str, ...], foreign: str
) -> None:
    result = run("status", "--as-of", AS_OF, "--lang", lang, repo=example_root)
    assert result.exit_code == 0, result.stderr
    assert heading in result.stdout
    for word in words:
        assert word in result.stdout
    assert foreign not in result.stdout


def test_the_organisations_language_applies_without_lang(run: Run, example_root: Path) -> None:
    result = run("status", "--as-of", AS_OF, repo=example_root)  # nencheck.yaml: language: nl
    assert "stand van zaken op 23 november 2026" in result.stdout


def test_check_summary_line_is_in_dutch(run: Run, example_root: Path) -> None:
    result = run("check", "--as-of", AS_OF, "--lang", "nl", repo=example_root)
    assert result.exit_code in (0, 1), result.stderr
    summary = result.stdout.rstrip().splitlines()[-1]
    assert summary == "10 fouten, 177 waarschuwingen op 2026-11-23"


def test_check_summary_line_counts_in_the_singular_too() -> None:
    from datetime import date

    from nencheck.checks.problem import Problem
    from nencheck.i18n import set_language
    from nencheck.render.check import CheckOutcome, summary_line

    error = Problem("policy-overdue", "P-1", "p.yaml", 1, 1, "te laat", severity="error")
    outcome = CheckOutcome(as_of=date(2026, 11, 23), errors=[], problems=[error], records=None)
    set_language("nl")
    assert summary_line(outcome) == "1 fout, 0 waarschuwingen op 2026-11-23"
    set_language("en")
    assert summary_line(outcome) == "1 error, 0 warnings on 2026-11-23"


def test_check_in_dutch_keeps_rule_names_and_fields(run: Run, example_root: Path) -> None:
    result = run("check", "--as-of", AS_OF, "--lang", "nl", repo=example_root)
    overdue = next(line for line in result.stdout.splitlines() if " policy-overdue: " in line)
    assert "herziening was uiterlijk" in overdue
    assert "last_reviewed" in overdue or "next_review" in overdue


def break_a_policy(root: Path) -> None:
    path = root / "policies" / "hap" / "prot-hap-014.yaml"
    text = path.read_text("utf-8")
    text = text.replace("\nowner:", "\nownr: x\nowner:", 1).replace(
        "\nstatus: active", "\nstatus: actief", 1
    )
    path.write_text(text, "utf-8")


def test_data_errors_are_in_dutch(run: Run, example_copy: Path) -> None:
    break_a_policy(example_copy)
    result = run("check", "--as-of", AS_OF, "--lang", "nl", repo=example_copy)
    assert result.exit_code == 2
    assert "fout unknown-field: onbekend veld 'ownr'; bedoelt u 'owner'?" in result.output
    assert "status: verwacht een van: draft, active, retired (gevonden: 'actief')" in result.output
    assert (
        "2 gegevensfouten in 1 bestand; de cijfers laten 1 onleesbaar bestand weg." in result.output
    )


def test_data_errors_are_in_english_with_lang_en(run: Run, example_copy: Path) -> None:
    break_a_policy(example_copy)
    result = run("check", "--as-of", AS_OF, "--lang", "en", repo=example_copy)
    assert "unknown field 'ownr'; did you mean 'owner'?" in result.output
    assert "status: expected one of: draft, active, retired (got 'actief')" in result.output
    assert "2 data errors in 1 file; figures exclude 1 unreadable file." in result.output


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("nl", "ontbrekend veld 'closed': het is verplicht bij status closed"),
        ("en", "missing field 'closed': it is required when status is closed"),
    ],
)
def test_a_validation_message_with_a_reason_is_translated_whole(
    run: Run, example_copy: Path, lang: str, expected: str
) -> None:
    incident = example_copy / "evidence" / "incidents" / "2025" / "inc-2025-004.yaml"
    text = incident.read_text("utf-8")
    assert "\nstatus: closed\nclosed: 2025-02-14\n" in text
    incident.write_text(text.replace("\nclosed: 2025-02-14\n", "\n"), "utf-8")
    result = run("check", "--as-of", AS_OF, "--lang", lang, repo=example_copy)
    assert result.exit_code == 2
    assert expected in result.output


def test_no_message_is_translated_at_import_time() -> None:
    """``_()`` outside a function runs once, when the module is imported, before ``--lang`` or
    nencheck.yaml has set the language: it would stay English. Mark such text with ``N_()``."""
    offenders = []
    for path in sorted((PROJECT_ROOT / "nencheck").rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        offenders += [
            f"{path.relative_to(PROJECT_ROOT)}:{node.lineno}"
            for node in module_level_nodes(tree)
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("_", "ngettext")
        ]
    assert offenders == []


def module_level_nodes(tree: ast.Module) -> list[ast.AST]:
    """Every node not inside a function or lambda (class bodies run at import time too)."""
    found: list[ast.AST] = []
    pending: list[ast.AST] = [tree]
    while pending:
        node = pending.pop()
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                pending += child.decorator_list  # the body runs later; decorators run now
                continue
            if isinstance(child, ast.Lambda):
                continue
            found.append(child)
            pending.append(child)
    return found


def test_help_texts_reach_the_catalog_from_the_command_tree_without_marks() -> None:
    """scripts/compile_translations.py collects every command's help paragraph by paragraph and
    every option's help from the click tree; click's own messages go to click.po."""
    sys.path.insert(0, str(PROJECT_ROOT / "scripts"))
    import compile_translations

    found = {text for text, _location in compile_translations.command_help_messages()}
    assert "Output format." in found  # an option's help, written without N_()
    assert "Examples:" in found  # the heading of an example block, not its command lines
    assert not any(text.lstrip().startswith("nencheck ") for text in found)
    assert "Only findings with this status (repeatable)." in found
    click_ids = {message.id for message in compile_translations.click_template() if message.id}
    assert {"Usage:", "Missing argument", "required"} <= click_ids
    with CATALOG.with_name("click.po").open("rb") as stream:
        click_catalog = read_po(stream, locale="nl")
    usage = click_catalog.get("Usage:")
    assert usage is not None and usage.string == "Gebruik:"
