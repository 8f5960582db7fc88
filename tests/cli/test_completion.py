"""Shell completion: commands and options by click, record ids by nencheck (cli/completion.py)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import PROJECT_ROOT


def complete(words: str, cwd: object = PROJECT_ROOT) -> list[str]:
    env = {**os.environ, "_NENCHECK_COMPLETE": "bash_complete", "COMP_WORDS": words}
    env["COMP_CWORD"] = str(len(words.split()) - (0 if words.endswith(" ") else 1))
    done = subprocess.run(
        [sys.executable, "-m", "nencheck"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return [line.split(",", 1)[1] for line in done.stdout.splitlines() if "," in line]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("nencheck policy show PROT-HAP-01", {"PROT-HAP-010", "PROT-HAP-014", "PROT-HAP-019"}),
        ("nencheck policy review prot-hap-00", {"PROT-HAP-001", "PROT-HAP-009"}),
        ("nencheck control show 5.1", {"5.1", "5.10", "5.15"}),
        ("nencheck finding close F-2025-EXT", {"F-2025-EXT-01", "F-2025-EXT-03"}),
        ("nencheck finding add AUD-2025", {"AUD-2025-EXT", "AUD-2025-INT"}),
        ("nencheck incident close INC-2025-02", {"INC-2025-029"}),
    ],
)
def test_ids_complete_from_the_records(words: str, expected: set[str]) -> None:
    offered = complete(words)
    assert expected <= set(offered)
    assert all(item.casefold().startswith(words.split()[-1].casefold()) for item in offered)


def test_commands_complete_and_outside_a_repository_ids_do_not(tmp_path: object) -> None:
    assert {"policy", "status", "check"} <= set(complete("nencheck "))
    assert complete("nencheck policy show PROT", cwd=tmp_path) == []
