"""Two writes at once never lose one (SPEC, "Commands"; issue 14): real nencheck processes
started at the same moment, git's own lock found before anything is written, and "committed"
said only for a commit that holds the change."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.cli import write_trials
from tests.cli.write_trials import AUDIT_FILE, POLICY_FILE, nencheck
from tests.conftest import git

ROUNDS = 10


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and ".git" not in path.parts and ".nencheck" not in path.parts
    }


def test_writers_at_once_lose_nothing(example_git: Path) -> None:
    """A review and two findings at the same moment, ten times: every process either commits
    (and HEAD then holds its change, findings with distinct ids) or refuses naming the holder."""
    tally = write_trials.ConcurrencyTally()
    for number in range(ROUNDS):
        write_trials.writers_round(example_git, number, tally)
    assert tally.rounds == ROUNDS and tally.processes == 3 * ROUNDS
    assert tally.committed + tally.refused == 3 * ROUNDS
    assert tally.lost_updates == 0
    ids = write_trials.finding_ids(example_git)
    assert len(ids) == len(set(ids)) == 5 + 2 * ROUNDS - tally.refused_findings


def test_writers_that_do_not_wait_refuse_naming_the_holder_and_lose_nothing(
    example_git: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NENCHECK_LOCK_WAIT", "0")
    tally = write_trials.ConcurrencyTally()
    for number in range(3):
        write_trials.writers_round(example_git, number, tally)
    assert tally.committed + tally.refused == 9
    assert tally.lost_updates == 0


@pytest.mark.parametrize(
    "lock_file", [".git/index.lock", ".git/refs/heads/main.lock", ".git/HEAD.lock"]
)
def test_a_git_lock_is_found_before_anything_is_written(example_git: Path, lock_file: str) -> None:
    (example_git / lock_file).write_text("")
    before = _snapshot(example_git)
    head = git(example_git, "rev-parse", "HEAD")
    done = subprocess.run(
        nencheck(example_git, "policy", "review", "PROT-HAP-014", "--reviewer", "Teamleider"),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert f"nothing written: git's lock file {lock_file} exists" in done.stderr
    assert f"rm {lock_file}" in done.stderr and "ps -ef | grep git" in done.stderr
    assert "committed" not in done.stderr
    assert _snapshot(example_git) == before
    assert git(example_git, "rev-parse", "HEAD") == head
    assert not list((example_git / ".nencheck" / "write").glob("journal-*"))
    # removed as the message says, the same command goes through
    (example_git / lock_file).unlink()
    again = subprocess.run(
        nencheck(example_git, "policy", "review", "PROT-HAP-014", "--reviewer", "Teamleider"),
        capture_output=True,
        text=True,
    )
    assert again.returncode == 0, again.stderr
    assert "committed" in again.stderr


def test_committed_is_said_only_when_the_commit_holds_the_change(example_git: Path) -> None:
    """A pre-commit hook that swaps the staged file: git makes a commit, but not of our change."""
    hook = example_git / ".git" / "hooks" / "pre-commit"
    hook.write_text(
        "#!/bin/sh\n"
        f"git show HEAD:{POLICY_FILE} > /tmp/nencheck-hook-$$ && "
        f"git update-index --add --cacheinfo 100644,$(git hash-object -w /tmp/nencheck-hook-$$),"
        f"{POLICY_FILE}\nrm -f /tmp/nencheck-hook-$$\n"
        "echo '# by the hook' > hook.txt && git add hook.txt\n"
    )
    hook.chmod(0o755)
    done = subprocess.run(
        nencheck(example_git, "policy", "review", "PROT-HAP-014", "--reviewer", "Teamleider"),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2, done.stderr
    assert "committed " not in done.stderr.replace("not reported as committed", "")
    assert f"does not hold the change to {POLICY_FILE}" in done.stderr
    # the review is in the working tree only, and the next command says so
    hook.unlink()
    after = subprocess.run(nencheck(example_git, "check"), capture_output=True, text=True)
    assert f"interrupted after writing {POLICY_FILE}" in after.stderr, after.stderr


def test_a_finding_added_while_another_writer_holds_the_lock_gets_the_next_id(
    example_git: Path,
) -> None:
    """The id is given out under the lock, from the records read under it."""
    env = {**os.environ, "NENCHECK_LOCK_WAIT": "30"}
    first, second = (
        subprocess.Popen(
            nencheck(
                example_git,
                *("finding", "add", "AUD-2026-INT", "--title", title, "--severity", "minor"),
                *("--due", "2027-03-31", "--owner", "ICT-beheer"),
            ),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for title in ("Eerste", "Tweede")
    )
    outputs = [process.communicate() for process in (first, second)]
    assert [process.returncode for process in (first, second)] == [0, 0], outputs
    assert sorted(out.strip() for out, _err in outputs) == ["F-2026-INT-06", "F-2026-INT-07"]
    text = (example_git / AUDIT_FILE).read_text("utf-8")
    assert text.count("id: F-2026-INT-06") == 1 and text.count("id: F-2026-INT-07") == 1
