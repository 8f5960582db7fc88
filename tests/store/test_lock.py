"""The repository's write lock (store/write/lock.py): who holds it, waiting, stale holders."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from nencheck.store.write import lock
from tests.cli.write_trials import AUDIT_FILE, nencheck
from tests.conftest import git

FINDING = [
    *("finding", "add", "AUD-2026-INT", "--title", "Back-up niet getest"),
    *("--severity", "minor", "--due", "2027-03-31", "--owner", "ICT-beheer"),
]


def _run(root: Path, *args: str, wait: str | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if wait is not None:
        env["NENCHECK_LOCK_WAIT"] = wait
    return subprocess.run(nencheck(root, *args), capture_output=True, text=True, env=env)


def test_a_second_writer_waits_then_refuses_naming_the_holder(example_git: Path) -> None:
    before = (example_git / AUDIT_FILE).read_bytes()
    lock.acquire(example_git, "nencheck policy review")
    try:
        refused = _run(example_git, *FINDING, wait="0.3")
    finally:
        lock.release(example_git)
    assert refused.returncode == 2
    assert refused.stderr.count("waiting for the repository's write lock") == 1
    assert f"'nencheck policy review' (process {os.getpid()} on " in refused.stderr
    assert "Nothing was written" in refused.stderr
    assert (example_git / AUDIT_FILE).read_bytes() == before
    # released: the same command now goes through at once
    done = _run(example_git, *FINDING, wait="0")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "F-2026-INT-06"
    assert "waiting" not in done.stderr


def test_the_lock_of_a_killed_holder_is_free_and_its_note_is_never_shown(
    example_git: Path,
) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from nencheck.store.write import lock; "
            "lock.acquire(Path(sys.argv[1]), 'nencheck incident add'); print('held', flush=True); "
            "time.sleep(120)",
            str(example_git),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    assert not lock.is_free(example_git)
    noted = lock.current_holder(example_git)
    assert noted is not None
    assert (noted.pid, noted.command) == (holder.pid, "nencheck incident add")
    assert noted.describe().startswith(f"'nencheck incident add' (process {holder.pid} on ")
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    holder.stdout.close()
    # the note of the dead holder is still in the file, but the lock is free
    stale = lock.current_holder(example_git)
    assert stale is not None and stale.pid == holder.pid
    assert lock.is_free(example_git)
    assert stale.describe() == "a nencheck process that has just started"
    done = _run(example_git, *FINDING, wait="0")
    assert done.returncode == 0, done.stderr
    assert "waiting" not in done.stderr and "incident add" not in done.stderr
    assert "Add finding F-2026-INT-06" in git(example_git, "log", "-1", "--format=%s")


def test_the_lock_is_reentrant_within_a_process_and_emptied_on_release(tmp_path: Path) -> None:
    assert lock.is_free(tmp_path)
    lock.acquire(tmp_path, "nencheck policy new")
    lock.acquire(tmp_path, "nencheck policy new")
    assert lock.held_command(tmp_path) == "nencheck policy new"
    lock.release(tmp_path)
    assert not lock.is_free(tmp_path)
    holder = lock.current_holder(tmp_path)
    assert holder is not None and holder.pid == os.getpid()
    lock.release(tmp_path)
    assert lock.is_free(tmp_path)
    assert lock.current_holder(tmp_path) is None
    assert (tmp_path / ".nencheck" / "write" / "lock").read_bytes() == b""
    # git never sees the folder
    assert (tmp_path / ".nencheck" / ".gitignore").read_text() == "*\n"


def test_the_wait_is_configurable_and_a_bad_value_means_the_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert lock.wait_seconds() == 10.0
    monkeypatch.setenv("NENCHECK_LOCK_WAIT", "2.5")
    assert lock.wait_seconds() == 2.5
    monkeypatch.setenv("NENCHECK_LOCK_WAIT", "soon")
    assert lock.wait_seconds() == lock.DEFAULT_WAIT


def test_a_write_that_fails_halfway_puts_back_its_files_and_leaves_no_journal(
    example_git: Path,
) -> None:
    from nencheck.store.write.writer import Change, apply_changes

    policy = "policies/hap/prot-hap-014.yaml"
    before = (example_git / policy).read_bytes()
    (example_git / "evidence" / "blocked").mkdir()  # a folder where the second file should go
    with pytest.raises(OSError):
        apply_changes(
            example_git,
            [Change(policy, before + b"# changed\n"), Change("evidence/blocked", b"x: 1\n")],
            "Two files",
        )
    assert (example_git / policy).read_bytes() == before
    assert sorted(p.name for p in (example_git / ".nencheck" / "write").iterdir()) == ["lock"]
    assert lock.is_free(example_git)
    assert git(example_git, "status", "--porcelain") == ""


def test_ctrl_c_between_the_rename_and_its_return_still_puts_the_file_back(
    example_git: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found by the kill trials: the file was in place, the rollback did not know it, and the
    journal went, so nothing named the uncommitted file."""
    from nencheck.store.write import atomic
    from nencheck.store.write.writer import Change, apply_changes

    def interrupted_after_rename(folder: Path) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic, "sync_folder", interrupted_after_rename)
    record = "evidence/records/2026/ev-2026-900.yaml"
    with pytest.raises(KeyboardInterrupt):
        apply_changes(example_git, [Change(record, b"id: EV-2026-900\n")], "Add evidence")
    assert not (example_git / record).exists()
    assert git(example_git, "status", "--porcelain") == ""
    assert sorted(p.name for p in (example_git / ".nencheck" / "write").iterdir()) == ["lock"]
