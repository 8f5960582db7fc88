"""The code passes its linters and type checker, so CI catches what a reviewer would."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import PROJECT_ROOT

COMMANDS = {
    "ruff check": ["-m", "ruff", "check", "nencheck", "tests", "bench", "scripts"],
    "ruff format": ["-m", "ruff", "format", "--check", "nencheck", "tests", "bench", "scripts"],
    "mypy": ["-m", "mypy", "nencheck"],
}


@pytest.mark.parametrize("name", list(COMMANDS))
def test_code_passes(name: str) -> None:
    done = subprocess.run(
        [sys.executable, *COMMANDS[name]],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, f"{name}:\n{done.stdout[-4000:]}{done.stderr[-2000:]}"
