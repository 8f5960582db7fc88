"""Attaching an evidence file: copy it under evidence/files/<year>/, record its sha256 in a new
evidence record evidence/records/<year>/<id>.yaml; both files go into one commit."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from nencheck.errors import NencheckError
from nencheck.i18n import _
from nencheck.model.records import Records
from nencheck.model.types import NEW_ID_PATTERN, Duration
from nencheck.registers.ids import next_evidence_id
from nencheck.store.read.loader import EVIDENCE_DIR
from nencheck.store.read.verify import EVIDENCE_FILES_DIR
from nencheck.store.write.record_edits import Edit, ensure_valid, require_controls
from nencheck.store.write.writer import Change, new_record_yaml


@dataclass(frozen=True)
class NewEvidence:
    source: Path
    title: str
    controls: Sequence[str]
    collected: date
    valid_for: Duration | None = None
    valid_until: date | None = None
    owner: str | None = None
    evidence_id: str | None = None


def attach_evidence(root: Path, records: Records, new: NewEvidence) -> Edit:
    """The record and, unless the same file is already stored there, the copied file."""
    import re

    require_controls(records, new.controls)
    if new.valid_for is None and new.valid_until is None:
        raise NencheckError(_("give --valid-for (e.g. 1y) or --valid-until DATE"))
    if not new.source.is_file():
        raise NencheckError(_("{path}: no such file").format(path=new.source))
    year = new.collected.year
    evidence_id = new.evidence_id or next_evidence_id(year, records.evidence_by_id)
    if new.evidence_id is not None and not re.match(NEW_ID_PATTERN, evidence_id):
        raise NencheckError(
            _("--id '{id}' is not an id; use letters, digits, '.', '-' and '_'").format(
                id=evidence_id
            )
        )
    if evidence_id in records.evidence_by_id:
        raise NencheckError(
            _("evidence {id} already exists in {file}; choose another --id").format(
                id=evidence_id, file=records.evidence_by_id[evidence_id].origin.file
            )
        )
    content = new.source.read_bytes()
    digest = hashlib.sha256(content).hexdigest()
    stored = f"{EVIDENCE_FILES_DIR}/{year}/{new.source.name}"
    changes = []
    if _needs_copy(root / stored, digest, stored):
        changes.append(Change(stored, content))
    record_path = f"{EVIDENCE_DIR}/{year}/{evidence_id.lower()}.yaml"
    if (root / record_path).exists():
        raise NencheckError(
            _("{file} already exists; choose another --id").format(file=record_path)
        )
    record = new_record_yaml(_record_data(new, evidence_id, stored, digest))
    ensure_valid(record_path, record, "evidence")
    changes.append(Change(record_path, record))
    message = _(
        "Add evidence {id}: {title}\n\nFile {file} (sha256 {digest}), for control(s) {controls}."
    ).format(
        id=evidence_id,
        title=new.title,
        file=stored,
        digest=digest[:16],
        controls=", ".join(new.controls) or "-",
    )
    return Edit(evidence_id, changes, message)


def _needs_copy(target: Path, digest: str, stored: str) -> bool:
    """False when the identical file is already stored; refuses to replace a different one."""
    if not target.exists():
        return True
    if hashlib.sha256(target.read_bytes()).hexdigest() == digest:
        return False
    raise NencheckError(
        _(
            "{file} already exists with other content; rename your file, or if it replaces the "
            "old one, record it under a new name (old evidence stays verifiable)"
        ).format(file=stored)
    )


def _record_data(new: NewEvidence, evidence_id: str, stored: str, digest: str) -> dict[str, object]:
    data: dict[str, object] = {"id": evidence_id, "title": new.title}
    if new.controls:
        data["controls"] = list(new.controls)
    data["collected"] = new.collected
    if new.valid_for is not None:
        data["valid_for"] = str(new.valid_for)
    else:
        data["valid_until"] = new.valid_until
    if new.owner:
        data["owner"] = new.owner
    data["file"] = stored
    data["sha256"] = digest
    return data
