"""Evidence integrity: recompute the sha256 of every evidence file and find files under
evidence/files/ that no record names (``nencheck verify``)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path, PurePosixPath

from nencheck.model.evidence import Evidence
from nencheck.model.records import Records
from nencheck.model.types import URL_PREFIXES
from nencheck.model.verify import CHANGED, MISSING, OK, UNHASHED, FileCheck, VerifyReport

EVIDENCE_FILES_DIR = "evidence/files"
CHUNK = 1 << 20


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def verify_evidence(root: Path, records: Records) -> VerifyReport:
    """Check every evidence item with a local file, then list the files nothing refers to."""
    report = VerifyReport()
    for item in sorted(records.evidence, key=lambda evidence: evidence.id):
        if item.file and not item.file.startswith(URL_PREFIXES):
            report.checks.append(_check(root, item))
    report.unreferenced = unreferenced_files(root, referenced_paths(records))
    return report


def _check(root: Path, item: Evidence) -> FileCheck:
    """A changed file points at the recorded ``sha256``; a missing or unhashed one at ``file``."""
    assert item.file is not None
    path = root / item.file
    actual = sha256_of(path) if path.is_file() else None
    if actual is None:
        state = MISSING
    elif item.sha256 is None:
        state = UNHASHED
    else:
        state = OK if actual == item.sha256.lower() else CHANGED
    line = item.origin.at("sha256" if state in (OK, CHANGED) else "file")[0]
    return FileCheck(item.id, item.file, state, item.sha256, actual, item.origin.file, line)


def referenced_paths(records: Records) -> set[str]:
    """Repository paths named by an evidence ``file``, an audit ``report`` or a policy ``document``."""
    named = [item.file for item in records.evidence]
    named += [audit.report for audit in records.audits]
    named += [policy.document for policy in records.policies]
    return {_normal(path) for path in named if path and not path.startswith(URL_PREFIXES)}


def unreferenced_files(root: Path, referenced: set[str]) -> list[str]:
    base = root / EVIDENCE_FILES_DIR
    found: list[str] = []
    for directory, subdirs, names in os.walk(base):
        subdirs[:] = [name for name in subdirs if not name.startswith(".")]
        for name in names:
            if name.startswith("."):
                continue  # .gitkeep and editor droppings are not evidence
            relative = (Path(directory) / name).relative_to(root).as_posix()
            if relative not in referenced:
                found.append(relative)
    return sorted(found)


def _normal(path: str) -> str:
    return PurePosixPath(path.replace("\\", "/")).as_posix().removeprefix("./")
