"""``policy diff``: a policy's record and its linked document at two revisions, read through one
``git cat-file --batch`` per step (render/policy_diff.py writes the unified diff)."""

from __future__ import annotations

from pathlib import Path

from nencheck.errors import NencheckError
from nencheck.i18n import _
from nencheck.model.history import FileAtTwoRevisions, PolicyDiff, Version
from nencheck.model.types import URL_PREFIXES
from nencheck.store.git.revision import resolve_revision
from nencheck.store.git.runner import read_blobs, run_git


def policy_diff(
    root: Path, policy_id: str, versions: list[Version], rev_a: str | None, rev_b: str | None
) -> PolicyDiff:
    """The record and the document at A and at B (defaults: the last two versions)."""
    commit_a, commit_b = _pick(policy_id, versions, rev_a, rev_b)
    prefix = run_git(root, ["rev-parse", "--show-prefix"]).decode("utf-8").strip()
    record_a = _path_at(root, versions, commit_a)
    record_b = _path_at(root, versions, commit_b)
    names = {
        "a": f"{commit_a}:{prefix}{record_a}" if record_a else "",
        "b": f"{commit_b}:{prefix}{record_b}" if record_b else "",
    }
    records = read_blobs(root, [name for name in names.values() if name])
    content_a, content_b = records.get(names["a"]), records.get(names["b"])
    files = [FileAtTwoRevisions(record_a, record_b, content_a, content_b)]
    doc_a, doc_b = _document(content_a), _document(content_b)
    if doc_a or doc_b:
        docs = read_blobs(
            root, [f"{c}:{prefix}{d}" for c, d in ((commit_a, doc_a), (commit_b, doc_b)) if d]
        )
        files.append(
            FileAtTwoRevisions(
                doc_a,
                doc_b,
                docs.get(f"{commit_a}:{prefix}{doc_a}"),
                docs.get(f"{commit_b}:{prefix}{doc_b}"),
            )
        )
    return PolicyDiff(policy_id, commit_a, commit_b, files)


def _pick(
    policy_id: str, versions: list[Version], rev_a: str | None, rev_b: str | None
) -> tuple[str, str]:
    if rev_a is None and len(versions) < 2:
        raise NencheckError(
            _(
                "{id} has {count} committed version(s), so there is nothing to compare; "
                "name two revisions: nencheck policy diff {id} A B."
            ).format(id=policy_id, count=len(versions))
        )
    if rev_a is None:
        return versions[1].commit, versions[0].commit
    if rev_b is None and not versions:
        raise NencheckError(
            _("{id} has no committed version to compare with.").format(id=policy_id)
        )
    return rev_a, rev_b or versions[0].commit


def _path_at(root: Path, versions: list[Version], rev: str) -> str | None:
    """The record's file name at ``rev``: from the newest version reachable from it."""
    commit = resolve_revision(root, rev)
    by_commit = {version.commit: version for version in versions}
    if commit in by_commit:
        return by_commit[commit].path
    reachable = set(run_git(root, ["rev-list", commit, "--"]).decode("ascii").split())
    for version in versions:
        if version.commit in reachable:
            return version.path
    return None


def _document(record: bytes | None) -> str | None:
    """The repository path of the record's linked document, if any (URLs are not diffed)."""
    from nencheck.store.read.yamlread import YamlFailure, parse_yaml

    if record is None:
        return None
    try:
        data = parse_yaml(record.decode("utf-8")).data
    except (UnicodeDecodeError, YamlFailure):
        return None
    value = data.get("document") if isinstance(data, dict) else None
    if not isinstance(value, str) or value.startswith(URL_PREFIXES) or ".." in value.split("/"):
        return None
    return value.lstrip("/")
