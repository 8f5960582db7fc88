"""``nencheck policy``: the policy register (list, show) and each policy's git history
(history, diff). The commands that change policies live in ``cli.policy_edit``."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from pathlib import Path

import click

from nencheck.cli import exitcodes
from nencheck.cli.commands import POLICY_COMMANDS
from nencheck.cli.completion import complete_policy_ids
from nencheck.cli.context import (
    app,
    check_owner,
    check_unit,
    emit,
    format_option,
    global_options,
    output_option,
    text_width,
)
from nencheck.cli.groups import LazyGroup
from nencheck.errors import NencheckError
from nencheck.i18n import _
from nencheck.model.policy import Policy, PolicyState, PolicyType
from nencheck.model.records import find_by_id

STATES = [state.value for state in PolicyState]


@click.group(cls=LazyGroup, lazy=POLICY_COMMANDS)
@global_options
def policy() -> None:
    """The policy register: list, show, review, new, retire, history, diff, import.

    \b
    Examples:
      nencheck policy list --state overdue --unit HAP
      nencheck policy review PROT-HAP-014 --reviewer "Medisch manager" --version 4.1
      nencheck policy history PROT-HAP-014
    """


def find_policy(policies: Sequence[Policy], policy_id: str) -> Policy:
    """The policy with this id (exact, else case-insensitive); NencheckError naming near ids."""
    found = find_by_id(policies, policy_id, lambda policy: policy.id)
    if found is not None:
        return found
    close = difflib.get_close_matches(policy_id.upper(), [policy.id for policy in policies], n=3)
    hint = _(" Did you mean {ids}?").format(ids=", ".join(close)) if close else ""
    raise NencheckError(
        _("no policy with id {id}; 'nencheck policy list' lists them.").format(id=policy_id) + hint
    )


@policy.command(name="list")
@click.option("--unit", metavar="UNIT", help="Only this unit's policies (and those for all units).")
@click.option("--owner", metavar="NAME", help="Only this owner's policies (case-insensitive).")
@click.option(
    "--type",
    "types",
    multiple=True,
    type=click.Choice([t.value for t in PolicyType]),
    help="Only policies of this type (repeatable).",
)
@click.option(
    "--state",
    "states",
    multiple=True,
    type=click.Choice(STATES),
    help="Only policies in this state on the --as-of date (repeatable).",
)
@format_option("text", "json", "csv")
@output_option
@global_options
@click.pass_context
def policy_list(
    ctx: click.Context,
    unit: str | None,
    owner: str | None,
    types: tuple[str, ...],
    states: tuple[str, ...],
    output_format: str,
    output: Path | None,
) -> int:
    """The register with next review and state.

    The policy register with each policy's next review and state on the --as-of date.

    \b
    Example:
      nencheck policy list --state overdue --state due_soon --format csv -o reviews.csv
    """
    from nencheck.checks.policy_register import PolicyFilter, policy_rows
    from nencheck.render import policy_csv, policy_json, policy_text

    state = app(ctx)
    records = state.load()
    check_unit(records, unit, allow_all=True)
    check_owner(records, owner)
    rows = policy_rows(records, state.as_of, PolicyFilter(unit, owner, types, states))
    if output_format == "json":
        emit(policy_json.render_list(rows, state.as_of), output)
    elif output_format == "csv":
        emit(policy_csv.render_list(rows), output)
    else:
        emit(policy_text.render_list(rows, text_width(output)), output)
    return exitcodes.OK


@policy.command()
@click.argument("policy_id", metavar="ID", shell_complete=complete_policy_ids)
@format_option("text", "json")
@output_option
@global_options
@click.pass_context
def show(ctx: click.Context, policy_id: str, output_format: str, output: Path | None) -> int:
    """One policy with its next review and state.

    One policy: its record with the computed next review and state.

    \b
    Example:
      nencheck policy show PROT-HAP-014 --format json
    """
    from nencheck.checks.policy_register import policy_row
    from nencheck.render import policy_json, policy_text

    state = app(ctx)
    records = state.load()
    row = policy_row(
        find_policy(records.policies, policy_id), state.as_of, records.settings.due_soon
    )
    if output_format == "json":
        emit(policy_json.render_show(row, state.as_of), output)
    else:
        emit(policy_text.render_show(row, text_width(output)), output)
    return exitcodes.OK


@policy.command()
@click.argument("policy_id", metavar="ID", shell_complete=complete_policy_ids)
@format_option("text", "json")
@output_option
@global_options
@click.pass_context
def history(ctx: click.Context, policy_id: str, output_format: str, output: Path | None) -> int:
    """Every committed version, newest first.

    Every committed version of a policy's record and linked document, newest first,
    following renames of the record; a change of the document alone is marked.

    With --rev, the history up to that revision.

    \b
    Example:
      nencheck policy history PROT-HAP-014 --format json
    """
    from nencheck.model.policy import linked_document
    from nencheck.render import policy_json, policy_text
    from nencheck.store.git.history import policy_history

    state = app(ctx)
    found = find_policy(state.load_policies(wanted_id=policy_id), policy_id)
    rev = _history_start(ctx)
    versions = policy_history(state.root, found.origin.file, linked_document(found), rev=rev)
    if output_format == "json":
        emit(policy_json.render_history(found.id, versions), output)
    else:
        emit(policy_text.render_history(found.id, versions, text_width(output)), output)
    return exitcodes.OK


@policy.command()
@click.argument("policy_id", metavar="ID", shell_complete=complete_policy_ids)
@click.argument("rev_a", metavar="[A]", required=False)
@click.argument("rev_b", metavar="[B]", required=False)
@output_option
@global_options
@click.pass_context
def diff(
    ctx: click.Context, policy_id: str, rev_a: str | None, rev_b: str | None, output: Path | None
) -> int:
    """Changes of record and document between versions.

    What changed in a policy's record and linked document between two revisions.

    A and B are commits, tags or branches; without them, the last two commits that changed the
    record or its document are compared. With only A, A is compared with the newest version.

    \b
    Examples:
      nencheck policy diff PROT-HAP-014
      nencheck policy diff PROT-HAP-014 audit-2025 HEAD
    """
    from nencheck.model.policy import linked_document
    from nencheck.render.policy_diff import render_diff
    from nencheck.store.git.diff import policy_diff
    from nencheck.store.git.history import policy_history

    state = app(ctx)
    found = find_policy(state.load_policies(wanted_id=policy_id), policy_id)
    document = linked_document(found)
    versions = policy_history(state.root, found.origin.file, document, rev=_history_start(ctx))
    from nencheck.render.layout import fold_diff

    changes = render_diff(policy_diff(state.root, found.id, versions, rev_a, rev_b))
    emit(fold_diff(changes, text_width(output)), output)
    return exitcodes.OK


def _history_start(ctx: click.Context) -> str:
    from nencheck.cli.history_rules import history_start

    return history_start(app(ctx))
