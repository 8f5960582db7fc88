"""Every console transcript in README.md and docs/*.md is run and compared (tests/transcripts.py
says how), so the documentation shows what nencheck really prints."""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import pytest

from tests import transcripts
from tests.conftest import PROJECT_ROOT

DOCUMENTS = [PROJECT_ROOT / "README.md", *sorted((PROJECT_ROOT / "docs").glob("*.md"))]
UPDATE = os.environ.get("NENCHECK_UPDATE_DOCS") == "1"


@pytest.fixture(scope="session")
def example_repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from nencheck.store.write.example import write_example

    target = tmp_path_factory.mktemp("docs") / "voorbeeld"
    write_example(target)
    return target


def test_every_document_with_transcripts_is_found() -> None:
    with_transcripts = [d.name for d in DOCUMENTS if transcripts.blocks_of(d)]
    assert "README.md" in with_transcripts and len(with_transcripts) >= 5


def test_a_skipped_block_says_why() -> None:
    for document in DOCUMENTS:
        for block in transcripts.blocks_of(document):
            assert block.skip is None or len(block.skip) > 10, block.name


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: d.name)
def test_transcripts_print_what_the_document_shows(
    document: Path, example_repository: Path, tmp_path: Path
) -> None:
    blocks = [block for block in transcripts.blocks_of(document) if block.skip is None]
    if not blocks:
        pytest.skip(f"{document.name} has no transcripts to run")
    sandbox = tmp_path / "voorbeeld"
    shutil.copytree(example_repository, sandbox, symlinks=True)
    home = tmp_path / "home"
    home.mkdir()
    env = transcripts.environment(home, Path(sys.executable).parent)
    failures, updates, status = [], [], 0
    for block in blocks:
        for command in block.commands:
            actual, status = transcripts.run(command, sandbox, env, status)
            if transcripts.matches(command.expected, actual):
                continue
            if UPDATE and not transcripts.has_ellipsis(command.expected):
                updates.append((block, command, actual))
                continue
            failures.append(
                f"{block.name}: $ {command.text}\n--- expected\n"
                + "\n".join(command.expected)
                + "\n--- printed\n"
                + "\n".join(actual)
            )
    if updates:
        transcripts.rewrite(document, updates)
    assert not failures, "\n\n".join(failures)


# Written on other branches at the time of writing; checked like any other once they exist.
LANDING = {"risks.md", "site.md", "network.md"}
LINK = re.compile(r"\]\(([^)\s]+)\)")


def _anchors(document: Path) -> set[str]:
    anchors, fenced = set(), False
    for line in document.read_text(encoding="utf-8").split("\n"):
        if line.lstrip().startswith("```"):
            fenced = not fenced
        elif not fenced and line.startswith("#"):
            title = line.lstrip("#").strip().lower()
            anchors.add(re.sub(r"[^\w\- ]", "", title).replace(" ", "-"))
    return anchors


def _prose(document: Path) -> str:
    """The document without code blocks and code spans, where link syntax is only shown."""
    text = re.sub(r"^\s*```.*?^\s*```", "", document.read_text(encoding="utf-8"), flags=re.M | re.S)
    return re.sub(r"`[^`]*`", "", text)


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: d.name)
def test_links_between_the_documents_lead_somewhere(document: Path) -> None:
    broken = []
    for target in LINK.findall(_prose(document)):
        if target.startswith(("http://", "https://", "mailto:")):
            continue
        path, _, anchor = target.partition("#")
        linked = (document.parent / path).resolve() if path else document
        if not linked.exists():
            if linked.name not in LANDING:
                broken.append(target)
            continue
        if anchor and linked.suffix == ".md" and anchor not in _anchors(linked):
            broken.append(target)
    assert not broken, f"{document.name}: {broken}"
