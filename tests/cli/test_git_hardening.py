"""Git as nencheck runs it (issue 13): no user configuration changes what it reads or writes,
a missing git is refused before anything is written, and a shallow clone is announced."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Outcome
from tests.gitorg import commit_all, git, make_org

Run = Callable[..., Outcome]
POLICY = "policies/hap/prot-hap-014.yaml"
BEL = "policies/algemeen/bel-001.yaml"
DOCUMENT = "policies/documents/prot-hap-014.md"
ACCENTED = "policies/documents/beleid-één.md"  # core.quotePath=true would quote it

HOSTILE_GITCONFIG = """\
[diff]
    noprefix = true
    mnemonicPrefix = true
    external = false-cmd
    renames = false
    relative = true
    algorithm = patience
    interHunkContext = 5
[color]
    ui = always
[log]
    showSignature = true
    decorate = full
    follow = true
    showRoot = false
[core]
    quotePath = true
    pager = less
[i18n]
    logOutputEncoding = latin1
[format]
    pretty = oneline
"""

COMMANDS: list[tuple[str, ...]] = [
    ("check", "--as-of", "2026-01-01", "--format", "json"),
    ("check", "--as-of", "2026-01-01"),
    ("check", "--as-of", "2025-04-01", "--as-recorded", "--format", "json"),
    ("policy", "history", "PROT-HAP-014", "--format", "json"),
    ("policy", "history", "BEL-001", "--format", "json"),
    ("policy", "history", "PROT-HAP-014"),
    ("policy", "diff", "PROT-HAP-014"),
    ("status", "--as-of", "2025-04-01", "--rev", "HEAD~1", "--format", "json"),
]


@pytest.fixture
def org(tmp_path: Path) -> Path:
    """A history with what porcelain settings would garble: an accented file name, a commit
    message that is not ASCII, a renamed record, changes after the last review."""
    root = make_org(tmp_path / "org")
    (root / ACCENTED).write_text("# Beleid\n\nVersie 3.0.\n", encoding="utf-8")
    bel = root / BEL
    bel.write_text(bel.read_text() + f"document: {ACCENTED}\n")
    commit_all(root, "Beleidsdocument toegevoegd", "2024-03-12T11:00:00+01:00")
    policy = root / POLICY
    policy.write_text(policy.read_text().replace("pijn op de borst", "thoracale pijn"))
    commit_all(root, "Titel: pijn → thoracale pijn (één woord)", "2025-02-10T10:00:00+01:00")
    (root / ACCENTED).write_text("# Beleid\n\nVersie 3.0, stil aangepast.\n", encoding="utf-8")
    (root / DOCUMENT).write_text("# Triage\n\nVersie 4.0, gecorrigeerd.\n")
    commit_all(root, "Documenten bijgewerkt", "2025-05-01T10:00:00+02:00")
    git(root, "mv", POLICY, "policies/hap/prot-hap-014-triage.yaml")
    commit_all(root, "Hernoemd", "2025-06-01T10:00:00+02:00")
    return root


def _results(run: Run, root: Path) -> list[tuple[int, str, str]]:
    return [
        (outcome.exit_code, outcome.stdout, outcome.stderr)
        for outcome in (run(*command, repo=root) for command in COMMANDS)
    ]


def _review(run: Run, root: Path) -> tuple[Outcome, bytes, str]:
    outcome = run(
        "policy",
        "review",
        "BEL-001",
        "--reviewer",
        "Raad van bestuur",
        "--as-of",
        "2026-01-01",
        repo=root,
    )
    plain = {**os.environ, "HOME": str(root.parent)}  # read the result with no config at all
    log = subprocess.run(
        ["git", "log", "-1", "--format=%H %s", "--name-only"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
        env=plain,
    ).stdout
    return outcome, (root / BEL).read_bytes(), log


def test_a_hostile_git_config_changes_nothing_nencheck_reads_or_writes(
    run: Run, org: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_AUTHOR_DATE", "2026-01-01T10:00:00+01:00")
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2026-01-01T10:00:00+01:00")
    twin = tmp_path / "twin" / "org"
    shutil.copytree(org, twin)
    clean = _results(run, org)
    clean_write = _review(run, org)

    hostile_home = tmp_path / "hostile-home"
    hostile_home.mkdir()
    (hostile_home / ".gitconfig").write_text(HOSTILE_GITCONFIG)
    monkeypatch.setenv("HOME", str(hostile_home))
    with (twin / ".git" / "config").open("a") as repository_config:  # the repository's own too
        repository_config.write(HOSTILE_GITCONFIG.replace("noprefix = true", "noprefix = 1"))
    assert git(twin, "config", "--get", "diff.noprefix").strip() == "1"  # it is in force
    hostile = _results(run, twin)
    hostile_write = _review(run, twin)

    for command, before, after in zip(COMMANDS, clean, hostile, strict=True):
        assert after == before, command
    assert hostile_write[1:] == clean_write[1:]
    assert hostile_write[0].exit_code == clean_write[0].exit_code == 0
    # the clean results are the real thing, not two empty answers
    check_json = clean[0][1]
    assert '"policy-changed-unversioned"' in check_json
    assert "BEL-001" in check_json and "PROT-HAP-014" in check_json
    assert "thoracale pijn (één woord)" in clean[3][1]
    assert "prot-hap-014-triage.yaml" in clean[3][1]


def test_the_history_cache_does_not_keep_an_answer_read_under_a_hostile_config(
    run: Run, org: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hostile_home = tmp_path / "hostile-home"
    hostile_home.mkdir()
    (hostile_home / ".gitconfig").write_text(HOSTILE_GITCONFIG)
    clean_home = os.environ["HOME"]
    monkeypatch.setenv("HOME", str(hostile_home))
    first = run("check", "--as-of", "2026-01-01", "--format", "json", repo=org)
    assert (org / ".nencheck" / "cache" / "history.bin").exists()
    monkeypatch.setenv("HOME", clean_home)
    fresh = run("check", "--as-of", "2026-01-01", "--format", "json", "--no-cache", repo=org)
    cached = run("check", "--as-of", "2026-01-01", "--format", "json", repo=org)
    assert first.stdout == fresh.stdout == cached.stdout
    assert '"policy-changed-unversioned"' in fresh.stdout


def test_init_without_git_writes_nothing(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "no-git-here"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    target = tmp_path / "compliance"
    outcome = run("init", str(target))
    assert outcome.exit_code == 2
    assert "git is not installed" in outcome.stderr
    assert not target.exists() or not any(target.iterdir())


def test_init_example_without_git_writes_nothing(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "no-git-here"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    target = tmp_path / "voorbeeld"
    outcome = run("init", "--example", str(target))
    assert outcome.exit_code == 2
    assert "git is not installed" in outcome.stderr
    assert not target.exists()


def test_check_without_git_in_a_repository_says_the_history_rule_was_skipped(
    run: Run, org: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "no-git-here"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    outcome = run("check", "--as-of", "2026-01-01", "--format", "json", repo=org)
    assert outcome.exit_code == 0, outcome.output
    assert outcome.stderr.count("policy-changed-unversioned was not checked") == 1
    assert '"policy-changed-unversioned"' not in outcome.stdout
    shutil.rmtree(org / ".git")
    plain = run("check", "--as-of", "2026-01-01", repo=org)
    assert "git" not in plain.stderr  # no repository: nothing to say


def test_init_no_commit_needs_no_git(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "no-git-here"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    target = tmp_path / "compliance"
    outcome = run("init", str(target), "--no-commit")
    assert outcome.exit_code == 0, outcome.output
    assert (target / "nencheck.yaml").is_file()


def test_a_shallow_clone_is_announced_once_for_the_history_rules(
    run: Run, org: Path, tmp_path: Path
) -> None:
    clone = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{org}", str(clone)],
        check=True,
        capture_output=True,
    )
    outcome = run("check", "--as-of", "2026-01-01", "--as-recorded", repo=clone)
    assert outcome.stderr.count("is a shallow clone") == 1
    assert "fetch-depth: 0" in outcome.stderr
    history = run("policy", "history", "BEL-001", repo=clone)
    assert history.stderr.count("is a shallow clone") == 1


def test_a_full_clone_and_a_plain_status_say_nothing_about_depth(
    run: Run, org: Path, tmp_path: Path
) -> None:
    clone = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{org}", str(clone)],
        check=True,
        capture_output=True,
    )
    assert "shallow" not in run("status", "--as-of", "2026-01-01", repo=clone).stderr
    assert "shallow" not in run("check", "--as-of", "2026-01-01", repo=org).stderr
