"""The note at the top of a document whose figures leave out files that could not be read.

SPEC, "One broken file never takes the dashboard down": the figures are "headed by the errors
and a count of the files that could not be read". The errors go to stderr; a document that is
kept or handed over (status, report, SoA) says it in itself, before any figure. The words are
made here once; each format marks them up (``plain``, ``markdown``, the HTML templates).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from nencheck.i18n import _, ngettext

MAX_LISTED = 10  # more paths than this become "and N other files"
COMMAND = "nencheck check"  # the command that shows what is wrong with each file
PLACEHOLDER = "{command}"


@dataclass(frozen=True)
class UnreadableNote:
    """'These figures leave out 2 unreadable files: a, b. `nencheck check` shows what is wrong.'"""

    lead: str  # the count, ending in a colon
    files: tuple[str, ...]  # the first MAX_LISTED paths
    others: str  # "and 3 other files", or ""
    before_command: str  # the advice around the command, split so a format can mark it up
    after_command: str
    command: str = COMMAND

    def file_list(self, code: str = "") -> str:
        """The paths joined with commas, each between ``code`` marks (a backtick in Markdown)."""
        listed = ", ".join(f"{code}{path}{code}" for path in self.files)
        return f"{listed} {self.others}" if self.others else listed

    def advice(self, code: str = "`") -> str:
        """'`nencheck check` shows what is wrong.' (the command quoted in plain text too)."""
        return f"{self.before_command}{code}{self.command}{code}{self.after_command}"

    def plain(self) -> str:
        return f"{self.lead} {self.file_list()}. {self.advice()}"

    def markdown(self) -> str:
        """One blockquote line; paths and the command as code, so no character is taken as
        markup (a path with an underscore stays a path)."""
        return f"> **{self.lead}** {self.file_list('`')}. {self.advice()}"


def unreadable_note(
    paths: Sequence[str] | None, document: str = "figures"
) -> UnreadableNote | None:
    """The note for these unreadable files, or None when every file was read (no empty box).

    ``document`` is "figures" (status, report) or "soa" (the Statement of Applicability)."""
    if not paths:
        return None
    count = len(paths)
    rest = count - MAX_LISTED
    others = (
        ngettext("and {count} other file", "and {count} other files", rest).format(count=rest)
        if rest > 0
        else ""
    )
    before, _found, after = _("{command} shows what is wrong.").partition(PLACEHOLDER)
    return UnreadableNote(
        lead=_lead(document, count),
        files=tuple(paths[:MAX_LISTED]),
        others=others,
        before_command=before,
        after_command=after,
    )


def _lead(document: str, count: int) -> str:
    if document == "soa":
        return ngettext(
            "This statement leaves out {count} unreadable file:",
            "This statement leaves out {count} unreadable files:",
            count,
        ).format(count=count)
    return ngettext(
        "These figures leave out {count} unreadable file:",
        "These figures leave out {count} unreadable files:",
        count,
    ).format(count=count)
