"""``nencheck notify``: e-mail each owner their own due list, or write the messages as .eml files."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import click

from nencheck.cli import exitcodes
from nencheck.cli.context import app, check_owner, global_options, parse_cli_duration
from nencheck.cli.groups import HelpCommand
from nencheck.errors import NencheckError
from nencheck.i18n import _, ngettext

if TYPE_CHECKING:
    from datetime import date
    from email.message import EmailMessage

    from nencheck.checks.owners import OwnerList, Plan
    from nencheck.mail.smtp import Failure, SmtpSettings
    from nencheck.model.types import Duration
    from nencheck.render.notify_mail import Letter

DRY_RUN_SENDER = "nencheck <nencheck@localhost>"


@click.command(cls=HelpCommand)
@click.option(
    "--within",
    metavar="DURATION",
    help="Window for due soon, e.g. 60d (default: the setting due_soon: in nencheck.yaml).",
)
@click.option("--owner", metavar="NAME", help="Only this owner's list.")
@click.option(
    "--smtp-host",
    envvar="NENCHECK_SMTP_HOST",
    metavar="HOST",
    help="SMTP server (or NENCHECK_SMTP_HOST).",
)
@click.option(
    "--smtp-port",
    envvar="NENCHECK_SMTP_PORT",
    type=click.IntRange(1, 65535),
    help="SMTP port (or NENCHECK_SMTP_PORT; default 587 with STARTTLS, else 25).",
)
@click.option(
    "--from",
    "sender",
    envvar="NENCHECK_SMTP_FROM",
    metavar="ADDRESS",
    help="Sender address (or NENCHECK_SMTP_FROM).",
)
@click.option(
    "--starttls", is_flag=True, help="Encrypt with STARTTLS (implied by NENCHECK_SMTP_USER)."
)
@click.option(
    "--dry-run",
    "dry_run",
    metavar="DIR",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write one .eml file per owner to DIR instead of sending.",
)
@click.option(
    "--allow-missing", is_flag=True, help="Exit 0 even when owners with items have no address."
)
@global_options
@click.pass_context
def notify(
    ctx: click.Context,
    within: str | None,
    owner: str | None,
    smtp_host: str | None,
    smtp_port: int | None,
    sender: str | None,
    starttls: bool,
    dry_run: Path | None,
    allow_missing: bool,
) -> int:
    """E-mail each owner their own list of overdue and soon-due items.

    Addresses come from contacts: in nencheck.yaml; SMTP settings only from these
    options or the environment (credentials: NENCHECK_SMTP_USER and
    NENCHECK_SMTP_PASSWORD, sent only after STARTTLS). Owners with nothing due
    get no mail. Exit 0 when all went out, 1 when a message failed or an owner
    has no address (unless --allow-missing), 2 for bad options or settings.

    \b
    Examples:
      nencheck notify --dry-run outbox/
      NENCHECK_SMTP_USER=... NENCHECK_SMTP_PASSWORD=... \\
        nencheck notify --smtp-host smtp.example.org --from kwaliteit@example.org
    """
    from nencheck.checks.due import due_items
    from nencheck.checks.owners import plan
    from nencheck.mail.smtp import write_eml
    from nencheck.render.notify_mail import compose

    smtp = None if dry_run else smtp_settings(smtp_host, smtp_port, starttls)
    sender = _checked_sender(sender, required=dry_run is None)
    window = parse_within(within)
    state = app(ctx)
    as_of = state.as_of
    # Mail is sent only from records that all read: a broken file's items would be missing
    # from someone's list. A dry run shows what the readable records say, and exits 2.
    records = state.load(strict=dry_run is None)
    check_owner(records, owner)
    window = window or records.settings.due_soon
    outcome = plan(due_items(records, as_of, window, owner=owner), records.settings.contacts)
    letter = _letter(records.settings.organisation, as_of, window, sender)
    messages = [(owner_list, compose(owner_list, letter)) for owner_list in outcome.lists]
    if dry_run is not None:
        for path in write_eml(messages, dry_run):
            click.echo(_("written: {path}").format(path=path), err=True)
        failures: list[Failure] = []
    else:
        assert smtp is not None
        failures = _send(messages, smtp)
    return _report(outcome, failures, dry_run is not None, allow_missing)


def _letter(organisation: str, as_of: date, window: Duration, sender: str) -> Letter:
    from datetime import datetime

    from nencheck.i18n import current_language
    from nencheck.render.notify_mail import Letter

    return Letter(
        organisation=organisation,
        as_of=as_of,
        within=window,
        language=current_language(),  # set by --lang or nencheck.yaml when the records loaded
        sender=sender,
        sent_at=datetime.now().astimezone(),
    )


def smtp_settings(host: str | None, port: int | None, starttls: bool) -> SmtpSettings:
    """SMTP settings from the options and the environment; credentials only from the environment."""
    from nencheck.mail.smtp import SmtpSettings

    if not host:
        raise NencheckError(
            _(
                "no SMTP server: give --smtp-host HOST or set NENCHECK_SMTP_HOST, or use --dry-run DIR"
            )
        )
    user = os.environ.get("NENCHECK_SMTP_USER") or None
    password = os.environ.get("NENCHECK_SMTP_PASSWORD") or None
    if bool(user) != bool(password):
        raise NencheckError(_("set both NENCHECK_SMTP_USER and NENCHECK_SMTP_PASSWORD, or neither"))
    secure = starttls or user is not None
    return SmtpSettings(
        host=host,
        port=port or (587 if secure else 25),
        starttls=secure,
        user=user,
        password=password,
    )


def parse_within(text: str | None) -> Duration | None:
    return None if text is None else parse_cli_duration(text, "--within")


def _checked_sender(sender: str | None, required: bool) -> str:
    from email.utils import parseaddr

    if not sender:
        if required:
            raise NencheckError(_("no sender: give --from ADDRESS or set NENCHECK_SMTP_FROM"))
        return DRY_RUN_SENDER
    if "@" not in parseaddr(sender)[1]:
        raise NencheckError(
            _(
                "--from: '{value}' is not an e-mail address; write e.g. kwaliteit@example.org"
            ).format(value=sender)
        )
    return sender


def _send(messages: list[tuple[OwnerList, EmailMessage]], smtp: SmtpSettings) -> list[Failure]:
    from nencheck.mail.smtp import send

    failures = send(messages, smtp)
    failed = {failure.owner for failure in failures}
    for owner_list, _message in messages:
        if owner_list.owner not in failed:
            count = len(owner_list.items)
            click.echo(
                ngettext(
                    "sent to {owner} <{address}>: {count} item",
                    "sent to {owner} <{address}>: {count} items",
                    count,
                ).format(owner=owner_list.owner, address=owner_list.address, count=count),
                err=True,
            )
    for failure in failures:
        click.echo(
            _("not sent to {owner} <{address}>: {reason}").format(
                owner=failure.owner, address=failure.address, reason=failure.reason
            ),
            err=True,
        )
    return failures


def _report(outcome: Plan, failures: list[Failure], dry_run: bool, allow_missing: bool) -> int:
    for missing in outcome.missing:
        click.echo(_missing_line(missing), err=True)
    count = len(outcome.lists) - len(failures)
    messages = ngettext("{count} message", "{count} messages", count).format(count=count)
    owners = ngettext("{count} owner", "{count} owners", len(outcome.missing)).format(
        count=len(outcome.missing)
    )
    if dry_run:
        summary = _("wrote {messages}, {owners} without address")
    elif failures:
        summary = _("sent {messages}, {failed} failed, {owners} without address")
    else:
        summary = _("sent {messages}, {owners} without address")
    click.echo(summary.format(messages=messages, owners=owners, failed=len(failures)), err=True)
    if failures or (outcome.missing and not allow_missing):
        return exitcodes.RULES_FAILED
    return exitcodes.OK


def _missing_line(missing: OwnerList) -> str:
    count = len(missing.items)
    if not missing.owner:
        return ngettext(
            "no owner for {count} item ({ids}): set owner: in the record so the list reaches someone",
            "no owner for {count} items ({ids}): set owner: in the records so the list reaches someone",
            count,
        ).format(count=count, ids=", ".join(item.id for item in missing.items))
    return ngettext(
        "no address for owner '{owner}' ({count} item): add it under contacts: in nencheck.yaml",
        "no address for owner '{owner}' ({count} items): add it under contacts: in nencheck.yaml",
        count,
    ).format(owner=missing.owner, count=count)
