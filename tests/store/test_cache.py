"""The parse cache: unchanged files come from the cache with their records and origins intact;
changed, broken, foreign or outdated entries are never served."""

from __future__ import annotations

import os
import pickle
import time
from pathlib import Path
from typing import Any

import pytest

from nencheck.model.records import Records
from nencheck.store.cache import parse_cache as cache_module
from nencheck.store.cache.parse_cache import CACHE_DIR, CACHE_FILE, MAGIC, ParseCache, blob_id
from nencheck.store.read import parsing
from nencheck.store.read.loader import LoadResult, load_repository
from nencheck.store.read.source import WorkingTree
from tests.conftest import AS_OF, git, init_git

FILES = {
    "nencheck.yaml": "organisation: Testpraktijk\nunits:\n  - {id: HAP, name: Huisartsenpost}\n",
    "controls/5.1.yaml": 'id: "5.1"\napplicable: true\nstatus: implemented\n',
    "policies/prot-001.yaml": (
        "id: PROT-001\ntitle: Triage bij pijn op de borst\ntype: protocol\nstatus: active\n"
        'version: "1.0"\nowner: Teamleider triage\nlast_reviewed: 2025-03-12\n'
        'review_interval: 2y\nunits: [HAP]\ncontrols: ["5.1"]\n'
        "reviews:\n  - {date: 2025-03-12, reviewer: Medisch manager}\n"
    ),
    "evidence/audits/aud-1.yaml": (
        "id: AUD-1\ntitle: Interne audit\ntype: internal\ndate: 2025-06-12\nfindings:\n"
        "  - id: F-1\n    title: Patchbeleid\n    severity: minor\n    owner: ICT\n"
        "    due: 2025-09-30\n    status: open\n"
        "  - id: F-2\n    title: Logging\n    severity: major\n    owner: ICT\n"
        "    due: 2025-10-30\n    status: closed\n    closed: 2025-10-01\n"
    ),
    "risks/r-1.yaml": (
        "id: R-1\ntitle: Ransomware\nowner: Manager ICT\nunits: [HAP]\n"
        "current: {likelihood: 4, impact: 5}\ntarget: {likelihood: 2, impact: 4}\n"
        'treatment: mitigate\ncontrols: ["5.1"]\nactions:\n'
        "  - {id: R-1-A1, title: EDR, owner: ICT, due: 2026-03-31, status: open}\n"
        "  - id: R-1-A2\n    title: Back-up\n    owner: ICT\n    due: 2026-01-31\n"
        "    status: done\n    done: 2026-01-15\n"
        "assessed: 2025-09-15\nreview_interval: 1y\nstatus: open\n"
    ),
    "evidence/training/modules.yaml": (
        "modules:\n  - {id: AW-01, title: Phishing, valid_for: 1y, required_for: [all]}\n"
    ),
    "evidence/training/people.yaml": 'people:\n  - {id: "E1", unit: HAP}\n  - {id: "E2", unit: HAP}\n',
    "evidence/training/completions/2025.yaml": (
        "completions:\n"
        '  - {person: "E1", module: AW-01, completed: 2025-03-04}\n'
        '  - person: "E2"\n    module: AW-01\n    completed: 2025-04-01\n'
    ),
}


@pytest.fixture
def org(tmp_path: Path) -> Path:
    root = tmp_path / "org"
    for path, content in FILES.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(content, encoding="utf-8")
    return root


class Counting:
    """Counts the files actually parsed (cache misses)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.paths: list[str] = []
        original = parsing.records_from_bytes

        def counting(path: str, raw: bytes, kind: str) -> Any:
            self.paths.append(path)
            return original(path, raw, kind)

        monkeypatch.setattr(parsing, "records_from_bytes", counting)


def load(root: Path, **options: Any) -> LoadResult:
    return load_repository(WorkingTree(root), ParseCache(root.resolve(), **options))


def snapshot(records: Records) -> list[tuple[str, Any, Any]]:
    """Every record with its values and its origin (file, line, column, field positions)."""
    found: list[tuple[str, Any, Any]] = []
    for name in (
        "controls",
        "policies",
        "evidence",
        "audits",
        "incidents",
        "risks",
        "modules",
        "people",
        "completions",
    ):
        for record in getattr(records, name):
            found.append((type(record).__name__, record.model_dump(), record.origin))
    for _audit, finding in records.findings():
        found.append(("Finding", finding.model_dump(), finding.origin))
    for risk in records.risks:
        found += [("Action", action.model_dump(), action.origin) for action in risk.actions]
    found.append(("Settings", records.settings.model_dump(), records.settings.origin))
    return found


def test_warm_run_returns_the_same_records_and_origins_without_parsing(
    org: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cold = load(org)
    assert cold.ok, cold.errors
    parsed = Counting(monkeypatch)
    warm = load(org)
    assert warm.ok
    assert parsed.paths == []
    assert warm.records is not None and cold.records is not None
    assert snapshot(warm.records) == snapshot(cold.records)
    assert warm.records.completions == cold.records.completions  # values, fields set, origins


def test_origins_of_list_rows_and_findings_survive_the_cache(org: Path) -> None:
    load(org)
    records = load(org).records
    assert records is not None
    second = records.completions[1]
    assert (second.origin.file, second.origin.line, second.origin.column) == (
        "evidence/training/completions/2025.yaml",
        3,
        5,
    )
    assert second.origin.at("completed") == (5, 16)
    finding = [f for _a, f in records.findings()][1]
    assert (finding.origin.line, finding.origin.at("closed")) == (12, (18, 13))
    policy = records.policies[0]
    assert policy.origin.at("review_interval") == (8, 18)
    assert policy.reviews[0].reviewer == "Medisch manager"
    assert policy.next_review_date() is not None


def test_a_risk_with_nested_actions_and_scores_survives_the_cache(org: Path) -> None:
    cold = load(org).records
    warm = load(org).records
    assert cold is not None and warm is not None
    (risk,) = warm.risks
    assert risk.model_dump() == cold.risks[0].model_dump()
    assert (risk.current.likelihood, risk.current.impact, risk.target.value) == (4, 5, 8)
    done = risk.actions[1]
    assert (done.id, done.status.value, done.done.isoformat()) == ("R-1-A2", "done", "2026-01-15")
    assert done.origin.file == "risks/r-1.yaml"
    assert (done.origin.line, done.origin.at("done")) == (11, (16, 11))
    assert risk.actions[0].origin.at("due") == cold.risks[0].actions[0].origin.at("due")


def test_a_changed_file_is_parsed_again(org: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load(org)
    policy = org / "policies/prot-001.yaml"
    policy.write_text(policy.read_text("utf-8").replace("Triage bij", "Triage na"), "utf-8")
    parsed = Counting(monkeypatch)
    records = load(org).records
    assert records is not None
    assert records.policies[0].title == "Triage na pijn op de borst"
    assert parsed.paths == ["policies/prot-001.yaml"]


def test_a_change_keeping_size_and_mtime_is_still_seen(org: Path) -> None:
    # A run that trusts the stat of every file (as a run long after the files changed would).
    later = time.time_ns() + 3600 * 10**9
    load(org, started_ns=later)
    policy = org / "policies/prot-001.yaml"
    before = policy.stat()
    policy.write_text(policy.read_text("utf-8").replace("Triage bij", "Triage na "), "utf-8")
    os.utime(policy, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert policy.stat().st_size == before.st_size
    records = load(org, started_ns=later).records
    assert records is not None
    assert records.policies[0].title == "Triage na  pijn op de borst"


def test_unchanged_files_are_not_even_read_once_their_stat_is_trusted(
    org: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    later = time.time_ns() + 3600 * 10**9
    load(org, started_ns=later)
    read: list[str] = []
    original = WorkingTree.read
    monkeypatch.setattr(
        WorkingTree, "read", lambda self, path: read.append(path) or original(self, path)
    )
    assert load(org, started_ns=later).ok
    assert read == []


def test_files_changed_just_before_a_run_are_not_trusted_by_their_stat(org: Path) -> None:
    load(org)  # every file was written moments ago: racy
    entries = read_entries(org)
    assert entries["policies/prot-001.yaml"][2] is None


def test_a_broken_file_is_reported_on_every_run(org: Path, run) -> None:
    load(org)
    policy = org / "policies/prot-001.yaml"
    policy.write_text(
        policy.read_text("utf-8").replace("type: protocol", "type: protocool"), "utf-8"
    )
    for _ in range(3):
        result = run("check", "--as-of", AS_OF, "--format", "json", repo=org)
        assert result.exit_code == 2
        assert [(e["file"], e["line"], e["code"]) for e in result.json()["errors"]] == [
            ("policies/prot-001.yaml", 3, "invalid-value")
        ]
    assert "policies/prot-001.yaml" not in read_entries(org)


def test_a_corrupt_cache_file_is_ignored_and_rewritten(org: Path) -> None:
    cold = load(org)
    cache_file = org / CACHE_DIR / CACHE_FILE
    cache_file.write_bytes(cache_file.read_bytes()[:-200] + b"\x00" * 200)
    again = load(org)
    assert again.records is not None and cold.records is not None
    assert snapshot(again.records) == snapshot(cold.records)
    assert read_entries(org)  # rewritten, sealed and readable


def test_a_cache_file_not_sealed_with_this_users_key_is_never_unpickled(org: Path) -> None:
    load(org)
    marker = org / "pwned"
    bomb = pickle.dumps(Exploit(str(marker)))
    cache_file = org / CACHE_DIR / CACHE_FILE
    header = cache_file.read_bytes().split(b"\n", 2)
    cache_file.write_bytes(header[0] + b"\n" + header[1] + b"\n" + b"\x00" * 32 + bomb)
    assert load(org).ok
    assert not marker.exists()


class Exploit:
    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self) -> tuple[Any, ...]:
        return (Path.touch, (Path(self.path),))


def test_a_new_nencheck_version_invalidates_the_cache(
    org: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(org)
    monkeypatch.setattr(cache_module, "__version__", "99.0")
    parsed = Counting(monkeypatch)
    assert load(org).ok
    assert len(parsed.paths) == len(FILES)


def test_no_cache_option_neither_reads_nor_writes_the_cache(org: Path, run) -> None:
    result = run("check", "--as-of", AS_OF, "--no-cache", repo=org)
    assert result.exit_code in (0, 1), result.output
    assert not (org / ".nencheck").exists()
    result = run("check", "--as-of", AS_OF, repo=org)
    assert result.exit_code in (0, 1), result.output
    assert (org / CACHE_DIR / CACHE_FILE).read_bytes().startswith(MAGIC)
    assert (org / ".nencheck" / ".gitignore").read_text("utf-8").splitlines()[-1] == "*"


def test_a_cache_that_cannot_be_written_is_skipped_silently(org: Path, run) -> None:
    (org / ".nencheck").write_text("not a folder", encoding="utf-8")
    result = run("check", "--as-of", AS_OF, "--format", "json", repo=org)
    assert result.exit_code in (0, 1), result.output
    assert result.json()["errors"] == []
    assert result.stderr == ""


def test_a_deleted_file_leaves_the_cache_and_the_records(org: Path) -> None:
    load(org)
    (org / "evidence/audits/aud-1.yaml").unlink()
    records = load(org).records
    assert records is not None and records.audits == []
    assert "evidence/audits/aud-1.yaml" not in read_entries(org)


def test_a_git_revision_is_served_from_the_cache_by_blob_id(
    org: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nencheck.store.git.revision import GitRevision

    init_git(org)
    assert git(org, "rev-parse", "HEAD:policies/prot-001.yaml").strip() == blob_id(
        (org / "policies/prot-001.yaml").read_bytes()
    )
    load(org)  # the working tree fills the cache ...
    read: list[str] = []
    original = GitRevision.read
    monkeypatch.setattr(
        GitRevision, "read", lambda self, path: read.append(path) or original(self, path)
    )
    result = load_repository(GitRevision(org, "HEAD"), ParseCache(org.resolve()))
    assert result.ok
    assert read == []  # ... and the revision's identical blobs need no reading at all


def read_entries(root: Path) -> dict[str, Any]:
    return cache_module.saved_entries(root.resolve())


def test_a_value_not_of_its_declared_type_is_packed_as_it_is() -> None:
    from nencheck.model.base import Origin
    from nencheck.model.training import Completion
    from nencheck.store.cache import recordpack

    odd = Completion.model_construct(person="E1", module="AW-01", completed="2025-01-01")
    odd.with_origin(Origin.of("evidence/training/completions/x.yaml", 2, 5, {"person": (2, 13)}))
    back = recordpack.unpack(recordpack.pack([odd]))
    assert back == [odd]
    assert back[0].completed == "2025-01-01"
    assert back[0].origin == odd.origin


def test_a_linked_record_file_at_two_revisions_is_never_served_stale(org: Path) -> None:
    """The link's own blob (its target path) stays the same while the target changes: the
    cache must key by what is read, the target's content."""
    from nencheck.store.git.revision import GitRevision

    shared = org / "gedeeld" / "prot-001.yaml"
    shared.parent.mkdir()
    (org / "policies/prot-001.yaml").rename(shared)
    (org / "policies/prot-001.yaml").symlink_to("../gedeeld/prot-001.yaml")
    init_git(org)
    first = git(org, "rev-parse", "HEAD").strip()
    shared.write_text(shared.read_text().replace("pijn op de borst", "thoracale pijn"))
    git(org, "commit", "-qam", "Nieuwe titel")

    def title(rev: str) -> str:
        result = load_repository(GitRevision(org, rev), ParseCache(org.resolve()))
        assert result.records is not None
        return result.records.policies[0].title

    assert title(first) == "Triage bij pijn op de borst"
    assert title("HEAD") == "Triage bij thoracale pijn"
    assert title(first) == "Triage bij pijn op de borst"


def test_a_key_file_cut_short_by_a_crash_is_made_anew(org: Path) -> None:
    key = cache_module._key_path()
    key.parent.mkdir(parents=True, exist_ok=True)
    key.write_bytes(b"kort")
    load(org)
    assert len(key.read_bytes()) == 32
    assert (org / CACHE_DIR / CACHE_FILE).exists()
    assert not [p for p in key.parent.iterdir() if p.name.startswith(".cache.key.")]


@pytest.fixture
def larger_org(org: Path) -> Path:
    """The organisation with 24 more policies, so that a few changes make a small share."""
    template = FILES["policies/prot-001.yaml"]
    for number in range(2, 26):
        text = template.replace("PROT-001", f"PROT-{number:03}")
        (org / f"policies/prot-{number:03}.yaml").write_text(text, encoding="utf-8")
    return org


def policy_title(result: LoadResult, policy_id: str) -> str:
    assert result.records is not None
    return result.records.policy_by_id[policy_id].title


def test_an_edit_is_saved_beside_the_cache_file_and_served_from_both(
    larger_org: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache_file = larger_org / CACHE_DIR / CACHE_FILE
    delta_file = larger_org / CACHE_DIR / cache_module.DELTA_FILE
    assert load(larger_org).ok
    written = cache_file.read_bytes()
    assert not delta_file.exists()
    policy = larger_org / "policies/prot-007.yaml"
    policy.write_text(policy.read_text("utf-8").replace("pijn op", "druk op"), "utf-8")
    assert policy_title(load(larger_org), "PROT-007") == "Triage bij druk op de borst"
    assert cache_file.read_bytes() == written  # not pickled again for one file
    assert delta_file.exists()
    parsed = Counting(monkeypatch)
    again = load(larger_org)
    assert parsed.paths == []  # everything from the cache file and the delta
    assert policy_title(again, "PROT-007") == "Triage bij druk op de borst"


def test_a_removed_file_is_gone_from_the_entries_through_the_delta(larger_org: Path) -> None:
    load(larger_org)
    (larger_org / "policies/prot-009.yaml").unlink()
    result = load(larger_org)
    assert result.ok and result.records is not None
    assert "PROT-009" not in result.records.policy_by_id
    assert "policies/prot-009.yaml" not in read_entries(larger_org)
    assert (larger_org / CACHE_DIR / cache_module.DELTA_FILE).exists()


def test_a_delta_made_for_another_cache_file_is_left_out(larger_org: Path) -> None:
    """Two runs may write at once: a delta is applied only to the cache file it was made for."""
    cache = larger_org / CACHE_DIR
    load(larger_org)
    removed = larger_org / "policies/prot-009.yaml"
    content = removed.read_bytes()
    removed.unlink()
    load(larger_org)
    stale_delta = (cache / cache_module.DELTA_FILE).read_bytes()  # says: prot-009 is gone
    removed.write_bytes(content)
    for name in (cache_module.CACHE_FILE, cache_module.DELTA_FILE):
        (cache / name).unlink()
    load(larger_org)  # a new cache file, with another id
    (cache / cache_module.DELTA_FILE).write_bytes(stale_delta)
    assert "policies/prot-009.yaml" in read_entries(larger_org)
    result = load(larger_org)
    assert result.records is not None and "PROT-009" in result.records.policy_by_id


def test_many_changes_rewrite_the_cache_file_and_drop_the_delta(larger_org: Path) -> None:
    cache_file = larger_org / CACHE_DIR / CACHE_FILE
    delta_file = larger_org / CACHE_DIR / cache_module.DELTA_FILE
    load(larger_org)
    policy = larger_org / "policies/prot-002.yaml"
    policy.write_text(policy.read_text("utf-8").replace("pijn op", "druk op"), "utf-8")
    load(larger_org)
    assert delta_file.exists()
    written = cache_file.read_bytes()
    for number in range(3, 12):  # with the one before, more than an eighth of the files
        path = larger_org / f"policies/prot-{number:03}.yaml"
        path.write_text(path.read_text("utf-8").replace("pijn op", "druk op"), "utf-8")
    result = load(larger_org)
    assert cache_file.read_bytes() != written
    assert not delta_file.exists()
    assert policy_title(result, "PROT-011") == "Triage bij druk op de borst"
    assert policy_title(load(larger_org), "PROT-002") == "Triage bij druk op de borst"
