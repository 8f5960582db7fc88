"""Every command's text output at 80 and at 200 columns (issue 15): no line wider than the
terminal, and at 200 columns nothing left out or cut that the unlimited (piped) output shows.

The command tree is enumerated from click, so a new command fails here until it is given its
arguments below (or named as one that only changes records, whose --help is still measured)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click
import pytest
from rich.cells import cell_len

from nencheck.cli.main import cli
from tests.conftest import AS_OF, Outcome, copy_example, git, init_git, run_cli

POLICY = "BEL-IB-014"
# Commands that read and print: the arguments to run them with on the example organisation.
READS: dict[str, list[list[str]]] = {
    "check": [[]],
    "control show": [["5.1"], ["8.30"]],
    "due": [[], ["--by", "owner"]],
    "finding list": [[]],
    "incident list": [[]],
    "policy diff": [[POLICY, "HEAD~1", "HEAD"]],
    "policy history": [[POLICY]],
    "policy list": [[]],
    "policy show": [[POLICY]],
    "risk list": [[], ["--above-appetite"]],
    "risk matrix": [[]],
    "risk show": [["R-2025-007"], ["R-2026-004"]],
    "soa": [[], ["--map-from", "2013"]],
    "status": [[], ["--unit", "HAP"]],
    "training status": [[]],
    "verify": [[]],
}
# Commands that change records, write files or print JSON: their --help is measured.
OTHERS = {
    # network status fits 80 columns in tests/network/test_network_status.py (it needs a network)
    "network check",
    "network report",
    "network status",
    "control import",
    "evidence add",
    "finding add",
    "finding close",
    "finding update",
    "incident add",
    "incident close",
    "incident update",
    "init",
    "notify",
    "policy import",
    "policy new",
    "policy retire",
    "policy review",
    "report",
    "risk accept",
    "risk assess",
    "risk import",
    "schema",
    "site",
    "training import",
}


def leaf_commands(group: click.Group = cli, path: tuple[str, ...] = ()) -> list[str]:
    ctx = click.Context(group)
    found = []
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if isinstance(command, click.Group):
            found += leaf_commands(command, (*path, name))
        else:
            found.append(" ".join((*path, name)))
    return found


@pytest.fixture(scope="module")
def org(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example organisation with a second commit, so ``policy diff`` has two versions."""
    root = init_git(copy_example(tmp_path_factory.mktemp("widths") / "org"))
    policy_file = root / "policies" / "ib" / "bel-ib-014.yaml"
    policy_file.write_text(
        policy_file.read_text("utf-8").replace('version: "3.2"', 'version: "3.3"'), "utf-8"
    )
    document = root / "policies" / "documents" / "bel-ib-014.md"
    long_line = "Een lange regel in het document " * 4  # a paragraph on one line, as people write
    document.write_text(document.read_text("utf-8") + "\n" + long_line.strip() + "\n", "utf-8")
    git(root, "commit", "-q", "-am", "BEL-IB-014 3.3")
    return root


def _runs() -> list[tuple[str, list[str]]]:
    return [(name, args) for name, variants in READS.items() for args in variants]


def _run(monkeypatch: pytest.MonkeyPatch, columns: int | None, org: Path, *args: str) -> Outcome:
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", str(columns))
    return run_cli("--as-of", AS_OF, *args, repo=org)


def _too_wide(text: str, columns: int) -> list[str]:
    return [line for line in text.splitlines() if cell_len(line) > columns]


def test_every_command_is_measured() -> None:
    assert sorted(leaf_commands()) == sorted({*READS, *OTHERS})


@pytest.mark.parametrize(("name", "args"), _runs(), ids=lambda value: str(value))
@pytest.mark.parametrize(("columns", "language"), [(80, "nl"), (80, "en"), (200, "nl")])
def test_text_output_fits_the_terminal(
    monkeypatch: pytest.MonkeyPatch,
    org: Path,
    columns: int,
    language: str,
    name: str,
    args: list[str],
) -> None:
    result = _run(monkeypatch, columns, org, "--lang", language, *name.split(), *args)
    assert result.exit_code in (0, 1), result.output
    assert result.stdout.strip()
    assert _too_wide(result.stdout, columns) == []


def _words(text: str) -> Counter[str]:
    """The words, without the rules of box drawing (as long as the table)."""
    return Counter(word for word in text.split() if word.strip("─━═"))


@pytest.mark.parametrize(("name", "args"), _runs(), ids=lambda value: str(value))
def test_at_200_columns_nothing_is_cut_or_left_out(
    monkeypatch: pytest.MonkeyPatch, org: Path, name: str, args: list[str]
) -> None:
    """Wrapping moves words to other lines; cutting or dropping a column loses them."""
    wide = _run(monkeypatch, 200, org, *name.split(), *args).stdout
    piped = _run(monkeypatch, None, org, *name.split(), *args).stdout
    assert wide.count("…") == piped.count("…")
    assert _words(wide) == _words(piped)


@pytest.mark.parametrize("name", sorted({*READS, *OTHERS, "policy", "finding"}))
def test_help_fits_80_columns(monkeypatch: pytest.MonkeyPatch, org: Path, name: str) -> None:
    result = _run(monkeypatch, 80, org, *name.split(), "--help")
    assert result.exit_code == 0
    assert _too_wide(result.stdout, 80) == []


def test_piped_output_is_not_cut(monkeypatch: pytest.MonkeyPatch, org: Path) -> None:
    """Without COLUMNS and without a terminal every record stays on one whole line (grep)."""
    piped = _run(monkeypatch, None, org, "policy", "list").stdout
    narrow = _run(monkeypatch, 80, org, "policy", "list").stdout
    assert "…" not in piped
    title = "Mobiele apparaten en thuiswerken"
    assert any(line.startswith(POLICY) and title in line for line in piped.splitlines())
    assert not any(line.startswith(POLICY) and title in line for line in narrow.splitlines())


def test_init_message_fits_80_columns(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = run_cli("init", str(tmp_path / "een-wat-langere-mapnaam-voor-de-administratie"))
    assert result.exit_code == 0, result.output
    assert "nencheck status" in result.output
    assert _too_wide(result.output, 80) == []
