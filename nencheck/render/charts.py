"""Simple bar charts as inline SVG: no scripts, no fonts or images to fetch, crisp in print.

Every text is escaped here; the result is markup ready to place in an HTML document. Each
chart carries ``data-chart`` and each bar ``data-key``/``data-value`` so tests (and curious
readers of the source) can find the figures behind the picture.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

WIDTH = 640
LABEL_WIDTH = 170
VALUE_WIDTH = 54
BAR_HEIGHT = 22
GAP = 10
FONT = 12
INK = "#1d2733"
MUTED = "#5b6673"
GRID = "#d9dee4"


@dataclass(frozen=True)
class Segment:
    key: str  # the stable value (data-key, for scripts and the tests)
    value: float
    colour: str
    label: str = ""  # what the hover title shows (the translated label); the key when empty


@dataclass(frozen=True)
class Bar:
    key: str
    label: str
    segments: list[Segment]
    note: str = ""  # printed after the bar instead of the total

    @property
    def total(self) -> float:
        return sum(segment.value for segment in self.segments)


def _attr(value: object) -> str:
    return escape(str(value), quote=True)


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _svg(name: str, title: str, height: int, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" data-chart="{_attr(name)}" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" '
        f'aria-label="{_attr(title)}" font-size="{FONT}" fill="{INK}">'
        f"<title>{escape(title)}</title>" + "".join(body) + "</svg>"
    )


def _legend(entries: list[tuple[str, str]], top: int) -> tuple[list[str], int]:
    """Swatches with labels, wrapped over as many lines as needed; returns (parts, height)."""
    parts, x, y = [], LABEL_WIDTH, top
    for label, colour in entries:
        width = 22 + int(len(label) * FONT * 0.58)
        if x + width > WIDTH and x > LABEL_WIDTH:
            x, y = LABEL_WIDTH, y + 18
        parts.append(
            f'<g class="legend"><rect x="{x}" y="{y}" width="12" height="12" rx="2" fill="{colour}"/>'
            f'<text x="{x + 17}" y="{y + 10}" fill="{MUTED}">{escape(label)}</text></g>'
        )
        x += width + 12
    return parts, (y - top) + 18 if entries else 0


def stacked_bars(
    name: str,
    title: str,
    bars: list[Bar],
    legend: list[tuple[str, str]],
    scale: float | None = None,
) -> str:
    """Horizontal bars, each split into coloured segments, on one common scale."""
    area = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    top = max([scale or 0.0] + [bar.total for bar in bars]) or 1.0
    body, y = [], 4
    for bar in bars:
        body.append(f'<g class="bar" data-key="{_attr(bar.key)}" data-value="{_fmt(bar.total)}">')
        body.append(_label(bar.label, y))
        x = float(LABEL_WIDTH)
        body.append(
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{area}" height="{BAR_HEIGHT}" fill="#f3f5f8"/>'
        )
        for segment in bar.segments:
            if segment.value <= 0:
                continue
            width = segment.value / top * area
            body.append(_segment(segment, bar.label, x, y, width))
            x += width
        note = bar.note or _fmt(bar.total)
        body.append(f'<text x="{x + 6:.1f}" y="{y + 15}" fill="{MUTED}">{escape(note)}</text></g>')
        y += BAR_HEIGHT + GAP
    parts, height = _legend(legend, y + 2)
    return _svg(name, title, y + height + 8, body + parts)


def _label(text: str, y: int) -> str:
    short = text if len(text) <= 26 else text[:25] + "…"
    return (
        f'<text x="{LABEL_WIDTH - 8}" y="{y + 15}" text-anchor="end">'
        f"<title>{escape(text)}</title>{escape(short)}</text>"
    )


def _segment(segment: Segment, bar: str, x: float, y: int, width: float) -> str:
    text = ""
    if width >= 20:
        text = (
            f'<text x="{x + width / 2:.1f}" y="{y + 15}" text-anchor="middle" fill="#fff" '
            f'font-weight="600">{_fmt(segment.value)}</text>'
        )
    return (
        f'<g class="segment" data-key="{_attr(segment.key)}" data-value="{_fmt(segment.value)}">'
        f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{BAR_HEIGHT}" fill="{segment.colour}">'
        f"<title>{escape(bar)} · {escape(segment.label or segment.key)}: {_fmt(segment.value)}"
        f"</title></rect>{text}</g>"
    )


def nice_ceiling(value: float) -> int:
    """The smallest 1, 2 or 5 times a power of ten at or above ``value`` (at least 1)."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return step * factor
        step *= 10


def column_chart(name: str, title: str, columns: list[tuple[str, str, float]], colour: str) -> str:
    """Vertical columns (key, label, value), e.g. reviews per month."""
    plot_height, left, top, bottom = 160, 34, 22, 40
    peak = nice_ceiling(max([value for _k, _l, value in columns] + [1.0]))
    ticks = [0, peak // 2, peak] if peak % 2 == 0 else [0, peak]
    step = (WIDTH - left - 8) / max(len(columns), 1)
    body = [_gridline(left, top + plot_height * (1 - tick / peak), str(tick)) for tick in ticks]
    for index, (key, label, value) in enumerate(columns):
        height = value / peak * plot_height
        x = left + index * step + step * 0.15
        y = top + plot_height - height
        body.append(
            f'<g class="bar" data-key="{_attr(key)}" data-value="{_fmt(value)}">'
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{step * 0.7:.1f}" height="{height:.1f}" '
            f'rx="2" fill="{colour}"><title>{escape(label)}: {_fmt(value)}</title></rect>'
            + (
                f'<text x="{x + step * 0.35:.1f}" y="{y - 4:.1f}" text-anchor="middle" '
                f'font-weight="600">{_fmt(value)}</text>'
                if value
                else ""
            )
            + f'<text x="{x + step * 0.35:.1f}" y="{top + plot_height + 16}" text-anchor="middle" '
            f'fill="{MUTED}" font-size="{FONT - 1}">{escape(label)}</text></g>'
        )
    return _svg(name, title, top + plot_height + bottom, body)


def _gridline(left: int, y: float, label: str) -> str:
    return (
        f'<line x1="{left}" x2="{WIDTH - 4}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}"/>'
        f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="{MUTED}" '
        f'font-size="{FONT - 2}">{escape(label)}</text>'
    )


def rate_bars(
    name: str,
    title: str,
    rows: list[tuple[str, str, float | None]],
    target: float,
    colours: tuple[str, str],
    target_label: str,
) -> str:
    """Horizontal bars of rates (0..1) against a target line: the first colour at or above the
    target, the second below it. A row without a rate (nothing required) gets no bar."""
    area = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    body, y = [], 22
    target_x = LABEL_WIDTH + target * area
    for key, label, rate in rows:
        body.append(
            f'<g class="bar" data-key="{_attr(key)}" data-value="{"" if rate is None else rate}">'
        )
        body.append(_label(label, y))
        body.append(
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{area}" height="{BAR_HEIGHT}" fill="#f3f5f8"/>'
        )
        if rate is not None:
            colour = colours[0] if rate >= target else colours[1]
            body.append(
                f'<rect x="{LABEL_WIDTH}" y="{y}" width="{rate * area:.1f}" height="{BAR_HEIGHT}" '
                f'fill="{colour}"><title>{escape(label)}: {round(rate * 100)}%</title></rect>'
            )
        text = "—" if rate is None else f"{round(rate * 100)}%"
        body.append(
            f'<text x="{LABEL_WIDTH + area + 6}" y="{y + 15}" fill="{MUTED}">{text}</text></g>'
        )
        y += BAR_HEIGHT + GAP
    body.append(
        f'<line class="target" x1="{target_x:.1f}" x2="{target_x:.1f}" y1="14" y2="{y - GAP + 4}" '
        f'stroke="{INK}" stroke-width="2" stroke-dasharray="5 3"/>'
        f'<text x="{target_x:.1f}" y="11" text-anchor="middle" font-weight="600">'
        f"{escape(target_label)}</text>"
    )
    return _svg(name, title, y + 6, body)
