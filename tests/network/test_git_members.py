"""Members from git URLs: cloned into the user's cache on first use, fetched later (not with
--no-fetch), read at their rev; never a password in a URL; --as-recorded per member."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from nencheck.network.members import cache_folder, clone_folder, shown_url
from tests.conftest import AS_OF, copy_example, git, init_git, run_cli


def bare_member(base: Path) -> tuple[Path, Path]:
    source = init_git(copy_example(base / "source"))
    bare = base / "remote.git"
    git(base, "clone", "-q", "--bare", str(source), str(bare))
    git(source, "remote", "add", "origin", str(bare))
    return source, bare


def network_of(base: Path, url: str, rev: str = "main") -> Path:
    path = base / "network.yaml"
    path.write_text(
        f"network: N\nlanguage: en\nmembers:\n  - {{id: P1, name: A, repo: '{url}', rev: {rev}}}\n",
        "utf-8",
    )
    return path


def findings_total(network: Path, *args: str) -> int:
    done = run_cli(
        "network", "status", "--network", str(network), "--as-of", AS_OF, "--format", "json", *args
    )
    assert done.exit_code == 0, done.output
    total: int = done.json()["members"][0]["status"]["findings"]["total"]
    return total


def test_cloned_into_the_cache_then_fetched(tmp_path: Path) -> None:
    source, bare = bare_member(tmp_path)
    network = network_of(tmp_path, bare.as_uri())
    before = findings_total(network)
    folder = clone_folder(bare.as_uri(), "main")
    assert folder.parent == cache_folder()
    assert str(folder).startswith(os.environ["XDG_CACHE_HOME"])
    assert (folder / ".git").is_dir() and (folder / "nencheck.yaml").is_file()
    # a new commit upstream: an audit removed
    (source / "evidence" / "audits" / "aud-2025-ext.yaml").unlink()
    git(source, "commit", "-qam", "audit weg")
    git(source, "push", "-q", "origin", "main")
    assert findings_total(network, "--no-fetch") == before  # the cached clone as it was
    assert findings_total(network) < before  # fetched
    assert git(folder, "status", "--porcelain") == ""  # read-only use: nothing changed there


def test_a_tag_is_read_as_committed(tmp_path: Path) -> None:
    source, bare = bare_member(tmp_path)
    git(source, "tag", "v1")
    (source / "evidence" / "audits" / "aud-2025-ext.yaml").unlink()
    git(source, "commit", "-qam", "audit weg")
    git(source, "push", "-q", "--tags", "origin", "main")
    at_tag = findings_total(network_of(tmp_path, bare.as_uri(), rev="v1"))
    at_main = findings_total(network_of(tmp_path, bare.as_uri(), rev="main"))
    assert at_tag > at_main


def test_unknown_rev_and_not_a_repository_are_reasons(tmp_path: Path) -> None:
    _source, bare = bare_member(tmp_path)
    done = run_cli(
        "network",
        "status",
        "--network",
        str(network_of(tmp_path, bare.as_uri(), rev="nope")),
        "--as-of",
        AS_OF,
        "--format",
        "json",
    )
    assert done.exit_code == 2
    assert "there is no revision 'nope'" in done.json()["members"][0]["error"]
    plain = tmp_path / "plain"
    plain.mkdir()
    done = run_cli(
        "network",
        "status",
        "--network",
        str(network_of(tmp_path, plain.as_uri())),
        "--as-of",
        AS_OF,
        "--format",
        "json",
    )
    assert done.exit_code == 2
    assert "does not appear to be a git repository" in done.json()["members"][0]["error"]


def test_a_password_in_the_url_is_refused_and_never_shown(tmp_path: Path) -> None:
    network = network_of(tmp_path, "https://anna:geheim123@git.example.org/org/nen.git")
    done = run_cli(
        "network", "status", "--network", str(network), "--as-of", AS_OF, "--format", "json"
    )
    assert done.exit_code == 2
    error = done.json()["members"][0]["error"]
    assert "password" in error and "geheim123" not in error and "anna" not in error
    assert not cache_folder().exists() or not any(cache_folder().iterdir())


def test_shown_url_drops_user_and_password() -> None:
    assert shown_url("https://u:p@host.example:8443/a.git") == "https://host.example:8443/a.git"
    assert shown_url("git@host.example:a/b.git") == "git@host.example:a/b.git"
    assert shown_url("file:///srv/a.git") == "file:///srv/a.git"


@pytest.mark.parametrize("as_of", ["2026-03-01", "2026-06-30"])
def test_as_recorded_reads_each_member_as_committed_on_the_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, as_of: str
) -> None:
    member = copy_example(tmp_path / "member")
    monkeypatch.setenv("GIT_AUTHOR_DATE", "2026-01-10T12:00:00")
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2026-01-10T12:00:00")
    init_git(member)
    (member / "evidence" / "audits" / "aud-2025-ext.yaml").unlink()
    monkeypatch.setenv("GIT_AUTHOR_DATE", "2026-05-10T12:00:00")
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2026-05-10T12:00:00")
    git(member, "commit", "-qam", "audit weg")
    network = tmp_path / "network.yaml"
    network.write_text("network: N\nmembers:\n  - {id: P1, name: A, repo: member}\n", "utf-8")
    done = run_cli(
        "network",
        "status",
        "--network",
        str(network),
        "--as-of",
        as_of,
        "--as-recorded",
        "--format",
        "json",
    )
    own = run_cli("status", "--as-of", as_of, "--as-recorded", "--format", "json", repo=member)
    assert done.exit_code == 0 and own.exit_code == 0, done.output + own.output
    assert done.json()["members"][0]["status"] == own.json()
