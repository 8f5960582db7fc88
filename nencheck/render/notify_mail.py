"""Each owner's due list as an e-mail message: subject, plain text and HTML bodies, file name."""

from __future__ import annotations

import email.policy
import html
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from email.message import EmailMessage
from email.utils import format_datetime, getaddresses, make_msgid

from nencheck.checks.due import DueItem
from nencheck.checks.owners import OwnerList
from nencheck.i18n import _
from nencheck.model.types import Duration
from nencheck.render.dates import format_duration
from nencheck.render.labels import days_words


@dataclass(frozen=True)
class Letter:
    """What a message says beyond the items: the organisation, the date and the window."""

    organisation: str
    as_of: date
    within: Duration
    language: str
    sender: str
    sent_at: datetime


def compose(owner_list: OwnerList, letter: Letter) -> EmailMessage:
    """The message for one owner: UTF-8 plain text with an HTML alternative, in the language set."""
    assert owner_list.address is not None
    # Python folds a subject longer than 78 characters by moving it whole to the next line, which
    # readers then show with a leading space; headers may be 998 characters (RFC 5322 2.1.1).
    message = EmailMessage(policy=email.policy.default.clone(max_line_length=998))
    message["Subject"] = subject(owner_list, letter)
    message["From"] = letter.sender
    message["To"] = owner_list.address
    message["Date"] = format_datetime(letter.sent_at)
    message["Message-ID"] = make_msgid(domain=_domain(letter.sender))
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no out-of-office replies
    # quoted-printable keeps the message 7-bit clean for relays without 8BITMIME
    message.set_content(body_text(owner_list, letter), charset="utf-8", cte="quoted-printable")
    message.add_alternative(
        body_html(owner_list, letter), subtype="html", charset="utf-8", cte="quoted-printable"
    )
    message["Content-Language"] = letter.language  # after set_content, which clears Content-*
    return message


def _domain(sender: str) -> str:
    mailbox = getaddresses([sender])[0][1] if sender else ""
    return mailbox.rpartition("@")[2] or "nencheck.invalid"


def subject(owner_list: OwnerList, letter: Letter) -> str:
    # No parentheses: the email package folds a parenthesised phrase badly onto a line of its own.
    return _("{organisation}, {date}: {overdue} overdue, {due_soon} due soon").format(
        organisation=letter.organisation,
        overdue=len(owner_list.overdue),
        due_soon=len(owner_list.due_soon),
        date=_day(letter.as_of, letter.language),
    )


def _sections(owner_list: OwnerList, letter: Letter) -> list[tuple[str, list[DueItem]]]:
    window = _("Due within {period}").format(period=format_duration(letter.within))
    sections = [(_("Overdue"), owner_list.overdue), (window, owner_list.due_soon)]
    return [(title, items) for title, items in sections if items]


def _intro(owner_list: OwnerList, letter: Letter) -> list[str]:
    return [
        _("Hello {owner},").format(owner=owner_list.owner),
        _("These items of {organisation} are yours to act on, as of {date}.").format(
            organisation=letter.organisation, date=_day(letter.as_of, letter.language)
        ),
    ]


def _instruction() -> str:
    return _(
        "Please deal with each item (review the document, close the finding, renew the evidence, "
        "complete the training) and record it in the compliance repository, or tell the quality "
        "team who should take it over."
    )


def _footer() -> str:
    return _("Sent by nencheck notify because nencheck.yaml lists you under contacts.")


def body_text(owner_list: OwnerList, letter: Letter) -> str:
    intro = _intro(owner_list, letter)
    lines = [intro[0], "", intro[1]]
    for title, items in _sections(owner_list, letter):
        lines += ["", title.upper()]
        for item in items:
            lines.append(f"- {item.id}  {item.title}")
            lines.append(f"  {_item_detail(item, letter.language)}")
    lines += ["", _instruction(), "", "-- ", _footer()]
    return "\n".join(lines) + "\n"


def body_html(owner_list: OwnerList, letter: Letter) -> str:
    """The same content as HTML; every value from the records is escaped."""
    esc = html.escape
    intro = _intro(owner_list, letter)
    parts = [
        f'<!DOCTYPE html>\n<html lang="{esc(letter.language)}"><head><meta charset="utf-8">',
        f"<title>{esc(subject(owner_list, letter))}</title></head><body>",
        f"<p>{esc(intro[0])}</p>",
        f"<p>{esc(intro[1])}</p>",
    ]
    for title, items in _sections(owner_list, letter):
        parts.append(f"<h2>{esc(title)}</h2>\n<ul>")
        for item in items:
            parts.append(
                f"<li><strong>{esc(item.id)}</strong> {esc(item.title)}<br>"
                f"<small>{esc(_item_detail(item, letter.language))}</small></li>"
            )
        parts.append("</ul>")
    parts.append(f"<p>{esc(_instruction())}</p>")
    parts.append(f"<p><small>{esc(_footer())}</small></p></body></html>")
    return "\n".join(parts) + "\n"


def _item_detail(item: DueItem, language: str) -> str:
    return _("{kind}, due {date}, {days}").format(
        kind=_kind_label(item.kind),
        date=_day(item.due, language),
        days=days_words(item.days, item.state),
    )


def _kind_label(kind: str) -> str:
    from nencheck.render.labels import due_kind_label

    return due_kind_label(kind)


def _day(day: date, language: str) -> str:
    from nencheck.render.dates import format_day

    return format_day(day, language)


def eml_name(owner: str, taken: set[str]) -> str:
    """A file name for an owner's message: ASCII, lower case, unique within one run."""
    ascii_name = unicodedata.normalize("NFKD", owner).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "owner"
    name, number = f"{stem}.eml", 2
    while name in taken:
        name, number = f"{stem}-{number}.eml", number + 1
    taken.add(name)
    return name
