"""PyYAML's syntax errors as nencheck messages: what is wrong in words people use, and what to do.

PyYAML (its C loader and its Python one word them differently) reports in English and in parser
terms ("found a tab character that violates indentation", "did not find expected key"). The
common problems get a translated message here; any other keeps PyYAML's text after a
translated lead-in, so nothing is lost.
"""

from __future__ import annotations

from nencheck.i18n import N_, _

TAB = N_(
    "a tab character: YAML indents with spaces only; replace the tab with spaces "
    "(e.g. two per level)"
)

# (words in PyYAML's problem text, message); the first match wins.
KNOWN: tuple[tuple[tuple[str, ...], str], ...] = (
    (("tab character",), TAB),
    (
        ("mapping values are not allowed",),
        N_(
            "a colon followed by a space where YAML does not expect one: put a text that "
            "contains ': ' in quotes, or check the indentation"
        ),
    ),
    (
        ("could not find expected ':'",),
        N_(
            "a line without 'key: value' inside a mapping: add the colon, or check the "
            "indentation of this line and the one above"
        ),
    ),
    (
        ("expected key", "expected <block end>"),
        N_(
            "the indentation does not match the lines above: indent with spaces so this line "
            "lines up with the keys it belongs to"
        ),
    ),
    (
        ("expected '-' indicator",),
        N_(
            "a list item without '- ' at this indentation: start each item with '- ' at the same indentation"
        ),
    ),
    (
        ("end of stream",),
        N_("a quoted text is not closed: add the closing quote"),
    ),
    (
        ("escape character",),
        N_(
            "an unknown escape (a backslash) in double quotes: use single quotes, or write \\\\ "
            "for a backslash"
        ),
    ),
    (
        ("expected ',' or ']'",),
        N_("a list in [brackets] is not closed: separate the items with ',' and end with ']'"),
    ),
    (
        ("expected ',' or '}'",),
        N_("a mapping in { } is not closed: separate the items with ',' and end with '}'"),
    ),
    (
        ("undefined alias",),
        N_("an alias (*name) without an anchor (&name) before it: put the value in quotes"),
    ),
    (
        ("another document", "single document"),
        N_("more than one YAML document ('---') in one file: keep one record per file"),
    ),
    (
        ("cannot start any token",),
        N_(
            "a value starts with a character YAML reserves (such as @, ` or %): put the value "
            "in quotes"
        ),
    ),
    (
        ("alphabetic or numeric character",),
        N_("an anchor or alias (& or *) without a name: put the value in quotes"),
    ),
    (
        ("directive",),
        N_("a line starting with % (a YAML directive): put the value in quotes"),
    ),
)


def yaml_problem_message(problem: str, context: str | None, character: str = "") -> str:
    """The nencheck message for one of PyYAML's problems; ``character`` is the one at the
    reported position (a tab there is named as a tab whatever PyYAML calls it)."""
    if character == "\t" or "'\\t'" in problem:
        return _(TAB)
    for words, message in KNOWN:
        if any(word in problem or word in (context or "") for word in words):
            return _(message)
    detail = f"{problem} ({context})" if context else problem
    return _("invalid YAML: {detail}").format(detail=detail)


def yaml_tag_message(problem: str) -> str:
    """A tag nencheck's loader does not construct (``!python/object``, ``!!binary``)."""
    import re

    found = re.search(r"tag '([^']*)'", problem)
    tag = found.group(1) if found else "!"
    return _(
        "a YAML tag ({tag}) that nencheck does not read: remove it and write the plain value"
    ).format(tag=tag)
