"""Reading a whole compliance repository into ``Records``, collecting every data error.

Which files hold which kind of record, read through a ``FileReader`` (the parse cache, or
``read_record_file``, which parses with ``store.parsing``). Cross-record checks (duplicate ids,
unknown references) run once every file has been read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from nencheck.errors import DataError
from nencheck.i18n import _
from nencheck.model.audit import Audit
from nencheck.model.base import Record
from nencheck.model.catalog import Catalog
from nencheck.model.control import Control
from nencheck.model.events import future_event_errors, latest_allowed
from nencheck.model.evidence import Evidence
from nencheck.model.ids import fold_id
from nencheck.model.incident import Incident
from nencheck.model.integrity import check_integrity
from nencheck.model.policy import Policy
from nencheck.model.records import Records
from nencheck.model.risk import Risk
from nencheck.model.settings import Settings
from nencheck.model.training import CompletionsFile, CompletionTable, ModulesFile, PeopleFile
from nencheck.store.read import catalogs
from nencheck.store.read.discovery import SETTINGS_FILE
from nencheck.store.read.source import FileSource, is_hidden, is_record_name

# The record folders of SPEC's layout. Policy documents live beside the records but are no records.
CONTROLS_DIR = "controls"
POLICIES_DIR = "policies"
POLICY_DOCUMENTS_DIR = "policies/documents"
EVIDENCE_DIR = "evidence/records"
AUDITS_DIR = "evidence/audits"
INCIDENTS_DIR = "evidence/incidents"
MODULES_FILE = "evidence/training/modules.yaml"
PEOPLE_FILE = "evidence/training/people.yaml"
COMPLETIONS_DIR = "evidence/training/completions"
RISKS_DIR = "risks"


@dataclass
class LoadResult:
    """What the readable files say, and every error. ``records`` is None only when nothing can
    be evaluated (nencheck.yaml or the catalog it names cannot be read); otherwise it holds the
    records of every readable file, and ``unreadable`` names the files left out (SPEC, "One
    broken file never takes the dashboard down")."""

    records: Records | None
    errors: list[DataError] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)
    latest_event: date | None = None  # the latest date of a thing that happened, in any record

    @property
    def ok(self) -> bool:
        return not self.errors and self.records is not None


@dataclass
class FileResult:
    """What one file yielded: validated records (empty on failure) and errors. A completions
    file yields one ``CompletionTable`` of its rows. ``latest_event`` is the latest date of a
    thing that happened among the records (``model.events``): compared with today at every
    load, so that the parse cache never keeps a verdict that depends on the day."""

    records: list[Any] = field(default_factory=list)
    errors: list[DataError] = field(default_factory=list)
    latest_event: date | None = None


# The parse cache (store.cache) plugs in here: (source, path, kind) -> FileResult. A reader may
# have a ``finish()`` method, called once every file has been read (the cache saves itself then).
FileReader = Callable[[FileSource, str, str], FileResult]


def load_repository(
    source: FileSource, read_file: FileReader | None = None, today: date | None = None
) -> LoadResult:
    """Every record file read (through ``read_file``, the parse cache, when given). With
    ``today`` (only the CLI knows it), dates of things that happened after today are errors."""
    return _load_repository(source, read_file or read_record_file, today)


def _load_repository(source: FileSource, read: FileReader, today: date | None) -> LoadResult:
    errors: list[DataError] = []

    settings_result = read(source, SETTINGS_FILE, "settings")
    errors.extend(settings_result.errors)
    settings = settings_result.records[0] if settings_result.records else None
    assert settings is None or isinstance(settings, Settings)

    catalog: Catalog | None = None
    if settings is not None:
        catalog, catalog_errors = load_catalog(
            source, settings, getattr(read, "builtin_catalog", None)
        )
        errors.extend(catalog_errors)

    collected: dict[str, list[Record]] = {kind: [] for kind in KINDS}
    unreadable: dict[str, str] = {}  # path -> kind
    latest: date | None = None
    for kind, path in record_files(source):
        result = read_one(source, read, path, kind, today)
        if result.errors:
            errors.extend(result.errors)
            unreadable[path] = kind
        else:
            collected[kind].extend(result.records)
            if result.latest_event is not None and (latest is None or result.latest_event > latest):
                latest = result.latest_event
    finish = getattr(read, "finish", None)
    if finish is not None:
        finish()

    if settings is None or catalog is None:
        return LoadResult(None, errors, [SETTINGS_FILE, *unreadable])

    records = Records(
        settings=settings,
        catalog=catalog,
        controls=collected["control"],  # type: ignore[arg-type]
        policies=collected["policy"],  # type: ignore[arg-type]
        evidence=collected["evidence"],  # type: ignore[arg-type]
        audits=collected["audit"],  # type: ignore[arg-type]
        incidents=collected["incident"],  # type: ignore[arg-type]
        risks=collected["risk"],  # type: ignore[arg-type]
        modules=collected["module"],  # type: ignore[arg-type]
        people=collected["person"],  # type: ignore[arg-type]
        completions=CompletionTable.joined(collected["completion"]),  # type: ignore[arg-type]
        unreadable=tuple(unreadable),
        unreadable_kinds=frozenset(unreadable.values()),
    )
    errors.extend(check_integrity(records, source.points_outside))
    return LoadResult(records, errors, list(unreadable), latest)


def read_one(
    source: FileSource, read: FileReader, path: str, kind: str, today: date | None
) -> FileResult:
    """One record file through ``read``: a hidden file is reported, not read; with ``today``,
    a date of a thing that happened after today makes the file's records errors."""
    if is_hidden(path):
        return FileResult(errors=[_hidden_file_error(path)])
    result = read(source, path, kind)
    if (
        today is not None
        and result.latest_event is not None
        and result.latest_event > latest_allowed(today)
    ):
        return FileResult(errors=future_event_errors(result.records, today))
    return result


def _hidden_file_error(path: str) -> DataError:
    return DataError(
        path,
        1,
        1,
        "hidden-file",
        _(
            "a hidden record file (its name, or a folder on its path, starts with a dot) is not "
            "read; rename it without the dot to make it a record, or move it out of the record "
            "folders"
        ),
    )


def load_policies(
    source: FileSource,
    read_file: FileReader | None = None,
    wanted_id: str | None = None,
    today: date | None = None,
) -> tuple[list[Policy], list[DataError]]:
    """Only the policy records, for commands about one policy's file (``policy history``,
    ``policy diff``): at 10,000 documents the training tables and the rest are most of a full
    load. Links to other records are not checked here; ``check`` does that. A parse cache is
    read but not rewritten (that would drop the other files' entries).

    With ``wanted_id``, files named after the id (``prot-hap-014.yaml`` for PROT-HAP-014, as
    nencheck names them) are parsed first; when one holds that policy, the rest is not read."""
    read = read_file or read_record_file
    files = record_files(source, kinds={"policy"})
    if wanted_id is None:
        return _read_policies(source, read, files, today)
    wanted = fold_id(wanted_id)
    named = [(kind, path) for kind, path in files if fold_id(_stem(path)) == wanted]
    # Parsed, not taken from the parse cache: opening the cache (every file's records) costs
    # more than parsing one small file.
    policies, errors = _read_policies(source, read_record_file, named, today)
    if not errors and any(fold_id(p.id) == wanted for p in policies):
        return policies, errors
    rest, more_errors = _read_policies(source, read, [f for f in files if f not in named], today)
    return policies + rest, errors + more_errors


def _stem(path: str) -> str:
    return path.rpartition("/")[2].rpartition(".")[0]


def _read_policies(
    source: FileSource, read: FileReader, files: list[tuple[str, str]], today: date | None
) -> tuple[list[Policy], list[DataError]]:
    errors: list[DataError] = []
    policies: list[Policy] = []
    for kind, path in files:
        result = read_one(source, read, path, kind, today)
        errors.extend(result.errors)
        policies.extend(r for r in result.records if isinstance(r, Policy))
    return policies, errors


def record_files(source: FileSource, kinds: set[str] | None = None) -> list[tuple[str, str]]:
    """(kind, path) of every record file (of the kinds asked for), in a stable order."""

    def wanted(kind: str) -> bool:
        return kinds is None or kind in kinds

    files: list[tuple[str, str]] = []
    if wanted("control"):
        files += [("control", p) for p in source.files(CONTROLS_DIR)]
    if wanted("policy"):
        files += [
            ("policy", p)
            for p in source.files(POLICIES_DIR)
            if not p.startswith(POLICY_DOCUMENTS_DIR + "/")
        ]
    for kind, folder in (
        ("evidence", EVIDENCE_DIR),
        ("audit", AUDITS_DIR),
        ("incident", INCIDENTS_DIR),
        ("risk", RISKS_DIR),
    ):
        if wanted(kind):
            files += [(kind, p) for p in source.files(folder)]
    for kind, path in (("module", MODULES_FILE), ("person", PEOPLE_FILE)):
        if wanted(kind) and source.exists(path):
            files.append((kind, path))
    if wanted("completion"):
        files += [("completion", p) for p in source.files(COMPLETIONS_DIR)]
    return files


def kind_of_path(path: str) -> str | None:
    """The kind of record a repository path holds by SPEC's layout, or None (no record file)."""
    if not is_record_name(path) or path.startswith(POLICY_DOCUMENTS_DIR + "/"):
        return None
    if path in (MODULES_FILE, PEOPLE_FILE):
        return "module" if path == MODULES_FILE else "person"
    for kind, folder in (
        ("control", CONTROLS_DIR),
        ("policy", POLICIES_DIR),
        ("evidence", EVIDENCE_DIR),
        ("audit", AUDITS_DIR),
        ("incident", INCIDENTS_DIR),
        ("risk", RISKS_DIR),
        ("completion", COMPLETIONS_DIR),
    ):
        if path.startswith(folder + "/"):
            return kind
    return None


# kind -> (model of the file, name of the list key when the file holds a list of records)
KINDS: dict[str, tuple[type[Record], str | None]] = {
    "settings": (Settings, None),
    "control": (Control, None),
    "policy": (Policy, None),
    "evidence": (Evidence, None),
    "audit": (Audit, None),
    "incident": (Incident, None),
    "risk": (Risk, None),
    "module": (ModulesFile, "modules"),
    "person": (PeopleFile, "people"),
    "completion": (CompletionsFile, "completions"),
}


def read_record_file(source: FileSource, path: str, kind: str) -> FileResult:
    """Read, parse and validate one file. Never raises for bad content."""
    if source.points_outside(path):
        return FileResult(
            errors=[
                DataError(
                    path,
                    1,
                    1,
                    "path-outside-repo",
                    _(
                        "this file is a link that leads outside the repository; replace it by a real file"
                    ),
                )
            ]
        )
    try:
        raw = source.read(path)
    except OSError as error:
        return FileResult(
            errors=[
                DataError(
                    path,
                    1,
                    1,
                    "unreadable-file",
                    _("cannot read the file: {reason}").format(reason=error.strerror or error),
                )
            ]
        )
    from nencheck.store.read.parsing import records_from_bytes  # the YAML parser, when needed

    return records_from_bytes(path, raw, kind)


def load_catalog(
    source: FileSource,
    settings: Settings,
    builtin: Callable[[str], Catalog] | None = None,
) -> tuple[Catalog | None, list[DataError]]:
    """The built-in catalog named by ``framework:`` (from ``builtin``, the parse cache, when
    given), or a catalog file inside the repository."""
    name = settings.framework
    if name in catalogs.BUILTIN:
        return (builtin or catalogs.builtin_catalog)(name), []
    from nencheck.store.read.parsing import read_catalog_file

    return read_catalog_file(source, settings)
