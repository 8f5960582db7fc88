"""The shared writer: byte-identical round trips, atomic writes, one commit touching only the
changed files, and every refusal (dirty file, merge in progress, no identity, not a repository)."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
import yaml

from nencheck.errors import NencheckError
from nencheck.store.write import atomic
from nencheck.store.write.roundtrip import load_text, render
from nencheck.store.write.writer import (
    Change,
    apply_changes,
    dump_edited,
    load_for_edit,
    new_record_yaml,
    scalar,
    to_document,
)
from tests.conftest import PROJECT_ROOT, git

POLICY = """\
# Triage protocol of the out-of-hours GP post.
id: PROT-HAP-014
title: Triage bij pijn op de borst   # as in the NHG-Triagewijzer
type: protocol
status: active
version: "4.0"
owner: Teamleider triage
approved_by: Medisch manager
approved: 2024-03-12
last_reviewed: 2024-03-12
review_interval: 2y
units: [HAP]
controls: ["5.1", '5.10']

audience:
  - triagisten
  - huisartsen
document: policies/documents/prot-hap-014.md
notes: >-
  Long folded text that stays as it is, with a line that is certainly longer than eighty characters in all.
"""

SAMPLES = {
    "policy.yaml": POLICY,
    "indent4.yaml": "id: X\nlist:\n    - a\n    - b\nmap:\n    key: value\n    other: ~\n",
    "indent0.yaml": 'id: "5.15"\napplicable: true\nunits:\n- all\nevidence:\n- EV-1\n- EV-2\nnotes:\n',
    "nulls.yaml": "id: A\nnext_review: null\nsupersedes: null\n",
    "nested.yaml": (
        "id: AUD-2025\nfindings:\n  - id: F-1\n    status: open   # still\n    due: 2025-06-30\n"
        "    actions:\n      - step one\n  - id: F-2\n    when: 2025-03-14T09:30:00+01:00\n"
    ),
    "crlf.yaml": "id: A\r\ntitle: Windows\r\nunits: [all]\r\n",
    "start.yaml": "---\n# comment\nid: A\nflag: no\nnum: 007\nfloat: 5.10\n\n# end\n",
}


def _example_files() -> list[Path]:
    folders = [PROJECT_ROOT / name for name in ("controls", "policies", "evidence")]
    files = [
        path for folder in folders if folder.is_dir() for path in sorted(folder.rglob("*.y*ml"))
    ]
    settings = PROJECT_ROOT / "nencheck.yaml"
    return ([settings] if settings.is_file() else []) + files


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_untouched_sample_comes_back_byte_identical(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(SAMPLES[name].encode())
    assert dump_edited(load_for_edit(tmp_path, name)) == SAMPLES[name].encode()


def test_every_example_organisation_file_renders_byte_identical_without_help() -> None:
    """The indentation and quoting configuration alone reproduces every example file (the
    line carry-over in dump_edited is only a safety net for unusual hand-written files)."""
    files = _example_files()
    if not files:
        pytest.skip("the example organisation is not generated yet")
    changed = [
        path.relative_to(PROJECT_ROOT).as_posix()
        for path in files
        if render(load_text(path.read_text("utf-8"), path.name)) != path.read_text("utf-8")
    ]
    assert changed == []


def test_edit_keeps_comments_order_and_quoting_of_untouched_lines(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(POLICY)
    document = load_for_edit(tmp_path, "p.yaml")
    document["version"] = scalar("4.1", like=document["version"])
    document["last_reviewed"] = dt.date(2026, 3, 1)
    after = dump_edited(document).decode().splitlines()
    before = POLICY.splitlines()
    changed = [(old, new) for old, new in zip(before, after, strict=True) if old != new]
    assert changed == [
        ('version: "4.0"', 'version: "4.1"'),
        ("last_reviewed: 2024-03-12", "last_reviewed: 2026-03-01"),
    ]


def test_new_text_that_looks_like_a_number_is_quoted(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text("id: A\nversion: '1'\n")
    document = load_for_edit(tmp_path, "p.yaml")
    document["version"] = scalar("2.0", like=document["version"])
    document["controls"] = scalar("5.10")
    assert dump_edited(document) == b"id: A\nversion: '2.0'\ncontrols: \"5.10\"\n"


def test_new_record_is_block_style_with_plain_dates_and_quoted_numeric_ids() -> None:
    content = new_record_yaml(
        {
            "id": "5.10",
            "title": "Aanvaardbaar gebruik",
            "version": "1.0",
            "approved": dt.date(2026, 1, 5),
            "units": ["HAP", "HCZ"],
            "reviews": [{"date": dt.date(2026, 1, 5), "reviewer": "Medisch manager"}],
            "flag": "no",
        },
        comment="Created by nencheck policy new.",
    )
    assert content.decode() == (
        "# Created by nencheck policy new.\n"
        'id: "5.10"\n'
        "title: Aanvaardbaar gebruik\n"
        'version: "1.0"\n'
        "approved: 2026-01-05\n"
        "units: [HAP, HCZ]\n"
        "reviews:\n"
        "  - date: 2026-01-05\n"
        "    reviewer: Medisch manager\n"
        'flag: "no"\n'
    )
    assert yaml.safe_load(content)["id"] == "5.10"


def _repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / "policies").mkdir(parents=True)
    (root / "policies" / "p.yaml").write_text(POLICY)
    (root / "other.txt").write_text("other\n")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "start")
    return root


def _edited_policy(root: Path) -> Change:
    document = load_for_edit(root, "policies/p.yaml")
    document["version"] = scalar("4.1", like=document["version"])
    return Change("policies/p.yaml", dump_edited(document))


def test_one_commit_touching_only_the_changed_file(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    (root / "other.txt").write_text("staged by the user\n")
    git(root, "add", "other.txt")
    sha = apply_changes(root, [_edited_policy(root)], "Review A\n\nnote")
    assert sha == git(root, "rev-parse", "HEAD").strip()
    assert git(root, "log", "-1", "--format=%B").strip() == "Review A\n\nnote"
    assert git(root, "show", "--name-only", "--format=", "HEAD").split() == ["policies/p.yaml"]
    assert git(root, "rev-list", "--count", "HEAD").strip() == "2"
    assert git(root, "status", "--porcelain").splitlines() == ["M  other.txt"]


def test_new_file_is_committed(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    apply_changes(root, [Change("policies/new/x.yaml", new_record_yaml({"id": "X"}))], "New X")
    assert git(root, "show", "--name-status", "--format=", "HEAD").split() == [
        "A",
        "policies/new/x.yaml",
    ]


def test_the_commit_is_announced_while_its_journal_still_stands(tmp_path: Path) -> None:
    """A run killed between saying "committed" and removing its journal is named by the next
    command; one killed before saying it, too. Never a commit that nobody was told about."""
    root = _repo(tmp_path)
    heard: list[tuple[str | None, list[str]]] = []

    def announce(commit: str | None) -> None:
        journals = sorted(p.name for p in (root / ".nencheck" / "write").glob("journal-*"))
        heard.append((commit, journals))

    sha = apply_changes(root, [_edited_policy(root)], "Review A", announce=announce)
    [(said, journals)] = heard
    assert said == sha == git(root, "rev-parse", "HEAD").strip()
    assert len(journals) == 1  # still there when the line was printed
    assert not list((root / ".nencheck" / "write").glob("journal-*"))  # gone after


def test_no_commit_leaves_the_change_staged(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    assert apply_changes(root, [_edited_policy(root)], "msg", commit=False) is None
    assert git(root, "status", "--porcelain").splitlines() == ["M  policies/p.yaml"]
    assert git(root, "rev-list", "--count", "HEAD").strip() == "1"


def test_refuses_a_file_with_uncommitted_changes_unless_forced(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    path = root / "policies" / "p.yaml"
    path.write_text(POLICY + "# my edit\n")
    change = _edited_policy(root)
    with pytest.raises(NencheckError, match=r"uncommitted changes.*--force"):
        apply_changes(root, [change], "msg")
    assert path.read_text().endswith("# my edit\n")
    apply_changes(root, [change], "msg", force=True)
    assert git(root, "status", "--porcelain") == ""


def test_refuses_an_untracked_file_in_the_way(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    (root / "policies" / "new.yaml").write_text("mine\n")
    with pytest.raises(NencheckError, match="uncommitted changes"):
        apply_changes(root, [Change("policies/new.yaml", b"id: N\n")], "msg")


def test_refuses_during_a_merge(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    git(root, "checkout", "-q", "-b", "side")
    (root / "other.txt").write_text("side\n")
    git(root, "commit", "-q", "-am", "side")
    git(root, "checkout", "-q", "main")
    (root / "other.txt").write_text("main\n")
    git(root, "commit", "-q", "-am", "main")
    subprocess.run(["git", "merge", "side"], cwd=root, capture_output=True, check=False)
    before = (root / "policies" / "p.yaml").read_bytes()
    with pytest.raises(NencheckError, match="merge is in progress"):
        apply_changes(root, [_edited_policy(root)], "msg")
    assert (root / "policies" / "p.yaml").read_bytes() == before


def test_refuses_without_git_identity(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _repo(tmp_path)
    for name in (
        "GIT_AUTHOR_NAME",
        "GIT_AUTHOR_EMAIL",
        "GIT_COMMITTER_NAME",
        "GIT_COMMITTER_EMAIL",
    ):
        monkeypatch.delenv(name)
    monkeypatch.delenv("EMAIL", raising=False)
    with pytest.raises(NencheckError, match=r"no git identity is configured.*user.email"):
        apply_changes(root, [_edited_policy(root)], "msg")
    git(root, "config", "user.name", "Kwaliteit")
    git(root, "config", "user.email", "kwaliteit@voorbeeld.example")
    assert apply_changes(root, [_edited_policy(root)], "msg")


def test_refuses_to_commit_outside_a_git_repository(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(POLICY)
    with pytest.raises(NencheckError, match=r"not a git repository.*--no-commit"):
        apply_changes(tmp_path, [Change("p.yaml", b"id: A\n")], "msg")
    assert apply_changes(tmp_path, [Change("p.yaml", b"id: A\n")], "msg", commit=False) is None
    assert (tmp_path / "p.yaml").read_text() == "id: A\n"


def test_refuses_paths_outside_the_repository(tmp_path: Path) -> None:
    with pytest.raises(NencheckError, match="inside the repository"):
        apply_changes(tmp_path, [Change("../evil.yaml", b"x")], "msg", commit=False)


def test_interrupted_write_leaves_the_old_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _repo(tmp_path)
    before = (root / "policies" / "p.yaml").read_bytes()
    change = _edited_policy(root)

    def crash(descriptor: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(atomic.os, "fsync", crash)
    with pytest.raises(OSError, match="disk full"):
        apply_changes(root, [change], "msg")
    assert (root / "policies" / "p.yaml").read_bytes() == before
    assert sorted(p.name for p in (root / "policies").iterdir()) == ["p.yaml"]
    assert git(root, "rev-list", "--count", "HEAD").strip() == "1"


def test_failure_on_second_file_restores_the_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _repo(tmp_path)
    before = (root / "policies" / "p.yaml").read_bytes()
    real = atomic.os.replace
    calls: list[str] = []

    def replace_once(source: str, target: object) -> None:
        calls.append(str(target))
        if len(calls) == 2:
            raise KeyboardInterrupt
        real(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(atomic.os, "replace", replace_once)
    with pytest.raises(KeyboardInterrupt):
        apply_changes(root, [_edited_policy(root), Change("policies/q.yaml", b"id: Q\n")], "msg")
    monkeypatch.setattr(atomic.os, "replace", real)
    assert (root / "policies" / "p.yaml").read_bytes() == before
    assert not (root / "policies" / "q.yaml").exists()


AWKWARD = """\
id: A
title: a long plain title that the author
  wrapped over two lines
flag: True
reported: 2025-03-14T09:30:00.5Z
name: "caf\\u00e9"
nested:
    deep:
      - a: 1
        b: ~
last: no final newline"""


def test_lines_the_library_would_normalise_survive_an_edit(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(AWKWARD)
    document = load_for_edit(tmp_path, "a.yaml")
    document["id"] = "B"
    document["nested"]["deep"][0]["a"] = 2
    assert dump_edited(document).decode() == AWKWARD.replace("id: A", "id: B").replace(
        "- a: 1", "- a: 2"
    )
    assert dump_edited(load_for_edit(tmp_path, "a.yaml")) == AWKWARD.encode()


def test_adding_a_key_and_a_list_entry_keeps_the_rest(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(POLICY)
    document = load_for_edit(tmp_path, "p.yaml")
    document["audience"].append("assistenten")
    document["reviews"] = to_document(
        [{"date": dt.date(2026, 3, 1), "reviewer": "Medisch manager"}]
    )
    text = dump_edited(document).decode()
    assert text.startswith(
        POLICY.split("document:")[0].replace(
            "  - huisartsen\n", "  - huisartsen\n  - assistenten\n"
        )
    )
    assert text.endswith("reviews:\n  - date: 2026-03-01\n    reviewer: Medisch manager\n")


def test_a_date_used_twice_is_written_twice_not_as_an_anchor() -> None:
    day = dt.date(2026, 1, 5)
    assert new_record_yaml({"approved": day, "last_reviewed": day}) == (
        b"approved: 2026-01-05\nlast_reviewed: 2026-01-05\n"
    )


def test_anchors_the_user_wrote_stay(tmp_path: Path) -> None:
    text = "base: &b 2024-01-01\nother: *b\nid: A\n"
    (tmp_path / "a.yaml").write_text(text)
    document = load_for_edit(tmp_path, "a.yaml")
    document["id"] = "B"
    assert dump_edited(document) == text.replace("id: A", "id: B").encode()


def test_commits_from_a_compliance_repository_in_a_subfolder(tmp_path: Path) -> None:
    outer = tmp_path / "outer"
    (outer / "compliance" / "policies").mkdir(parents=True)
    (outer / "compliance" / "policies" / "a.yaml").write_text("id: A\n")
    git(outer, "init", "-q", "-b", "main")
    git(outer, "add", "-A")
    git(outer, "commit", "-q", "-m", "start")
    changes = [
        Change("policies/a.yaml", b"id: B\n"),
        Change("policies/new [1].yaml", b"id: C\n"),
    ]
    apply_changes(outer / "compliance", changes, "Two files")
    assert git(outer, "show", "--name-only", "--format=", "HEAD").splitlines() == [
        "compliance/policies/a.yaml",
        "compliance/policies/new [1].yaml",
    ]
    assert git(outer, "status", "--porcelain") == ""


def test_commit_message_lines_starting_with_a_hash_are_kept(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    apply_changes(root, [_edited_policy(root)], "Review A\n\n#12 in the VIM register")
    assert git(root, "log", "-1", "--format=%B").strip() == "Review A\n\n#12 in the VIM register"
