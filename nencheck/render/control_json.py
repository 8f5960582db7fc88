"""``control show --format json``: one document with everything linked to the control."""

from __future__ import annotations

from datetime import date

from nencheck.checks.control_view import ControlView
from nencheck.render.json_text import json_text


def render(view: ControlView, as_of: date) -> str:
    document = {
        "as_of": as_of.isoformat(),
        "id": view.id,
        "title": view.title,
        "theme": view.theme,
        "theme_label": view.theme_label,
        "in_catalog": view.in_catalog,
        "iso27002_2013": view.iso27002_2013,
        "soa": view.soa_json(),
        "policies": view.policies,
        "evidence": view.evidence,
        "findings": view.findings,
        "incidents": view.incidents,
        "risks": view.risks,
        "history": view.history,
    }
    return json_text(document)
