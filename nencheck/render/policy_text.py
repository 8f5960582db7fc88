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

TITLE_WIDTH = 44
OWNER_WIDTH = 28


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


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


def render_list(rows: list[PolicyRow]) -> str:
    if not rows:
        return _("No policies match.") + "\n"
    headers = (_("ID"), _("TITLE"), _("VERSION"), _("OWNER"), _("NEXT"), _("STATE"))
    table = [
        (
            row.policy.id,
            _shorten(row.policy.title, TITLE_WIDTH),
            row.policy.version,
            _shorten(row.policy.owner, OWNER_WIDTH),
            row.next_review.isoformat() if row.next_review else "—",
            state_text(row),
        )
        for row in rows
    ]
    widths = [max(len(cells[i]) for cells in [headers, *table]) for i in range(len(headers) - 1)]
    lines = [
        "  ".join(f"{cell:<{width}}" for cell, width in zip(cells, widths, strict=False))
        + "  "
        + cells[-1]
        for cells in [headers, *table]
    ]
    counts = Counter(row.state for row in rows)
    parts = [
        f"{counts[state]} {policy_state_label(state).lower()}"
        for state in POLICY_STATES
        if counts[state]
    ]
    total = ngettext("{count} policy", "{count} policies", len(rows)).format(count=len(rows))
    lines += ["", f"{total}: {', '.join(parts)}"]
    return "\n".join(lines) + "\n"


def render_show(row: PolicyRow) -> str:
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
    width = max(len(label) for label, value in fields if value)
    lines = [f"{policy.id}  {policy.title}"]
    lines += [f"  {label:<{width}}  {value}" for label, value in fields if value]
    if policy.reviews:
        lines += ["", _("Reviews:")]
        for review in reversed(policy.reviews):
            cells = [
                review.date.isoformat(),
                review.reviewer,
                review.version or "",
                review.note or "",
            ]
            lines.append("  " + "  ".join(cell for cell in cells if cell))
    return "\n".join(lines) + "\n"


def render_history(policy_id: str, versions: list[Version]) -> str:
    if not versions:
        return _("{id}: no committed versions yet.").format(id=policy_id) + "\n"
    count = ngettext("{count} version", "{count} versions", len(versions)).format(
        count=len(versions)
    )
    lines = [_("{id}: {count}, newest first").format(id=policy_id, count=count)]
    version_width = max(len(v.version or "—") for v in versions)
    for version in versions:
        when = version.date[:16].replace("T", " ")
        subject = version.message.splitlines()[0] if version.message else ""
        if version.changed == ("document",):
            subject = _("[document only] {subject}").format(subject=subject)
        lines.append(
            f"  {when}  {version.commit[:10]}  {version.version or '—':<{version_width}}  "
            f"{version.author}  {subject}"
        )
    return "\n".join(lines) + "\n"


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
