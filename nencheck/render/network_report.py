"""``network report``: the network report (members, totals, mirror statistics, and the charts of
each member's management report) and one member's mirror report, as one offline HTML file or
Markdown.

The mirror report is built from the member's own status document, its own charts and the mirror
statistics (numbers only): the other members' names and ids are never handed to its template.
"""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

from nencheck.i18n import _, ngettext
from nencheck.render import charts as svg
from nencheck.render.network_status import (
    ORDER,
    SHARES,
    html_context,
    indicator_labels,
    indicator_notes,
    show,
)
from nencheck.render.report_context import KeyFigure


def render_network(
    document: dict[str, Any],
    charts: dict[str, dict[str, str]],
    figures: dict[str, list[KeyFigure]],
    output_format: str,
) -> str:
    """``charts`` and ``figures``: per member id, its management report's charts and key
    figures (from ``nencheck.network.evaluate``)."""
    members = [m for m in document["members"] if m["ok"]]
    if output_format == "markdown":
        return _network_markdown(document, members, figures)
    from markupsafe import Markup

    from nencheck.render.templating import environment, render_template

    context = html_context(document)
    context["sections"] = [
        {
            "member": member,
            "figures": figures.get(member["id"], []),
            "position": Markup(mirror_chart(member["indicators"], document["mirror"])),
            "charts": captioned(charts.get(member["id"], {})),
        }
        for member in members
    ]
    return render_template(environment(), "network_report.html", context)


def render_mirror(
    document: dict[str, Any],
    member_id: str,
    charts: dict[str, str],
    figures: list[KeyFigure],
    output_format: str,
) -> str:
    """One member's mirror report: nothing of another member is passed on."""
    member = next(m for m in document["members"] if m["id"] == member_id)
    own = {
        "as_of": document["as_of"],
        "network": document["network"],
        "mirror": document["mirror"],
        "id": member["id"],
        "name": member["name"],
        "status": member["status"],
        "indicators": member["indicators"],
        "note": excluded_note(member["status"]),
    }
    if output_format == "markdown":
        return _mirror_markdown(own, figures)
    from markupsafe import Markup

    from nencheck.render.templating import environment, render_template
    from nencheck.render.texts import document_texts

    context = {
        "as_of": date.fromisoformat(own["as_of"]),
        "own": own,
        "t": document_texts(),
        "order": ORDER,
        "labels": indicator_labels(),
        "notes": indicator_notes(),
        "show": show,
        "figures": figures,
        "position": Markup(mirror_chart(own["indicators"], own["mirror"])),
        "charts": captioned(charts),
    }
    return render_template(environment(), "network_mirror.html", context)


def excluded_note(status: dict[str, Any]) -> str | None:
    """The files a member's own figures leave out (they could not be read), or None."""
    files = status.get("unreadable") or []
    if not files:
        return None
    return ngettext(
        "Your figures exclude {count} file that could not be read: {files}.",
        "Your figures exclude {count} files that could not be read: {files}.",
        len(files),
    ).format(count=len(files), files=", ".join(files))


def captioned(charts: dict[str, str]) -> list[tuple[Any, str]]:
    """The management report's charts with the captions ``nencheck report`` gives them."""
    from markupsafe import Markup

    captions = {
        "controls": _("Controls per theme and status."),
        "policies": _("Review state of active policies per unit."),
        "reviews": _("Number of policy reviews falling due per month."),
        "findings": _("Open findings per severity, by age."),
        "training": _("Completion rate per unit; the dashed line is the target."),
    }
    return [(Markup(svg), captions.get(name, "")) for name, svg in charts.items()]


ROW = 34
LEFT = svg.LABEL_WIDTH
AREA = svg.WIDTH - svg.LABEL_WIDTH - svg.VALUE_WIDTH


def mirror_chart(own: dict[str, float | None], mirror: dict[str, dict[str, Any]]) -> str:
    """Per indicator: the band from Q1 to Q3, the median as a line, the member as a dot."""
    labels = indicator_labels()
    body: list[str] = []
    y = 6
    for name in ORDER:
        figures, value = mirror[name], own.get(name)
        top = (
            1.0 if name in SHARES else float(svg.nice_ceiling(max(_numbers(figures, value)) * 1.2))
        )

        def x(number: float, top: float = top) -> float:
            return LEFT + number / top * AREA

        body.append(
            f'<g class="bar" data-key="{name}" data-value="{"" if value is None else value}">'
            + svg._label(_cut(labels[name]), y)
            + f'<line x1="{LEFT}" x2="{LEFT + AREA}" y1="{y + 11}" y2="{y + 11}" stroke="{svg.GRID}"/>'
        )
        if figures["q1"] is not None:
            body.append(
                f'<rect class="quartiles" x="{x(figures["q1"]):.1f}" y="{y + 3}" '
                f'width="{max(x(figures["q3"]) - x(figures["q1"]), 2):.1f}" height="16" '
                f'fill="#c6dbef"/><line class="median" x1="{x(figures["median"]):.1f}" '
                f'x2="{x(figures["median"]):.1f}" y1="{y}" y2="{y + 22}" stroke="{svg.INK}" '
                f'stroke-width="2"/>'
            )
        if value is not None:
            body.append(
                f'<circle class="own" cx="{x(value):.1f}" cy="{y + 11}" r="6" fill="#c62828"/>'
            )
        body.append(
            f'<text x="{LEFT + AREA + 6}" y="{y + 15}" fill="{svg.MUTED}">'
            f"{escape(show(name, value))}</text></g>"
        )
        y += ROW
    legend, height = svg._legend(
        [(_("your figure"), "#c62828"), (_("Q1 to Q3 of the network"), "#c6dbef")], y + 2
    )
    return svg._svg("mirror", _("Your figures against the network"), y + height + 8, body + legend)


def _cut(label: str, width: int = 22) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"


def _numbers(figures: dict[str, Any], value: float | None) -> list[float]:
    found = [figures[key] for key in ("q1", "median", "q3") if figures[key] is not None]
    return [*found, *([value] if value is not None else []), 1.0]


def _figure_lines(figures: list[KeyFigure]) -> list[str]:
    lines = [f"| {_('Figure')} | {_('Value')} |", "|---|---:|"]
    lines += [f"| {figure.label} | {figure.display} |" for figure in figures]
    return lines


def _own_lines(own: dict[str, float | None], mirror: dict[str, Any]) -> list[str]:
    from nencheck.render.report_markdown import text_bar

    labels = indicator_labels()
    lines = [
        "| "
        + " | ".join([_("Indicator"), _("Your figure"), _("Q1"), _("Median"), _("Q3"), ""])
        + " |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for name in ORDER:
        figures, value = mirror[name], own[name]
        bar = text_bar(value) if name in SHARES else ""
        cells = [show(name, figures[key]) for key in ("q1", "median", "q3")]
        lines.append(
            f"| {labels[name]} | **{show(name, value)}** | " + " | ".join(cells) + f" | {bar} |"
        )
    return lines


def _network_markdown(
    document: dict[str, Any], members: list[dict[str, Any]], figures: dict[str, list[KeyFigure]]
) -> str:
    from nencheck.render.network_status import render_markdown

    lines = [render_markdown(document).rstrip("\n")]
    for member in members:
        lines += ["", f"## {member['name']} ({member['id']})", ""]
        if member["error"]:
            lines += [f"**{member['error']}**", ""]
        lines += _own_lines(member["indicators"], document["mirror"])
        lines += ["", *_figure_lines(figures.get(member["id"], []))]
    return "\n".join(lines) + "\n"


def _mirror_markdown(own: dict[str, Any], figures: list[KeyFigure]) -> str:
    lines = [
        f"# {_('Mirror report')}: {own['name']}",
        "",
        _(
            "{name} against the members of {network} on {date}: your own figures beside the "
            "network's median and quartiles. Other members are not named."
        ).format(name=own["name"], network=own["network"], date=own["as_of"]),
        *(["", f"**{own['note']}**"] if own["note"] else []),
        "",
        *_own_lines(own["indicators"], own["mirror"]),
        "",
        f"## {_('Key figures')}",
        "",
        *_figure_lines(figures),
    ]
    return "\n".join(lines) + "\n"
