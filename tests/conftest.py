"""Shared fixtures: the example organisation, throwaway git repositories, the CLI runner.

Every test pins its evaluation date with AS_OF (or its own --as-of): nothing may start failing
because the calendar moved on.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from nencheck.cli.main import main
from nencheck.i18n import set_language

PROJECT_ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-23"
GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "Test Auteur",
    "GIT_AUTHOR_EMAIL": "auteur@voorbeeld.example",
    "GIT_COMMITTER_NAME": "Test Auteur",
    "GIT_COMMITTER_EMAIL": "auteur@voorbeeld.example",
}
EXAMPLE_PARTS = ("nencheck.yaml", "controls", "policies", "evidence", "risks")


@pytest.fixture(autouse=True)
def _isolated_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[None]:
    """No test sees the developer's git config, NENCHECK_* variables or cache."""
    for name in list(os.environ):
        if name.startswith(("NENCHECK_", "GIT_")):
            monkeypatch.delenv(name, raising=False)
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    # The language when neither --lang nor nencheck.yaml says: pinned to English here, so a test
    # does not depend on the developer's locale (tests/cli/test_language.py covers the order).
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    for name, value in GIT_IDENTITY.items():
        monkeypatch.setenv(name, value)
    yield
    set_language("en")


@pytest.fixture
def example_root() -> Path:
    """The example organisation committed at the project root (read-only: copy before writing)."""
    return PROJECT_ROOT


def copy_example(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for part in EXAMPLE_PARTS:
        source = PROJECT_ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy2(source, target / part)
    return target


def git(root: Path, *args: str) -> str:
    completed = subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True)
    return completed.stdout


def init_git(root: Path, message: str = "Voorbeeldorganisatie") -> Path:
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)
    return root


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    """A writable copy of the example organisation (no git)."""
    return copy_example(tmp_path / "org")


@pytest.fixture
def example_git(tmp_path: Path) -> Path:
    """A writable copy of the example organisation as a fresh git repository with one commit."""
    return init_git(copy_example(tmp_path / "org"))


@dataclass
class Outcome:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    def json(self) -> Any:
        return json.loads(self.stdout)


def run_cli(*args: str, repo: Path | None = None, input: str | None = None) -> Outcome:
    """Run nencheck in-process through its real error boundary (``main``), capturing the streams."""
    argv = list(args)
    if repo is not None:
        argv = ["--repo", str(repo), *argv]
    runner = CliRunner()
    with runner.isolation(input=input) as (stdout, stderr, _mixed):
        code = main(argv)
        sys.stdout.flush()
        sys.stderr.flush()
    return Outcome(code, stdout.getvalue().decode("utf-8"), stderr.getvalue().decode("utf-8"))


@pytest.fixture
def run() -> Callable[..., Outcome]:
    return run_cli


__all__ = ["AS_OF", "PROJECT_ROOT", "Outcome", "copy_example", "git", "init_git", "run_cli"]
