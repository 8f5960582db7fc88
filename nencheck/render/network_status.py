"""``network status`` in each format, from the ``network status --format json`` document:
one row per member (its mirror indicators), the network totals and the mirror statistics."""

from __future__ import annotations

import csv
import io
import textwrap
from collections.abc import Callable
from datetime import date
from typing import Any

from nencheck.i18n import _, current_language

# The mirror indicators in reading order (nencheck.network.figures.INDICATORS).
ORDER = (
    "policies_overdue_share",
    "training_rate",
    "findings_open",
    "findings_overdue",
    "controls_implemented_share",
    "late_notifications",
)
SHARES = frozenset({"policies_overdue_share", "training_rate", "controls_implemented_share"})
WIDTH = 80


def indicator_labels() -> dict[str, str]:
    return {
        "policies_overdue_share": _("Policies overdue"),
        "training_rate": _("Training completed"),
        "findings_open": _("Open findings"),
        "findings_overdue": _("Overdue findings"),
        "controls_implemented_share": _("Controls implemented"),
        "late_notifications": _("Late notifications"),
    }


def indicator_notes() -> dict[str, str]:
    """What each indicator counts, for the documents' legend."""
    return {
        "policies_overdue_share": _("share of the active policies whose review is overdue"),
        "training_rate": _("share of the required training that is validly completed"),
        "findings_open": _("audit findings not closed"),
        "findings_overdue": _("open findings past their due date"),
        "controls_implemented_share": _("share of the applicable controls that is implemented"),
        "late_notifications": _("data breaches and calamities notified or reported late"),
    }


def show(name: str, value: float | None) -> str:
    """A share as a percentage, a count as a number (a median may be a half)."""
    if value is None:
        return "—"
    if name in SHARES:
        return f"{round(value * 100)}%"
    if float(value).is_integer():
        return f"{value:g}"
    text = f"{value:.1f}"
    return text.replace(".", ",") if current_language() == "nl" else text


def _member_cells(member: dict[str, Any]) -> list[str]:
    values = member["indicators"] or {}
    return [show(name, values.get(name)) for name in ORDER]


def render_text(document: dict[str, Any]) -> str:
    """One row per member, fitting 80 columns; a failed member's reason wrapped below it."""
    short = [
        _("Pol.ovd"),
        _("Train."),
        _("Find."),
        _("F.ovd"),
        _("Impl."),
        _("Late"),
    ]
    row = "{:<6} {:<24}" + " {:>7}" * len(ORDER)
    lines = [
        _("{network}: {count} members on {date}").format(
            network=document["network"], count=len(document["members"]), date=document["as_of"]
        ),
        "",
        row.format(_("Id"), _("Member"), *short),
    ]
    for member in document["members"]:
        name = _cut(member["name"], 24)
        if member["ok"]:
            lines.append(row.format(_cut(member["id"], 6), name, *_member_cells(member)))
            if member["error"]:  # evaluated without its unreadable files: say which
                lines += _indented("! " + member["error"])
            continue
        lines.append(f"{_cut(member['id'], 6):<6} {name:<24} " + _("cannot be read:"))
        lines += _indented(str(member["error"]))
    lines.append("")
    mirror = document["mirror"]
    for key, label in (("q1", _("Q1")), ("median", _("Median")), ("q3", _("Q3"))):
        cells = [show(name, mirror[name][key]) for name in ORDER]
        lines.append(row.format("", label, *cells))
    lines += ["", *_legend_lines(short)]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _indented(text: str) -> list[str]:
    indent = " " * 9
    return textwrap.wrap(
        text, WIDTH - 9, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False
    )


def _legend_lines(short: list[str]) -> list[str]:
    labels, notes = indicator_labels(), indicator_notes()
    text = "; ".join(
        f"{abbreviation} = {labels[name].lower()} ({notes[name]})"
        for abbreviation, name in zip(short, ORDER, strict=True)
    )
    readable = _("Q1, median, Q3: the quartiles over the members that could be read.")
    return [*textwrap.wrap(text, WIDTH), *textwrap.wrap(readable, WIDTH)]


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def render_json(document: dict[str, Any]) -> str:
    from nencheck.render.json_text import json_text

    return json_text(document)


def render_csv(document: dict[str, Any]) -> str:
    """One row per member: id, name, ok, error and the indicators (shares as fractions)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "name", "ok", "error", *ORDER])
    for member in document["members"]:
        values = member["indicators"] or {}
        cells = ["" if values.get(name) is None else values[name] for name in ORDER]
        writer.writerow(
            [member["id"], member["name"], str(member["ok"]).lower(), member["error"] or "", *cells]
        )
    return out.getvalue()


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(document: dict[str, Any]) -> str:
    labels = indicator_labels()
    heads = [_("Id"), _("Member"), *(labels[name] for name in ORDER)]
    lines = [
        f"# {_md(document['network'])}",
        "",
        _("Status of the members on {date}.").format(date=document["as_of"]),
        "",
        "| " + " | ".join(heads) + " |",
        "|" + "---|" * 2 + "---:|" * len(ORDER),
    ]
    for member in document["members"]:
        cells = (
            _member_cells(member)
            if member["ok"]
            else [_("cannot be read: {reason}").format(reason=member["error"])]
            + [""] * (len(ORDER) - 1)
        )
        lines.append(
            "| " + " | ".join(_md(c) for c in [member["id"], member["name"], *cells]) + " |"
        )
    warnings = [m for m in document["members"] if m["ok"] and m["error"]]
    if warnings:
        lines.append("")
        lines += [f"- **{_md(m['id'])}**: {_md(m['error'])}" for m in warnings]
    lines += ["", f"## {_('Mirror statistics')}", "", *mirror_markdown(document["mirror"])]
    return "\n".join(lines) + "\n"


def mirror_markdown(mirror: dict[str, Any]) -> list[str]:
    labels = indicator_labels()
    lines = [
        "| " + " | ".join([_("Indicator"), _("Q1"), _("Median"), _("Q3")]) + " |",
        "|---|---:|---:|---:|",
    ]
    for name in ORDER:
        figures = mirror[name]
        cells = [show(name, figures[key]) for key in ("q1", "median", "q3")]
        lines.append(f"| {labels[name]} | " + " | ".join(cells) + " |")
    return lines


def render_html(document: dict[str, Any]) -> str:
    from nencheck.render.templating import environment, render_template

    return render_template(environment(), "network_status.html", html_context(document))


def html_context(document: dict[str, Any]) -> dict[str, Any]:
    from nencheck.render.texts import document_texts

    return {
        "as_of": date.fromisoformat(document["as_of"]),
        "doc": document,
        "t": document_texts(),
        "order": ORDER,
        "labels": indicator_labels(),
        "notes": indicator_notes(),
        "show": show,
        "cells": _member_cells,
    }


RENDERERS: dict[str, Callable[[dict[str, Any]], str]] = {
    "text": render_text,
    "json": render_json,
    "csv": render_csv,
    "markdown": render_markdown,
    "html": render_html,
}
