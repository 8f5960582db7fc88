"""document-link-unknown, judged on links found in documents given as data (no I/O)."""

from __future__ import annotations

from datetime import date

import pytest

from nencheck.checks.document_links import (
    DocumentLink,
    looks_like_policy_id,
    rule_document_link_unknown,
)
from nencheck.render.site_markdown import markdown_links
from tests.checks.builders import policy, records

AS_OF = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("target", "is_id"),
    [
        ("PROT-HAP-009", True),
        ("bel-ib-001", True),
        ("FORM_ALG_1", True),
        ("bijlage.pdf", False),
        ("docs/PROT-HAP-009", False),
        ("PROTOCOL", False),
        ("5.1", False),
    ],
)
def test_what_counts_as_a_policy_id_in_a_link(target: str, is_id: bool) -> None:
    assert looks_like_policy_id(target) is is_id


def test_a_link_to_an_id_no_record_has_is_reported_any_status_counts() -> None:
    found = records(
        policies=[
            policy(id="PROT-HAP-014"),
            policy(id="PROT-HAP-009", status="retired"),
            policy(id="PROT-HAP-020", status="draft"),
        ]
    )
    links = [
        DocumentLink("policies/documents/a.md", 3, "PROT-HAP-009", "PROT-HAP-014"),
        DocumentLink("policies/documents/a.md", 4, "prot-hap-020", "PROT-HAP-014"),
        DocumentLink("policies/documents/a.md", 5, "PROT-HAP-099", "PROT-HAP-014"),
        DocumentLink("policies/documents/a.md", 6, "bijlage.pdf", "PROT-HAP-014"),
    ]
    problems = rule_document_link_unknown(found, AS_OF, links=links)
    assert [(p.rule, p.id, p.file, p.line) for p in problems] == [
        ("document-link-unknown", "PROT-HAP-014", "policies/documents/a.md", 5)
    ]
    assert "PROT-HAP-099" in problems[0].message


def test_links_are_found_with_their_lines_but_not_in_code() -> None:
    text = (
        "# Titel\n\nZie [a](PROT-HAP-009) en\n[b](https://example.org).\n\n"
        "    [c](PROT-CODE-001)\n\n`[d](PROT-CODE-002)`\n\n[e][ref]\n\n[ref]: PROT-REF-001\n"
    )
    assert markdown_links(text) == [(3, "PROT-HAP-009"), (10, "PROT-REF-001")]
