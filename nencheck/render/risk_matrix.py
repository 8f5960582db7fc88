"""The heat map of ``risk matrix``: current and target side by side, counts per cell, as text
(readable without colour: an empty cell shows its level's glyph) and as a standalone SVG."""

from __future__ import annotations

from xml.sax.saxutils import escape

from nencheck.checks.risk_register import HeatMap
from nencheck.i18n import _
from nencheck.render.labels import risk_level_label

CELL = 4
# glyph of an empty cell, colour of a cell, by position of the level (low .. critical)
GLYPHS = (".", "-", "+", "#", "@", "%")
COLOURS = ("#7bc47f", "#f3d250", "#f29b4b", "#d9534f", "#8e2c2a", "#5a1a19")


def _level_index(heat: HeatMap, likelihood: int, impact: int) -> int:
    return list(heat.levels).index(heat.level(likelihood, impact))


def _grid(heat: HeatMap, which: str) -> list[str]:
    counts = heat.current if which == "current" else heat.target
    heading = (_("Now") if which == "current" else _("Target")) + f" ({heat.total(which)})"
    lines = [heading, _("likelihood")]
    width = len(heat.impact) * CELL
    for likelihood in range(len(heat.likelihood), 0, -1):
        cells = ""
        for impact in range(1, len(heat.impact) + 1):
            count = counts.get((likelihood, impact), 0)
            glyph = GLYPHS[min(_level_index(heat, likelihood, impact), len(GLYPHS) - 1)]
            cells += (str(count) if count else glyph).rjust(CELL - 1) + " "
        lines.append(f"{likelihood:>3} |{cells}|")
    lines.append("    +" + "-" * width + "+")
    lines.append(
        "     " + "".join(str(i).rjust(CELL - 1) + " " for i in range(1, len(heat.impact) + 1))
    )
    lines.append("     " + _("impact").center(width))
    return lines


def matrix_text(heat: HeatMap) -> str:
    left, right = _grid(heat, "current"), _grid(heat, "target")
    width = max(len(line) for line in left) + 6
    lines = [(a.ljust(width) + b).rstrip() for a, b in zip(left, right, strict=True)]
    lines.append("")
    legend = "  ".join(
        f"{GLYPHS[min(i, len(GLYPHS) - 1)]} {risk_level_label(name)} (≤{upper})"
        for i, (name, upper) in enumerate(heat.levels.items())
    )
    lines.append(_("Levels: {legend}").format(legend=legend))
    lines.append(
        _("Likelihood: {scale}").format(
            scale="; ".join(f"{i} {label}" for i, label in enumerate(heat.likelihood, 1))
        )
    )
    lines.append(
        _("Impact: {scale}").format(
            scale="; ".join(f"{i} {label}" for i, label in enumerate(heat.impact, 1))
        )
    )
    return "\n".join(lines) + "\n"


SIZE = 56
MARGIN_LEFT = 170
MARGIN_TOP = 60
GAP = 90


def matrix_svg(heat: HeatMap, title: str) -> str:
    rows, columns = len(heat.likelihood), len(heat.impact)
    grid_width = columns * SIZE
    width = MARGIN_LEFT + 2 * grid_width + GAP + 20
    height = MARGIN_TOP + rows * SIZE + 110
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" style="max-width:100%;height:auto" '
        f'font-family="sans-serif" font-size="12" role="img" '
        f'aria-label="{escape(title, {chr(34): "&quot;"})}">',
        f"<title>{escape(title)}</title>",
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="10" y="22" font-size="16" font-weight="bold">{escape(title)}</text>',
    ]
    for position, which in enumerate(("current", "target")):
        left = MARGIN_LEFT + position * (grid_width + GAP)
        parts += _svg_grid(heat, which, left, show_labels=position == 0)
    parts += _svg_legend(heat, MARGIN_TOP + rows * SIZE + 70)
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _svg_grid(heat: HeatMap, which: str, left: int, show_labels: bool) -> list[str]:
    counts = heat.current if which == "current" else heat.target
    rows, columns = len(heat.likelihood), len(heat.impact)
    heading = (_("Now") if which == "current" else _("Target")) + f" ({heat.total(which)})"
    parts = [f'<text x="{left}" y="{MARGIN_TOP - 12}" font-weight="bold">{escape(heading)}</text>']
    for row in range(rows):
        likelihood = rows - row
        y = MARGIN_TOP + row * SIZE
        if show_labels:
            label = f"{likelihood} {heat.likelihood[likelihood - 1]}"
            parts.append(
                f'<text x="{left - 8}" y="{y + SIZE / 2 + 4}" text-anchor="end">'
                f"{escape(label)}</text>"
            )
        for column in range(columns):
            impact = column + 1
            x = left + column * SIZE
            level = heat.level(likelihood, impact)
            colour = COLOURS[min(list(heat.levels).index(level), len(COLOURS) - 1)]
            count = counts.get((likelihood, impact), 0)
            parts.append(
                f'<rect class="cell" data-likelihood="{likelihood}" data-impact="{impact}" '
                f'data-level="{escape(level)}" data-count="{count}" x="{x}" y="{y}" '
                f'width="{SIZE}" height="{SIZE}" fill="{colour}" stroke="#ffffff" stroke-width="2"/>'
            )
            if count:
                parts.append(
                    f'<text x="{x + SIZE / 2}" y="{y + SIZE / 2 + 6}" text-anchor="middle" '
                    f'font-size="18" font-weight="bold">{count}</text>'
                )
    bottom = MARGIN_TOP + rows * SIZE
    for column in range(columns):
        parts.append(
            f'<text x="{left + column * SIZE + SIZE / 2}" y="{bottom + 16}" '
            f'text-anchor="middle">{column + 1}</text>'
        )
    parts.append(
        f'<text x="{left + columns * SIZE / 2}" y="{bottom + 34}" text-anchor="middle">'
        f"{escape(_('impact'))}</text>"
    )
    if show_labels:
        parts.append(
            f'<text x="10" y="{MARGIN_TOP - 12}" font-style="italic">'
            f"{escape(_('likelihood'))}</text>"
        )
    return parts


def _svg_legend(heat: HeatMap, y: int) -> list[str]:
    parts = []
    x = 10
    for index, (name, upper) in enumerate(heat.levels.items()):
        colour = COLOURS[min(index, len(COLOURS) - 1)]
        label = f"{risk_level_label(name)} (≤{upper})"
        parts.append(f'<rect x="{x}" y="{y - 11}" width="14" height="14" fill="{colour}"/>')
        parts.append(f'<text x="{x + 20}" y="{y}">{escape(label)}</text>')
        x += 40 + 8 * len(label)
    impacts = "; ".join(f"{i} {label}" for i, label in enumerate(heat.impact, 1))
    parts.append(
        f'<text x="10" y="{y + 22}">{escape(_("Impact: {scale}").format(scale=impacts))}</text>'
    )
    return parts
