"""Records built in memory for the rule tests: no files, no I/O.

Each builder validates through the real pydantic model and gives the record an origin as if it
had been read from a YAML file with one field per line (so problems have real positions)."""

from __future__ import annotations

from typing import Any

from nencheck.model.audit import Audit
from nencheck.model.base import Origin, Record
from nencheck.model.catalog import Catalog
from nencheck.model.control import Control
from nencheck.model.evidence import Evidence
from nencheck.model.incident import Incident
from nencheck.model.policy import Policy
from nencheck.model.records import Records
from nencheck.model.settings import Settings
from nencheck.model.training import Completion, CompletionTable, Module, Person

UNITS = [{"id": "HAP", "name": "Huisartsenspoedpost"}, {"id": "HCZ", "name": "Chronische zorg"}]


def origin(file: str, fields: dict[str, Any], first_line: int = 1) -> Origin:
    """Positions as in a file that lists the fields one per line: ``key: value``."""
    positions = {key: (first_line + n, len(key) + 3) for n, key in enumerate(fields)}
    return Origin.of(file, first_line, 1, positions)


def _build(model: type[Record], file: str, fields: dict[str, Any]) -> Any:
    return model.model_validate(fields).with_origin(origin(file, fields))


def settings(**fields: Any) -> Settings:
    data = {"organisation": "Test", "framework": "test", "units": UNITS, **fields}
    return _build(Settings, "nencheck.yaml", data)


def catalog(*ids: str) -> Catalog:
    controls = [
        {
            "id": i,
            "theme": "organizational" if i.startswith("5") else "technological",
            "title": f"Control {i}",
        }
        for i in ids or ("5.1", "8.13")
    ]
    return Catalog.model_validate(
        {
            "catalog": "test",
            "title": "Test",
            "themes": [
                {"id": "organizational", "en": "Organisational"},
                {"id": "technological", "en": "Technological"},
            ],
            "controls": controls,
        }
    )


def policy(**fields: Any) -> Policy:
    data = {
        "id": "BEL-001",
        "title": "Beleid",
        "type": "policy",
        "status": "active",
        "version": "1.0",
        "owner": "ISO",
        **fields,
    }
    if data["status"] == "active" and "next_review" not in data:
        data.setdefault("last_reviewed", "2025-01-01")
        data.setdefault("review_interval", "1y")
    return _build(Policy, f"policies/{data['id'].lower()}.yaml", data)


def evidence(**fields: Any) -> Evidence:
    data = {"id": "EV-1", "title": "Bewijs", "collected": "2025-01-01", **fields}
    if "valid_until" not in data:
        data.setdefault("valid_for", "1y")
    return _build(Evidence, f"evidence/records/{data['id'].lower()}.yaml", data)


def control(**fields: Any) -> Control:
    data = {"id": "5.1", "applicable": True, "status": "implemented", **fields}
    return _build(Control, f"controls/{data['id']}.yaml", data)


def audit(*findings: dict[str, Any], **fields: Any) -> Audit:
    defaults = {"title": "Bevinding", "severity": "minor", "owner": "ISO", "status": "open"}
    data = {
        "id": "AUD-1",
        "title": "Audit",
        "type": "internal",
        "date": "2026-01-01",
        "findings": [{**defaults, **finding} for finding in findings],
        **fields,
    }
    built = _build(Audit, "evidence/audits/aud-1.yaml", data)
    for n, (finding, raw) in enumerate(zip(built.findings, data["findings"], strict=True)):
        finding.with_origin(origin("evidence/audits/aud-1.yaml", raw, first_line=10 + 10 * n))
    return built


def module(**fields: Any) -> Module:
    data = {
        "id": "AW-01",
        "title": "Phishing",
        "valid_for": "1y",
        "required_for": ["all"],
        **fields,
    }
    return _build(Module, "evidence/training/modules.yaml", data)


def person(person_id: str, unit: str = "HAP", **fields: Any) -> Person:
    return _build(
        Person, "evidence/training/people.yaml", {"id": person_id, "unit": unit, **fields}
    )


def completion(person_id: str, module_id: str, completed: str) -> Completion:
    data = {"person": person_id, "module": module_id, "completed": completed}
    return _build(Completion, "evidence/training/completions/c.yaml", data)


def incident(**fields: Any) -> Incident:
    data = {
        "id": "INC-1",
        "title": "Incident",
        "kind": "data_breach",
        "status": "open",
        "reported": "2026-11-02T10:15:00+01:00",
        **fields,
    }
    return _build(Incident, f"evidence/incidents/{data['id'].lower()}.yaml", data)


def records(**kinds: Any) -> Records:
    """Records with the given lists (policies=[...], ...); settings and catalog by default."""
    kinds.setdefault("settings", settings())
    kinds.setdefault("catalog", catalog())
    if "completions" in kinds:
        kinds["completions"] = CompletionTable.from_records(kinds["completions"])
    return Records(**kinds)
