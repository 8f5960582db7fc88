"""The one rule table: every rule once, with what check, JUnit, SARIF and the docs need."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

from nencheck.checks.rules import (
    DOCUMENTS,
    GIT_HISTORY,
    RECORD_RULES,
    RECORDS_ONLY,
    RULES,
    rule_description,
    rule_kind,
)
from nencheck.model.settings import RuleName

DOCS = Path(__file__).resolve().parent.parent.parent / "docs"


def test_fail_on_accepts_exactly_the_rules_of_the_table_in_its_order() -> None:
    assert [rule.name for rule in RULES] == list(get_args(RuleName))


def test_every_rule_is_in_the_table_once_with_a_kind_severity_and_description() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    for rule in RULES:
        assert rule.kind and rule.description.endswith("."), rule.name
        assert rule.severity in ("warning", "error"), rule.name
        assert rule_kind(rule.name) == rule.kind
        assert rule_description(rule.name) == rule.text
    assert rule_kind("no-such-rule") == "other"


def test_history_and_document_rules_are_bound_by_the_cli_not_applied_on_records_alone() -> None:
    history = [rule for rule in RULES if rule.needs == GIT_HISTORY]
    assert [rule.name for rule in history] == ["policy-changed-unversioned"]
    documents = [rule for rule in RULES if rule.needs == DOCUMENTS]
    assert [rule.name for rule in documents] == ["document-link-unknown"]
    bound = [rule for rule in RULES if rule.needs != RECORDS_ONLY]
    assert all(rule.function not in RECORD_RULES for rule in bound)
    assert len(RECORD_RULES) == len(RULES) - len(bound)


def test_every_rule_is_documented() -> None:
    docs = "\n".join(page.read_text(encoding="utf-8") for page in DOCS.glob("*.md"))
    missing = [rule.name for rule in RULES if f"`{rule.name}`" not in docs]
    assert not missing, f"document these rules in docs/: {missing}"
