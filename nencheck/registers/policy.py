"""Planning the edits of the policy lifecycle: a review, a new policy, retiring one.

Each plan reads the file with the round-trip editor, changes only what it must, checks the
result is still a valid policy and returns the change with its commit message; the caller
applies it with ``store.writer.apply_changes``. Nothing here writes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from nencheck.errors import NencheckError
from nencheck.i18n import _
from nencheck.model.ids import fold_id
from nencheck.model.policy import Policy, PolicyStatus
from nencheck.model.records import Records
from nencheck.model.types import NEW_ID_PATTERN, Duration
from nencheck.store.write.record_edits import ensure_valid, set_field
from nencheck.store.write.writer import Change, dump_edited, load_for_edit, new_record_yaml, scalar


@dataclass(frozen=True)
class Plan:
    change: Change
    message: str
    warnings: tuple[str, ...] = ()  # shown before the change is written; they do not stop it


@dataclass(frozen=True)
class ReviewRequest:
    reviewer: str
    day: date
    version: str | None = None
    note: str | None = None
    next_review: date | None = None  # an explicit next review date (--next-review)


def plan_review(root: Path, policy: Policy, request: ReviewRequest) -> Plan:
    """Record a review in the policy's own file: last_reviewed, version, a consistent explicit
    next_review, and an entry in its ``reviews:`` log (a commit author is not an approval)."""
    if policy.status == PolicyStatus.RETIRED:
        raise NencheckError(
            _(
                "{id} is retired; a retired policy is not reviewed. Write a new policy "
                "(nencheck policy new ... --supersedes {id}) instead."
            ).format(id=policy.id)
        )
    if policy.last_reviewed is not None and request.day < policy.last_reviewed:
        raise NencheckError(
            _(
                "{id} was last reviewed on {last}; a review dated {day} would move that date back. "
                "Check --date."
            ).format(id=policy.id, last=policy.last_reviewed, day=request.day)
        )
    path = policy.origin.file
    document = load_for_edit(root, path)
    old_version = policy.version
    new_version = request.version or old_version
    set_field(document, "version", new_version, after=("status",))
    set_field(document, "last_reviewed", request.day, after=("approved", "approved_by", "version"))
    next_review = _next_review(policy, request)
    if next_review is not None:
        set_field(document, "next_review", next_review, after=("review_interval", "last_reviewed"))
    _append_review(document, request, new_version)
    content = dump_edited(document)
    ensure_valid(path, content, "policy")
    message = review_message(policy.id, request, old_version, new_version)
    return Plan(
        Change(path, content), message, _version_warnings(policy.id, old_version, new_version)
    )


def _version_warnings(policy_id: str, old: str, new: str) -> tuple[str, ...]:
    """A review that lowers the version (3.1 -> 2.0) is most likely a typo: say so."""
    if not version_is_lower(new, old):
        return ()
    return (
        _(
            "warning: {id}: version {new} is lower than the current {old}; if that is a typo, "
            "undo the commit (git revert HEAD) and review again with the right --version"
        ).format(id=policy_id, new=new, old=old),
    )


def version_is_lower(new: str, old: str) -> bool:
    """Whether version ``new`` comes before ``old``, comparing dotted numbers (1.10 after 1.9);
    versions that are not dotted numbers are not compared."""

    def numbers(text: str) -> tuple[int, ...] | None:
        parts = text.strip().lstrip("vV").split(".")
        return tuple(int(part) for part in parts) if all(p.isdigit() for p in parts) else None

    new_numbers, old_numbers = numbers(new), numbers(old)
    return new_numbers is not None and old_numbers is not None and new_numbers < old_numbers


def _next_review(policy: Policy, request: ReviewRequest) -> date | None:
    """The explicit next_review to write, or None when the file has none and needs none."""
    if request.next_review is not None:
        if request.next_review <= request.day:
            raise NencheckError(
                _("--next-review {next} must lie after the review date {day}.").format(
                    next=request.next_review, day=request.day
                )
            )
        return request.next_review
    if policy.next_review is None:
        return None  # computed from last_reviewed + review_interval
    if policy.review_interval is None:
        raise NencheckError(
            _(
                "{id} has an explicit next_review ({next}) and no review_interval, so the next "
                "review date cannot be moved by itself; give it with --next-review DATE."
            ).format(id=policy.id, next=policy.next_review)
        )
    return policy.review_interval.after(request.day)


def _append_review(document: Any, request: ReviewRequest, version: str) -> None:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    entry = CommentedMap()
    entry["date"] = request.day
    entry["reviewer"] = scalar(request.reviewer)
    entry["version"] = scalar(version, like=document.get("version"))
    if request.note:
        entry["note"] = scalar(request.note)
    reviews = document.get("reviews")
    if not isinstance(reviews, CommentedSeq):
        reviews = CommentedSeq()
        document["reviews"] = reviews
    reviews.append(entry)


def review_message(policy_id: str, request: ReviewRequest, old: str, new: str) -> str:
    if old == new:
        subject = _("Review {id} by {reviewer}: version {version} unchanged").format(
            id=policy_id, reviewer=request.reviewer, version=old
        )
    else:
        subject = _("Review {id} by {reviewer}: {old} -> {new}").format(
            id=policy_id, reviewer=request.reviewer, old=old, new=new
        )
    return f"{subject}\n\n{request.note}\n" if request.note else subject + "\n"


def plan_retire(root: Path, policy: Policy, day: date, reason: str) -> Plan:
    if policy.status == PolicyStatus.RETIRED:
        raise NencheckError(_("{id} is already retired.").format(id=policy.id))
    path = policy.origin.file
    document = load_for_edit(root, path)
    set_field(document, "status", PolicyStatus.RETIRED.value, after=("type",))
    set_field(document, "retired", day, after=("reviews", "supersedes", "audience", "document"))
    set_field(document, "retired_reason", reason, after=("retired",))
    content = dump_edited(document)
    ensure_valid(path, content, "policy")
    message = _("Retire {id}: {reason}").format(id=policy.id, reason=reason)
    return Plan(Change(path, content), message + "\n")


@dataclass
class NewPolicy:
    id: str
    title: str
    type: str
    owner: str
    version: str = "0.1"
    status: str = PolicyStatus.DRAFT.value
    units: list[str] = field(default_factory=lambda: ["all"])
    controls: list[str] = field(default_factory=list)
    review_interval: Duration | None = None
    approved_by: str | None = None
    day: date | None = None  # approval and first review date of an active policy
    document: str | None = None
    audience: list[str] = field(default_factory=list)
    supersedes: str | None = None


def plan_new(root: Path, records: Records, new: NewPolicy) -> Plan:
    """A new policy file under policies/<unit>/ (or policies/algemeen/), draft by default."""
    from nencheck.store.write.paths import policy_path

    _check_new(records, new)
    data = new_policy_data(new)
    policy = Policy.model_validate(
        {k: str(v) if isinstance(v, Duration) else v for k, v in data.items()}
    )
    path = policy_path(policy, unit_folders=True)
    if (root / path).exists():
        raise NencheckError(
            _("{file} already exists; choose another id or move that file first.").format(file=path)
        )
    content = new_record_yaml(data)
    ensure_valid(path, content, "policy")
    message = _("New {type} {id}: {title}").format(type=new.type, id=new.id, title=new.title)
    return Plan(Change(path, content), message + "\n")


def new_policy_data(new: NewPolicy) -> dict[str, Any]:
    """The fields of the new file in SPEC's order; an active policy is approved and first
    reviewed on ``new.day``; a draft claims neither."""
    data: dict[str, Any] = {
        "id": new.id,
        "title": new.title,
        "type": new.type,
        "status": new.status,
        "version": new.version,
        "owner": new.owner,
    }
    if new.status == PolicyStatus.ACTIVE.value:
        data.update(approved_by=new.approved_by, approved=new.day, last_reviewed=new.day)
    if new.review_interval is not None:
        data["review_interval"] = str(new.review_interval)
    data["units"] = list(new.units)
    optional = {
        "controls": new.controls,
        "document": new.document,
        "audience": new.audience,
        "supersedes": new.supersedes,
    }
    data.update({key: value for key, value in optional.items() if value})
    return data


def _check_new(records: Records, new: NewPolicy) -> None:
    if not re.match(NEW_ID_PATTERN, new.id):
        raise NencheckError(
            _("--id '{id}' is not an id; use letters, digits, '.', '-' and '_'").format(id=new.id)
        )
    taken = {fold_id(policy.id): policy for policy in records.policies}
    if fold_id(new.id) in taken:
        other = taken[fold_id(new.id)]
        raise NencheckError(
            _("a policy with id {id} already exists ({file}); choose another id.").format(
                id=other.id, file=other.origin.file
            )
        )
    if new.status == PolicyStatus.ACTIVE.value and (
        not new.approved_by or new.review_interval is None
    ):
        raise NencheckError(
            _(
                "an active policy needs --approved-by NAME and --interval (e.g. 2y); "
                "leave --status out to create a draft."
            )
        )
    known_units = records.settings.unit_ids() | {"all"}
    unknown = [unit for unit in new.units if unit not in known_units]
    known_controls = {c.id for c in records.controls} | {c.id for c in records.catalog.controls}
    unknown += [control for control in new.controls if control not in known_controls]
    if new.supersedes and new.supersedes not in records.policy_by_id:
        unknown.append(new.supersedes)
    if unknown:
        raise NencheckError(
            _(
                "unknown unit, control or policy: {ids}. The units of nencheck.yaml are {units} "
                "(letter case counts); controls come from the catalog."
            ).format(ids=", ".join(unknown), units=", ".join(sorted(known_units)))
        )
