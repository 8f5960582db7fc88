"""The policy register, one policy and its history as plain text for the terminal."""

from __future__ import annotations

from collections import Counter

from nencheck.checks.policy_register import PolicyRow
from nencheck.i18n import _, ngettext
from nencheck.model.history import Version
from nencheck.render.dates import format_duration
from nencheck.render.labels import (
    POLICY_STATES,
    policy_state_label,
    policy_status_label,
    policy_type_label,
    units_label,
)
from nencheck.render.layout import CUT, WRAP, Column, table_lines, wrap


def state_text(row: PolicyRow) -> str:
    """``Overdue, 255 days ago`` / ``Due soon, in 12 days`` / ``Up to date``."""
    label = policy_state_label(row.state)
    if row.days is None or row.state == "ok":
        return label
    if row.days < 0:
        return ngettext("{state}, {count} day ago", "{state}, {count} days ago", -row.days).format(
            state=label, count=-row.days
        )
    if row.days == 0:
        return _("{state}, today").format(state=label)
    return ngettext("{state}, in {count} day", "{state}, in {count} days", row.days).format(
        state=label, count=row.days
    )


def render_list(rows: list[PolicyRow], width: int | None = None) -> str:
    if not rows:
        return _("No policies match.") + "\n"
    columns = [
        Column(_("ID")),
        Column(_("TITLE"), shrink=WRAP, min_width=26),
        Column(_("VERSION"), drop=3),
        Column(_("OWNER"), shrink=CUT, drop=2, min_width=14),
        Column(_("NEXT"), drop=1),
        Column(_("STATE")),
    ]
    table = [
        (
            row.policy.id,
            row.policy.title,
            row.policy.version,
            row.policy.owner,
            row.next_review.isoformat() if row.next_review else "—",
            state_text(row),
        )
        for row in rows
    ]
    lines = table_lines(columns, table, width)
    counts = Counter(row.state for row in rows)
    parts = [
        f"{counts[state]} {policy_state_label(state).lower()}"
        for state in POLICY_STATES
        if counts[state]
    ]
    total = ngettext("{count} policy", "{count} policies", len(rows)).format(count=len(rows))
    lines += ["", *wrap(f"{total}: {', '.join(parts)}", width, "  ")]
    return "\n".join(lines) + "\n"


def render_show(row: PolicyRow, width: int | None = None) -> str:
    policy = row.policy
    fields: list[tuple[str, str | None]] = [
        (_("type"), policy_type_label(policy.type)),
        (_("status"), policy_status_label(policy.status)),
        (_("version"), policy.version),
        (_("owner"), policy.owner),
        (_("approved"), _approval(row)),
        (_("last reviewed"), _iso(policy.last_reviewed)),
        (
            _("interval"),
            format_duration(policy.review_interval) if policy.review_interval else None,
        ),
        (_("next review"), _next(row)),
        (_("units"), units_label(policy.units)),
        (_("controls"), ", ".join(policy.controls) or None),
        (_("document"), policy.document),
        (_("audience"), ", ".join(policy.audience) or None),
        (_("supersedes"), policy.supersedes),
        (_("retired"), _retired(row)),
        (_("notes"), policy.notes),
        (_("file"), policy.origin.file),
    ]
    shown = [(label, value) for label, value in fields if value]
    lines = wrap(f"{policy.id}  {policy.title}", width, "  ")
    lines += table_lines([Column(""), Column("", shrink=WRAP)], shown, width, "  ", header=False)
    if policy.reviews:
        lines += ["", _("Reviews:")]
        reviews = [
            (review.date.isoformat(), review.reviewer, review.version or "", review.note or "")
            for review in reversed(policy.reviews)
        ]
        columns = [
            Column(""),
            Column("", shrink=CUT, min_width=12),
            Column(""),
            Column("", shrink=WRAP, min_width=24),
        ]
        lines += table_lines(columns, reviews, width, "  ", header=False)
    return "\n".join(lines) + "\n"


def render_history(policy_id: str, versions: list[Version], width: int | None = None) -> str:
    if not versions:
        return _("{id}: no committed versions yet.").format(id=policy_id) + "\n"
    count = ngettext("{count} version", "{count} versions", len(versions)).format(
        count=len(versions)
    )
    lines = [_("{id}: {count}, newest first").format(id=policy_id, count=count)]
    columns = [
        Column(""),
        Column(""),
        Column(""),
        Column("", shrink=CUT, drop=1, min_width=12),
        Column("", shrink=WRAP, min_width=24),
    ]
    table = [
        (
            version.date[:16].replace("T", " "),
            version.commit[:10],
            version.version or "—",
            version.author,
            _subject(version),
        )
        for version in versions
    ]
    lines += table_lines(columns, table, width, "  ", header=False)
    return "\n".join(lines) + "\n"


def _subject(version: Version) -> str:
    subject = version.message.splitlines()[0] if version.message else ""
    if version.changed == ("document",):
        return _("[document only] {subject}").format(subject=subject)
    return subject


def _iso(day: object) -> str | None:
    return day.isoformat() if day is not None else None  # type: ignore[attr-defined]


def _approval(row: PolicyRow) -> str | None:
    policy = row.policy
    if policy.approved and policy.approved_by:
        return _("{date} by {person}").format(
            date=policy.approved.isoformat(), person=policy.approved_by
        )
    return _iso(policy.approved) or policy.approved_by


def _next(row: PolicyRow) -> str | None:
    if row.next_review is None:
        return policy_state_label(row.state)
    return f"{row.next_review.isoformat()} ({state_text(row)})"


def _retired(row: PolicyRow) -> str | None:
    policy = row.policy
    if policy.retired is None:
        return None
    return (
        f"{policy.retired.isoformat()}: {policy.retired_reason}"
        if policy.retired_reason
        else policy.retired.isoformat()
    )
