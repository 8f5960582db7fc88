"""Real ``nencheck`` processes writing at once, and killed at random moments (issue 14).

Shared by tests/cli/test_concurrent_writes.py (a bounded number of trials in the suite) and
bench/write_trials.py (as many as you like). Every trial checks the invariant and raises
AssertionError when it breaks: no lost update, no "committed" for a change HEAD lacks, and after
a kill either the old state, or the new one, or a partial state that the next command names.
"""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

AS_OF = "2026-11-23"
POLICY = "PROT-HAP-014"
POLICY_FILE = "policies/hap/prot-hap-014.yaml"
AUDIT = "AUD-2026-INT"
AUDIT_FILE = "evidence/audits/aud-2026-int.yaml"
WRITE_DIR = Path(".nencheck") / "write"
COMMITTED = re.compile(r"committed ([0-9a-f]{7,40})")


def nencheck(root: Path, *args: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "nencheck",
        "--repo",
        str(root),
        "--lang",
        "en",
        "--as-of",
        AS_OF,
        *args,
    ]


def start(root: Path, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        nencheck(root, *args),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group: git children can be killed with it
    )


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(nencheck(root, *args), capture_output=True, text=True, check=False)


def git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=root, capture_output=True, text=True, check=True
    ).stdout


def commit_count(root: Path) -> int:
    return int(git(root, "rev-list", "--count", "HEAD"))


def finding_ids(root: Path) -> list[str]:
    data = yaml.safe_load((root / AUDIT_FILE).read_text("utf-8"))
    return [str(entry["id"]) for entry in data.get("findings") or []]


def reviewers(root: Path) -> list[str]:
    data = yaml.safe_load((root / POLICY_FILE).read_text("utf-8"))
    return [str(entry["reviewer"]) for entry in data.get("reviews") or []]


def dirty(root: Path) -> set[str]:
    out = git(root, "status", "--porcelain=v1", "-z", "--untracked-files=all")
    return {entry[3:] for entry in out.split("\0") if len(entry) > 3}


# --- writers at once -------------------------------------------------------------------------


@dataclass
class ConcurrencyTally:
    rounds: int = 0
    processes: int = 0
    committed: int = 0
    refused: int = 0
    refused_findings: int = 0
    lost_updates: int = 0


def writers_round(root: Path, number: int, tally: ConcurrencyTally) -> None:
    """One ``policy review`` and two ``finding add`` started at the same moment."""
    before_commits, before_ids = commit_count(root), finding_ids(root)
    before_reviewers = reviewers(root)
    reviewer = f"Reviewer {number}"
    processes = [
        ("review", start(root, "policy", "review", POLICY, "--reviewer", reviewer)),
        *(("finding", start(root, *_finding_args(f"Finding {number}{suffix}"))) for suffix in "ab"),
    ]
    results = [(kind, process.wait(60), *process.communicate()) for kind, process in processes]
    printed_ids: list[str] = []
    reviewed = 0
    committed = 0
    for kind, code, out, err in results:
        stderr = err.decode("utf-8", "replace")
        tally.processes += 1
        if code == 2 and "write lock is held by" in stderr:
            tally.refused += 1
            tally.refused_findings += kind == "finding"
            assert re.search(r"process \d+|just started", stderr), stderr
            continue
        assert code == 0, (kind, code, stderr)
        match = COMMITTED.search(stderr)
        assert match, stderr
        # the commit it named is in HEAD's history and holds its file
        git(root, "merge-base", "--is-ancestor", match.group(1), "HEAD")
        touched = git(root, "show", "--name-only", "--format=", match.group(1)).split()
        assert (POLICY_FILE if kind == "review" else AUDIT_FILE) in touched
        committed += 1
        if kind == "finding":
            printed_ids.append(out.decode().strip())
        else:
            reviewed += 1
    after_ids = finding_ids(root)
    lost = 0
    lost += len(set(printed_ids) - set(after_ids))
    lost += len(printed_ids) - len(set(printed_ids))  # the same id given twice
    lost += abs(len(after_ids) - len(before_ids) - len(printed_ids))
    lost += abs(len(reviewers(root)) - len(before_reviewers) - reviewed)
    lost += abs(commit_count(root) - before_commits - committed)
    assert len(after_ids) == len(set(after_ids)), after_ids
    assert not dirty(root), dirty(root)
    tally.rounds += 1
    tally.committed += committed
    tally.lost_updates += lost
    assert lost == 0, (printed_ids, after_ids, results)


def _finding_args(title: str) -> list[str]:
    return [
        "finding",
        "add",
        AUDIT,
        "--title",
        title,
        "--severity",
        "minor",
        "--due",
        "2027-03-31",
        "--owner",
        "ICT-beheer",
    ]


# --- kills at random moments -----------------------------------------------------------------


@dataclass
class KillTally:
    """What the kills left; a trial that breaks the invariant raises instead of counting."""

    trials: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        parts = ", ".join(f"{name} {count}" for name, count in sorted(self.outcomes.items()))
        return (
            f"{self.trials} kills, invariant held in every one: {parts} (0 lost, 0 unreported "
            "partial states, 0 unmentioned temporary files)"
        )


def calibrate(root: Path, work: Path) -> dict[str, float]:
    """How long each command takes when left alone (also one committed change each)."""
    durations = {}
    for kind in ("evidence", "review"):
        began = time.monotonic()
        done = subprocess.run(_command(root, work, kind, 0), capture_output=True, check=False)
        assert done.returncode == 0, done.stderr
        durations[kind] = time.monotonic() - began
    return durations


def kill_trial(
    root: Path, work: Path, number: int, durations: dict[str, float], rng: random.Random
) -> str:
    """Start a write, stop it at a random moment (SIGKILL of nencheck alone, SIGKILL of it and
    its git children, or SIGINT to all as Ctrl-C does), check the invariant, resolve, return
    what was seen: old, new, new (noted), partial (noted), git lock (explained)."""
    kind = "evidence" if number % 2 else "review"
    head = git(root, "rev-parse", "HEAD").strip()
    how = rng.choice(("kill", "kill with git", "ctrl-c"))
    process = subprocess.Popen(
        _command(root, work, kind, number),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    _kill_at_random(process, root, durations[kind], rng, how)
    process.communicate()
    _wait_for_group(process.pid)
    return _check_after_kill(root, head, kind, rng)


def _command(root: Path, work: Path, kind: str, number: int) -> list[str]:
    if kind == "evidence":
        source = work / f"restoretest-{number:04d}.bin"
        source.write_bytes(os.urandom(200_000) + f"{number}".encode())
        return nencheck(
            root,
            *("evidence", "add", str(source), "--title", f"Test {number}"),
            *("--controls", "8.13", "--valid-for", "1y"),
        )
    return nencheck(root, "policy", "review", POLICY, "--reviewer", f"Kill {number}")


def _kill_at_random(
    process: subprocess.Popen[bytes],
    root: Path,
    duration: float,
    rng: random.Random,
    how: str,
) -> None:
    """Half the trials at any moment of the run; the other half once the write has begun (its
    journal appeared), a random instant into the writing: that is where the risk is."""
    if rng.random() < 0.5:
        time.sleep(rng.uniform(0, duration * 1.1))
    else:
        journal = root / WRITE_DIR / f"journal-{process.pid}.json"
        deadline = time.monotonic() + 120  # a loaded machine is slow; the write will come
        while not journal.exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.0005)
        time.sleep(rng.uniform(0, 0.08))
    try:
        if how == "ctrl-c":  # a terminal sends SIGINT to the whole foreground group
            os.killpg(process.pid, signal.SIGINT)
        elif how == "kill with git":
            os.killpg(process.pid, signal.SIGKILL)
        else:
            os.kill(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _wait_for_group(group: int) -> None:
    """Git children of a killed nencheck may live on (and finish their commit): wait."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return
        except PermissionError:
            return
        time.sleep(0.01)


GIT_LOCKS = (".git/index.lock", ".git/HEAD.lock", ".git/refs/heads/main.lock")


def _git_locks(root: Path) -> list[str]:
    return [name for name in GIT_LOCKS if (root / name).exists()]


def _check_after_kill(root: Path, head: str, kind: str, rng: random.Random) -> str:
    changed = dirty(root)
    reading = run(root, "policy", "list")
    assert reading.returncode in (0, 1), reading.stderr
    left = sorted(p.name for p in (root / WRITE_DIR).iterdir() if p.name != "lock")
    temps = [name for name in left if name.startswith("tmp-")]
    assert not temps, f"temporary files left after a reading command: {temps}"
    if changed:
        for path in changed:
            assert path in reading.stderr, (path, reading.stderr)
        assert "was interrupted after writing" in reading.stderr
        assert any(name.startswith("journal-") for name in left), left
        checked = run(root, "check")
        assert "was interrupted after writing" in checked.stderr, checked.stderr
        _complete_files(root, changed)
        _resolve(root, reading.stderr, rng)
        return "partial, noted"
    assert not left, f"journal kept although nothing is uncommitted: {left}"
    locks = _git_locks(root)
    if locks:
        before = _snapshot(root)
        refused = run(root, *_finding_args("Na de onderbreking"))
        assert refused.returncode == 2, refused.stderr
        assert f"git's lock file {locks[0]} exists" in refused.stderr, refused.stderr
        assert _snapshot(root) == before, "a write touched files while git's lock was there"
        for name in locks:
            (root / name).unlink()
        return "git lock, explained"
    if git(root, "rev-parse", "HEAD").strip() == head:
        return "old"
    subject = git(root, "log", "-1", "--format=%s")
    assert subject.startswith("Add evidence" if kind == "evidence" else "Review"), subject
    return "new, noted" if "nothing is missing" in reading.stderr else "new"


def _complete_files(root: Path, changed: set[str]) -> None:
    """Never a half-written file: every record parses, every stored file is whole."""
    for path in changed:
        content = (root / path).read_bytes()
        if path.endswith(".yaml"):
            assert isinstance(yaml.safe_load(content), dict), path
        elif path.endswith(".bin"):
            assert len(content) > 200_000, (path, len(content))


def _resolve(root: Path, note: str, rng: random.Random) -> None:
    """Do what the note says (keep or undo, at random) and check the next command is quiet."""
    for name in _git_locks(root):
        assert name in note, note
        (root / name).unlink()
    for stale in (root / ".git").glob("next-index-*.lock"):
        stale.unlink()
    keep = re.search(r"^  To keep it: (.*)$", note, re.M)
    undo = re.search(r"^  To undo it: (.*)$", note, re.M)
    assert keep and undo, note
    choice = keep.group(1) if rng.random() < 0.5 else undo.group(1)
    subprocess.run(["bash", "-c", choice], cwd=root, check=True, capture_output=True)
    after = run(root, "policy", "list")
    assert "interrupted" not in after.stderr, after.stderr
    assert not dirty(root), dirty(root)
    left = [p.name for p in (root / WRITE_DIR).iterdir() if p.name != "lock"]
    assert not left, left


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in root.rglob("*")
        if path.is_file() and ".git" not in path.parts and ".nencheck" not in path.parts
    }
