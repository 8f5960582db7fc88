"""Fast, strict YAML reading (PyYAML's C parser) that keeps node positions for error messages.

Every scalar stays text except ``null`` and ``true``/``false``: dates arrive as strings (a bad
date becomes a validation error with a position, not a crash), ``no``/``off`` are text, and an
unquoted ``5.10`` is the string "5.10", never the float 5.1. The models convert the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from nencheck.i18n import _
from nencheck.store.read.yaml_messages import yaml_problem_message, yaml_tag_message

# Anchors and aliases are legal YAML, but expanded they can blow up ("billion laughs").
MAX_EXPANDED_NODES = 200_000

_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class StrictLoader(_Loader):  # type: ignore[misc, valid-type]
    """Safe loader with the YAML 1.2 core schema's booleans and no implicit dates or numbers."""


StrictLoader.yaml_implicit_resolvers = {}
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)
# Only plain data: no !!timestamp, !!binary, !!set, !!omap or application tags.
StrictLoader.yaml_constructors = {
    tag: constructor
    for tag, constructor in yaml.SafeLoader.yaml_constructors.items()
    if tag
    in {
        "tag:yaml.org,2002:null",
        "tag:yaml.org,2002:bool",
        "tag:yaml.org,2002:int",
        "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:str",
        "tag:yaml.org,2002:seq",
        "tag:yaml.org,2002:map",
    }
}


def _construct_unknown_tag(loader: Any, node: yaml.Node) -> Any:
    raise yaml.constructor.ConstructorError(
        None, None, _("the tag {tag} is not plain data").format(tag=node.tag), node.start_mark
    )


StrictLoader.add_constructor(None, _construct_unknown_tag)


@dataclass(frozen=True)
class YamlProblem:
    line: int
    column: int
    code: str
    message: str


class YamlFailure(Exception):
    def __init__(self, problem: YamlProblem) -> None:
        super().__init__(problem.message)
        self.problem = problem


@dataclass
class ParsedYaml:
    data: Any
    node: yaml.Node | None


def parse_yaml(text: str) -> ParsedYaml:
    """Parse one document. Raises YamlFailure with a 1-based position on any problem."""
    loader = StrictLoader(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as error:
            raise YamlFailure(_marked(error, "yaml-syntax", text)) from None
        except yaml.YAMLError as error:
            raise YamlFailure(YamlProblem(1, 1, "yaml-syntax", _one_line(str(error)))) from None
        if node is None:
            return ParsedYaml(None, None)
        if "&" not in text:
            try:
                return ParsedYaml(_plain_data(node), node)
            except (_Unusual, RecursionError):
                pass  # tags, duplicate keys, deep nesting: the careful path below decides
        else:
            _check_expansion(node)
        _check_duplicate_keys(node)
        try:
            data = loader.construct_document(node)
        except yaml.MarkedYAMLError as error:
            raise YamlFailure(_marked(error, "yaml-tag", text)) from None
        return ParsedYaml(data, node)
    finally:
        loader.dispose()


class _Unusual(Exception):
    """A document the fast constructor leaves to PyYAML's (see ``_plain_data``)."""


_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}


def _plain_data(node: yaml.Node) -> Any:
    """Build the data of a document without anchors, as the StrictLoader's constructors would.

    PyYAML's constructor spends most of a big file's parse time in generic machinery (recursion
    bookkeeping, generators per mapping); plain str/null/bool scalars, lists and mappings are
    all our records hold. Anything else (other tags, non-scalar keys, two equal keys) raises
    ``_Unusual`` and the document goes through ``_check_duplicate_keys`` and PyYAML instead, so
    the result and every error are the same as before."""
    cls = node.__class__
    if cls is yaml.ScalarNode:
        tag = node.tag
        if tag == _STR:
            return node.value
        if tag == _NULL:
            return None
        if tag == _BOOL and node.value in _BOOLS:
            return _BOOLS[node.value]
        raise _Unusual
    if cls is yaml.MappingNode and node.tag == _MAP:
        pairs = node.value
        mapping = {}
        for key_node, value_node in pairs:
            if key_node.__class__ is not yaml.ScalarNode:
                raise _Unusual
            mapping[_plain_data(key_node)] = _plain_data(value_node)
        if len(mapping) != len(pairs):
            raise _Unusual
        return mapping
    if cls is yaml.SequenceNode and node.tag == _SEQ:
        return [_plain_data(child) for child in node.value]
    raise _Unusual


def _marked(error: yaml.MarkedYAMLError, code: str, text: str) -> YamlProblem:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if code != "yaml-syntax":
        return YamlProblem(line, column, code, _one_line(yaml_tag_message(error.problem or "")))
    message = yaml_problem_message(
        error.problem or "", error.context, _character_at(text, line, column)
    )
    return YamlProblem(line, column, code, _one_line(message))


def _character_at(text: str, line: int, column: int) -> str:
    """The character at a 1-based position, or a tab in the line's indentation before it."""
    lines = text.splitlines()
    if not 0 < line <= len(lines):
        return ""
    source = lines[line - 1]
    if "\t" in source[: len(source) - len(source.lstrip())]:
        return "\t"
    return source[column - 1] if 0 < column <= len(source) else ""


def _one_line(text: str) -> str:
    return " ".join(text.split())[:300]


def _check_duplicate_keys(node: yaml.Node) -> None:
    """PyYAML keeps the last of two equal keys in silence: data would be lost. Refuse instead."""
    stack = [node]
    seen_nodes: set[int] = set()
    while stack:
        current = stack.pop()
        if id(current) in seen_nodes:
            continue
        seen_nodes.add(id(current))
        if isinstance(current, yaml.MappingNode):
            keys: set[str] = set()
            for key_node, value_node in current.value:
                if isinstance(key_node, yaml.ScalarNode):
                    if key_node.value in keys:
                        mark = key_node.start_mark
                        raise YamlFailure(
                            YamlProblem(
                                mark.line + 1,
                                mark.column + 1,
                                "duplicate-key",
                                _(
                                    "the key '{key}' appears twice in this mapping; keep one "
                                    "(YAML would silently drop the first)"
                                ).format(key=_short(key_node.value)),
                            )
                        )
                    keys.add(key_node.value)
                stack.append(value_node)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)


def _check_expansion(node: yaml.Node) -> None:
    sizes: dict[int, int] = {}

    def size(current: yaml.Node) -> int:
        key = id(current)
        if key in sizes:
            return sizes[key]
        sizes[key] = 1  # guards against recursive aliases
        total = 1
        if isinstance(current, yaml.SequenceNode):
            total += sum(size(child) for child in current.value)
        elif isinstance(current, yaml.MappingNode):
            total += sum(size(k) + size(v) for k, v in current.value)
        if total > MAX_EXPANDED_NODES:
            mark = current.start_mark
            raise YamlFailure(
                YamlProblem(
                    mark.line + 1,
                    mark.column + 1,
                    "yaml-alias-bomb",
                    _(
                        "anchors and aliases here expand to more than {limit} values; "
                        "write the data out instead of nesting aliases"
                    ).format(limit=f"{MAX_EXPANDED_NODES:,}"),
                )
            )
        sizes[key] = total
        return total

    size(node)


def _short(value: object, limit: int = 60) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def node_at(
    node: yaml.Node | None, path: tuple[str | int, ...]
) -> tuple[yaml.Node | None, yaml.Node | None, int]:
    """Follow a pydantic error location through the composed nodes.

    Returns (the deepest node reached, the key node of the last mapping step if any, how many
    path elements were followed)."""
    current = node
    key_node = None
    followed = 0
    for step in path:
        if isinstance(current, yaml.MappingNode) and isinstance(step, str):
            match = next(
                ((k, v) for k, v in current.value if getattr(k, "value", None) == step), None
            )
            if match is None:
                break
            key_node, current = match
        elif isinstance(current, yaml.SequenceNode) and isinstance(step, int):
            if step >= len(current.value):
                break
            current = current.value[step]
            key_node = None
        else:
            break
        followed += 1
    return current, key_node, followed


def top_level_positions(node: yaml.Node | None) -> dict[str, tuple[int, int]]:
    """Key -> (line, column) of the value, for a mapping node."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {
        key.value: (value.start_mark.line + 1, value.start_mark.column + 1)
        for key, value in node.value
        if isinstance(key, yaml.ScalarNode)
    }


def short(value: object, limit: int = 60) -> str:
    """A value for an error message: never the whole of a huge value."""
    return _short(value, limit)
