"""Start-up stays light: ``check`` and ``--help`` import only what they need (issue 7).

Each test runs a fresh interpreter and inspects ``sys.modules`` afterwards; nothing is timed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from nencheck.cli.commands import COMMANDS
from tests.conftest import AS_OF

# Imported only inside the commands that use them (brief: "Import heavy modules ... INSIDE").
HEAVY = ("git", "gitdb", "jinja2", "openpyxl", "ruamel", "icalendar", "babel", "rich")
MARKER = "--- modules ---"


def modules_after(code: str) -> tuple[set[str], str]:
    """Run ``code`` in a fresh interpreter; return the modules it imported and its output."""
    script = f"{code}\nimport sys, json\nprint({MARKER!r})\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert MARKER in done.stdout, done.stderr
    output, _marker, listing = done.stdout.rpartition(MARKER)
    return set(json.loads(listing)), output


def heavy(modules: set[str]) -> list[str]:
    return sorted(name for name in modules if name.split(".")[0] in HEAVY)


def test_check_imports_no_heavy_module(example_copy: Path) -> None:
    modules, output = modules_after(
        "from nencheck.cli.main import main\n"
        f"code = main(['--repo', {str(example_copy)!r}, 'check', '--as-of', {AS_OF!r}])\n"
        "assert code in (0, 1), code"
    )
    # the rules ran and the summary line was printed, in the example's language (nl)
    assert " waarschuwingen op 2026-11-23" in output
    assert "nencheck.checks.rules" in modules
    assert heavy(modules) == []


def test_check_json_with_a_warm_cache_imports_no_heavy_module(example_copy: Path) -> None:
    run = (
        "from nencheck.cli.main import main\n"
        f"code = main(['--repo', {str(example_copy)!r}, 'check', '--as-of', {AS_OF!r}, "
        "'--format', 'json'])\n"
        "assert code in (0, 1), code"
    )
    modules_after(run)  # fills the parse cache
    modules, output = modules_after(run)
    assert json.loads(output)["errors"] == []
    assert heavy(modules) == []
    # every record came from the cache: the YAML parser was not even imported
    assert "yaml" not in modules
    assert "nencheck.store.read.parsing" not in modules


def test_help_lists_every_command_without_importing_them() -> None:
    modules, output = modules_after(
        "from nencheck.cli.main import main\nassert main(['--lang', 'en', '--help']) == 0"
    )
    for entry in COMMANDS:
        assert f"  {entry.name} " in output, entry.name
        assert entry.summary.split(":")[0][:30] in output
    command_modules = {entry.target.split(":")[0] for entry in COMMANDS}
    assert sorted(command_modules & modules) == []
    assert heavy(modules) == []
    assert "pydantic" not in modules  # the models load with the records, not for --help
