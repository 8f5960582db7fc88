"""Everything read from one compliance repository, with look-ups by id."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar, cast

from nencheck.i18n import current_language
from nencheck.model.audit import Audit, Finding
from nencheck.model.catalog import Catalog, CatalogControl
from nencheck.model.control import Control
from nencheck.model.evidence import Evidence
from nencheck.model.ids import IdMap, fold_id
from nencheck.model.incident import Incident
from nencheck.model.policy import Policy
from nencheck.model.risk import Risk
from nencheck.model.settings import Settings
from nencheck.model.training import CompletionTable, Module, Person

T = TypeVar("T")


@dataclass
class Records:
    settings: Settings
    catalog: Catalog
    controls: list[Control] = field(default_factory=list)
    policies: list[Policy] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    audits: list[Audit] = field(default_factory=list)
    modules: list[Module] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    completions: CompletionTable = field(default_factory=CompletionTable)
    incidents: list[Incident] = field(default_factory=list)
    risks: list[Risk] = field(default_factory=list)
    settings_file: str = "nencheck.yaml"
    # Files that could not be read, and the kinds of record they were to hold: their records
    # are unknown, never missing (SPEC, "One broken file never takes the dashboard down").
    unreadable: tuple[str, ...] = ()
    unreadable_kinds: frozenset[str] = frozenset()
    # What ``derive`` worked out: the training figures (tens of thousands of assignments) and
    # the policies' states, which several rules and views need on one date.
    derived: dict[object, object] = field(default_factory=dict, repr=False, compare=False)

    def derive(self, key: object, compute: Callable[[], T]) -> T:
        """``compute()``, worked out once per key for these records (figures that several rules
        and views need on one date). Records are read-only once loaded, so it stays right."""
        if key not in self.derived:
            self.derived[key] = compute()
        return cast(T, self.derived[key])

    def findings(self) -> Iterator[tuple[Audit, Finding]]:
        for audit in self.audits:
            for finding in audit.findings:
                yield audit, finding

    @cached_property
    def control_by_id(self) -> IdMap[Control]:
        return IdMap((control.id, control) for control in self.controls)

    @cached_property
    def policy_by_id(self) -> IdMap[Policy]:
        return IdMap((policy.id, policy) for policy in self.policies)

    @cached_property
    def evidence_by_id(self) -> IdMap[Evidence]:
        return IdMap((item.id, item) for item in self.evidence)

    @cached_property
    def risk_by_id(self) -> IdMap[Risk]:
        return IdMap((risk.id, risk) for risk in self.risks)

    @cached_property
    def _risks_by_control(self) -> dict[str, list[str]]:
        links: dict[str, list[str]] = {}
        for risk in self.risks:
            for control_id in dict.fromkeys(risk.controls):
                links.setdefault(control_id, []).append(risk.id)
        return links

    def risks_for_control(self, control_id: str) -> list[str]:
        """The ids of the risks that name the control as (part of) their treatment."""
        return self._risks_by_control.get(control_id, [])

    @cached_property
    def person_by_id(self) -> IdMap[Person]:
        return IdMap((person.id, person) for person in self.people)

    @cached_property
    def module_by_id(self) -> IdMap[Module]:
        return IdMap((module.id, module) for module in self.modules)

    def catalog_entry(self, control_id: str) -> CatalogControl | None:
        return self.catalog.control(control_id)

    def control_title(self, control_id: str) -> str:
        """The catalog's title in the current language (its ``title_nl`` in Dutch), else the
        control file's own title (an own control, not in the catalog)."""
        entry = self.catalog.control(control_id)
        if entry is not None:
            return entry.title_in(current_language())
        control = self.control_by_id.get(control_id)
        return (control.title if control and control.title else "") or ""

    @cached_property
    def _policies_by_control(self) -> dict[str, list[str]]:
        links: dict[str, dict[str, None]] = {}
        for control in self.controls:
            links.setdefault(control.id, {}).update(dict.fromkeys(control.policies))
        for policy in self.policies:
            for control_id in policy.controls:
                links.setdefault(control_id, {})[policy.id] = None
        return {control_id: list(ids) for control_id, ids in links.items()}

    @cached_property
    def _evidence_by_control(self) -> dict[str, list[str]]:
        links: dict[str, dict[str, None]] = {}
        for control in self.controls:
            links.setdefault(control.id, {}).update(dict.fromkeys(control.evidence))
        for item in self.evidence:
            for control_id in item.controls:
                links.setdefault(control_id, {})[item.id] = None
        return {control_id: list(ids) for control_id, ids in links.items()}

    def policies_for_control(self, control_id: str) -> list[str]:
        """Policies linked to a control from either side (the control's ``policies`` or the
        policy's ``controls``), in a stable order."""
        return self._policies_by_control.get(control_id, [])

    def evidence_for_control(self, control_id: str) -> list[str]:
        """Evidence linked to a control from either side."""
        return self._evidence_by_control.get(control_id, [])


def find_by_id(items: Iterable[T], wanted: str, id_of: Callable[[T], str]) -> T | None:
    """The item whose id is ``wanted``; else the one whose id is the same id as folded by
    ``fold_id`` (case and look-alike characters: ``prot-hap-014`` for PROT-HAP-014), as the
    duplicate and reference checks fold them. None when there is neither."""
    folded = None
    wanted_folded = fold_id(wanted)
    for item in items:
        item_id = id_of(item)
        if item_id == wanted:
            return item
        if folded is None and fold_id(item_id) == wanted_folded:
            folded = item
    return folded
