"""Rules that need the git history besides the records (``policy-changed-unversioned``), bound
to facts gathered from git. Outside a git repository they are skipped: there is no history to
judge; in one without a git to run, they are skipped with a warning."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

import click

from nencheck.checks.problem import Problem
from nencheck.cli.context import AppContext
from nencheck.i18n import _
from nencheck.model.records import Records

Rule = Callable[[Records, date], list[Problem]]


def history_rules(state: AppContext, records: Records) -> list[Rule]:
    """The history rules, judged on the commits up to what was read: --rev, the --as-recorded
    commit, or HEAD (uncommitted changes in the working tree are not history yet)."""
    from nencheck.checks.rules import GIT_HISTORY, RULES
    from nencheck.errors import NencheckError
    from nencheck.store.git.file_changes import gather_changes
    from nencheck.store.git.runner import git_missing_in_a_work_tree

    if git_missing_in_a_work_tree(state.root):
        click.echo(
            _(
                "warning: git is not installed or not on PATH, so policy-changed-unversioned "
                "was not checked; install git (in CI: add it to the image)."
            ),
            err=True,
        )
        return []
    try:
        start = history_start(state)
    except NencheckError:
        return []
    changes = gather_changes(state.root, records, start, use_cache=not state.no_cache)
    if changes is None:
        return []
    return [partial(rule.function, changes=changes) for rule in RULES if rule.needs == GIT_HISTORY]


def history_start(state: AppContext) -> str:
    """Where history is read from: --rev, the --as-recorded commit, or HEAD."""
    state.warn_if_shallow()
    if state.rev:
        return state.rev
    if state.as_recorded:
        from nencheck.store.git.revision import revision_on

        return revision_on(state.root, state.as_of)
    return "HEAD"
