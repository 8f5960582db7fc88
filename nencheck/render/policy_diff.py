"""``policy diff`` as text: the unified diff of a policy's record and of its linked document."""

from __future__ import annotations

import difflib

from nencheck.i18n import _
from nencheck.model.history import FileAtTwoRevisions, PolicyDiff


def render_diff(diff: PolicyDiff) -> str:
    text = "".join(_unified(file, diff.commit_a, diff.commit_b) for file in diff.files)
    if text:
        return text
    return (
        _("{id}: no changes between {a} and {b}.").format(
            id=diff.policy_id, a=diff.commit_a[:10], b=diff.commit_b[:10]
        )
        + "\n"
    )


def _unified(file: FileAtTwoRevisions, rev_a: str, rev_b: str) -> str:
    old, new = file.content_a, file.content_b
    if old == new:
        return ""
    label_a = f"a/{file.path_a} ({rev_a[:10]})" if old is not None else "/dev/null"
    label_b = f"b/{file.path_b} ({rev_b[:10]})" if new is not None else "/dev/null"
    old_text, new_text = _text(old), _text(new)
    if old_text is None or new_text is None:
        return _("Binary file {a} and {b} differ\n").format(a=label_a, b=label_b)
    lines = difflib.unified_diff(
        old_text.splitlines(keepends=True), new_text.splitlines(keepends=True), label_a, label_b
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def _text(content: bytes | None) -> str | None:
    if content is None:
        return ""
    if b"\0" in content:
        return None
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        return None
