"""One record file's bytes into validated records, with the line and column each was read from.

The file is decoded, checked for merge-conflict markers, parsed (``yamlread``) and validated
(``model``); a failure is located at the file, line and column of the offending key or value.
Kept apart from ``loader`` (which files make a repository) so that a run served wholly from the
parse cache never imports the YAML parser.
"""

from __future__ import annotations

import difflib
import re
from typing import Any, get_args

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticCustomError

from nencheck.errors import DataError
from nencheck.i18n import _
from nencheck.model.audit import Audit
from nencheck.model.base import Origin, Record
from nencheck.model.catalog import Catalog
from nencheck.model.events import latest_event
from nencheck.model.risk import Risk
from nencheck.model.settings import Settings
from nencheck.model.training import CompletionRow, CompletionTable
from nencheck.model.types import parse_date, parse_identifier
from nencheck.store.read import catalogs
from nencheck.store.read.completion_lines import read_completion_lines
from nencheck.store.read.discovery import SETTINGS_FILE
from nencheck.store.read.loader import KINDS, FileResult
from nencheck.store.read.source import FileSource
from nencheck.store.read.validation_messages import validation_message
from nencheck.store.read.yamlread import (
    YamlFailure,
    node_at,
    parse_yaml,
    short,
    top_level_positions,
)

CONFLICT_MARKER = re.compile(r"^(<<<<<<<|=======|>>>>>>>)( |$)", re.MULTILINE)

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
    "dreiging": "threat",
    "kwetsbaarheid": "vulnerability",
    "kans": "likelihood",
    "behandeling": "treatment",
    "beoordeeld": "assessed",
    "geaccepteerd_door": "accepted_by",
    "geaccepteerd": "accepted",
}


def records_from_bytes(path: str, raw: bytes, kind: str) -> FileResult:
    """Parse and validate the content of one record file of a kind. Never raises for bad content."""
    result = _records_from_bytes(path, raw, kind)
    if not result.errors:
        result.latest_event = latest_event(result.records)
    return result


def _records_from_bytes(path: str, raw: bytes, kind: str) -> FileResult:
    if kind == "completion":
        table = _completion_lines(path, raw)
        if table is not None:
            return FileResult(records=[table])
    parsed_or_error = parse_bytes(path, raw)
    if isinstance(parsed_or_error, DataError):
        return FileResult(errors=[parsed_or_error])
    data, node = parsed_or_error
    if kind == "completion":
        table = _plain_completions(path, data, node)
        if table is not None:
            return FileResult(records=[table])
    model, list_key = KINDS[kind]
    result = validate_file(path, data, node, model, list_key)
    if kind == "completion" and not result.errors:
        # One table for the file's rows, not a record per row (see CompletionTable).
        return FileResult(records=[CompletionTable.from_records(result.records)])
    return result


def _completion_lines(path: str, raw: bytes) -> CompletionTable | None:
    """A completions file in the one-row-a-line form imports write, read without YAML (see
    ``completion_lines``); None for anything else, which then goes through YAML."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    if "<<<<<<<" in text or ">>>>>>>" in text or "=======" in text:
        return None
    return read_completion_lines(path, text)


def _plain_completions(path: str, data: dict[str, Any], node: yaml.Node) -> CompletionTable | None:
    """A completions file's rows as a table, checked with the functions that the fields of
    ``Completion`` use, without a model and an origin object per row: an export has tens of
    thousands of rows. None when anything is out of the ordinary (a missing or extra key, a
    value those functions refuse): the model then validates the file and explains what is
    wrong. tests/store/test_plain_completions.py holds the two paths to the same result."""
    rows = data.get("completions", [])
    nodes = _list_nodes(node, "completions")
    if len(data) > 1 or rows.__class__ is not list or len(nodes) != len(rows):
        return None
    found: list[CompletionRow] = []
    try:
        for row, row_node in zip(rows, nodes, strict=True):
            if (
                row.__class__ is not dict
                or len(row) != 3
                or row_node.__class__ is not yaml.MappingNode
            ):
                return None
            marks = {key.value: value.start_mark for key, value in row_node.value}
            person, module, completed = marks["person"], marks["module"], marks["completed"]
            found.append(
                (
                    parse_identifier(row["person"]),
                    parse_identifier(row["module"]),
                    parse_date(row["completed"]),
                    (
                        row_node.start_mark.line + 1,
                        row_node.start_mark.column + 1,
                        person.line + 1,
                        person.column + 1,
                        module.line + 1,
                        module.column + 1,
                        completed.line + 1,
                        completed.column + 1,
                    ),
                )
            )
    except (KeyError, TypeError, PydanticCustomError):
        return None
    return CompletionTable.from_rows(path, found)


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
    elif isinstance(record, Risk):
        _attach_item_origins(record.actions, _list_nodes(node, "actions"), path)
    elif isinstance(record, Settings):
        _attach_item_origins(record.units, _list_nodes(node, "units"), path)


def _origin(path: str, node: yaml.Node) -> Origin:
    mark = node.start_mark
    return Origin.of(path, mark.line + 1, mark.column + 1, top_level_positions(node))


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
        item.with_origin(Origin.of(path, mark.line + 1, mark.column + 1, positions))


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
        derived = getattr(_model_at(model, loc[:-1]), "DERIVED_FIELDS", {}).get(name)
        if derived:  # a value nencheck works out (a risk's level): say why it may not be written
            message = _("unknown field '{name}'").format(name=short(name))
            message += "; " + _(derived).format(name=name)
            return DataError(path, mark.line + 1, mark.column + 1, "unknown-field", message)
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
    current = _model_at(model, loc)
    return list(current.model_fields) if current is not None else []


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The (nested) model at a location inside a model, or None."""
    current: Any = model
    for step in loc:
        if isinstance(step, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        annotation = current.model_fields[step].annotation if step in current.model_fields else None
        current = _inner_model(annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return current
    return None


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


def read_catalog_file(
    source: FileSource, settings: Settings
) -> tuple[Catalog | None, list[DataError]]:
    """The catalog file an organisation keeps itself (``framework: catalog.yaml``)."""
    name = settings.framework
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
