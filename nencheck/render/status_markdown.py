"""``status --format markdown``: the dashboard as Markdown tables (for a wiki, an issue or a PR)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from nencheck.checks.figures import StatusFigures
from nencheck.i18n import _
from nencheck.render import status_common as common
from nencheck.render.soa_markdown import md_cell
from nencheck.render.unreadable import unreadable_note

FIGURE = re.compile(r"^[\d/%.,—-]+$")


def render_status_markdown(summary: StatusFigures) -> str:
    lines = [f"# {md_cell(common.title(summary))}", ""]
    note = unreadable_note(summary.unreadable)
    if note is not None:
        lines += [note.markdown(), ""]
    for heading, body in _sections(summary):
        lines += [f"## {md_cell(heading)}", "", *body, ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    """A pipe table; columns of figures right-aligned, text left-aligned."""
    align = [
        "--:" if position and rows and all(_is_figure(row[position]) for row in rows) else ":--"
        for position in range(len(headers))
    ]
    lines = ["| " + " | ".join(md_cell(h) for h in headers) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(md_cell(cell) for cell in row) + " |" for row in rows]
    return lines


def _is_figure(value: object) -> bool:
    return isinstance(value, int | float) or bool(FIGURE.match(str(value)))


def _sections(summary: StatusFigures) -> list[tuple[str, list[str]]]:
    themes = [
        (
            row.label,
            *(row.by_status.get(s, 0) for s in common.CONTROL_STATUSES),
            f"{row.applicable}/{row.total}",
        )
        for row in common.theme_rows(summary)
    ]
    training = [
        (r.label, r.required, r.compliant, r.rate, common.target_label(r.below_target))
        for r in common.training_rows(summary)
    ]
    deadlines = [
        (r.id, r.kind, r.title, r.deadline, r.countdown) for r in common.deadline_rows(summary)
    ]
    return [
        (
            _("Controls per theme"),
            [
                *table([_("Theme"), *common.status_labels(), _("Applicable")], themes),
                "",
                common.controls_note(summary),
            ],
        ),
        (
            _("Policies per unit"),
            [
                *table([_("Unit"), *common.policy_state_labels()], common.policy_rows(summary)),
                "",
                common.policies_note(summary),
                *_notes(common.multi_unit_note(summary.policies)),
            ],
        ),
        (
            _("Audit findings"),
            [
                *table([_("Severity"), _("Total"), _("Open")], common.finding_rows(summary)),
                "",
                common.findings_note(summary),
            ],
        ),
        (_("Evidence"), [common.evidence_note(summary)]),
        (
            _("Awareness training"),
            [
                *table(
                    [_("Unit"), _("Required"), _("Completed"), _("Rate"), _("Target")], training
                ),
                "",
                common.training_note(summary),
            ],
        ),
        (
            _("Incidents"),
            [
                common.incidents_note(summary),
                "",
                *(
                    table(
                        [_("Incident"), _("Kind"), _("Title"), _("Deadline"), _("Time left")],
                        deadlines,
                    )
                    if deadlines
                    else [_("No open incident is waiting for its notification.")]
                ),
            ],
        ),
        (
            _("Risks"),
            [
                *table([_("Level"), _("Open")], common.risk_level_rows(summary)),
                "",
                common.risks_note(summary),
            ],
        ),
    ]


def _notes(*notes: str) -> list[str]:
    """Optional paragraphs: each non-empty one after a blank line."""
    return [line for note in notes if note for line in ("", note)]
