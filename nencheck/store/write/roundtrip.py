"""Round-trip YAML editing (ruamel.yaml) configured per file, so that an untouched file comes back
byte-identical and an edited one keeps its comments, key order, quoting and layout.

Only commands that change records use this module; reading goes through ``store.yamlread``.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from nencheck.errors import NencheckError
from nencheck.i18n import _
from nencheck.store.write.textmerge import carry_over

_BOM = "\ufeff"
_KEY_ONLY = re.compile(r"^(?P<indent> *)(?P<dashes>(?:- +)*)[^#\s].*?:\s*(?:#.*)?$")
_DASH_ITEM = re.compile(r"^(?P<indent> *)-(?P<gap> +)\S")
_BLOCK_SCALAR = re.compile(r":\s*[|>][-+0-9]*\s*(?:#.*)?$")
# YAML spellings that other tools (YAML 1.1) would read as something other than text.
_LOOKS_TYPED = re.compile(
    r"^(?:[-+]?[0-9_.,:]+(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|"
    r"0[xob][0-9a-fA-F_]+|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|"
    r"on|On|ON|off|Off|OFF|~|null|Null|NULL|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*)$"
)


@dataclass(frozen=True)
class FileStyle:
    """How one file is laid out, so that dumping it writes it the same way."""

    mapping: int = 2
    sequence: int = 2
    offset: int = 0
    null_text: str = ""
    crlf: bool = False
    bom: bool = False
    explicit_start: bool = False


def detect_style(text: str) -> FileStyle:
    """Indentation of mappings and block sequences, the spelling of nulls, line endings."""
    mapping: int | None = None
    sequence: tuple[int, int] | None = None
    previous: tuple[int, bool] | None = None  # (content column of the key line, ends with "key:")
    block_indent: int | None = None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(line) - len(line.lstrip(" "))
        if block_indent is not None and indent > block_indent:
            continue  # inside a literal or folded block scalar
        block_indent = indent if _BLOCK_SCALAR.search(line) else None
        item = _DASH_ITEM.match(line)
        if previous is not None and previous[1]:
            if item and sequence is None:
                offset = indent - previous[0]
                sequence = (offset + 1 + len(item.group("gap")), offset)
            elif not item and indent > previous[0] and mapping is None:
                mapping = indent - previous[0]
        key = _KEY_ONLY.match(line)
        column = indent + (len(key.group("dashes")) if key else 0)
        previous = (column, key is not None and not _BLOCK_SCALAR.search(line))
    # No block list yet: use the indented style new_record_yaml writes and the example uses.
    seq, offset = sequence or (4, 2)
    return FileStyle(
        mapping=mapping or 2,
        sequence=max(seq, offset + 2),
        offset=offset,
        crlf="\r\n" in text,
        bom=text.startswith(_BOM),
        explicit_start=text.lstrip(_BOM).lstrip().startswith("---"),
    )


def _yaml(style: FileStyle) -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.representer import RoundTripRepresenter

    class Representer(RoundTripRepresenter):
        null_text = style.null_text

        def ignore_aliases(self, data: Any) -> bool:
            """No anchors for a date used twice (approved and last_reviewed); anchors the
            user wrote (kept on the loaded nodes) stay."""
            if isinstance(data, date):
                anchor = getattr(data, "anchor", None)
                return anchor is None or anchor.value is None
            return bool(super().ignore_aliases(data))

        def represent_none(self, data: Any) -> Any:
            if self.null_text:
                return self.represent_scalar("tag:yaml.org,2002:null", self.null_text)
            return super().represent_none(data)

    Representer.add_representer(type(None), Representer.represent_none)
    yaml = YAML(typ="rt")
    yaml.Representer = Representer
    yaml.preserve_quotes = True
    yaml.width = 1_000_000
    yaml.allow_unicode = True
    yaml.indent(mapping=style.mapping, sequence=style.sequence, offset=style.offset)
    yaml.explicit_start = style.explicit_start
    return yaml


def _null_spelling(yaml: Any, text: str) -> str:
    """The spelling of null most used in the file ('' for ``key:``, 'null', '~')."""
    from ruamel.yaml.nodes import MappingNode, SequenceNode

    counts: Counter[str] = Counter()
    stack = [yaml.compose(text)]
    while stack:
        node = stack.pop()
        if isinstance(node, MappingNode):
            stack.extend(value for pair in node.value for value in pair)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
        elif node is not None and node.tag == "tag:yaml.org,2002:null" and node.style is None:
            counts[node.value] += 1
    return counts.most_common(1)[0][0] if counts else ""


def load_text(text: str, where: str) -> Any:
    """Parse ``text`` for editing; the detected style travels with the returned document."""
    from ruamel.yaml.error import YAMLError

    style = detect_style(text)
    body = text.lstrip(_BOM).replace("\r\n", "\n")
    try:
        null_text = _null_spelling(_yaml(style), body)
        style = FileStyle(**{**style.__dict__, "null_text": null_text})
        document = _yaml(style).load(body)
    except YAMLError as error:
        raise NencheckError(
            _(
                "{file}: cannot edit this file, it is not valid YAML ({reason}); fix it first "
                "(nencheck check shows where)."
            ).format(file=where, reason=str(error).splitlines()[0])
        ) from None
    if document is None:
        from ruamel.yaml.comments import CommentedMap

        document = CommentedMap()
    try:
        document._nencheck_style = style
        document._nencheck_original = text
    except AttributeError:
        raise NencheckError(
            _(
                "{file}: cannot edit this file, its top level is not a mapping of keys to values."
            ).format(file=where)
        ) from None
    return document


def dump_document(document: Any, style: FileStyle | None = None) -> bytes:
    """Serialise a document in the style it was read with (or ``style``, or the defaults).

    A document loaded by ``load_text`` keeps every line the edit did not touch exactly as it
    was in the file (``textmerge.carry_over``), provided the result still reads as the same data.
    """
    original = getattr(document, "_nencheck_original", None)
    edited = render(document, style)
    if original is None or style is not None:
        return edited.encode("utf-8")
    baseline = render(load_text(original, ""), None)
    merged = carry_over(original, baseline, edited)
    if merged != edited and not _same_data(merged, edited):
        merged = edited
    return merged.encode("utf-8")


def _same_data(first: str, second: str) -> bool:
    import yaml

    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        return bool(yaml.load(first, loader) == yaml.load(second, loader))
    except yaml.YAMLError:
        return False


def render(document: Any, style: FileStyle | None = None) -> str:
    """The library's own rendering, without carrying untouched lines over from the file."""
    style = style or getattr(document, "_nencheck_style", None) or FileStyle(offset=2, sequence=4)
    stream = io.StringIO()
    _yaml(style).dump(document, stream)
    text = stream.getvalue()
    if style.crlf:
        text = text.replace("\n", "\r\n")
    if style.bom:
        text = _BOM + text
    return text


def needs_quotes(text: str) -> bool:
    """True when a YAML reader could take this text for a number, date, boolean or null."""
    return text == "" or bool(_LOOKS_TYPED.match(text))


def scalar(value: Any, like: Any = None) -> Any:
    """``value`` ready to store in a document: text that looks typed is quoted the way ``like``
    (the value it replaces) was quoted, or with double quotes; dates stay plain dates."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

    if isinstance(value, datetime | date) or not isinstance(value, str):
        return value
    if isinstance(like, SingleQuotedScalarString):
        return SingleQuotedScalarString(value)
    if isinstance(like, DoubleQuotedScalarString) or needs_quotes(value):
        return DoubleQuotedScalarString(value)
    return value


def to_document(data: Any) -> Any:
    """Plain data as ruamel nodes: mappings in block style, short lists of scalars in flow
    style (``units: [HAP]``), text that looks typed double-quoted."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(data, dict):
        mapping = CommentedMap()
        for key, value in data.items():
            mapping[key] = to_document(value)
        return mapping
    if isinstance(data, list | tuple):
        sequence = CommentedSeq(to_document(item) for item in data)
        short = sum(len(str(item)) + 2 for item in data) <= 60
        if short and all(not isinstance(item, dict | list | tuple) for item in data):
            sequence.fa.set_flow_style()
        return sequence
    return scalar(data)
