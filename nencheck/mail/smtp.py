"""Delivering messages: over SMTP (STARTTLS, credentials only from the environment) or as .eml files."""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Sequence
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path

from nencheck.checks.owners import OwnerList
from nencheck.errors import NencheckError
from nencheck.i18n import _
from nencheck.render.notify_mail import eml_name
from nencheck.store.write.atomic import write_atomic


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


def write_eml(messages: Sequence[tuple[OwnerList, EmailMessage]], directory: Path) -> list[Path]:
    """Write each message to DIR/<owner>.eml atomically; returns the paths in order."""

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
