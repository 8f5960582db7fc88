"""Reading the figures back out of a rendered report, to compare them with ``status --format json``."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

# SPEC's status keys (section "JSON output"): the report must show every one of them.
SPEC_FIGURES = (
    "controls.total",
    "controls.applicable",
    "policies.total",
    "policies.active",
    "policies.ok",
    "policies.due_soon",
    "policies.overdue",
    "findings.open",
    "findings.overdue",
    "evidence.total",
    "evidence.expired",
    "training.required",
    "training.compliant",
    "training.rate",
    "training.people",
    "training.people_trained",
    "incidents.open",
    "incidents.breach_notification_late",
    "incidents.calamity_report_late",
)
SPEC_GROUPS = (
    "controls.by_status.",
    "controls.by_theme.",
    "findings.by_severity.",
    "training.by_unit.",
)

EXTERNAL = re.compile(
    r"""(?:\b(?:src|href|xlink:href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//)"""
    r"""|@import|url\(\s*["']?\s*(?:https?:)?//""",
    re.IGNORECASE,
)


def flatten(document: Any, prefix: str = "") -> dict[str, Any]:
    """{"a": {"b": 1}} -> {"a.b": 1}; lists are left out (they are not figures)."""
    if isinstance(document, dict):
        flat: dict[str, Any] = {}
        for key, value in document.items():
            flat.update(flatten(value, f"{prefix}{key}."))
        return flat
    if isinstance(document, list):
        return {}
    return {prefix[:-1]: document}


class FigureParser(HTMLParser):
    """Collects every element's ``data-figure`` with its ``data-value``, and the SVG charts."""

    def __init__(self) -> None:
        super().__init__()
        self.figures: dict[str, list[str]] = {}
        self.charts: dict[str, list[dict[str, str]]] = {}
        self._chart: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if "data-figure" in attributes:
            self.figures.setdefault(attributes["data-figure"], []).append(
                attributes.get("data-value", "")
            )
        if tag == "svg" and "data-chart" in attributes:
            self._chart = attributes["data-chart"]
            self.charts[self._chart] = []
        elif self._chart and tag == "g" and attributes.get("class") == "bar":
            self.charts[self._chart].append(attributes)

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg":
            self._chart = None


def parse(page: str) -> FigureParser:
    parser = FigureParser()
    parser.feed(page)
    parser.close()
    return parser


def as_json_value(text: str, expected: Any) -> Any:
    """A data-value read back in the type of the JSON figure it should equal."""
    if expected is None:
        return None if text == "" else text
    if isinstance(expected, bool):
        return text == "True"
    if isinstance(expected, int):
        return int(text)
    if isinstance(expected, float):
        return float(text)
    return text


def assert_figures_match(page: str, status: dict[str, Any]) -> set[str]:
    """Every figure in the page equals status JSON; every SPEC figure is there. Returns the keys."""
    flat = flatten(status)
    shown = parse(page).figures
    for key, values in shown.items():
        assert key in flat, f"the report shows {key}, which status --format json does not have"
        for value in values:
            assert as_json_value(value, flat[key]) == flat[key], (key, value, flat[key])
    missing = [key for key in SPEC_FIGURES if key not in shown]
    assert not missing, f"SPEC figures missing from the report: {missing}"
    for group in SPEC_GROUPS:
        expected = {key for key in flat if key.startswith(group) and not key.endswith(".label")}
        if group == "training.by_unit.":
            expected = {
                key
                for key in expected
                if key.rsplit(".", 1)[1] in ("required", "compliant", "rate")
            }
        assert expected <= set(shown), f"{group}: missing {sorted(expected - set(shown))}"
    return set(shown)
