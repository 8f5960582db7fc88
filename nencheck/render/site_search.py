"""The Kennisbank's search index: one JavaScript file that sets ``window.NENCHECK_INDEX``, loaded
by a script tag (a ``fetch`` of a JSON file is refused from ``file://``). Each entry holds the
title, id, page, type, units, state and the document's words; ``search.js`` folds case and
accents in the browser."""

from __future__ import annotations

import json
from collections.abc import Callable

from nencheck.render.site_model import SiteEntry


def search_index_js(
    entries: list[SiteEntry], type_label: Callable[[str], str], unit_name: Callable[[str], str]
) -> str:
    rows = [
        {
            "i": entry.id,
            "t": entry.row.policy.title,
            "u": entry.page,
            "k": type_label(entry.row.policy.type.value),
            "e": ", ".join(unit_name(unit) for unit in entry.row.policy.units),
            "s": entry.row.state,
            "x": entry.document.text,
        }
        for entry in entries
    ]
    body = json.dumps(rows, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    return f"window.NENCHECK_INDEX = {body};\n"
