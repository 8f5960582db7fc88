"""Which language nencheck speaks (issue 15): --lang, then nencheck.yaml's language, then
LC_ALL / LC_MESSAGES / LANG when they name Dutch or English, then Dutch; and the pieces that
follow it: command help from the one command table, click's own messages, labels and YAML errors.
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import click
import pytest

from nencheck.cli.commands import COMMANDS, POLICY_COMMANDS
from nencheck.cli.main import cli
from nencheck.i18n import language_from_environment, set_language
from nencheck.model.labels import RECORD_LABELS
from nencheck.render.labels import LABELS, label
from tests.conftest import AS_OF, copy_example


def use_locale(monkeypatch: pytest.MonkeyPatch, **variables: str) -> None:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)


def org_with_language(root: Path, language: str | None) -> Path:
    copy_example(root)
    settings = root / "nencheck.yaml"
    lines = [
        line
        for line in settings.read_text("utf-8").splitlines()
        if not line.startswith("language:")
    ]
    if language:
        lines.append(f"language: {language}")
    settings.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        ({}, "nl"),
        ({"LANG": "C.UTF-8"}, "nl"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "nl_BE.UTF-8"}, "nl"),
        ({"LANG": "de_DE.UTF-8"}, "nl"),
        ({"LANG": "en_US.UTF-8", "LC_ALL": "nl_NL.UTF-8"}, "nl"),
        ({"LANG": "nl_NL.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, "en"),
        ({"LC_ALL": "en"}, "en"),
    ],
)
def test_the_environment_decides_only_for_dutch_or_english(variables, expected) -> None:
    assert language_from_environment(variables) == expected


def test_outside_a_repository_the_message_is_dutch_by_default(
    run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    use_locale(monkeypatch)
    monkeypatch.chdir(tmp_path)
    result = run("status")
    assert result.exit_code == 2
    assert result.stderr.startswith("fout: geen nencheck.yaml gevonden in ")


def test_outside_a_repository_an_english_locale_gives_english(
    run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    use_locale(monkeypatch, LANG="en_US.UTF-8")
    monkeypatch.chdir(tmp_path)
    assert run("status").stderr.startswith("error: no nencheck.yaml found in ")
    assert run("--lang", "nl", "status").stderr.startswith("fout: geen nencheck.yaml")


def test_the_repository_language_wins_over_the_locale(
    run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    use_locale(monkeypatch, LANG="nl_NL.UTF-8")
    org = org_with_language(tmp_path / "org", "en")
    result = run("policy", "list", "--as-of", AS_OF, repo=org)
    assert result.stdout.startswith("ID            TITLE")
    assert run("--lang", "nl", "policy", "list", "--as-of", AS_OF, repo=org).stdout.startswith(
        "ID            TITEL"
    )


def test_a_repository_without_a_language_follows_the_locale(
    run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    org = org_with_language(tmp_path / "org", None)
    use_locale(monkeypatch, LANG="en_GB.UTF-8")
    assert run("policy", "list", "--as-of", AS_OF, repo=org).stdout.startswith(
        "ID            TITLE"
    )
    use_locale(monkeypatch)
    assert run("policy", "list", "--as-of", AS_OF, repo=org).stdout.startswith(
        "ID            TITEL"
    )


def test_help_follows_the_repository_language(
    run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    use_locale(monkeypatch, LANG="en_GB.UTF-8")
    org = org_with_language(tmp_path / "org", "nl")
    result = run("status", "--help", repo=org)
    assert result.stdout.startswith("Gebruik: nencheck status [OPTIES]")
    assert "Toon deze hulptekst en stop." in result.stdout
    assert run("--lang", "en", "status", "--help", repo=org).stdout.startswith(
        "Usage: nencheck status [OPTIONS]"
    )
    # --lang after --help, and in its = form: click answers --help the moment it meets it
    for late in (["--help", "--lang", "en"], ["--help", "--lang=en"]):
        assert run("policy", "import", *late, repo=org).stdout.startswith(
            "Usage: nencheck policy import [OPTIONS] FILE"
        )


def test_click_usage_errors_are_dutch(run, example_copy: Path) -> None:
    result = run("--lang", "nl", "incident", "list", "--kind", "lek", repo=example_copy)
    assert result.exit_code == 2
    assert "Gebruik: nencheck incident list [OPTIES]" in result.stderr
    assert "Fout: Ongeldige waarde voor '--kind': 'lek' is niet een van" in result.stderr
    english = run("--lang", "en", "incident", "list", "--kind", "lek", repo=example_copy)
    assert "Error: Invalid value for '--kind': 'lek' is not one of" in english.stderr


def all_commands() -> list[tuple[str, click.Command]]:
    found = []

    def walk(command: click.Command, path: str) -> None:
        found.append((path, command))
        if isinstance(command, click.Group):
            context = click.Context(command)
            for name in command.list_commands(context):
                sub = command.get_command(context, name)
                assert sub is not None
                walk(sub, f"{path} {name}".strip())

    walk(cli, "")
    return found


@pytest.mark.parametrize("entry", [*COMMANDS, *POLICY_COMMANDS], ids=lambda entry: entry.name)
def test_the_command_table_summary_is_the_first_line_of_the_command_help(entry) -> None:
    commands = dict(all_commands())
    path = entry.name if entry in COMMANDS else f"policy {entry.name}"
    command = commands[path]
    first_paragraph = inspect.cleandoc(command.help or "").split("\n\n")[0]
    assert " ".join(first_paragraph.split()) == entry.summary
    assert command.short_help is None  # one source: the table and the docstring, nowhere else


def test_the_command_table_lists_every_command_of_the_tree() -> None:
    top = {path for path, _command in all_commands() if path and " " not in path}
    assert top == {entry.name for entry in COMMANDS}


def test_every_value_has_a_label_and_a_dutch_one() -> None:
    for enum, labels in LABELS.items():
        assert set(labels) == {member.value for member in enum}, enum.__name__
    set_language("nl")
    for enum in RECORD_LABELS:
        for member in enum:
            assert label(enum, member) != member.value, member


@pytest.mark.parametrize(
    ("text", "dutch", "english"),
    [
        ("id: BEL-IB-001\n\ttitle: x\n", "een tab:", "a tab character:"),
        ("title: a: b\n", "een dubbele punt", "a colon followed by a space"),
        ('title: "abc\n', "een tekst tussen aanhalingstekens", "a quoted text is not closed"),
        ("a: [1, 2\nb: 3\n", "een lijst tussen [haken]", "a list in [brackets]"),
        ("a: 1\n---\nb: 2\n", "meer dan één YAML-document", "more than one YAML document"),
    ],
)
def test_yaml_syntax_errors_say_what_to_do_in_both_languages(
    run, example_copy: Path, text: str, dutch: str, english: str
) -> None:
    (example_copy / "policies" / "ib" / "bel-ib-001.yaml").write_text(text, encoding="utf-8")
    result = run("--lang", "nl", "check", "--as-of", AS_OF, repo=example_copy)
    assert result.exit_code == 2
    line = next(line for line in result.output.splitlines() if "bel-ib-001.yaml" in line)
    assert f"fout yaml-syntax: {dutch}" in line
    assert "found" not in line and "expected" not in line  # PyYAML's own words are gone
    english_run = run("--lang", "en", "check", "--as-of", AS_OF, repo=example_copy)
    assert f"error yaml-syntax: {english}" in english_run.output


def test_policy_show_writes_the_interval_and_units_in_words(run, example_root: Path) -> None:
    shown = run("--lang", "nl", "policy", "show", "BEL-IB-014", "--as-of", AS_OF, repo=example_root)
    assert "termijn              3 jaar" in shown.stdout
    assert "units                hele organisatie" in shown.stdout
    assert "status               Actief" in shown.stdout
    english = run(
        "--lang", "en", "policy", "show", "BEL-IB-014", "--as-of", AS_OF, repo=example_root
    )
    assert "interval       3 years" in english.stdout


def test_control_titles_are_dutch_in_dutch(run, example_root: Path) -> None:
    dutch = run("--lang", "nl", "control", "show", "5.1", "--as-of", AS_OF, repo=example_root)
    assert dutch.stdout.startswith("5.1 Informatiebeveiligingsbeleid\n")
    english = run("--lang", "en", "control", "show", "5.1", "--as-of", AS_OF, repo=example_root)
    assert english.stdout.startswith("5.1 Policies for information security\n")
    soa = run("--lang", "nl", "soa", "--as-of", AS_OF, repo=example_root).stdout
    assert re.search(r"^  5\.3 +Functiescheiding ", soa, re.M)
