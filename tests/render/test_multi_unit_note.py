"""Per-unit policy rows that add up to more than the total say why (issue 15, honest figures)."""

from __future__ import annotations

from datetime import date

import pytest

from nencheck.checks.figures import StatusFigures
from nencheck.checks.summary import status_summary
from nencheck.render.status_html import render_status_html
from nencheck.render.status_markdown import render_status_markdown
from nencheck.render.status_text import render_status_text
from tests.checks.builders import policy, records

AS_OF = date(2026, 11, 23)
NOTE = "the rows add up to 3, the total is 2"
RENDERERS = [render_status_text, render_status_markdown, render_status_html]


def _summary(shared_units: list[str]) -> StatusFigures:
    built = records(
        policies=[
            policy(id="P-1", units=shared_units),
            policy(id="P-2", units=["HAP"]),
        ]
    )
    return status_summary(built, AS_OF)


@pytest.mark.parametrize("render", RENDERERS)
def test_policy_for_two_units_is_explained_under_the_table(render) -> None:
    summary = _summary(["HAP", "HCZ"])
    rows = summary.policies.by_unit
    assert sum(c.ok + c.due_soon + c.overdue for c in rows.values()) == 3
    assert summary.policies.active == 2
    assert NOTE in " ".join(render(summary).split())


@pytest.mark.parametrize("render", RENDERERS)
def test_no_note_when_the_rows_add_up(render) -> None:
    assert "rows add up" not in render(_summary(["HAP"]))
