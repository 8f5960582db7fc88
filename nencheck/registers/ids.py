"""New record identifiers, derived predictably from what already exists.

Rules (docs/registers.md, "Identifiers"):

- a finding of audit ``AUD-2026-INT`` is ``F-2026-INT-NN``: the audit id without its ``AUD-``
  prefix (an audit id without that prefix is used whole: ``INT-2026`` -> ``F-INT-2026-NN``);
- evidence is ``EV-<year>-NNN`` and an incident ``INC-<year>-NNN``, the year of the date it was
  collected or reported;
- ``NN``/``NNN`` is one more than the highest number already used with that prefix (so a
  number is never reused after a gap), zero-padded to two or three digits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def next_id(prefix: str, existing: Iterable[str], width: int) -> str:
    """``prefix`` followed by one more than the highest number used after it, zero-padded."""
    pattern = re.compile(re.escape(prefix) + r"(\d+)$", re.IGNORECASE)
    highest = 0
    for identifier in existing:
        match = pattern.match(identifier)
        if match:
            highest = max(highest, int(match.group(1)))
    return f"{prefix}{highest + 1:0{width}d}"


def finding_prefix(audit_id: str) -> str:
    stem = audit_id[4:] if audit_id.upper().startswith("AUD-") and len(audit_id) > 4 else audit_id
    return f"F-{stem}-"


def next_finding_id(audit_id: str, existing: Iterable[str]) -> str:
    return next_id(finding_prefix(audit_id), existing, 2)


def next_evidence_id(year: int, existing: Iterable[str]) -> str:
    return next_id(f"EV-{year}-", existing, 3)


def next_incident_id(year: int, existing: Iterable[str]) -> str:
    return next_id(f"INC-{year}-", existing, 3)
