"""The working tree's answers that ``check`` asks for thousands of paths: whether a linked path
leads outside the repository, whether a document may exist, and the walk's folder paths. Each is
answered from one listing per folder; these tests hold those answers to the file system's."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from nencheck.store.read.source import WorkingTree

pytestmark = pytest.mark.skipif(os.name != "posix", reason="symbolic links")


def _tree(root: Path) -> Path:
    (root / "repo" / "docs").mkdir(parents=True)
    (root / "elders").mkdir()
    (root / "elders" / "geheim.md").write_text("geheim\n", encoding="utf-8")
    (root / "repo" / "docs" / "a.md").write_text("a\n", encoding="utf-8")
    (root / "repo" / "docs" / "uit.md").symlink_to(root / "elders" / "geheim.md")
    (root / "repo" / "docs" / "in.md").symlink_to("a.md")
    return root / "repo"


def test_a_link_outside_is_found_after_its_folder_was_listed(tmp_path: Path) -> None:
    tree = WorkingTree(_tree(tmp_path))
    assert not tree.points_outside("docs/a.md")  # lists docs/ and finds it inside
    assert tree.points_outside("docs/uit.md")  # same folder, a link that leaves
    assert not tree.points_outside("docs/in.md")  # a link that stays inside
    assert not tree.points_outside("docs/nog-niet.md")  # not there yet: not outside either
    assert tree.points_outside("docs/../../elders/geheim.md")
    assert tree.points_outside("/etc/passwd")
    assert tree.points_outside("~/x.md")


def test_a_link_in_another_letter_case_is_asked_of_the_file_system(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    tree = WorkingTree(root)
    assert not tree.points_outside("docs/a.md")
    # On a file system that ignores case, docs/UIT.md is the link; on this one it is absent.
    # Either way the answer is the file system's own, not the listing's guess.
    expected = os.path.islink(root / "docs" / "UIT.md")
    assert tree.points_outside("docs/UIT.md") == expected


def test_may_exist_only_says_no_when_the_listing_proves_it(tmp_path: Path) -> None:
    tree = WorkingTree(_tree(tmp_path))
    assert tree.may_exist("docs/a.md")
    assert tree.may_exist("docs/A.md")  # there on a file system that ignores case
    assert not tree.may_exist("docs/b.md")
    assert not tree.may_exist("nergens/b.md")  # no such folder: nothing in it


def test_a_record_folder_that_is_a_link_outside_keeps_leading_outside(tmp_path: Path) -> None:
    (tmp_path / "elders" / "hap").mkdir(parents=True)
    (tmp_path / "elders" / "hap" / "p.yaml").write_text("id: X\n", encoding="utf-8")
    (tmp_path / "repo").mkdir()
    (tmp_path / "repo" / "policies").symlink_to(tmp_path / "elders")
    tree = WorkingTree(tmp_path / "repo")
    assert tree.files("policies") == ["policies/hap/p.yaml"]
    assert tree.points_outside("policies/hap/p.yaml")
    assert tree.inside_stat("policies/hap/p.yaml") is None


def test_a_folder_walked_into_has_the_real_path_of_its_parent(tmp_path: Path) -> None:
    (tmp_path / "echt" / "hap").mkdir(parents=True)
    (tmp_path / "echt" / "hap" / "p.yaml").write_text("id: X\n", encoding="utf-8")
    (tmp_path / "policies").symlink_to("echt")  # a link that stays inside
    tree = WorkingTree(tmp_path)
    assert tree.files("policies") == ["policies/hap/p.yaml"]
    assert not tree.points_outside("policies/hap/p.yaml")
    stat = tree.inside_stat("policies/hap/p.yaml")
    assert stat is not None and stat.st_size == len("id: X\n")


def test_absolute_and_home_paths_lead_outside_whatever_was_asked_before(tmp_path: Path) -> None:
    """ "/x" and "~x" split into the root's folder, "": once a path at the root had been
    answered from the root's listing, they were taken for names in it (found in review)."""
    root = _tree(tmp_path)
    (root / "handboek.md").write_text("h\n", encoding="utf-8")
    tree = WorkingTree(root)
    assert not tree.points_outside("handboek.md")  # lists the root
    assert tree.inside_stat("handboek.md") is not None  # and knows it lies inside
    for path in ("/handboek.md", "/etc", "~handboek.md", "~", "/"):
        assert tree.points_outside(path), path
        assert tree.inside_stat(path) is None, path
