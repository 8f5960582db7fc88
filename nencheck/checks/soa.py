"""The Statement of Applicability: one row per catalog control (then the organisation's own
controls), with what the control files and the links from either side say about it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from nencheck.checks.controls import OTHER_THEME
from nencheck.checks.risks import is_unjustified
from nencheck.model.records import Records

MISSING = "missing"  # a catalog control without a control file: not addressed (control-missing)
OWN_THEME = OTHER_THEME  # the theme of a control that is not in the catalog (as in status)


@dataclass(frozen=True)
class SoaRow:
    id: str
    title: str
    theme: str
    applicable: bool | None  # None: not addressed (no control file)
    justification: str
    status: str  # a ControlStatus value, or MISSING
    owner: str
    units: list[str] = field(default_factory=list)
    policies: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    risks: list[str] = field(default_factory=list)  # the risks whose treatment names it
    unjustified: bool = False  # applicable, named by no risk, no justification (6.1.3 d)
    iso27002_2013: list[str] | None = None  # only when mapping from 2013 was asked for
    in_catalog: bool = True
    file: str = ""

    @property
    def addressed(self) -> bool:
        return self.status != MISSING

    def to_json(self) -> dict[str, object]:
        """SPEC's stable keys first; owner, units and the 2013 ids are extras."""
        document: dict[str, object] = {
            "id": self.id,
            "title": self.title,
            "theme": self.theme,
            "applicable": self.applicable,
            "justification": self.justification or None,
            "status": self.status,
            "policies": self.policies,
            "evidence": self.evidence,
            "risks": self.risks,
            "unjustified": self.unjustified,
            "owner": self.owner or None,
            "units": self.units,
            "in_catalog": self.in_catalog,
        }
        if self.iso27002_2013 is not None:
            document["iso27002_2013"] = self.iso27002_2013
        return document


def soa_rows(
    records: Records, mapping_from_2013: Mapping[str, list[str]] | None = None
) -> list[SoaRow]:
    """Every catalog control in catalog order, then own controls in file order.

    ``mapping_from_2013`` is the 2022 id -> replaced 2013 ids mapping (the store provides it);
    when given, each row carries the ISO 27002:2013 / NEN 7510:2017 ids its control replaces,
    from the mapping and from the catalog entry's own ``iso27002_2013``.
    """
    rows = [
        _catalog_row(records, entry.id, mapping_from_2013) for entry in records.catalog.controls
    ]
    catalog_ids = set(records.catalog.ids())
    rows.extend(
        _row(
            records, control.id, control.title or "", OWN_THEME, mapping_from_2013, in_catalog=False
        )
        for control in records.controls
        if control.id not in catalog_ids
    )
    return rows


def _catalog_row(
    records: Records, control_id: str, mapping: Mapping[str, list[str]] | None
) -> SoaRow:
    entry = records.catalog.control(control_id)
    assert entry is not None
    return _row(
        records,
        control_id,
        records.control_title(control_id),
        entry.theme,
        mapping,
        in_catalog=True,
    )


def _row(
    records: Records,
    control_id: str,
    title: str,
    theme: str,
    mapping: Mapping[str, list[str]] | None,
    *,
    in_catalog: bool,
) -> SoaRow:
    control = records.control_by_id.get(control_id)
    return SoaRow(
        id=control_id,
        title=title,
        theme=theme,
        applicable=None if control is None else control.applicable,
        justification=(control.justification or "") if control else "",
        status=str(control.status) if control else MISSING,
        owner=(control.owner or "") if control else "",
        units=list(control.units) if control else [],
        policies=list(records.policies_for_control(control_id)),
        evidence=list(records.evidence_for_control(control_id)),
        risks=list(records.risks_for_control(control_id)),
        unjustified=control is not None and is_unjustified(records, control),
        iso27002_2013=None if mapping is None else _replaced_ids(records, control_id, mapping),
        in_catalog=in_catalog,
        file=control.origin.file if control else "",
    )


def _replaced_ids(records: Records, control_id: str, mapping: Mapping[str, list[str]]) -> list[str]:
    ids = dict.fromkeys(mapping.get(control_id, []))
    entry = records.catalog.control(control_id)
    if entry is not None:
        ids.update(dict.fromkeys(entry.iso27002_2013))
    return sorted(ids, key=_numeric_key)


def _numeric_key(control_id: str) -> tuple[tuple[int, int | str], ...]:
    """Sort 9.4.1 before 9.4.10 and 5.2 before 5.10."""
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in control_id.split("."))


def theme_order(records: Records) -> list[str]:
    """The catalog's themes in order, then the own-controls theme when there are own controls."""
    themes = [theme.id for theme in records.catalog.themes]
    for entry in records.catalog.controls:
        if entry.theme not in themes:
            themes.append(entry.theme)
    if any(control.id not in set(records.catalog.ids()) for control in records.controls):
        themes.append(OWN_THEME)
    return themes
