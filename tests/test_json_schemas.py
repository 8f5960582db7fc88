"""The JSON Schemas that editors use accept exactly what nencheck reads: every file of the
example organisation validates, read the way an editor reads YAML (1.2: an unquoted 5.10 is a
number, a date is text), with an independent validator (jsonschema)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from nencheck.render.json_schema import SCHEMA_KINDS, schema_for
from tests.conftest import PROJECT_ROOT


class EditorLoader(yaml.SafeLoader):
    """YAML 1.2 core schema, as editors' YAML servers read it: dates stay text, only
    true/false are booleans; numbers are numbers."""


EditorLoader.yaml_implicit_resolvers = {
    key: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")
    ]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
EditorLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)

KIND_OF_FOLDER = {
    "controls": "control",
    "policies": "policy",
    "evidence/records": "evidence",
    "evidence/audits": "audit",
    "evidence/incidents": "incident",
}


def example_files() -> list[tuple[str, Path]]:
    files = [("settings", PROJECT_ROOT / "nencheck.yaml")]
    for folder, kind in KIND_OF_FOLDER.items():
        files += [
            (kind, path)
            for path in sorted((PROJECT_ROOT / folder).rglob("*.yaml"))
            if "documents" not in path.parts
        ]
    training = PROJECT_ROOT / "evidence" / "training"
    files += [("modules", training / "modules.yaml"), ("people", training / "people.yaml")]
    files += [("completions", path) for path in sorted((training / "completions").glob("*.yaml"))]
    return files


def read_as_editor(text: str) -> Any:
    return yaml.load(text, Loader=EditorLoader)


def test_every_example_file_validates_against_its_schema() -> None:
    schemas = {kind: schema_for(kind) for kind in SCHEMA_KINDS}
    checked = 0
    for kind, path in example_files():
        data = read_as_editor(path.read_text(encoding="utf-8"))
        jsonschema.validate(data, schemas[kind])
        checked += 1
    assert checked > 300


@pytest.mark.parametrize(
    "text",
    [
        "id: 5.10\napplicable: true\nstatus: implemented\npolicies: [5.1]\n",
        'id: "5.10"\napplicable: true\nstatus: planned\nevidence: [2024]\nnotes: 12\n',
    ],
)
def test_unquoted_numbers_that_nencheck_keeps_as_text_are_valid_for_the_editor(text: str) -> None:
    from nencheck.store.read.parsing import records_from_bytes

    result = records_from_bytes("controls/x.yaml", text.encode(), "control")
    assert result.errors == []  # nencheck reads it (ids stay text)
    jsonschema.validate(read_as_editor(text), schema_for("control"))


def test_the_schema_still_refuses_what_nencheck_refuses() -> None:
    schema = schema_for("control")
    for bad in ("id: 5.1\napplicable: nee\nstatus: implemented\n", "id: 5.1\napplicable: true\n"):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(read_as_editor(bad), schema)
