"""``nencheck policy review|new|retire``: the commands that change policies. Each edits one
file in place and makes one commit touching only it (``store.writer``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import click

from nencheck.cli import exitcodes
from nencheck.cli.completion import complete_policy_ids
from nencheck.cli.context import app, global_options, parse_cli_date, parse_cli_duration
from nencheck.cli.editing import records_for_edit
from nencheck.cli.groups import HelpCommand
from nencheck.errors import NencheckError
from nencheck.i18n import _
from nencheck.model.policy import PolicyStatus, PolicyType

F = TypeVar("F", bound=Callable[..., Any])


def write_options(function: F) -> F:
    """--no-commit and --force, shared by every command here."""
    function = click.option(
        "--force", is_flag=True, help="Also edit a file that has uncommitted changes."
    )(function)
    return click.option(
        "--no-commit", is_flag=True, help="Write and stage the change, but do not commit."
    )(function)


def _apply(ctx: click.Context, plan: Any, no_commit: bool, force: bool) -> int:
    from nencheck.store.write.event_dates import refuse_future_events
    from nencheck.store.write.writer import apply_changes

    state = app(ctx)
    refuse_future_events([plan.change], state.today)
    for warning in getattr(plan, "warnings", ()):
        click.echo(warning, err=True)
    subject, path = plan.message.splitlines()[0], plan.change.path

    def announce(commit: str | None) -> None:
        if commit:
            done = _("{file}: committed {commit}: {subject}").format(
                file=path, commit=commit[:10], subject=subject
            )
        else:
            done = _("{file}: written and staged, not committed: {subject}").format(
                file=path, subject=subject
            )
        click.echo(done, err=True)

    apply_changes(
        state.root,
        [plan.change],
        plan.message,
        commit=not no_commit,
        force=force,
        announce=announce,
    )
    return exitcodes.OK


def _refuse_past(ctx: click.Context) -> None:
    state = app(ctx)
    if state.rev or state.as_recorded:
        raise NencheckError(
            _("--rev and --as-recorded read the past; they cannot be used to change records.")
        )


def _date(text: str | None, option: str, default: date) -> date:
    return default if text is None else parse_cli_date(text, option)


@click.command(cls=HelpCommand)
@click.argument("policy_id", metavar="ID", shell_complete=complete_policy_ids)
@click.option(
    "--reviewer", required=True, metavar="NAME", help="Who reviewed it (recorded in the file)."
)
@click.option(
    "--date", "day", metavar="DATE", help="Date of the review (default: --as-of, or today)."
)
@click.option(
    "--version", metavar="V", help="The new version, when the review changed the document."
)
@click.option("--note", metavar="TEXT", help="What the review found or changed.")
@click.option(
    "--next-review",
    metavar="DATE",
    help="Set the next review date explicitly (needed when the policy has one and no interval).",
)
@write_options
@global_options
@click.pass_context
def review(
    ctx: click.Context,
    policy_id: str,
    reviewer: str,
    day: str | None,
    version: str | None,
    note: str | None,
    next_review: str | None,
    no_commit: bool,
    force: bool,
) -> int:
    """Record a review and commit it.

    Record a review: last_reviewed, version, next review, an entry in the file's reviews log,
    and one commit.

    \b
    Example:
      nencheck policy review PROT-HAP-014 --reviewer "Medisch manager" \\
        --version 4.1 --note "NHG-standaard 2026 verwerkt"
    """
    from nencheck.cli.policy import find_policy
    from nencheck.registers.policy import ReviewRequest, plan_review

    _refuse_past(ctx)
    state = app(ctx)
    found = find_policy(records_for_edit(state, needs=frozenset({"policy"})).policies, policy_id)
    request = ReviewRequest(
        reviewer=reviewer.strip(),
        day=_date(day, "--date", state.as_of),
        version=version.strip() if version else None,
        note=note.strip() if note else None,
        next_review=parse_cli_date(next_review, "--next-review") if next_review else None,
    )
    if not request.reviewer:
        raise NencheckError(_("--reviewer: give the name or role of who reviewed the policy."))
    if request.day > state.as_of:
        raise NencheckError(
            _(
                "--date {day} lies after {today}: a review is recorded when it has taken place. "
                "Check --date."
            ).format(day=request.day, today=state.as_of)
        )
    refuse_future_day(request.day, state.today, "--date" if day else "--as-of")
    return _apply(ctx, plan_review(state.root, found, request), no_commit, force)


def refuse_future_day(day: date, today: date, option: str) -> None:
    """A date of a thing that happened may not lie after today, whatever --as-of says."""
    from nencheck.model.events import latest_allowed

    if day > latest_allowed(today):
        raise NencheckError(
            _(
                "{option}: {day} lies after today ({today}); a review is recorded once it has "
                "taken place, so nothing was written. Leave out --as-of, or give --date with the "
                "day of the review."
            ).format(option=option, day=day, today=today)
        )


@click.command(cls=HelpCommand)
@click.option("--id", "policy_id", required=True, help="The new policy's id, e.g. PROT-HAP-021.")
@click.option("--title", required=True, help="Its title.")
@click.option(
    "--type", "policy_type", required=True, type=click.Choice([t.value for t in PolicyType])
)
@click.option("--owner", required=True, metavar="NAME", help="Who is responsible for it.")
@click.option(
    "--unit",
    "units",
    multiple=True,
    metavar="UNIT",
    help="A unit it applies to (repeatable; default all).",
)
@click.option(
    "--control",
    "controls",
    multiple=True,
    metavar="ID",
    help="A control it implements (repeatable).",
)
@click.option("--interval", metavar="DURATION", help="Review interval, e.g. 1y, 2y, 6m.")
@click.option("--version", default="0.1", show_default=True, help="Its version.")
@click.option(
    "--status",
    type=click.Choice([PolicyStatus.DRAFT.value, PolicyStatus.ACTIVE.value]),
    default="draft",
    show_default=True,
    help="'active' means approved (needs --approved-by and --interval) and reviewed on --date.",
)
@click.option("--approved-by", metavar="NAME", help="Who approved it (for --status active).")
@click.option(
    "--date",
    "day",
    metavar="DATE",
    help="Approval date of an active policy (default: --as-of, or today).",
)
@click.option(
    "--document", metavar="PATH|URL", help="The document itself, a path in the repository or a URL."
)
@click.option("--audience", multiple=True, metavar="GROUP", help="Who must know it (repeatable).")
@click.option("--supersedes", metavar="ID", help="The policy it replaces.")
@write_options
@global_options
@click.pass_context
def new(
    ctx: click.Context,
    policy_id: str,
    title: str,
    policy_type: str,
    owner: str,
    units: tuple[str, ...],
    controls: tuple[str, ...],
    interval: str | None,
    version: str,
    status: str,
    approved_by: str | None,
    day: str | None,
    document: str | None,
    audience: tuple[str, ...],
    supersedes: str | None,
    no_commit: bool,
    force: bool,
) -> int:
    """Create a policy file (draft by default).

    Create a policy file (a draft unless --status active) and commit it.

    \b
    Example:
      nencheck policy new --id PROT-HAP-021 --title "Triage bij koorts" --type protocol \\
        --owner "Teamleider triage" --unit HAP --interval 2y
    """
    from nencheck.registers.policy import NewPolicy, plan_new

    _refuse_past(ctx)
    state = app(ctx)
    records = records_for_edit(state, needs=frozenset({"policy"}))
    review_interval = parse_cli_duration(interval, "--interval") if interval else None
    spec = NewPolicy(
        id=policy_id.strip(),
        title=title.strip(),
        type=policy_type,
        owner=owner.strip(),
        version=version.strip(),
        status=status,
        units=list(units) or ["all"],
        controls=list(controls),
        review_interval=review_interval,
        approved_by=approved_by,
        day=_date(day, "--date", state.as_of),
        document=document,
        audience=list(audience),
        supersedes=supersedes,
    )
    return _apply(ctx, plan_new(state.root, records, spec), no_commit, force)


@click.command(cls=HelpCommand)
@click.argument("policy_id", metavar="ID", shell_complete=complete_policy_ids)
@click.option(
    "--reason", required=True, help="Why it is retired (recorded in the file and the commit)."
)
@click.option(
    "--date", "day", metavar="DATE", help="Date of retirement (default: --as-of, or today)."
)
@write_options
@global_options
@click.pass_context
def retire(
    ctx: click.Context, policy_id: str, reason: str, day: str | None, no_commit: bool, force: bool
) -> int:
    """Retire a policy with date and reason.

    Retire a policy (status: retired), with the date and the reason, and commit.

    \b
    Example:
      nencheck policy retire PROT-HAP-009 --reason "Vervangen door PROT-HAP-014"
    """
    from nencheck.cli.policy import find_policy
    from nencheck.registers.policy import plan_retire

    _refuse_past(ctx)
    state = app(ctx)
    found = find_policy(records_for_edit(state, needs=frozenset({"policy"})).policies, policy_id)
    if not reason.strip():
        raise NencheckError(_("--reason: say why the policy is retired."))
    retired_on = _date(day, "--date", state.as_of)
    _refuse_future_retirement(retired_on, state.today)
    return _apply(ctx, plan_retire(state.root, found, retired_on, reason.strip()), no_commit, force)


def _refuse_future_retirement(day: date, today: date) -> None:
    """A retired policy stops applying at once (its status says so from the commit on), so a
    retirement planned for a later day is recorded on that day, not before."""
    from nencheck.model.events import latest_allowed

    if day > latest_allowed(today):
        raise NencheckError(
            _(
                "--date: {day} lies after today ({today}); a policy is retired from the moment "
                "its status says so, so nothing was written. Retire it on that day."
            ).format(day=day, today=today)
        )
