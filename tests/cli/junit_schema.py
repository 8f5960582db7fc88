"""Validate XML against the subset of XML Schema that tests/schemas/junit.xsd uses (element
references in sequences, attributes with simple types, required attributes, simple content).

No XSD library is among nencheck's dependencies (lxml is not installed), so the tests read the
schema with ElementTree and check a document against it here."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

SCHEMA = Path(__file__).resolve().parent.parent / "schemas" / "junit.xsd"
XS = "{http://www.w3.org/2001/XMLSchema}"
TYPES = {
    "xs:string": r"(?s).*",
    "xs:nonNegativeInteger": r"\d+",
    "xs:positiveInteger": r"0*[1-9]\d*",
    "xs:decimal": r"-?\d+(\.\d+)?",
    "xs:dateTime": r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?",
}


@dataclass
class Declaration:
    children: list[tuple[str, int, int | None]] = field(default_factory=list)  # name, min, max
    attributes: dict[str, tuple[str, bool]] = field(default_factory=dict)  # name -> type, required
    text: bool = False


def load_schema(path: Path = SCHEMA) -> dict[str, Declaration]:
    declarations = {}
    for element in ET.parse(path).getroot().findall(f"{XS}element"):
        declaration = Declaration(text=element.get("type") == "xs:string")
        for child in element.iter(f"{XS}element"):
            if child is element or child.get("ref") is None:
                continue
            high = child.get("maxOccurs", "1")
            declaration.children.append(
                (
                    child.get("ref", ""),
                    int(child.get("minOccurs", "1")),
                    None if high == "unbounded" else int(high),
                )
            )
        for attribute in element.iter(f"{XS}attribute"):
            declaration.attributes[attribute.get("name", "")] = (
                attribute.get("type", "xs:string"),
                attribute.get("use") == "required",
            )
        if element.find(f".//{XS}simpleContent") is not None:
            declaration.text = True
        declarations[element.get("name", "")] = declaration
    return declarations


def validate(node: ET.Element, schema: dict[str, Declaration] | None = None) -> list[str]:
    """Every violation found, as text; an empty list when the document is valid."""
    schema = schema or load_schema()
    declaration = schema.get(node.tag)
    if declaration is None:
        return [f"element <{node.tag}> is not declared"]
    problems = []
    for name, value in node.attrib.items():
        if name not in declaration.attributes:
            problems.append(f"<{node.tag}> has undeclared attribute {name}")
        elif not re.fullmatch(TYPES[declaration.attributes[name][0]], value):
            problems.append(
                f"<{node.tag} {name}={value!r}> is not a {declaration.attributes[name][0]}"
            )
    for name, (_type, required) in declaration.attributes.items():
        if required and name not in node.attrib:
            problems.append(f"<{node.tag}> lacks required attribute {name}")
    if not declaration.text and (node.text or "").strip():
        problems.append(f"<{node.tag}> may not contain text")
    problems += _check_sequence(node, declaration)
    for child in node:
        problems += validate(child, schema)
    return problems


def _check_sequence(node: ET.Element, declaration: Declaration) -> list[str]:
    tags = [child.tag for child in node]
    position = 0
    for name, low, high in declaration.children:
        count = 0
        while position < len(tags) and tags[position] == name:
            position += 1
            count += 1
        if count < low or (high is not None and count > high):
            return [f"<{node.tag}> has {count} <{name}>, expected {low}..{high or 'unbounded'}"]
    if position < len(tags):
        return [f"<{node.tag}> has unexpected or misplaced <{tags[position]}>"]
    return []
