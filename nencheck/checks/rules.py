"""The one table of ``check``'s rules: name, the kind of record a problem names, default
severity, description and the function. ``check``, JUnit, SARIF, GitHub and the docs test read
it; adding a rule is one row here (and its name in ``model.settings.RuleName``, which validates
``fail_on``: the model cannot import this table; a test keeps the two equal)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from nencheck.checks.controls import (
    rule_control_gap,
    rule_control_missing,
    rule_control_unsupported,
)
from nencheck.checks.document_links import rule_document_link_unknown
from nencheck.checks.evidence import rule_evidence_expired
from nencheck.checks.findings import rule_finding_overdue
from nencheck.checks.incidents import rule_breach_notification_late, rule_calamity_report_late
from nencheck.checks.policies import rule_policy_due_soon, rule_policy_overdue
from nencheck.checks.policy_changes import rule_policy_changed_unversioned
from nencheck.checks.policy_dates import rule_policy_review_date_inconsistent
from nencheck.checks.problem import Problem
from nencheck.checks.risks import (
    rule_control_unjustified,
    rule_risk_above_appetite,
    rule_risk_action_overdue,
    rule_risk_control_excluded,
    rule_risk_review_overdue,
)
from nencheck.checks.training import rule_training_below_target, rule_training_overdue
from nencheck.i18n import N_, _
from nencheck.model.records import Records

Rule = Callable[[Records, date], list[Problem]]
ProblemSeverity = Literal["warning", "error"]
Needs = Literal["records", "git-history", "documents"]
RECORDS_ONLY: Needs = "records"  # judged on the records alone
GIT_HISTORY: Needs = "git-history"  # also facts from git (bound by the CLI; skipped outside git)
DOCUMENTS: Needs = (
    "documents"  # also the links in the policies' Markdown documents (bound by the CLI)
)


@dataclass(frozen=True)
class RuleSpec:
    name: str
    kind: str  # the kind of record a problem's id names (SARIF, JUnit)
    description: str  # N_(): translated where shown
    function: Callable[..., list[Problem]]
    needs: Needs = RECORDS_ONLY
    severity: ProblemSeverity = "warning"  # without fail_on; a fail_on rule is an error

    @property
    def text(self) -> str:
        return _(self.description)


# In SPEC's order. One row per rule.
# fmt: off
RULES: tuple[RuleSpec, ...] = (
    RuleSpec("policy-overdue", "policy", N_("An active policy whose next review date lies before the evaluation date."), rule_policy_overdue),
    RuleSpec("policy-due-soon", "policy", N_("An active policy whose review falls due within due_soon."), rule_policy_due_soon),
    RuleSpec("policy-changed-unversioned", "policy", N_("A policy document that changed without a new version."), rule_policy_changed_unversioned, needs=GIT_HISTORY),
    RuleSpec("document-link-unknown", "policy", N_("A policy's Markdown document links to a policy id that no record has."), rule_document_link_unknown, needs=DOCUMENTS),
    RuleSpec("finding-overdue", "finding", N_("An open or in-progress audit finding past its due date."), rule_finding_overdue),
    RuleSpec("evidence-expired", "evidence", N_("An evidence item past its validity."), rule_evidence_expired),
    RuleSpec("training-overdue", "person", N_("A person without a valid completion of a module they need."), rule_training_overdue),
    RuleSpec("training-below-target", "unit", N_("A unit whose training completion rate is below training_target."), rule_training_below_target),
    RuleSpec("control-missing", "control", N_("A catalog control with no control file in the Statement of Applicability."), rule_control_missing),
    RuleSpec("control-gap", "control", N_("An applicable control that is not implemented."), rule_control_gap),
    RuleSpec("control-unsupported", "control", N_("An applicable, implemented control with no policy and no evidence linked."), rule_control_unsupported),
    RuleSpec("breach-notification-late", "incident", N_("A data breach not notified to the AP within 72 hours (AVG art. 33)."), rule_breach_notification_late),
    RuleSpec("calamity-report-late", "incident", N_("A calamity not reported to the IGJ within 3 working days."), rule_calamity_report_late),
    RuleSpec("policy-review-date-inconsistent", "policy", N_("An explicit next_review before last_reviewed, or later than last_reviewed + review_interval."), rule_policy_review_date_inconsistent),
    RuleSpec("risk-review-overdue", "risk", N_("An open risk whose assessment is older than its review interval."), rule_risk_review_overdue),
    RuleSpec("risk-action-overdue", "risk-action", N_("An open risk treatment action past its due date."), rule_risk_action_overdue),
    RuleSpec("risk-above-appetite", "risk", N_("An open risk above the appetite, accepted without who and when, or mitigated without an open action."), rule_risk_above_appetite),
    RuleSpec("risk-control-excluded", "risk", N_("A risk treated by a control that the SoA marks not applicable."), rule_risk_control_excluded),
    RuleSpec("control-unjustified", "control", N_("An applicable control that no risk names and that has no justification."), rule_control_unjustified),
)
# fmt: on

RULE_BY_NAME: dict[str, RuleSpec] = {rule.name: rule for rule in RULES}

# The rules judged on the records alone, in table order (the history rules are bound by the CLI).
RECORD_RULES: tuple[Rule, ...] = tuple(
    rule.function for rule in RULES if rule.needs == RECORDS_ONLY
)


def rule_kind(rule: str) -> str:
    """The kind of record a rule's problems name (``other`` for a rule this table lacks)."""
    spec = RULE_BY_NAME.get(rule)
    return spec.kind if spec else "other"


def rule_description(rule: str) -> str:
    """The rule's one-line description in the current language."""
    spec = RULE_BY_NAME.get(rule)
    return spec.text if spec else rule
