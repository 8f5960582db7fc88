"""Reading a whole compliance repository into ``Records``, collecting every data error.

Each file is decoded, checked for merge-conflict markers, parsed (``yamlread``) and validated
(``model``); a failure is located at the file, line and column of the offending key or value.
Cross-record checks (duplicate ids, unknown references) run once every file has been read.
"""

from __future__ import annotations

import difflib
import gc
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, get_args

import yaml
from pydantic import BaseModel, ValidationError

from nencheck.errors import DataError
from nencheck.i18n import _
from nencheck.model.audit import Audit
from nencheck.model.base import Origin, Record
from nencheck.model.catalog import Catalog
from nencheck.model.control import Control
from nencheck.model.evidence import Evidence
from nencheck.model.incident import Incident
from nencheck.model.integrity import check_integrity
from nencheck.model.policy import Policy
from nencheck.model.records import Records
from nencheck.model.settings import Settings
from nencheck.model.training import CompletionsFile, CompletionTable, ModulesFile, PeopleFile
from nencheck.store import catalogs
from nencheck.store.discovery import SETTINGS_FILE
from nencheck.store.source import FileSource
from nencheck.store.validation_messages import validation_message
from nencheck.store.yamlread import (
    YamlFailure,
    node_at,
    parse_yaml,
    short,
    top_level_positions,
)

CONFLICT_MARKER = re.compile(r"^(<<<<<<<|=======|>>>>>>>)( |$)", re.MULTILINE)

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

# Dutch or common field names people type by habit, and the field they meant.
FIELD_HINTS = {
    "titel": "title",
    "eigenaar": "owner",
    "versie": "version",
    "soort": "type",
    "toepasselijk": "applicable",
    "verantwoording": "justification",
    "eenheden": "units",
    "beleid": "policies",
    "bewijs": "evidence",
    "goedgekeurd": "approved",
    "goedgekeurd_door": "approved_by",
    "laatst_herzien": "last_reviewed",
    "herzieningstermijn": "review_interval",
    "volgende_herziening": "next_review",
    "datum": "date",
    "opmerkingen": "notes",
    "gesloten": "closed",
    "ernst": "severity",
    "deadline": "due",
    "gemeld": "reported",
    "soortmelding": "kind",
}


@dataclass
class LoadResult:
    records: Records | None
    errors: list[DataError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and self.records is not None


@dataclass
class FileResult:
    """What one file yielded: validated records (empty on failure) and errors. A completions
    file yields one ``CompletionTable`` of its rows."""

    records: list[Any] = field(default_factory=list)
    errors: list[DataError] = field(default_factory=list)


# The parse cache (store.cache) plugs in here: (source, path, kind) -> FileResult. A reader may
# have a ``finish()`` method, called once every file has been read (the cache saves itself then).
FileReader = Callable[[FileSource, str, str], FileResult]


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Reading creates hundreds of thousands of objects that all stay alive (nodes while a file is
    parsed, then the records). Python's cyclic collector would rescan them over and over as they
    pile up (measured: 5 s of a 13 s load at 10,000 documents), and once more when it is enabled
    again; records form no cycles, so what survived the load is frozen (set aside from the
    collector's scans; reference counting still frees it) before collection resumes."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.enable()


def load_repository(source: FileSource, read_file: FileReader | None = None) -> LoadResult:
    with _gc_paused():
        return _load_repository(source, read_file or read_record_file)


def _load_repository(source: FileSource, read: FileReader) -> LoadResult:
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
    for kind, path in record_files(source):
        result = read(source, path, kind)
        errors.extend(result.errors)
        collected[kind].extend(result.records)
    finish = getattr(read, "finish", None)
    if finish is not None:
        finish()

    if errors or settings is None or catalog is None:
        return LoadResult(None, errors)

    records = Records(
        settings=settings,
        catalog=catalog,
        controls=collected["control"],  # type: ignore[arg-type]
        policies=collected["policy"],  # type: ignore[arg-type]
        evidence=collected["evidence"],  # type: ignore[arg-type]
        audits=collected["audit"],  # type: ignore[arg-type]
        incidents=collected["incident"],  # type: ignore[arg-type]
        modules=collected["module"],  # type: ignore[arg-type]
        people=collected["person"],  # type: ignore[arg-type]
        completions=CompletionTable.joined(collected["completion"]),  # type: ignore[arg-type]
    )
    errors.extend(check_integrity(records, source.points_outside))
    return LoadResult(None if errors else records, errors)


def load_policies(
    source: FileSource, read_file: FileReader | None = None, wanted_id: str | None = None
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
        return _read_policies(source, read, files)
    named = [(kind, path) for kind, path in files if _stem(path) == wanted_id.casefold()]
    # Parsed, not taken from the parse cache: opening the cache (every file's records) costs
    # more than parsing one small file.
    policies, errors = _read_policies(source, read_record_file, named)
    if not errors and any(p.id.casefold() == wanted_id.casefold() for p in policies):
        return policies, errors
    rest, more_errors = _read_policies(source, read, [f for f in files if f not in named])
    return policies + rest, errors + more_errors


def _stem(path: str) -> str:
    return path.rpartition("/")[2].rpartition(".")[0].casefold()


def _read_policies(
    source: FileSource, read: FileReader, files: list[tuple[str, str]]
) -> tuple[list[Policy], list[DataError]]:
    errors: list[DataError] = []
    policies: list[Policy] = []
    with _gc_paused():
        for kind, path in files:
            result = read(source, path, kind)
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
    ):
        if wanted(kind):
            files += [(kind, p) for p in source.files(folder)]
    for kind, path in (("module", MODULES_FILE), ("person", PEOPLE_FILE)):
        if wanted(kind) and source.exists(path):
            files.append((kind, path))
    if wanted("completion"):
        files += [("completion", p) for p in source.files(COMPLETIONS_DIR)]
    return files


# kind -> (model of the file, name of the list key when the file holds a list of records)
KINDS: dict[str, tuple[type[Record], str | None]] = {
    "settings": (Settings, None),
    "control": (Control, None),
    "policy": (Policy, None),
    "evidence": (Evidence, None),
    "audit": (Audit, None),
    "incident": (Incident, None),
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
    return records_from_bytes(path, raw, kind)


def records_from_bytes(path: str, raw: bytes, kind: str) -> FileResult:
    """Parse and validate the content of one record file of a kind. Never raises for bad content."""
    parsed_or_error = parse_bytes(path, raw)
    if isinstance(parsed_or_error, DataError):
        return FileResult(errors=[parsed_or_error])
    data, node = parsed_or_error
    model, list_key = KINDS[kind]
    result = validate_file(path, data, node, model, list_key)
    if kind == "completion" and not result.errors:
        # One table for the file's rows, not a record per row (see CompletionTable).
        return FileResult(records=[CompletionTable.from_records(result.records)])
    return result


def parse_bytes(path: str, raw: bytes) -> tuple[Any, yaml.Node] | DataError:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return DataError(
            path,
            line,
            column,
            "not-utf8",
            _(
                "the file is not UTF-8 text (byte 0x{byte:02x}); save it as UTF-8 in your editor"
            ).format(byte=raw[error.start]),
        )
    if "<<<<<<<" in text or ">>>>>>>" in text:
        marker = CONFLICT_MARKER.search(text)
        if marker:
            line = text.count("\n", 0, marker.start()) + 1
            return DataError(
                path,
                line,
                1,
                "merge-conflict",
                _(
                    "git merge-conflict marker; resolve the conflict (keep the right lines, remove "
                    "the <<<<<<< ======= >>>>>>> markers) and commit"
                ),
            )
    try:
        parsed = parse_yaml(text)
    except YamlFailure as failure:
        problem = failure.problem
        return DataError(path, problem.line, problem.column, problem.code, problem.message)
    if parsed.data is None or parsed.node is None:
        return DataError(
            path, 1, 1, "empty-file", _("the file is empty; fill in the record or delete the file")
        )
    if not isinstance(parsed.data, dict):
        mark = parsed.node.start_mark
        return DataError(
            path,
            mark.line + 1,
            mark.column + 1,
            "not-a-mapping",
            _(
                "expected a mapping of fields (key: value) at the top of the file, found {found}"
            ).format(found=_describe_type(parsed.data)),
        )
    return parsed.data, parsed.node


def validate_file(
    path: str, data: dict[str, Any], node: yaml.Node, model: type[Record], list_key: str | None
) -> FileResult:
    try:
        record = model.model_validate(data)
    except ValidationError as error:
        return FileResult(errors=errors_from_validation(path, node, error, model))
    if list_key is None:
        attach_origins(record, path, node)
        return FileResult(records=[record])
    items = getattr(record, list_key)
    _attach_item_origins(items, _list_nodes(node, list_key), path)
    return FileResult(records=list(items))


def attach_origins(record: Record, path: str, node: yaml.Node) -> None:
    record.with_origin(_origin(path, node))
    if isinstance(record, Audit):
        _attach_item_origins(record.findings, _list_nodes(node, "findings"), path)
    elif isinstance(record, Settings):
        _attach_item_origins(record.units, _list_nodes(node, "units"), path)


def _origin(path: str, node: yaml.Node) -> Origin:
    mark = node.start_mark
    return Origin(path, mark.line + 1, mark.column + 1, top_level_positions(node))


def _attach_item_origins(items: list[Any], nodes: list[yaml.Node], path: str) -> None:
    """``item.with_origin(_origin(path, node))`` for each item, inlined: a training export has
    tens of thousands of rows and the calls were a sixth of the whole load."""
    scalar, mapping = yaml.ScalarNode, yaml.MappingNode
    for item, node in zip(items, nodes, strict=False):
        mark = node.start_mark
        positions = (
            {
                key.value: (value.start_mark.line + 1, value.start_mark.column + 1)
                for key, value in node.value
                if key.__class__ is scalar
            }
            if node.__class__ is mapping
            else {}
        )
        item.with_origin(Origin(path, mark.line + 1, mark.column + 1, positions))


def _list_nodes(node: yaml.Node, key: str) -> list[yaml.Node]:
    target, _key, followed = node_at(node, (key,))
    if followed == 1 and isinstance(target, yaml.SequenceNode):
        return list(target.value)
    return []


def errors_from_validation(
    path: str, node: yaml.Node, error: ValidationError, model: type[BaseModel]
) -> list[DataError]:
    found: list[DataError] = []
    for detail in error.errors(include_url=False):
        found.append(_locate(path, node, detail, model))
    return found


def _locate(path: str, node: yaml.Node, detail: Any, model: type[BaseModel]) -> DataError:
    loc = tuple(detail["loc"])
    kind = detail["type"]
    context = detail.get("ctx") or {}
    target, key_node, followed = node_at(node, loc)
    label = _label(loc[:followed] if kind != "missing" else loc)

    if kind == "extra_forbidden":
        name = str(loc[-1])
        mark = (key_node or target or node).start_mark
        allowed = _fields_at(model, loc[:-1])
        hint = FIELD_HINTS.get(name.lower())
        suggestion = (
            hint
            if hint in allowed
            else next(iter(difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)), None)
        )
        message = _("unknown field '{name}'").format(name=short(name))
        if suggestion:
            message += _("; did you mean '{suggestion}'?").format(suggestion=suggestion)
        else:
            message += _("; allowed fields: {fields}").format(fields=", ".join(allowed))
        return DataError(path, mark.line + 1, mark.column + 1, "unknown-field", message)

    if kind == "invalid_key":  # a key YAML reads as true, false or null, not as a name
        parent, _key, _followed = node_at(node, loc[:-1])
        key = next(
            (
                key
                for key, _value in getattr(parent, "value", [])
                if isinstance(key, yaml.ScalarNode)
                and not key.tag.endswith(":str")
                and _plain_key(key) == detail.get("input")
            ),
            None,
        )
        mark = (key or parent or node).start_mark
        return DataError(
            path,
            mark.line + 1,
            mark.column + 1,
            "unknown-field",
            _("'{key}' is not a field name (YAML reads it as {value}); check the spelling").format(
                key=key.value if key is not None else detail.get("input"),
                value={True: "true", False: "false", None: "null"}.get(detail.get("input"), "?"),
            ),
        )

    if kind == "missing":
        mark = (target or node).start_mark
        return DataError(
            path,
            mark.line + 1,
            mark.column + 1,
            "missing-field",
            _("missing required field '{field}'; add it to the record").format(field=label),
        )

    if kind in ("conditional_missing", "conditional_forbidden", "date_order"):
        field_name = str(context.get("field", ""))
        field_node, field_key, field_followed = node_at(target, (field_name,))
        if kind == "conditional_forbidden" and field_followed and field_key is not None:
            mark = field_key.start_mark
        elif field_followed and field_node is not None:
            mark = field_node.start_mark
        else:
            mark = (target or node).start_mark
        code = {"conditional_missing": "missing-field", "date_order": "invalid-date"}.get(
            kind, "invalid-value"
        )
        prefix = f"{label}: " if label else ""
        return DataError(
            path, mark.line + 1, mark.column + 1, code, prefix + validation_message(detail)
        )

    mark = (target or node).start_mark
    code = {
        "invalid_date": "invalid-date",
        "invalid_timestamp": "invalid-date",
        "date_out_of_range": "invalid-date",
        "invalid_duration": "invalid-duration",
        "duration_too_long": "invalid-duration",
    }.get(kind, "invalid-value")
    value = detail.get("input")
    message = validation_message(detail)
    if not isinstance(value, dict | list):
        message = _("{message} (got {value})").format(message=message, value=_show(value))
    return DataError(path, mark.line + 1, mark.column + 1, code, f"{label}: {message}")


def _plain_key(key: yaml.ScalarNode) -> bool | str | None:
    """What the strict loader makes of a key that is not text: true, false or null."""
    if key.tag.endswith(":bool"):
        return key.value.lower() == "true"
    if key.tag.endswith(":null"):
        return None
    return key.value


def _show(value: Any) -> str:
    if isinstance(value, str):
        return repr(short(value))
    return short(value)


def _label(loc: tuple[Any, ...]) -> str:
    text = ""
    for step in loc:
        if isinstance(step, int):
            text += f"[{step}]"
        else:
            text += f".{step}" if text else str(step)
    return text


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The field names allowed at a location inside a model (for "did you mean")."""
    current: Any = model
    for step in loc:
        if isinstance(step, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        annotation = current.model_fields[step].annotation if step in current.model_fields else None
        current = _inner_model(annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in get_args(annotation):
        found = _inner_model(argument)
        if found is not None:
            return found
    return None


def _describe_type(value: Any) -> str:
    if isinstance(value, list):
        return _("a list")
    return _("a single value ({value})").format(value=_show(value))


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
    where = settings.origin.at("framework")
    if not name.endswith((".yaml", ".yml")) or not source.exists(name):
        return None, [
            DataError(
                SETTINGS_FILE,
                where[0],
                where[1],
                "unknown-framework",
                _(
                    "framework '{name}' is neither a built-in catalog ({builtin}) nor a catalog file in "
                    "this repository"
                ).format(name=short(name), builtin=", ".join(catalogs.BUILTIN)),
            )
        ]
    if source.points_outside(name):
        return None, [
            DataError(
                SETTINGS_FILE,
                where[0],
                where[1],
                "path-outside-repo",
                _("the catalog file must be inside the repository"),
            )
        ]
    parsed = parse_bytes(name, source.read(name))
    if isinstance(parsed, DataError):
        return None, [parsed]
    data, node = parsed
    try:
        return Catalog.model_validate(data), []
    except ValidationError as error:
        return None, [
            DataError(e.file, e.line, e.column, "invalid-catalog", e.message)
            for e in errors_from_validation(name, node, error, Catalog)
        ]
