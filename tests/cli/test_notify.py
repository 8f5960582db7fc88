"""``nencheck notify`` against a real SMTP server on 127.0.0.1 (aiosmtpd), and its dry run."""

from __future__ import annotations

import re
import shutil
import ssl
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from tests.conftest import PROJECT_ROOT as EXAMPLE
from tests.conftest import Outcome, run_cli

AS_OF = "2026-11-23"
TRIAGE = "triage@zorg.example"
SECURITY = "security@zorg.example"
MANAGER = "manager@zorg.example"

SETTINGS = """\
organisation: Zorggroep Test
language: {language}
units:
  - {{id: HAP, name: Huisartsenspoedpost}}
due_soon: 60d
contacts:
{contacts}"""

POLICY = """\
id: {id}
title: "{title}"
type: protocol
status: active
version: "1.0"
owner: {owner}
next_review: {next_review}
units: [HAP]
"""

# Two owners with work, one with nothing due. On 2026-11-23 with due_soon 60d:
POLICIES = [
    ("PROT-HAP-002", "Bereikbaarheid voor patiënten", "Teamleider triage", "2027-01-10"),  # in 48 d
    ("PROT-HAP-001", "Pijn op de borst & <kortademigheid>", "Teamleider triage", "2026-11-01"),
    ("BEL-001", "Informatiebeveiligingsbeleid", "Security officer", "2026-11-22"),  # 1 day late
    ("BEL-002", "Wachtwoordbeleid", "Security officer", "2027-02-15"),  # 84 days: not due
    ("BEL-003", "Toegangsbeleid", "Medisch manager", "2027-06-01"),  # not due
]


def make_repo(root: Path, contacts: dict[str, str] | None = None, language: str = "en") -> Path:
    """A tiny compliance repository: five policies, three owners, contacts as given."""
    if contacts is None:
        contacts = {"Teamleider triage": TRIAGE, "Medisch manager": MANAGER}
    (root / "policies").mkdir(parents=True)
    lines = "".join(f"  {owner}: {address}\n" for owner, address in contacts.items())
    settings = SETTINGS.format(language=language, contacts=lines)
    if not contacts:
        settings = settings.replace("contacts:\n", "contacts: {}\n")
    (root / "nencheck.yaml").write_text(settings, encoding="utf-8")
    for policy_id, title, owner, next_review in POLICIES:
        text = POLICY.format(id=policy_id, title=title, owner=owner, next_review=next_review)
        (root / "policies" / f"{policy_id.lower()}.yaml").write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path / "org")


@dataclass
class Mailbox:
    """What the test server received, and which recipients it refuses."""

    messages: list[tuple[str, list[str], EmailMessage]] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)
    logins: list[tuple[str, str]] = field(default_factory=list)

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if address in self.refuse:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        parsed = message_from_bytes(envelope.original_content, policy=default)
        assert isinstance(parsed, EmailMessage)
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), parsed))
        return "250 Message accepted"

    def authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any
    ) -> AuthResult:
        assert isinstance(data, LoginPassword)
        login, password = data.login.decode(), data.password.decode()
        self.logins.append((login, password))
        return AuthResult(success=(login, password) == ("mailer", "geheim"), handled=False)

    def to(self, address: str) -> list[EmailMessage]:
        return [message for _sender, rcpts, message in self.messages if address in rcpts]


class EphemeralController(Controller):
    """Listens on a port the OS picks (port 0), then connects to the real one to start up."""

    def _trigger_server(self) -> None:
        assert self.server is not None
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


@dataclass
class Server:
    mailbox: Mailbox
    port: int

    def options(self) -> list[str]:
        return [
            "--smtp-host",
            "127.0.0.1",
            "--smtp-port",
            str(self.port),
            "--from",
            "kwaliteit@zorg.example",
        ]


def start_server(**smtp_options: Any) -> tuple[Controller, Server]:
    mailbox = Mailbox()
    if "authenticator" in smtp_options:
        smtp_options["authenticator"] = mailbox.authenticate
    controller = EphemeralController(
        mailbox,
        hostname="127.0.0.1",
        port=0,
        ready_timeout=5.0,
        timeout=10,
        **smtp_options,
    )
    controller.start()
    return controller, Server(mailbox, controller.port)


@pytest.fixture
def smtp() -> Iterator[Server]:
    controller, server = start_server()
    try:
        yield server
    finally:
        controller.stop()


@pytest.fixture
def tls_smtp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Server]:
    """STARTTLS required before AUTH, with a self-signed certificate for 127.0.0.1 that the
    client trusts through SSL_CERT_FILE (OpenSSL's standard variable, honoured by Python)."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is needed to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    controller, server = start_server(
        tls_context=context, require_starttls=True, auth_require_tls=True, authenticator=True
    )
    try:
        yield server
    finally:
        controller.stop()


def notify(repo: Path, *args: str) -> Outcome:
    return run_cli("notify", "--as-of", AS_OF, *args, repo=repo)


def plain(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    return str(part.get_content())


def html_part(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("html",))
    assert part is not None
    return str(part.get_content())


# --- sending over SMTP ---------------------------------------------------------------------


def test_owner_gets_their_own_list_with_overdue_items_first(repo: Path, smtp: Server) -> None:
    result = notify(repo, *smtp.options(), "--allow-missing")

    assert result.exit_code == 0, result.stderr
    [(sender, recipients, message)] = smtp.mailbox.messages
    assert sender == "kwaliteit@zorg.example"
    assert recipients == [TRIAGE]
    assert message["To"] == TRIAGE
    assert message["Subject"] == "Zorggroep Test, 23 November 2026: 1 overdue, 1 due soon"
    body = plain(message)
    assert body.index("PROT-HAP-001") < body.index("PROT-HAP-002")  # overdue before due soon
    assert "22 days overdue" in body and "in 48 days" in body
    assert "due 1 November 2026" in body
    assert "BEL-001" not in body  # another owner's item
    assert "Please deal with each item" in body
    assert "sent 1 message, 1 owner without address" in result.stderr


def test_owner_without_address_is_reported_and_exits_1(repo: Path, smtp: Server) -> None:
    result = notify(repo, *smtp.options())

    assert result.exit_code == 1
    assert "no address for owner 'Security officer' (1 item)" in result.stderr
    assert "contacts:" in result.stderr
    assert smtp.mailbox.to(TRIAGE)  # the others still get theirs


def test_owner_with_nothing_due_gets_no_mail(repo: Path, smtp: Server) -> None:
    result = notify(repo, *smtp.options(), "--allow-missing")

    assert result.exit_code == 0
    assert smtp.mailbox.to(MANAGER) == []
    assert "Medisch manager" not in result.stderr


def test_every_owner_with_an_address_gets_one_message(tmp_path: Path, smtp: Server) -> None:
    repo = make_repo(tmp_path / "org", {"Teamleider triage": TRIAGE, "security officer": SECURITY})

    result = notify(repo, *smtp.options())

    assert result.exit_code == 0, result.stderr
    assert [recipients for _s, recipients, _m in smtp.mailbox.messages] == [[SECURITY], [TRIAGE]]
    [security] = smtp.mailbox.to(SECURITY)  # owner names match regardless of case
    assert security["Subject"] == "Zorggroep Test, 23 November 2026: 1 overdue, 0 due soon"
    assert "1 day overdue" in plain(security)
    assert "sent 2 messages, 0 owners without address" in result.stderr


def test_within_widens_the_window(tmp_path: Path, smtp: Server) -> None:
    repo = make_repo(tmp_path / "org", {"Security officer": SECURITY})

    result = notify(repo, *smtp.options(), "--within", "90d", "--allow-missing")

    assert result.exit_code == 0, result.stderr
    body = plain(smtp.mailbox.to(SECURITY)[0])
    assert "BEL-002" in body and "in 84 days" in body
    assert "Due within 90 days".upper() in body


def test_owner_option_sends_only_that_owners_list(tmp_path: Path, smtp: Server) -> None:
    repo = make_repo(tmp_path / "org", {"Teamleider triage": TRIAGE, "Security officer": SECURITY})

    result = notify(repo, *smtp.options(), "--owner", "Security officer")

    assert result.exit_code == 0, result.stderr
    assert [recipients for _s, recipients, _m in smtp.mailbox.messages] == [[SECURITY]]


def test_host_and_port_from_the_environment(
    repo: Path, smtp: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NENCHECK_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("NENCHECK_SMTP_PORT", str(smtp.port))

    result = notify(repo, "--from", "kwaliteit@zorg.example", "--allow-missing")

    assert result.exit_code == 0, result.stderr
    assert smtp.mailbox.to(TRIAGE)


def test_refused_recipient_names_the_owner_and_exits_1(tmp_path: Path, smtp: Server) -> None:
    repo = make_repo(tmp_path / "org", {"Teamleider triage": TRIAGE, "Security officer": SECURITY})
    smtp.mailbox.refuse.add(TRIAGE)

    result = notify(repo, *smtp.options())

    assert result.exit_code == 1
    assert f"not sent to Teamleider triage <{TRIAGE}>" in result.stderr
    assert "550" in result.stderr
    assert f"sent to Security officer <{SECURITY}>: 1 item" in result.stderr
    assert smtp.mailbox.to(SECURITY) and not smtp.mailbox.to(TRIAGE)
    assert "sent 1 message, 1 failed, 0 owners without address" in result.stderr


def test_unreachable_server_fails_every_owner_with_exit_1(repo: Path) -> None:
    controller, server = start_server()
    controller.stop()  # nothing listens on this port any more

    result = notify(repo, *server.options(), "--allow-missing")

    assert result.exit_code == 1
    assert (
        f"not sent to Teamleider triage <{TRIAGE}>: SMTP server 127.0.0.1:{server.port}"
        in result.stderr
    )


# --- STARTTLS and credentials --------------------------------------------------------------


def test_credentials_without_starttls_support_are_refused(
    repo: Path, smtp: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NENCHECK_SMTP_USER", "mailer")
    monkeypatch.setenv("NENCHECK_SMTP_PASSWORD", "geheim")

    result = notify(repo, *smtp.options(), "--allow-missing")

    assert result.exit_code == 2
    assert "does not offer STARTTLS" in result.stderr
    assert "refusing to send the NENCHECK_SMTP_USER credentials" in result.stderr
    assert "geheim" not in result.output
    assert smtp.mailbox.messages == [] and smtp.mailbox.logins == []


def test_starttls_asked_but_not_offered_exits_2(repo: Path, smtp: Server) -> None:
    result = notify(repo, *smtp.options(), "--starttls", "--allow-missing")

    assert result.exit_code == 2
    assert "--starttls" in result.stderr
    assert smtp.mailbox.messages == []


def test_credentials_are_sent_after_starttls(
    repo: Path, tls_smtp: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NENCHECK_SMTP_USER", "mailer")
    monkeypatch.setenv("NENCHECK_SMTP_PASSWORD", "geheim")

    result = notify(repo, *tls_smtp.options(), "--allow-missing")

    assert result.exit_code == 0, result.stderr
    assert tls_smtp.mailbox.logins == [("mailer", "geheim")]
    assert tls_smtp.mailbox.to(TRIAGE)


def test_wrong_password_is_an_smtp_failure(
    repo: Path, tls_smtp: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NENCHECK_SMTP_USER", "mailer")
    monkeypatch.setenv("NENCHECK_SMTP_PASSWORD", "fout")

    result = notify(repo, *tls_smtp.options(), "--allow-missing")

    assert result.exit_code == 1
    assert "535" in result.stderr
    assert tls_smtp.mailbox.messages == []


# --- dry run -------------------------------------------------------------------------------


def read_eml(path: Path) -> EmailMessage:
    message = message_from_bytes(path.read_bytes(), policy=default)
    assert isinstance(message, EmailMessage)
    return message


def test_dry_run_writes_one_parseable_eml_per_owner(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "org", {"Teamleider triage": TRIAGE, "Security officer": SECURITY})
    outbox = tmp_path / "outbox"

    result = notify(repo, "--dry-run", str(outbox))

    assert result.exit_code == 0, result.stderr
    assert sorted(path.name for path in outbox.iterdir()) == [
        "security-officer.eml",
        "teamleider-triage.eml",
    ]
    message = read_eml(outbox / "teamleider-triage.eml")
    assert message["To"] == TRIAGE
    assert message["Content-Language"] == "en"
    assert message["Auto-Submitted"] == "auto-generated"
    assert message.get_content_type() == "multipart/alternative"
    assert "Pijn op de borst & <kortademigheid>" in plain(message)
    assert "Bereikbaarheid voor patiënten" in plain(message)  # UTF-8 survives the round trip
    page = html_part(message)
    assert "Pijn op de borst &amp; &lt;kortademigheid&gt;" in page
    assert "<kortademigheid>" not in page
    assert "wrote 2 messages, 0 owners without address" in result.stderr


def test_a_long_dutch_subject_reads_back_without_a_leading_space(tmp_path: Path) -> None:
    outbox = tmp_path / "outbox"
    result = run_cli(
        "--repo", str(EXAMPLE), "notify", "--as-of", "2026-11-23", "--dry-run", str(outbox)
    )
    assert result.exit_code == 0, result.stderr  # every owner of the example has an address
    message = read_eml(outbox / "bestuurder.eml")
    assert message["Subject"] == (
        "Huisartsenzorg Voorbeeldregio, 23 november 2026: 1 te laat, 1 binnenkort"
    )
    assert b"Subject: Huisartsenzorg" in (outbox / "bestuurder.eml").read_bytes()


def test_dry_run_needs_no_smtp_settings_and_still_lists_missing_owners(
    repo: Path, tmp_path: Path
) -> None:
    result = notify(repo, "--dry-run", str(tmp_path / "outbox"))

    assert result.exit_code == 1
    assert [path.name for path in (tmp_path / "outbox").iterdir()] == ["teamleider-triage.eml"]
    assert "no address for owner 'Security officer'" in result.stderr


@pytest.mark.parametrize(
    ("language", "subject_date", "body_date"),
    [("en", "23 November 2026", "10 January 2027"), ("nl", "23 november 2026", "10 januari 2027")],
)
def test_messages_are_in_the_report_language(
    tmp_path: Path, language: str, subject_date: str, body_date: str
) -> None:
    repo = make_repo(tmp_path / "org", language=language)

    result = notify(repo, "--dry-run", str(tmp_path / "outbox"), "--allow-missing")

    assert result.exit_code == 0, result.stderr
    message = read_eml(tmp_path / "outbox" / "teamleider-triage.eml")
    assert message["Content-Language"] == language
    assert str(message["Subject"]).startswith(f"Zorggroep Test, {subject_date}: ")
    assert body_date in plain(message)
    assert f'lang="{language}"' in html_part(message)


def test_lang_option_overrides_the_settings(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "org", language="nl")

    result = notify(repo, "--lang", "en", "--dry-run", str(tmp_path / "outbox"), "--allow-missing")

    assert result.exit_code == 0, result.stderr
    message = read_eml(tmp_path / "outbox" / "teamleider-triage.eml")
    assert message["Subject"] == "Zorggroep Test, 23 November 2026: 1 overdue, 1 due soon"


# --- bad options and settings: exit 2, nothing sent ----------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--from", "a@b.example"], "no SMTP server"),
        (["--smtp-host", "127.0.0.1"], "no sender"),
        (["--smtp-host", "127.0.0.1", "--from", "kwaliteit"], "is not an e-mail address"),
        (["--dry-run", "out", "--within", "soon"], "--within: 'soon' is not a duration"),
    ],
)
def test_bad_options_exit_2(repo: Path, args: list[str], expected: str) -> None:
    result = notify(repo, *args)

    assert result.exit_code == 2
    assert expected in result.stderr


def test_user_without_password_exits_2(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NENCHECK_SMTP_USER", "mailer")

    result = notify(repo, "--smtp-host", "127.0.0.1", "--from", "a@b.example")

    assert result.exit_code == 2
    assert "NENCHECK_SMTP_PASSWORD" in result.stderr


def test_contact_that_is_not_an_address_exits_2(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "org", {"Teamleider triage": TRIAGE, "Medisch manager": "manager"})

    result = notify(repo, "--dry-run", str(tmp_path / "outbox"))

    assert result.exit_code == 2  # even though this owner has nothing due
    # A data error of nencheck.yaml with its line, found when the settings are read.
    assert "nencheck.yaml:" in result.stderr and "error invalid-value: contacts." in result.stderr
    assert "not one e-mail address" in result.stderr and "(got 'manager')" in result.stderr
    assert not (tmp_path / "outbox").exists()


@pytest.mark.parametrize(
    "address",
    ['"triage@voorbeeld.example\\nBcc: all@voorbeeld.example"', "a@b.example, c@d.example"],
)
def test_a_contact_with_a_line_break_or_two_addresses_is_a_located_data_error(
    tmp_path: Path, address: str
) -> None:
    """Issue 14: notify exited 3 on a contact address with a newline, and check said nothing."""
    repo = make_repo(tmp_path / "org", {"Teamleider triage": address, "Medisch manager": MANAGER})

    for args in (["check", "--as-of", "2026-11-23"], ["notify", "--dry-run", str(tmp_path / "o")]):
        result = run_cli(*args, repo=repo)
        assert result.exit_code == 2, result.output
        assert "internal error" not in result.output
        assert re.search(r"nencheck\.yaml:\d+:\d+: error invalid-value: contacts\.", result.output)


def test_no_contacts_at_all_lists_every_owner(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "org", {})

    result = notify(repo, "--dry-run", str(tmp_path / "outbox"))

    assert result.exit_code == 1
    assert "'Security officer' (1 item)" in result.stderr
    assert "'Teamleider triage' (2 items)" in result.stderr
    assert "wrote 0 messages, 2 owners without address" in result.stderr


def test_items_without_an_owner_are_listed_by_id(repo: Path, tmp_path: Path) -> None:
    (repo / "evidence" / "records").mkdir(parents=True)
    (repo / "evidence" / "records" / "ev-1.yaml").write_text(
        "id: EV-2025-001\ntitle: Restoretest\ncollected: 2025-11-01\nvalid_for: 1y\n",
        encoding="utf-8",
    )

    result = notify(repo, "--dry-run", str(tmp_path / "outbox"))

    assert result.exit_code == 1
    assert "no owner for 1 item (EV-2025-001): set owner: in the record" in result.stderr
