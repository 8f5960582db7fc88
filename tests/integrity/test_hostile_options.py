"""Every command's options fed with hostile values: exit 0, 1 or 2 only, never a traceback or
an internal error (issue 14: "No input may produce exit 3"). The commands are enumerated from
the click command tree, so a new command is covered without touching this file."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from nencheck.cli.main import cli
from tests.conftest import copy_example, init_git, run_cli

GLOBAL = {"repo", "as_of", "lang", "rev", "as_recorded", "no_cache", "debug"}

# Plausible values for the required parameters, so the hostile one is the one judged.
PLAUSIBLE = {
    "policy_id": "PROT-HAP-014",
    "control_id": "5.1",
    "finding_id": "F-2025-EXT-01",
    "incident_id": "INC-2026-003",
    "audit": "AUD-2025-EXT",
    "title": "Titel",
    "severity": "minor",
    "due": "2026-12-31",
    "owner": "Teamleider triage",
    "reviewer": "Teamleider triage",
    "reason": "Vervangen",
    "day": "2026-11-20",
    "kind": "signal",
    "reported": "2026-11-20T10:00:00+01:00",
    "resolution": "Opgelost",
    "policy_type": "protocol",
}


def hostile_values(folder: Path) -> list[str]:
    return [
        "",
        "\n",
        "a\nb: c",
        "a\x00b",
        "x" * 5000,
        "0000-00-00",
        "-5d",
        str(folder),  # a path that is a folder
        os.fsdecode(b"\xff\xfe-not-utf8"),  # bytes that are not UTF-8, as the shell passes them
        " ",
        "../../../../etc/passwd",
    ]


# "", NUL, 5000 characters, a folder, not UTF-8 (indexes into hostile_values)
PATH_TURNS = (0, 3, 4, 7, 8)


def commands() -> Iterator[tuple[list[str], click.Command]]:
    ctx = click.Context(cli)

    def walk(command: click.Command, path: list[str]) -> Iterator[tuple[list[str], click.Command]]:
        if isinstance(command, click.Group):
            for name in command.list_commands(ctx):
                sub = command.get_command(ctx, name)
                assert sub is not None
                yield from walk(sub, [*path, name])
        else:
            yield path, command

    yield from walk(cli, [])


def value_params(command: click.Command) -> list[click.Parameter]:
    return [
        param
        for param in command.params
        if param.name not in GLOBAL
        and param.expose_value
        and not (isinstance(param, click.Option) and (param.is_flag or param.count))
    ]


def invocation(command: click.Command, hostile: click.Parameter | None, value: str) -> list[str]:
    """The command's required parameters with plausible values, and ``hostile`` with ``value``."""
    arguments: list[str] = []
    options: list[str] = []
    for param in value_params(command):
        if param is hostile:
            given = value
        elif param.required:
            given = PLAUSIBLE.get(str(param.name), "x")
        else:
            continue
        if isinstance(param, click.Argument):
            arguments.append(given)
        else:
            options += [param.opts[0], given]
    return [*options, "--", *arguments] if arguments else options


def cases() -> list[tuple[str, list[str], str | None, int]]:
    found = []
    for path, command in commands():
        params = value_params(command)
        for index, param in enumerate(params):
            # Paths get the values that trouble paths; other parameters two, rotating.
            turns = PATH_TURNS if isinstance(param.type, click.Path) else (index, index + 5)
            for turn in turns:
                found.append((" ".join(path), path, param.name, turn))
        found.append((" ".join(path), path, None, len(params)))  # --as-of alone
    return found


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return init_git(copy_example(tmp_path_factory.mktemp("hostile") / "org"))


@pytest.mark.parametrize(("name", "path", "param_name", "turn"), cases())
def test_hostile_option_values_never_give_exit_3(
    repo: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    path: list[str],
    param_name: str | None,
    turn: int,
) -> None:
    monkeypatch.chdir(tmp_path)  # `init DIR` and relative -o paths land here
    command = dict((" ".join(p), c) for p, c in commands())[name]
    values = hostile_values(tmp_path)
    value = values[turn % len(values)]
    if param_name is None:
        args = [*path, "--as-of", value, *invocation(command, None, "")]
    else:
        hostile = next(p for p in value_params(command) if p.name == param_name)
        args = [*path, *invocation(command, hostile, value)]
    result = run_cli(*args, repo=repo)
    assert result.exit_code in (0, 1, 2), (args, result.output[-2000:])
    assert "Traceback" not in result.output and "internal error" not in result.output, args


@pytest.mark.parametrize("value", ["0000-00-00", "2026-02-30", "-1", "\n", "9999-01-01"])
def test_hostile_global_options(repo: Path, value: str) -> None:
    for option in ("--as-of", "--rev", "--repo"):
        result = run_cli(option, value, "status")
        assert result.exit_code == 2, (option, value, result.output)
        assert "internal error" not in result.output
