"""The SoA as JSON (SPEC: ``{"framework", "controls": [...]}``; extra keys are additions)."""

from __future__ import annotations

from nencheck.render.json_text import json_text
from nencheck.render.soa_common import SoaView


def render(view: SoaView) -> str:
    document = {
        "framework": view.framework,
        "organisation": view.organisation,
        "as_of": view.as_of.isoformat(),
        "controls": [row.to_json() for row in view.rows],
    }
    return json_text(document)
