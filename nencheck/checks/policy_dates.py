"""policy-review-date-inconsistent: an explicit ``next_review`` that the review schedule cannot
explain. Before ``last_reviewed`` it is a typo; later than ``last_reviewed + review_interval`` it
postpones the review past the schedule, and a mistyped year (2036 for 2026) would hide an overdue
protocol for ten years (SPEC, "Evaluation")."""

from __future__ import annotations

from datetime import date

from nencheck.checks.problem import Problem
from nencheck.i18n import _
from nencheck.model.policy import Policy, PolicyStatus
from nencheck.model.records import Records

RULE = "policy-review-date-inconsistent"


def inconsistency(policy: Policy) -> str | None:
    """Why the policy's explicit next_review contradicts its schedule, or None."""
    explicit, last = policy.next_review, policy.last_reviewed
    if explicit is None or last is None or policy.status == PolicyStatus.RETIRED:
        return None
    if explicit < last:
        return _("next_review {next} lies before last_reviewed {last}; correct one of them").format(
            next=explicit.isoformat(), last=last.isoformat()
        )
    interval = policy.review_interval
    if interval is not None and explicit > (latest := interval.after(last)):
        return _(
            "next_review {next} lies after last_reviewed {last} + review_interval {interval} = "
            "{latest}; correct the date (the year?), or change review_interval"
        ).format(
            next=explicit.isoformat(),
            last=last.isoformat(),
            interval=interval,
            latest=latest.isoformat(),
        )
    return None


def rule_policy_review_date_inconsistent(records: Records, as_of: date) -> list[Problem]:
    problems = []
    for policy in records.policies:
        message = inconsistency(policy)
        if message is None:
            continue
        line, column = policy.origin.at("next_review")
        problems.append(
            Problem(
                rule=RULE,
                id=policy.id,
                file=policy.origin.file,
                line=line,
                column=column,
                message=message,
                details={"title": policy.title, "owner": policy.owner},
            )
        )
    return problems
