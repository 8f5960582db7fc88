"""``nencheck init --example DIR``: the example organisation as a repository of its own, with two
years of dated commits derived from what its records say happened.

The example's YAML (the repository's own ``nencheck.yaml``, ``controls/``, ``policies/``,
``evidence/``, ``risks/``) is the one source of truth: its final state is the last commit,
byte for byte. The past is read back from the dates in the records: a policy's review log gives
a commit per review (with that review's version), an audit appears on its date with its
findings open and each finding closes on its ``closed`` day, an incident is reported, notified
and closed on its own dates, evidence appears when collected, training completions arrive in
monthly imports, and a risk is assessed on each date in ``nencheck/example/past-risks.yaml``
(earlier assessments that the final file no longer holds) and accepted on its ``accepted`` day.
So ``--as-recorded``, ``policy history``, ``risk show`` and the report's trends have a real past.

Commits are written with ``git fast-import`` (one process, ~450 commits in about a second),
dated at 10:00 Dutch time, authored by the role that acted (reviewer, owner, assessor), so the
same example gives the same commit ids on every machine.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from nencheck.errors import NencheckError
from nencheck.i18n import _
from nencheck.store.git.runner import require_git, run_git
from nencheck.store.write.roundtrip import dump_document, load_text

START = date(2024, 12, 2)  # the first commit: the register as it stood then
END = date(2026, 11, 23)  # the example's evaluation date: the last commit
EXAMPLE_PATHS = ("nencheck.yaml", "controls", "policies", "evidence", "risks")
PAST_RISKS = "past-risks.yaml"
DUTCH = ZoneInfo("Europe/Amsterdam")
MAIL_DOMAIN = "voorbeeldregio.example"
_ROW_DATE = re.compile(r"completed: (\d{4}-\d{2}-\d{2})\}")


@dataclass(frozen=True)
class Event:
    """Something that happened to one file on one day, and who did it."""

    day: date
    author: str
    message: str


@dataclass
class FileHistory:
    """One file's states from the day each began (content None: not there yet)."""

    path: str
    states: list[tuple[date, bytes | None]] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


@dataclass(frozen=True)
class Commit:
    day: date
    author: str
    message: str
    files: dict[str, bytes | None]  # path -> content (None: deleted)


def example_source() -> Path:
    """Where the example organisation's files are: packaged into ``nencheck/example/org`` in a
    wheel (setup.py copies them at build time), or the source checkout nencheck runs from."""
    package = Path(__file__).resolve().parents[2]
    for candidate in (package / "example" / "org", package.parent):
        if (candidate / "nencheck.yaml").is_file() and (candidate / "controls").is_dir():
            return candidate
    raise NencheckError(
        _("the example organisation is not part of this installation of nencheck; reinstall it")
    )


def example_files(source: Path) -> dict[str, bytes]:
    """path -> content of every file of the example organisation."""
    files: dict[str, bytes] = {}
    for name in EXAMPLE_PATHS:
        top = source / name
        paths = [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file())
        for path in paths:
            relative = path.relative_to(source).as_posix()
            if "/." not in f"/{relative}" and "__pycache__" not in relative:
                files[relative] = path.read_bytes()
    return files


def past_risks(source: Path) -> dict[str, list[dict[str, Any]]]:
    import yaml

    for folder in (
        source / "nencheck" / "example",
        Path(__file__).resolve().parents[2] / "example",
    ):
        path = folder / PAST_RISKS
        if path.is_file():
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            return dict(data.get("risks") or {})
    return {}


# --- reading the past out of the records ------------------------------------------------------


def _day(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.astimezone(DUTCH).date() if value.tzinfo else value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and re.match(r"\d{4}-\d{2}-\d{2}", value):
        return date.fromisoformat(value[:10])
    return None


def _after_start(day: date | None) -> date:
    return max(START, day or START)


def _drop(document: Any, *keys: str) -> None:
    for key in keys:
        if key in document:
            del document[key]


def _dated_entries(document: Any, key: str, day: date) -> None:
    """Keep only the entries of a dated log (``updates``, ``reviews``) up to ``day``."""
    entries = document.get(key)
    if entries:
        keep = [entry for entry in entries if (_day(entry.get("date")) or START) <= day]
        del entries[len(keep) :]
        if not entries:
            del document[key]


class Rewinder:
    """The state of each kind of record on an earlier day, and the days it changed."""

    def __init__(
        self, final: dict[str, bytes], risks_past: dict[str, list[dict[str, Any]]]
    ) -> None:
        self.final = final
        self.risks_past = risks_past
        self.created: dict[str, date] = {}  # record id -> first day it exists (policies, evidence)

    def history(self, path: str) -> FileHistory:
        text = self.final[path].decode("utf-8")
        kind = _kind(path)
        if kind is None:
            return FileHistory(path, [(START, self.final[path])])
        if kind == "completions":
            return self._completions(path, text)
        document = load_text(text, path)
        events, rewind = getattr(self, f"_{kind}")(document)
        history = FileHistory(path, events=events)
        for day in sorted({START, *(event.day for event in events)}):
            history.states.append((day, self._state(text, path, day, rewind)))
        return history

    def _state(
        self, text: str, path: str, day: date, rewind: Callable[[Any, date], bool]
    ) -> bytes | None:
        document = load_text(text, path)
        exists = rewind(document, day)
        if not exists:
            return None
        if day >= END:
            return self.final[path]
        return dump_document(document)

    def _policy(self, document: Any) -> tuple[list[Event], Callable[[Any, date], bool]]:
        reviews = [(_day(r.get("date")), r) for r in document.get("reviews") or []]
        known = [d for d in (_day(document.get("approved")), *(d for d, _r in reviews)) if d]
        created = _after_start(min(known) if known else None)
        self.created[str(document["id"])] = created
        owner = str(document.get("owner", "Kwaliteitsfunctionaris"))
        events = [
            Event(created, owner, f"Nieuw document {document['id']}: {document.get('title')}")
        ]
        for day, review in reviews:
            if day and day > START:
                events.append(
                    Event(
                        day, str(review.get("reviewer", owner)), _review_message(document, review)
                    )
                )
        last = _day(document.get("last_reviewed"))
        if last and last > START and all(d != last for d, _r in reviews):
            events.append(Event(last, owner, f"Herziening {document['id']} vastgelegd"))
        retired = _day(document.get("retired"))
        if retired and retired > START:
            events.append(
                Event(
                    retired,
                    owner,
                    f"{document['id']} ingetrokken: {document.get('retired_reason', '')}".rstrip(
                        ": "
                    ),
                )
            )
        return events, lambda doc, day: _policy_on(doc, day, created)

    def _audit(self, document: Any) -> tuple[list[Event], Callable[[Any, date], bool]]:
        held = _after_start(_day(document.get("date")))
        events = [
            Event(
                held, "Kwaliteitsfunctionaris", f"Audit {document['id']}: {document.get('title')}"
            )
        ]
        for finding in document.get("findings") or []:
            closed = _day(finding.get("closed"))
            if closed and closed > held:
                events.append(
                    Event(closed, str(finding.get("owner")), f"Bevinding {finding['id']} gesloten")
                )
            events += self._link_days(finding.get("evidence") or [])
        return events, lambda doc, day: _audit_on(doc, day, held, self.created)

    def _incident(self, document: Any) -> tuple[list[Event], Callable[[Any, date], bool]]:
        reported = _after_start(_day(document.get("reported")))
        author = "Privacy officer / FG"
        events = [Event(reported, author, f"Melding {document['id']}: {document.get('title')}")]
        for key, words in (
            ("authority_notified", "gemeld aan de toezichthouder"),
            ("closed", "afgesloten"),
        ):
            day = _day(document.get(key))
            if day and day > reported:
                events.append(Event(day, author, f"{document['id']} {words}"))
        return events, lambda doc, day: _incident_on(doc, day, reported)

    def _evidence(self, document: Any) -> tuple[list[Event], Callable[[Any, date], bool]]:
        collected = _after_start(_day(document.get("collected")))
        self.created[str(document["id"])] = collected
        owner = str(document.get("owner", "Informatiebeveiligingsfunctionaris"))
        events = [Event(collected, owner, f"Bewijs {document['id']}: {document.get('title')}")]
        return events, lambda doc, day: day >= collected

    def _risk(self, document: Any) -> tuple[list[Event], Callable[[Any, date], bool]]:
        risk_id, owner = str(document["id"]), str(document.get("owner"))
        assessments = [
            (_day(entry["assessed"]), entry) for entry in self.risks_past.get(risk_id, [])
        ]
        final_day = _day(document.get("assessed")) or START
        current = document.get("current") or {}
        final_entry = {"likelihood": current.get("likelihood"), "impact": current.get("impact")}
        assessments.append((final_day, {**final_entry, "by": owner}))
        accepted = _day(document.get("accepted"))
        first = assessments[0][0] or START
        if str(document.get("treatment")) == "accept" and accepted:
            first = max(first, accepted)  # an accepted risk is recorded with its acceptance
        created = _after_start(first)
        events = [
            Event(created, owner, f"Risico {risk_id} in het register: {document.get('title')}")
        ]
        for day, entry in assessments:
            if day and day > created:
                score = (
                    f"kans {entry['likelihood']}, impact {entry['impact']}"
                    if entry["likelihood"]
                    else "herbeoordeeld"
                )
                events.append(
                    Event(
                        day, str(entry.get("by") or owner), f"Risicobeoordeling {risk_id}: {score}"
                    )
                )
        if accepted and accepted > created:
            events.append(
                Event(accepted, str(document.get("accepted_by")), f"Risico {risk_id} geaccepteerd")
            )
        for action in document.get("actions") or []:
            done = _day(action.get("done"))
            if done and done > created:
                events.append(
                    Event(done, str(action.get("owner")), f"Actie {action['id']} afgerond")
                )
        past = [(d, e) for d, e in assessments[:-1] if d]
        return events, lambda doc, day: _risk_on(doc, day, created, past, final_day)

    def _control(self, document: Any) -> tuple[list[Event], Callable[[Any, date], bool]]:
        linked = [*(document.get("policies") or []), *(document.get("evidence") or [])]
        return self._link_days(linked), lambda doc, day: _control_on(doc, day, self.created)

    def _link_days(self, linked: list[Any]) -> list[Event]:
        """Days a file changes because a record it links to appears (no message of its own:
        it joins that record's commit)."""
        days = sorted({self.created.get(str(i), START) for i in linked} - {START})
        return [Event(day, "Informatiebeveiligingsfunctionaris", "") for day in days]

    def _completions(self, path: str, text: str) -> FileHistory:
        """Monthly imports: on the first of each month the rows of the month before arrive."""
        days = sorted({d for d in (_import_day(m.group(1)) for m in _ROW_DATE.finditer(text))})
        history = FileHistory(
            path, events=[Event(d, "Kwaliteitsfunctionaris", "Import leerplatform") for d in days]
        )
        history.states.append((START, _rows_until(text, START)))
        for day in days:
            history.states.append((day, self.final[path] if day >= END else _rows_until(text, day)))
        return history


def _kind(path: str) -> str | None:
    if path.startswith("policies/") and not path.startswith("policies/documents/"):
        return "policy"
    for prefix, kind in (
        ("evidence/audits/", "audit"),
        ("evidence/incidents/", "incident"),
        ("evidence/records/", "evidence"),
        ("evidence/training/completions/", "completions"),
        ("risks/", "risk"),
        ("controls/", "control"),
    ):
        if path.startswith(prefix) and path.endswith((".yaml", ".yml")):
            return kind
    return None


def _review_message(document: Any, review: Any) -> str:
    version = f" (versie {review['version']})" if review.get("version") else ""
    note = f": {review['note']}" if review.get("note") else ""
    return f"Herziening {document['id']}{version}{note}"


def _policy_on(document: Any, day: date, created: date) -> bool:
    if day < created:
        return False
    _dated_entries(document, "reviews", day)
    reviews = document.get("reviews") or []
    last_reviewed = _day(document.get("last_reviewed"))
    if last_reviewed and last_reviewed > day:
        earlier = _day(reviews[-1]["date"]) if reviews else _day(document.get("approved"))
        document["last_reviewed"] = earlier if earlier and earlier <= day else created
        _drop(document, "next_review")
    if reviews and reviews[-1].get("version"):
        document["version"] = reviews[-1]["version"]
    approved = _day(document.get("approved"))
    if approved and approved > day:
        _drop(document, "approved", "approved_by")
    retired = _day(document.get("retired"))
    if retired and retired > day:
        document["status"] = "active"
        _drop(document, "retired", "retired_reason")
    return True


def _audit_on(document: Any, day: date, held: date, created: dict[str, date]) -> bool:
    if day < held:
        return False
    for finding in document.get("findings") or []:
        _dated_entries(finding, "updates", day)
        _linked_until(finding, "evidence", day, created)
        closed = _day(finding.get("closed"))
        if closed and closed > day:
            finding["status"] = (
                "open" if finding.get("status") in ("closed", "accepted") else finding["status"]
            )
            _drop(finding, "closed", "resolution")
    return True


def _incident_on(document: Any, day: date, reported: date) -> bool:
    if day < reported:
        return False
    _dated_entries(document, "updates", day)
    notified = _day(document.get("authority_notified"))
    if notified and notified > day:
        _drop(document, "authority_notified")
        notified = None
    closed = _day(document.get("closed"))
    if closed and closed > day:
        document["status"] = "in_progress" if notified else "open"
        _drop(document, "closed")
    return True


def _risk_on(
    document: Any,
    day: date,
    created: date,
    past: list[tuple[date, dict[str, Any]]],
    final_day: date,
) -> bool:
    if day < created:
        return False
    if day < final_day:
        earlier = [entry for assessed, entry in past if assessed <= day]
        if earlier:
            entry = earlier[-1]
            document["current"]["likelihood"] = entry["likelihood"]
            document["current"]["impact"] = entry["impact"]
            document["assessed"] = _day(entry["assessed"])
        if document.get("status") == "closed":
            document["status"] = "open"
    accepted = _day(document.get("accepted"))
    if accepted and accepted > day:
        _drop(document, "accepted_by", "accepted")
    for action in document.get("actions") or []:
        done = _day(action.get("done"))
        if done and done > day:
            action["status"] = "open"
            _drop(action, "done")
    return True


def _control_on(document: Any, day: date, created: dict[str, date]) -> bool:
    for key in ("policies", "evidence"):
        _linked_until(document, key, day, created)
    return True


def _linked_until(document: Any, key: str, day: date, created: dict[str, date]) -> None:
    """Only the links to records that existed on ``day``."""
    linked = document.get(key)
    if linked:
        keep = [item for item in linked if created.get(str(item), START) <= day]
        if not keep:
            del document[key]
        elif len(keep) != len(linked):
            linked[:] = keep


def _import_day(completed: str) -> date:
    """Rows completed in a month arrive with the import on the first of the next month (the
    last month's on the example's evaluation date)."""
    day = date.fromisoformat(completed)
    first = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return min(max(first, START), END)


def _rows_until(text: str, day: date) -> bytes | None:
    lines = []
    rows = 0
    for line in text.split("\n"):
        found = _ROW_DATE.search(line)
        if found and _import_day(found.group(1)) > day:
            continue
        rows += bool(found)
        lines.append(line)
    return "\n".join(lines).encode("utf-8") if rows else None


# --- commits ----------------------------------------------------------------------------------


def example_commits(
    final: dict[str, bytes], risks_past: dict[str, list[dict[str, Any]]]
) -> list[Commit]:
    """The commits from START to END, one per event (who did what on which day, with the files
    it changed); the last one leaves exactly ``final``."""
    rewinder = Rewinder(final, risks_past)
    # Policies and evidence first: the files that link them (controls, findings) follow them.
    rank = {"policy": 0, "evidence": 0, "control": 2}
    ordered = sorted(final, key=lambda path: (rank.get(_kind(path) or "", 1), path))
    changes: dict[date, dict[tuple[str, str], dict[str, bytes | None]]] = defaultdict(dict)
    for history in (rewinder.history(path) for path in ordered):
        previous: bytes | None = None
        for day, content in history.states:
            if content != previous:
                key = _event_of(history, day)
                changes[day].setdefault(key, {})[history.path] = content
            previous = content
    commits = []
    for day in sorted(changes):
        silent = changes[day].pop(("", ""), {})  # files that follow a linked record
        grouped = sorted(changes[day].items()) or [(_silent_event(day), {})]
        for index, ((author, message), files) in enumerate(grouped):
            extra = silent if index == 0 else {}
            commits.append(Commit(day, author, message, {**files, **extra}))
    return [*commits, *_closing_commit(commits, final)]


def _event_of(history: FileHistory, day: date) -> tuple[str, str]:
    """(author, message) of the file's change on ``day``; two events of one file on one day
    are one commit."""
    if day == START:
        return _silent_event(START)
    events = [event for event in history.events if event.day == day and event.message]
    if not events:
        return ("", "")
    message = "\n".join(dict.fromkeys(event.message for event in events))
    return (events[0].author, message)


def _silent_event(day: date) -> tuple[str, str]:
    if day == START:
        return ("Kwaliteitsfunctionaris", "Compliance-administratie overgezet naar nencheck")
    return ("Informatiebeveiligingsfunctionaris", "Verwijzingen in de VvT bijgewerkt")


def _closing_commit(commits: list[Commit], final: dict[str, bytes]) -> Iterator[Commit]:
    state: dict[str, bytes | None] = {}
    for commit in commits:
        state.update(commit.files)
    rest: dict[str, bytes | None] = {
        path: content for path, content in final.items() if state.get(path) != content
    }
    if rest:
        yield Commit(
            END, "Kwaliteitsfunctionaris", "Stand van zaken voor de directiebeoordeling", rest
        )


def fast_import_stream(commits: list[Commit], contacts: dict[str, str]) -> bytes:
    """The commits in ``git fast-import``'s format, on branch main."""
    parts: list[bytes] = []
    for commit in commits:
        moment = datetime.combine(commit.day, time(10, 0), DUTCH)
        stamp = f"{int(moment.timestamp())} {moment.strftime('%z')}"
        who = f"{commit.author} <{_address(commit.author, contacts)}> {stamp}"
        message = (commit.message.rstrip() + "\n").encode("utf-8")
        parts.append(f"commit refs/heads/main\nauthor {who}\ncommitter {who}\n".encode())
        parts.append(f"data {len(message)}\n".encode() + message)
        for path, content in sorted(commit.files.items()):
            if content is None:
                parts.append(f"D {path}\n".encode())
            else:
                parts.append(
                    f"M 100644 inline {path}\ndata {len(content)}\n".encode() + content + b"\n"
                )
        parts.append(b"\n")
    return b"".join(parts)


def _address(author: str, contacts: dict[str, str]) -> str:
    if author in contacts:
        return contacts[author]
    slug = re.sub(r"[^a-z0-9]+", ".", author.lower()).strip(".") or "kwaliteit"
    return f"{slug}@{MAIL_DOMAIN}"


def write_example(target: Path, source: Path | None = None) -> int:
    """Create the example repository in ``target`` (a new or empty folder); the commit count."""
    import yaml

    require_git()  # first: nothing is written (or worked out) without git
    source = source or example_source()
    if target.exists() and any(target.iterdir()):
        raise NencheckError(
            _("{path} is not empty; give a new folder for the example organisation").format(
                path=target
            )
        )
    final = {".gitignore": b".nencheck/\n", **example_files(source)}
    commits = example_commits(final, past_risks(source))
    settings = yaml.safe_load(final["nencheck.yaml"].decode("utf-8")) or {}
    contacts = {str(k): str(v) for k, v in (settings.get("contacts") or {}).items()}
    target.mkdir(parents=True, exist_ok=True)
    run_git(target, ["init", "-q", "-b", "main"], read_only=False)
    run_git(
        target,
        ["fast-import", "--quiet", "--date-format=raw"],
        stdin=fast_import_stream(commits, contacts),
        read_only=False,
    )
    run_git(target, ["reset", "-q", "--hard", "main"], read_only=False)
    return len(commits)
