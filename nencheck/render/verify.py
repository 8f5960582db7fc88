"""The report of ``nencheck verify`` as text and JSON."""

from __future__ import annotations

from datetime import date

from nencheck.i18n import _
from nencheck.model.verify import CHANGED, MISSING, OK, UNHASHED, VerifyReport
from nencheck.render.json_text import json_text
from nencheck.render.layout import wrap_block


def verify_json(report: VerifyReport, as_of: date) -> str:
    document = {
        "ok": report.ok,
        "as_of": as_of.isoformat(),
        "checked": len(report.checks),
        "files": [check.to_json() for check in report.checks],
        "changed": [check.file for check in report.having(CHANGED)],
        "missing": [check.file for check in report.having(MISSING)],
        "unhashed": [check.file for check in report.having(UNHASHED)],
        "unreferenced": report.unreferenced,
    }
    return json_text(document)


def verify_text(report: VerifyReport, as_of: date, width: int | None = None) -> str:
    lines = []
    for check in report.having(CHANGED):
        lines.append(
            _(
                "{record}: error changed: {file} of {id} has sha256 {actual}, recorded {recorded}"
            ).format(
                record=f"{check.record_file}:{check.line}",
                file=check.file,
                id=check.evidence,
                actual=check.actual,
                recorded=check.recorded,
            )
        )
    for check in report.having(MISSING):
        lines.append(
            _("{record}: error missing: {file} of {id} is not there").format(
                record=f"{check.record_file}:{check.line}", file=check.file, id=check.evidence
            )
        )
    for check in report.having(UNHASHED):
        lines.append(
            _(
                "{record}: warning unhashed: {file} of {id} has no sha256 recorded; add "
                "sha256: {actual}"
            ).format(
                record=f"{check.record_file}:{check.line}",
                file=check.file,
                id=check.evidence,
                actual=check.actual,
            )
        )
    for path in report.unreferenced:
        lines.append(
            _("{file}: warning unreferenced: no evidence, audit or policy names this file").format(
                file=path
            )
        )
    lines.append(
        _(
            "{ok} of {checked} evidence file(s) unchanged; {changed} changed, {missing} "
            "missing, {unreferenced} unreferenced"
        ).format(
            ok=len(report.having(OK)),
            checked=len(report.checks),
            changed=len(report.having(CHANGED)),
            missing=len(report.having(MISSING)),
            unreferenced=len(report.unreferenced),
        )
    )
    return "\n".join(wrap_block(lines, width)) + "\n"
