"""The policy register, one policy and its history as JSON (SPEC, "JSON output")."""

from __future__ import annotations

from datetime import date
from typing import Any

from nencheck.checks.policy_register import PolicyRow
from nencheck.model.history import Version
from nencheck.render.json_text import json_text


def _dump(data: Any) -> str:
    return json_text(data)


def render_list(rows: list[PolicyRow], as_of: date) -> str:
    return _dump({"as_of": as_of.isoformat(), "policies": [row.summary_json() for row in rows]})


def render_show(row: PolicyRow, as_of: date) -> str:
    return _dump({**row.record_json(), "as_of": as_of.isoformat()})


def render_history(policy_id: str, versions: list[Version]) -> str:
    return _dump({"id": policy_id, "versions": [version.to_json() for version in versions]})
