"""JSON Schemas of the record kinds, generated from the models (for editors and other tools)."""

from __future__ import annotations

from typing import Any

from nencheck.model.audit import Audit
from nencheck.model.base import Record
from nencheck.model.catalog import Catalog
from nencheck.model.control import Control
from nencheck.model.evidence import Evidence
from nencheck.model.incident import Incident
from nencheck.model.policy import Policy
from nencheck.model.risk import Risk
from nencheck.model.settings import Settings
from nencheck.model.training import CompletionsFile, ModulesFile, PeopleFile

SCHEMA_KINDS: dict[str, type[Record]] = {
    "settings": Settings,
    "control": Control,
    "policy": Policy,
    "evidence": Evidence,
    "audit": Audit,
    "incident": Incident,
    "risk": Risk,
    "modules": ModulesFile,
    "people": PeopleFile,
    "completions": CompletionsFile,
    "catalog": Catalog,
}

# Which files each schema is for: handy for an editor's yaml.schemas setting.
SCHEMA_FILES: dict[str, str] = {
    "settings": "nencheck.yaml",
    "control": "controls/**/*.yaml",
    "policy": "policies/**/*.yaml",
    "evidence": "evidence/records/**/*.yaml",
    "audit": "evidence/audits/**/*.yaml",
    "incident": "evidence/incidents/**/*.yaml",
    "risk": "risks/**/*.yaml",
    "modules": "evidence/training/modules.yaml",
    "people": "evidence/training/people.yaml",
    "completions": "evidence/training/completions/**/*.yaml",
    "catalog": "(a catalog file named by framework:)",
}


def schema_for(kind: str) -> dict[str, Any]:
    model = SCHEMA_KINDS[kind]
    schema = model.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"nencheck {kind}"
    return schema


def all_schemas() -> dict[str, dict[str, Any]]:
    return {kind: schema_for(kind) for kind in SCHEMA_KINDS}
