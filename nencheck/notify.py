"""Each owner's due list as an e-mail: grouping by owner, composing the message, delivering it
over SMTP or writing it as an .eml file. No click here; the CLI passes every setting in."""

from __future__ import annotations

import email.policy
import html
import re
import smtplib
import ssl
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from email.message import EmailMessage
from email.utils import format_datetime, getaddresses, make_msgid
from pathlib import Path
from typing import TYPE_CHECKING

from nencheck.checks.policies import OVERDUE
from nencheck.errors import NencheckError
from nencheck.i18n import _, ngettext
from nencheck.model.types import Duration
from nencheck.render.labels import days_words

if TYPE_CHECKING:
    from nencheck.checks.due import DueItem

NO_OWNER = ""


@dataclass(frozen=True)
class OwnerList:
    """One owner's items (overdue first, then due soon, each by date) and where they go."""

    owner: str
    address: str | None
    items: tuple[DueItem, ...]

    @property
    def overdue(self) -> list[DueItem]:
        return [item for item in self.items if item.state == OVERDUE]

    @property
    def due_soon(self) -> list[DueItem]:
        return [item for item in self.items if item.state != OVERDUE]


@dataclass(frozen=True)
class Plan:
    """Who gets a message and who has items but no address in ``contacts:``."""

    lists: list[OwnerList]
    missing: list[OwnerList]


@dataclass(frozen=True)
class Letter:
    """What a message says beyond the items: the organisation, the date and the window."""

    organisation: str
    as_of: date
    within: Duration
    language: str
    sender: str
    sent_at: datetime


@dataclass(frozen=True)
class SmtpSettings:
    """Where and how to deliver; only ever from options or the environment, never the repository."""

    host: str
    port: int
    starttls: bool = False
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    timeout: float = 30.0


@dataclass(frozen=True)
class Failure:
    owner: str
    address: str
    reason: str


def plan(items: Iterable[DueItem], contacts: dict[str, str]) -> Plan:
    """Group the items per owner; owners without a (matching) contact go to ``missing``.
    Every contact is checked, not only those with items: a typo surfaces before it matters."""
    for name, contact in contacts.items():
        check_address(name, contact)
    by_owner: dict[str, list[DueItem]] = {}
    for item in items:
        by_owner.setdefault(item.owner or NO_OWNER, []).append(item)
    lookup = {_name_key(name): address for name, address in contacts.items()}
    lists, missing = [], []
    for owner in sorted(by_owner, key=str.casefold):
        ordered = tuple(sorted(by_owner[owner], key=_order))
        address = lookup.get(_name_key(owner)) if owner else None
        if address:
            lists.append(OwnerList(owner, address, ordered))
        else:
            missing.append(OwnerList(owner, None, ordered))
    return Plan(lists, missing)


def _order(item: DueItem) -> tuple[int, date, str, str]:
    return (0 if item.state == OVERDUE else 1, item.due, item.kind, item.id)


def _name_key(name: str) -> str:
    """Owner names as people type them: case and runs of spaces do not matter."""
    return " ".join(str(name).split()).casefold()


def check_address(owner: str, address: str) -> None:
    """An address from contacts: one or more, comma-separated, each with an @."""
    parsed = getaddresses([address])
    if not parsed or any("@" not in mailbox or " " in mailbox for _name, mailbox in parsed):
        raise NencheckError(
            _(
                "nencheck.yaml, contacts: '{address}' for owner '{owner}' is not an e-mail "
                "address; write it as name@example.org (several separated by commas)"
            ).format(address=address, owner=owner)
        )


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
    window = _("Due within {period}").format(period=duration_words(letter.within))
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


def duration_words(duration: Duration) -> str:
    words = {
        "d": ngettext("{count} day", "{count} days", duration.count),
        "w": ngettext("{count} week", "{count} weeks", duration.count),
        "m": ngettext("{count} month", "{count} months", duration.count),
        "y": ngettext("{count} year", "{count} years", duration.count),
    }
    return words[duration.unit].format(count=duration.count)


def _kind_label(kind: str) -> str:
    from nencheck.render.labels import due_kind_label

    if kind == "incident":
        return _("Incident notification")
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


def write_eml(messages: Sequence[tuple[OwnerList, EmailMessage]], directory: Path) -> list[Path]:
    """Write each message to DIR/<owner>.eml atomically; returns the paths in order."""
    from nencheck.store.atomic import write_atomic

    taken: set[str] = set()
    paths = []
    for owner_list, message in messages:
        path = directory / eml_name(owner_list.owner, taken)
        write_atomic(path, message.as_bytes())
        paths.append(path)
    return paths


def send(
    messages: Sequence[tuple[OwnerList, EmailMessage]], settings: SmtpSettings
) -> list[Failure]:
    """Deliver over one SMTP connection; a refused message fails only its owner, a lost
    connection the owners not yet served.

    Raises NencheckError (exit 2) when credentials would cross an unencrypted connection or
    STARTTLS was asked for and the server does not offer it: nothing is sent then."""
    if not messages:
        return []
    failures: list[Failure] = []
    done = 0
    try:
        with smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout) as smtp:
            _secure(smtp, settings)
            for owner_list, message in messages:
                failure = _deliver(smtp, owner_list, message)
                failures += [failure] if failure else []
                done += 1
    except (smtplib.SMTPException, OSError) as error:
        reason = _("SMTP server {host}:{port}: {error}").format(
            host=settings.host, port=settings.port, error=_describe(error)
        )
        failures += [Failure(ol.owner, ol.address or "", reason) for ol, _m in messages[done:]]
    return failures


def _secure(smtp: smtplib.SMTP, settings: SmtpSettings) -> None:
    smtp.ehlo()
    if settings.starttls or settings.user:
        if not smtp.has_extn("starttls"):
            raise NencheckError(_refusal(settings))
        smtp.starttls(context=ssl.create_default_context())
        smtp.ehlo()
    if settings.user:
        smtp.login(settings.user, settings.password or "")


def _refusal(settings: SmtpSettings) -> str:
    if settings.user:
        return _(
            "the SMTP server {host}:{port} does not offer STARTTLS; refusing to send the "
            "NENCHECK_SMTP_USER credentials over an unencrypted connection (nothing was sent). "
            "Use the server's submission port (usually 587) or a server that supports STARTTLS."
        ).format(host=settings.host, port=settings.port)
    return _(
        "the SMTP server {host}:{port} does not offer STARTTLS, which --starttls asks for "
        "(nothing was sent). Use a port that supports it (usually 587) or leave out --starttls."
    ).format(host=settings.host, port=settings.port)


def _deliver(smtp: smtplib.SMTP, owner_list: OwnerList, message: EmailMessage) -> Failure | None:
    try:
        smtp.send_message(message)
    except smtplib.SMTPServerDisconnected:
        raise
    except smtplib.SMTPException as error:
        return Failure(owner_list.owner, owner_list.address or "", _describe(error))
    return None


def _describe(error: BaseException) -> str:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        refused = "; ".join(
            f"{address}: {code} {reply.decode('utf-8', 'replace')}"
            for address, (code, reply) in error.recipients.items()
        )
        return _("recipient refused ({details})").format(details=refused)
    if isinstance(error, smtplib.SMTPResponseException):
        text = error.smtp_error
        reply = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
        return f"{error.smtp_code} {reply}"
    return str(error) or type(error).__name__
