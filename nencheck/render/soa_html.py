"""The SoA as a self-contained HTML page (the same tables as the report's appendix)."""

from __future__ import annotations

from pathlib import Path

from nencheck.render.soa_common import SoaView
from nencheck.render.templating import environment, render_template
from nencheck.render.texts import document_texts, label_namespace
from nencheck.render.unreadable import unreadable_note


def render(view: SoaView, template_dir: Path | None = None) -> str:
    env = environment(template_dir)
    context = {
        "soa": view,
        "as_of": view.as_of,
        "t": document_texts(),
        "labels": label_namespace(),
        "unreadable_note": unreadable_note(view.unreadable, "soa"),
    }
    return render_template(env, "soa.html", context)
