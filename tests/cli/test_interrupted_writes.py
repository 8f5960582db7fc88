"""A write interrupted at any moment leaves the old state, or the new one, or files that every
next command names with how to commit or undo them (SPEC, "Commands"; issue 14)."""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from nencheck.store.write.journal import interrupted
from tests.cli import write_trials
from tests.cli.write_trials import POLICY_FILE, dirty, nencheck
from tests.conftest import git

RECORD = "evidence/records/2026/ev-2026-900.yaml"
STORED = "evidence/files/2026/restore.pdf"
TRIALS = 20

# A write that dies (os._exit: no cleanup, like kill -9) after its journal and its files.
CRASH = """
import os, sys
from pathlib import Path
from nencheck.store.write import atomic, journal
root = Path(sys.argv[1])
paths = sys.argv[2:]
journal.begin(root, "nencheck evidence add", paths, True, "Add evidence EV-2026-900\\n\\nmore")
for path in paths:
    target = root / path
    atomic.write_atomic(target, target.read_bytes() + b"# more\\n" if target.exists() else
        b"id: EV-2026-900\\ntitle: Restore\\ncollected: 2026-11-20\\nvalid_for: 1y\\n")
(root / ".nencheck/write" / f"tmp-{os.getpid()}-half").write_bytes(b"half")
os._exit(0)
"""


def _crash_while_writing(root: Path, *paths: str) -> None:
    subprocess.run([sys.executable, "-c", CRASH, str(root), *paths], check=True)


def _nencheck(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(nencheck(root, *args), capture_output=True, text=True)


def test_an_interrupted_write_is_named_by_every_command_until_committed(example_git: Path) -> None:
    _crash_while_writing(example_git, POLICY_FILE, RECORD)
    listing = _nencheck(example_git, "policy", "list")
    assert listing.returncode == 0
    note = listing.stderr
    assert "note: the last 'nencheck evidence add' (started " in note
    assert f"was interrupted after writing {POLICY_FILE} {RECORD}; this is not committed" in note
    assert f"\n  To keep it: git add -- {POLICY_FILE} {RECORD} && git commit -m " in note
    assert f"\n  To undo it: git restore --staged --worktree -- {POLICY_FILE}" in note  # changed
    assert f" && rm -f -- {RECORD}" in note  # and a new file
    # the orphaned temporary file is gone, the journal stays until resolved
    left = sorted(p.name for p in (example_git / ".nencheck" / "write").iterdir())
    assert [name for name in left if name.startswith("tmp-")] == []
    assert len([name for name in left if name.startswith("journal-")]) == 1
    # check counts nothing silently (its JSON stays one document); a write refuses first
    checked = _nencheck(example_git, "check", "--format", "json")
    assert f"interrupted after writing {POLICY_FILE}" in checked.stderr
    assert json.loads(checked.stdout)["as_of"] == "2026-11-23"
    refused = _nencheck(example_git, *write_trials._finding_args("Nog een"))
    assert refused.returncode == 2
    assert "nothing written: the interrupted 'nencheck evidence add' left" in refused.stderr
    assert "F-2026-INT-06" not in (example_git / write_trials.AUDIT_FILE).read_text("utf-8")
    # do what the note says: keep it
    keep = re.search(r"^  To keep it: (.*)$", note, re.M)
    assert keep is not None
    subprocess.run(["bash", "-c", keep.group(1)], cwd=example_git, check=True)
    assert git(example_git, "log", "-1", "--format=%s").strip() == "Add evidence EV-2026-900"
    quiet = _nencheck(example_git, "policy", "list")
    assert "interrupted" not in quiet.stderr and "note:" not in quiet.stderr
    assert not list((example_git / ".nencheck" / "write").glob("journal-*"))
    assert _nencheck(example_git, *write_trials._finding_args("Nog een")).returncode == 0


def test_the_undo_in_the_note_restores_the_old_state(example_git: Path) -> None:
    head = git(example_git, "rev-parse", "HEAD")
    before = (example_git / POLICY_FILE).read_bytes()
    _crash_while_writing(example_git, POLICY_FILE, RECORD)
    git(example_git, "add", POLICY_FILE, RECORD)  # killed after staging: the undo covers it too
    (example_git / ".git/refs/heads/main.lock").write_text("")  # and during git's ref update
    note = _nencheck(example_git, "status").stderr
    assert (
        "git's lock file .git/refs/heads/main.lock was left behind too: if no git command is "
        "running, remove it first (rm .git/refs/heads/main.lock)." in note
    )
    (example_git / ".git/refs/heads/main.lock").unlink()
    undo = re.search(r"^  To undo it: (.*)$", note, re.M)
    assert undo is not None, note
    subprocess.run(["bash", "-c", undo.group(1)], cwd=example_git, check=True)
    assert (example_git / POLICY_FILE).read_bytes() == before
    assert not (example_git / RECORD).exists()
    assert not dirty(example_git)
    assert "note:" not in _nencheck(example_git, "status").stderr
    assert git(example_git, "rev-parse", "HEAD") == head


def test_a_write_killed_after_its_commit_is_announced_once(example_git: Path) -> None:
    _crash_while_writing(example_git, POLICY_FILE)
    git(example_git, "commit", "-q", "-a", "-m", "the commit the killed process made")
    commit = git(example_git, "rev-parse", "--short", "HEAD").strip()
    first = _nencheck(example_git, "due")
    assert (
        "the last 'nencheck evidence add' was interrupted before it could say so, but its change "
        f"is committed ({commit}); nothing is missing." in first.stderr
    )
    assert "note:" not in _nencheck(example_git, "due").stderr


def test_nothing_to_say_when_the_write_never_reached_its_files(example_git: Path) -> None:
    journal_only = (
        "import os, sys\nfrom pathlib import Path\nfrom nencheck.store.write import journal\n"
        "journal.begin(Path(sys.argv[1]), 'nencheck policy review', [sys.argv[2]], True)\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", journal_only, str(example_git), POLICY_FILE], check=True)
    assert interrupted(example_git) == ([], [])
    assert not list((example_git / ".nencheck" / "write").glob("journal-*"))


def test_writes_killed_at_random_moments_leave_old_new_or_a_named_partial_state(
    example_git: Path, tmp_path: Path
) -> None:
    """Real processes, SIGKILLed (alone or with their git children) at random moments; the
    invariant is checked after each (tests/cli/write_trials.py). More: bench/write_trials.py."""
    work = tmp_path / "sources"
    work.mkdir()
    durations = write_trials.calibrate(example_git, work)
    tally = write_trials.KillTally()
    rng = random.Random()
    for number in range(1, TRIALS + 1):
        tally.outcomes[write_trials.kill_trial(example_git, work, number, durations, rng)] += 1
        tally.trials += 1
    print(tally.summary())
    assert tally.trials == sum(tally.outcomes.values()) == TRIALS


def test_no_commit_leaves_the_change_staged_and_no_journal(example_git: Path, run: Any) -> None:
    done = run(
        *write_trials._finding_args("Alleen klaarzetten"),
        "--no-commit",
        "--lang",
        "en",
        repo=example_git,
    )
    assert done.exit_code == 0, done.output
    assert "written, not committed" in done.stderr
    assert git(example_git, "diff", "--cached", "--name-only").split() == [write_trials.AUDIT_FILE]
    assert [p.name for p in (example_git / ".nencheck" / "write").iterdir()] == ["lock"]
    assert interrupted(example_git) == ([], [])
