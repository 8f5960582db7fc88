"""The list of rules applied by ``check`` (each a pure function of records and a date), with a
one-line description of each and the kind of record it judges (for SARIF and JUnit)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from nencheck.checks.controls import (
    rule_control_gap,
    rule_control_missing,
    rule_control_unsupported,
)
from nencheck.checks.evidence import rule_evidence_expired
from nencheck.checks.findings import rule_finding_overdue
from nencheck.checks.incidents import rule_breach_notification_late, rule_calamity_report_late
from nencheck.checks.policies import rule_policy_due_soon, rule_policy_overdue
from nencheck.checks.problem import Problem
from nencheck.checks.training import rule_training_below_target, rule_training_overdue
from nencheck.i18n import N_, _
from nencheck.model.records import Records

Rule = Callable[[Records, date], list[Problem]]

# In SPEC's order. policy-changed-unversioned (git history) is added where it is implemented.
ALL_RULES: list[Rule] = [
    rule_policy_overdue,
    rule_policy_due_soon,
    rule_finding_overdue,
    rule_evidence_expired,
    rule_training_overdue,
    rule_training_below_target,
    rule_control_missing,
    rule_control_gap,
    rule_control_unsupported,
    rule_breach_notification_late,
    rule_calamity_report_late,
]


# rule name -> (kind of record a problem's id names, English description).
RULE_INFO: dict[str, tuple[str, str]] = {
    "policy-overdue": (
        "policy",
        N_("An active policy whose next review date lies before the evaluation date."),
    ),
    "policy-due-soon": ("policy", N_("An active policy whose review falls due within due_soon.")),
    "policy-changed-unversioned": (
        "policy",
        N_("A policy document that changed without a new version."),
    ),
    "document-link-unknown": (
        "policy",
        N_("A policy's Markdown document links to a policy id that no record has."),
    ),
    "finding-overdue": ("finding", N_("An open or in-progress audit finding past its due date.")),
    "evidence-expired": ("evidence", N_("An evidence item past its validity.")),
    "training-overdue": (
        "person",
        N_("A person without a valid completion of a module they need."),
    ),
    "training-below-target": (
        "unit",
        N_("A unit whose training completion rate is below training_target."),
    ),
    "control-missing": (
        "control",
        N_("A catalog control with no control file in the Statement of Applicability."),
    ),
    "control-gap": ("control", N_("An applicable control that is not implemented.")),
    "control-unsupported": (
        "control",
        N_("An applicable, implemented control with no policy and no evidence linked."),
    ),
    "breach-notification-late": (
        "incident",
        N_("A data breach not notified to the AP within 72 hours (AVG art. 33)."),
    ),
    "calamity-report-late": (
        "incident",
        N_("A calamity not reported to the IGJ within 3 working days."),
    ),
}


def rule_kind(rule: str) -> str:
    """The kind of record a rule's problems name (``other`` for a rule this table lacks)."""
    return RULE_INFO.get(rule, ("other", ""))[0]


def rule_description(rule: str) -> str:
    """The rule's one-line description in the current language."""
    return _(RULE_INFO[rule][1]) if rule in RULE_INFO else rule
