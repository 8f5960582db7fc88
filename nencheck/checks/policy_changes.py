"""The rule ``policy-changed-unversioned``: an active policy whose record or linked document
changed (in git) after its last review while its version stayed the same.

Pure: the facts from git (which commit changed which file, on which day, and which top-level
keys of a record) come in as data, gathered by ``store.policy_changes``. ISO 27001 clause 7.5
asks for controlled documents: a changed document without a new version is not controlled.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from nencheck.checks.problem import Problem
from nencheck.i18n import _
from nencheck.model.history import FileChange
from nencheck.model.policy import Policy, PolicyStatus, linked_document
from nencheck.model.records import Records

RULE = "policy-changed-unversioned"
# Record fields that a review or the register's bookkeeping changes without touching the
# document's content: changing them needs no new version.
BOOKKEEPING = frozenset(
    {
        "last_reviewed",
        "next_review",
        "review_interval",
        "reviews",
        "approved",
        "approved_by",
        "owner",
        "status",
        "retired",
        "retired_reason",
        "notes",
    }
)


def rule_policy_changed_unversioned(
    records: Records, as_of: date, changes: list[FileChange]
) -> list[Problem]:
    by_path: dict[str, list[FileChange]] = defaultdict(list)
    for change in changes:
        by_path[change.path].append(change)
    problems = []
    for policy in records.policies:
        reviewed = policy.last_reviewed or policy.approved
        if policy.status != PolicyStatus.ACTIVE or reviewed is None:
            continue
        record, document = policy.origin.file, linked_document(policy)
        changed = by_path.get(record, []) + (by_path.get(document, []) if document else [])
        if not changed:
            continue  # most policies: nothing changed in the history read
        after = [change for change in changed if reviewed < change.day <= as_of]
        if any(c.path == record and (c.keys is None or "version" in c.keys) for c in after):
            continue  # the version moved (or may have) since the review
        content = [c for c in after if c.path != record or (c.keys or set()) - BOOKKEEPING]
        if content:
            problems.append(_problem(policy, reviewed, max(content, key=lambda c: c.day), record))
    return problems


def _problem(policy: Policy, reviewed: date, change: FileChange, record: str) -> Problem:
    if change.path == record:
        fields = ", ".join(sorted((change.keys or set()) - BOOKKEEPING))
        what = _("its record ({fields})").format(fields=fields)
    else:
        what = _("its document {file}").format(file=change.path)
    message = _(
        "{what} changed on {day} (commit {commit}) after the last review on {reviewed}, but the "
        "version is still {version}; review it with a new version, or undo the change"
    ).format(
        what=what,
        day=change.day.isoformat(),
        commit=change.commit[:10],
        reviewed=reviewed.isoformat(),
        version=policy.version,
    )
    line, column = policy.origin.at("version")
    return Problem(
        rule=RULE,
        id=policy.id,
        file=record,
        line=line,
        column=column,
        message=message,
        details={
            "title": policy.title,
            "owner": policy.owner,
            "version": policy.version,
            "last_reviewed": reviewed.isoformat(),
            "changed": change.day.isoformat(),
            "commit": change.commit,
            "changed_file": change.path,
        },
    )
