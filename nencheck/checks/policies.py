"""Policy reviews on a date: each policy's state, and the rules policy-overdue and policy-due-soon."""

from __future__ import annotations

from datetime import date

from nencheck.checks.problem import Problem
from nencheck.checks.scope import days_between
from nencheck.i18n import _, ngettext
from nencheck.model.policy import Policy, PolicyState, PolicyStatus
from nencheck.model.records import Records
from nencheck.model.types import Duration

# Short names for the states (model.policy.PolicyState is their one definition).
OK = PolicyState.OK
DUE_SOON = PolicyState.DUE_SOON
OVERDUE = PolicyState.OVERDUE
DRAFT = PolicyState.DRAFT
RETIRED = PolicyState.RETIRED
STATES = tuple(PolicyState)


def policy_state(policy: Policy, as_of: date, due_soon: Duration) -> tuple[str, int | None]:
    """(state, days until the next review) on ``as_of``; days are negative when overdue.

    Drafts and retired policies are never overdue: their state is their status and days is None.
    A review due on ``as_of`` itself is due soon with 0 days (end dates are inclusive); one due
    on ``as_of + due_soon`` is still due soon."""
    if policy.status == PolicyStatus.DRAFT:
        return DRAFT, None
    if policy.status == PolicyStatus.RETIRED:
        return RETIRED, None
    next_review = policy.next_review_date()
    if next_review is None:  # the model requires a schedule for active policies
        raise ValueError(f"active policy {policy.id} has no review schedule")
    days = days_between(next_review, as_of)
    if days < 0:
        return OVERDUE, days
    if next_review <= due_soon.after(as_of):
        return DUE_SOON, days
    return OK, days


def policy_states(records: Records, as_of: date) -> list[tuple[Policy, str, int | None]]:
    """(policy, state, days) of every policy on the date, computed once per records and date:
    two rules and the summary ask, for each of up to ten thousand policies."""
    due_soon = records.settings.due_soon
    return records.derive(
        ("policy_states", as_of),
        lambda: [(policy, *policy_state(policy, as_of, due_soon)) for policy in records.policies],
    )


def review_basis(policy: Policy) -> tuple[str, str]:
    """The field the next review date comes from, and how it was computed, for messages."""
    if policy.next_review is not None:
        return "next_review", f"next_review {policy.next_review.isoformat()}"
    assert policy.last_reviewed is not None and policy.review_interval is not None
    return "last_reviewed", (
        f"last_reviewed {policy.last_reviewed.isoformat()} + review_interval {policy.review_interval}"
    )


def rule_policy_overdue(records: Records, as_of: date) -> list[Problem]:
    problems = []
    for policy, state, days in policy_states(records, as_of):
        if state != OVERDUE or days is None:
            continue
        field, basis = review_basis(policy)
        message = ngettext(
            "review was due {due}, {count} day before {as_of} ({basis})",
            "review was due {due}, {count} days before {as_of} ({basis})",
            -days,
        ).format(due=policy.next_review_date(), count=-days, as_of=as_of, basis=basis)
        problems.append(_problem("policy-overdue", policy, field, message, days))
    return problems


def rule_policy_due_soon(records: Records, as_of: date) -> list[Problem]:
    problems = []
    for policy, state, days in policy_states(records, as_of):
        if state != DUE_SOON or days is None:
            continue
        field, basis = review_basis(policy)
        if days == 0:
            message = _("review is due today, {due} ({basis})").format(
                due=policy.next_review_date(), basis=basis
            )
        else:
            message = ngettext(
                "review is due {due}, {count} day after {as_of} ({basis})",
                "review is due {due}, {count} days after {as_of} ({basis})",
                days,
            ).format(due=policy.next_review_date(), count=days, as_of=as_of, basis=basis)
        problems.append(_problem("policy-due-soon", policy, field, message, days))
    return problems


def _problem(rule: str, policy: Policy, field: str, message: str, days: int) -> Problem:
    line, column = policy.origin.at(field)
    due = policy.next_review_date()
    return Problem(
        rule=rule,
        id=policy.id,
        file=policy.origin.file,
        line=line,
        column=column,
        message=message,
        details={
            "title": policy.title,
            "owner": policy.owner,
            "units": list(policy.units),
            "due": due.isoformat() if due else None,
            "days": days,
        },
    )
