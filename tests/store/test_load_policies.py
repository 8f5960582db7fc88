"""Loading only the policies, for commands about one policy (history, diff)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from nencheck.store.read import loader
from nencheck.store.read.loader import FileResult, load_policies, read_record_file
from nencheck.store.read.source import FileSource, WorkingTree
from tests.conftest import PROJECT_ROOT


def _copy_policies(tmp_path: Path) -> Path:
    root = tmp_path / "org"
    root.mkdir()
    shutil.copy(PROJECT_ROOT / "nencheck.yaml", root)
    shutil.copytree(PROJECT_ROOT / "policies", root / "policies")
    return root


def _counting_reader(paths: list[str]):
    def read(source: FileSource, path: str, kind: str) -> FileResult:
        paths.append(path)
        return read_record_file(source, path, kind)

    return read


def test_the_file_named_after_the_id_is_parsed_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """... and parsed directly: the reader given (the parse cache) is not opened at all."""
    root = _copy_policies(tmp_path)
    parsed: list[str] = []
    monkeypatch.setattr(loader, "read_record_file", _counting_reader(parsed))
    through_reader: list[str] = []
    policies, errors = load_policies(
        WorkingTree(root), _counting_reader(through_reader), "PROT-HAP-014"
    )
    assert errors == []
    assert [p.id for p in policies] == ["PROT-HAP-014"]
    assert parsed == ["policies/hap/prot-hap-014.yaml"]
    assert through_reader == []


def test_a_policy_in_a_file_with_another_name_is_still_found(tmp_path: Path) -> None:
    root = _copy_policies(tmp_path)
    (root / "policies/hap/prot-hap-014.yaml").rename(root / "policies/hap/triage-borst.yaml")
    read: list[str] = []
    policies, errors = load_policies(WorkingTree(root), _counting_reader(read), "PROT-HAP-014")
    assert errors == []
    assert "PROT-HAP-014" in {p.id for p in policies}
    policy_files = [
        path
        for path in (root / "policies").rglob("*.yaml")
        if "documents" not in path.relative_to(root).parts
    ]
    assert len(policies) == len(read) == len(policy_files)  # each policy file once, nothing else
    assert all(path.startswith("policies/") for path in read)
    assert not any(path.startswith("policies/documents/") for path in read)


def test_without_an_id_every_policy_is_read(tmp_path: Path) -> None:
    root = _copy_policies(tmp_path)
    policies, errors = load_policies(WorkingTree(root))
    assert errors == [] and len(policies) == len(list((root / "policies").rglob("*.yaml")))
