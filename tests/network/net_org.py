"""A generated network of five members built from the example organisation: two folders, one
git URL (a local bare repository reached through file://), one with a broken nencheck.yaml and
one whose URL leads nowhere; and a small network of three folders, one of them with a broken
policy file (evaluated without it) and one with a broken nencheck.yaml."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import copy_example, git, init_git

NETWORK_NAME = "Huisartsencoöperatie Regio Oost"


@dataclass(frozen=True)
class Net:
    file: Path  # network.yaml
    members: dict[str, Path]  # id -> the member's own folder (for a git member: its source)
    names: dict[str, str]  # id -> name


def _edit_settings(root: Path, old: str, new: str) -> None:
    settings = root / "nencheck.yaml"
    text = settings.read_text("utf-8")
    assert old in text, old
    settings.write_text(text.replace(old, new), "utf-8")


def build_network(base: Path) -> Net:
    base.mkdir(parents=True, exist_ok=True)
    # P001: the example as it is (Dutch, fail_on: [policy-overdue]).
    p001 = init_git(copy_example(base / "members" / "de-linde"))
    # P002: English, a lower training target, due_soon 30 days, a unit renamed, one audit less.
    p002 = copy_example(base / "members" / "zuid")
    _edit_settings(p002, "language: nl", "language: en")
    _edit_settings(p002, "training_target: 0.90", "training_target: 0.75")
    _edit_settings(p002, "due_soon: 60d", "due_soon: 30d")
    _edit_settings(p002, "name: Huisartsenspoedpost}", "name: Spoedpost Zuid}")
    (p002 / "evidence" / "audits" / "aud-2025-ext.yaml").unlink()
    init_git(p002)
    # P003: a git URL (a local bare repository), nothing fails the build, two audits less.
    p003 = copy_example(base / "sources" / "noord")
    _edit_settings(p003, "fail_on: [policy-overdue]", "fail_on: []")
    _edit_settings(p003, "due_soon: 60d", "due_soon: 90d")
    for audit in ("aud-2025-int.yaml", "aud-2026-sa.yaml"):
        (p003 / "evidence" / "audits" / audit).unlink()
    init_git(p003)
    bare = base / "remotes" / "noord.git"
    git(base, "clone", "-q", "--bare", str(p003), str(bare))
    # P004: a broken nencheck.yaml (a training target that is not a number).
    p004 = copy_example(base / "members" / "west")
    _edit_settings(p004, "training_target: 0.90", "training_target: veel")
    init_git(p004)
    names = {
        "P001": "Huisartsenpraktijk De Linde",
        "P002": "Gezondheidscentrum Zuid",
        "P003": "Praktijk Noord",
        "P004": "Huisartsen West",
        "P005": "Praktijk Oost",
    }
    network = base / "netwerk" / "network.yaml"
    network.parent.mkdir(parents=True)
    network.write_text(
        f"network: {NETWORK_NAME}\n"
        "language: nl\n"
        "members:\n"
        f"  - {{id: P001, name: {names['P001']}, repo: ../members/de-linde}}\n"
        f"  - {{id: P002, name: {names['P002']}, repo: ../members/zuid}}\n"
        f"  - {{id: P003, name: {names['P003']}, repo: '{bare.as_uri()}', rev: main}}\n"
        f"  - {{id: P004, name: {names['P004']}, repo: ../members/west}}\n"
        f"  - {{id: P005, name: {names['P005']}, repo: '{(base / 'nowhere.git').as_uri()}'}}\n",
        "utf-8",
    )
    members = {"P001": p001, "P002": p002, "P003": p003, "P004": p004}
    return Net(network, members, names)


def readable_network(base: Path, net: Net, ids: tuple[str, ...]) -> Path:
    """A second network.yaml of only the given members of ``net`` (same repositories)."""
    lines = net.file.read_text("utf-8").splitlines()
    kept = [line for line in lines if not line.startswith("  - ") or any(i in line for i in ids)]
    path = base / "network.yaml"
    path.write_text(
        "\n".join(kept).replace("../members", str(net.file.parent.parent / "members")) + "\n",
        "utf-8",
    )
    return path


def remove(path: Path) -> None:
    shutil.rmtree(path)


BROKEN_POLICY = "policies/hap/prot-hap-014.yaml"


def build_degraded_network(base: Path) -> Path:
    """network.yaml of P001 (the example), P002 "Zuid" (the example with BROKEN_POLICY no longer
    valid YAML) and P003 "West" (a nencheck.yaml with a training target that is not a number)."""
    init_git(copy_example(base / "linde"))
    zuid = copy_example(base / "zuid")
    broken = zuid / BROKEN_POLICY
    broken.write_text(broken.read_text("utf-8") + "owner: [niet gesloten\n", "utf-8")
    init_git(zuid)
    west = copy_example(base / "west")
    _edit_settings(west, "training_target: 0.90", "training_target: veel")
    init_git(west)
    network = base / "network.yaml"
    network.write_text(
        "network: Regio Oost\nmembers:\n"
        "  - {id: P001, name: De Linde, repo: linde}\n"
        "  - {id: P002, name: Zuid, repo: zuid}\n"
        "  - {id: P003, name: West, repo: west}\n",
        "utf-8",
    )
    return network
