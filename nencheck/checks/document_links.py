"""The rule ``document-link-unknown``: a policy's Markdown document links to a policy id that no
record has (a typo, or a policy renumbered), so the reader of the Kennisbank hits a dead end.

Pure: the links are facts found in the documents by the caller (``cli.document_links``), given as
data; this module only judges them against the register.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from nencheck.checks.problem import Problem
from nencheck.i18n import _
from nencheck.model.records import Records

RULE = "document-link-unknown"
# The convention in policy documents: [Title](PROT-HAP-009), an id of letters, digits and dashes
# with at least one dash; a file name has a dot or a slash and is no id.
_ID_LIKE = re.compile(r"^[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)+$")


def looks_like_policy_id(target: str) -> bool:
    return bool(_ID_LIKE.match(target))


@dataclass(frozen=True)
class DocumentLink:
    """A link in a policy's document: the document's file, the 1-based line, the target as
    written, and the policy whose document it is."""

    file: str
    line: int
    target: str
    policy_id: str


def rule_document_link_unknown(
    records: Records, as_of: date, *, links: list[DocumentLink]
) -> list[Problem]:
    known = {policy.id.casefold() for policy in records.policies}
    return [
        Problem(
            rule=RULE,
            id=link.policy_id,
            file=link.file,
            line=link.line,
            column=1,
            message=_("links to {target}, but no policy has that id").format(target=link.target),
            details={"target": link.target},
        )
        for link in links
        if looks_like_policy_id(link.target) and link.target.casefold() not in known
    ]
