"""Cross-record integrity: duplicate ids and references to things that do not exist.

Pure: takes the records (and a predicate for paths leaving the repository), returns errors.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from nencheck.errors import DataError
from nencheck.i18n import _
from nencheck.model.base import Origin, Record
from nencheck.model.ids import fold_id
from nencheck.model.records import Records
from nencheck.model.types import URL_PREFIXES


def check_integrity(records: Records, points_outside: Callable[[str], bool]) -> list[DataError]:
    """Duplicate ids (folded by ``fold_id``: case and look-alikes do not count), references to
    ids that do not exist, paths that leave the repository.

    A record in a file that could not be read is unknown, not missing (SPEC, "One broken file
    never takes the dashboard down"): references to a kind of record of which some file could
    not be read (``records.unreadable_kinds``) are not checked, since the id may well be in the
    broken file. The broken file is reported itself, and the command exits 2."""
    errors: list[DataError] = []
    errors += _duplicates(_("control"), records.controls)
    errors += _duplicates(_("policy"), records.policies)
    errors += _duplicates(_("evidence item"), records.evidence)
    errors += _duplicates(_("audit"), records.audits)
    errors += _duplicates(_("finding"), [finding for _audit, finding in records.findings()])
    errors += _duplicates(_("incident"), records.incidents)
    errors += _duplicates(_("module"), records.modules)
    errors += _duplicates(_("person"), records.people)
    errors += _duplicates(_("unit"), records.settings.units)
    errors += _duplicates(_("risk"), records.risks)
    # Action ids are unique across the register: `due`, `notify` and the calendar name them.
    errors += _duplicates(_("risk action"), [a for risk in records.risks for a in risk.actions])
    errors += _references(records)
    errors += _risk_scores(records)
    errors += _paths(records, points_outside)
    return errors


def _duplicates(kind: str, items: Sequence[Record]) -> list[DataError]:
    first_seen: dict[str, Record] = {}
    errors = []
    for item in items:
        item_id = getattr(item, "id")  # noqa: B009 - every record kind here has an id
        folded = fold_id(item_id)
        if folded in first_seen:
            first = first_seen[folded].origin
            first_id = getattr(first_seen[folded], "id")  # noqa: B009
            line, column = item.origin.at("id")
            errors.append(
                DataError(
                    item.origin.file,
                    line,
                    column,
                    "duplicate-id",
                    _duplicate_message(kind, item_id, first_id, first),
                )
            )
        else:
            first_seen[folded] = item
    return errors


def _duplicate_message(kind: str, item_id: str, first_id: str, first: Origin) -> str:
    where = f"{first.file}:{first.at('id')[0]}"
    if item_id == first_id:
        return _(
            "duplicate {kind} id '{id}': also used in {file}:{line}; give one of them another id"
        ).format(kind=kind, id=item_id, file=first.file, line=first.at("id")[0])
    return _(
        "duplicate {kind} id '{id}': the same id as '{other}' in {where} (ids that differ only "
        "in letter case or look-alike characters are one id); give one of them another id"
    ).format(kind=kind, id=item_id, other=first_id, where=where)


class _Known:
    """Ids a reference may name, compared exactly first and then folded (``fold_id``; the
    folded set is made on the first miss); every reference counts as known when some file of
    the kind could not be read."""

    def __init__(self, ids: Iterable[str], unknowable: bool = False) -> None:
        self.exact = set(ids)
        self._folded: set[str] | None = None
        self.unknowable = unknowable

    def __contains__(self, value: object) -> bool:
        if self.unknowable or value in self.exact:
            return True
        if not isinstance(value, str):
            return False
        if self._folded is None:
            self._folded = {fold_id(identifier) for identifier in self.exact}
        return fold_id(value) in self._folded


def _references(records: Records) -> list[DataError]:
    broken = records.unreadable_kinds
    control_ids = _Known(
        set(records.catalog.ids()) | {control.id for control in records.controls},
        "control" in broken,
    )
    policy_ids = _Known(records.policy_by_id, "policy" in broken)
    evidence_ids = _Known(records.evidence_by_id, "evidence" in broken)
    unit_ids = _Known(records.settings.unit_ids() | {"all"})
    person_units = _Known(records.settings.unit_ids())
    people_ids = _Known(records.person_by_id, "person" in broken)
    module_ids = _Known(records.module_by_id, "module" in broken)
    roles = {person.role for person in records.people if person.role}
    unit_or_role = _Known(unit_ids.exact | roles, "person" in broken)

    errors: list[DataError] = []

    def refs(
        record: Record, field: str, values: Iterable[str], known: _Known, what: str, hint: str
    ) -> None:
        for value in values:
            if value not in known.exact and value not in known:  # exact first: no call
                line, column = record.origin.at(field)
                errors.append(
                    DataError(
                        record.origin.file,
                        line,
                        column,
                        "unknown-reference",
                        _("{field}: there is no {what} '{value}'; {hint}").format(
                            field=field, what=what, value=value, hint=hint
                        ),
                    )
                )

    a_policy, a_control, a_unit, an_evidence_item = (
        _("policy"),
        _("control"),
        _("unit"),
        _("evidence item"),
    )
    control_hint = _("use a control id of the catalog or of a control file")
    policy_hint = _("check the id, or add the policy under policies/")
    evidence_hint = _("check the id, or add the evidence under evidence/records/")
    unit_hint = _("use 'all' or a unit id from nencheck.yaml ({units})").format(
        units=", ".join(sorted(records.settings.unit_ids()))
    )

    catalog_ids = set(records.catalog.ids())
    for control in records.controls:
        if control.id not in catalog_ids and not control.title:
            line, column = control.origin.at("id")
            errors.append(
                DataError(
                    control.origin.file,
                    line,
                    column,
                    "unknown-reference",
                    _(
                        "control '{id}' is not in the catalog {catalog}; fix the id, or give an own "
                        "control a title"
                    ).format(id=control.id, catalog=records.catalog.catalog),
                )
            )
        refs(control, "policies", control.policies, policy_ids, a_policy, policy_hint)
        refs(control, "evidence", control.evidence, evidence_ids, an_evidence_item, evidence_hint)
        refs(control, "units", control.units, unit_ids, a_unit, unit_hint)
    for policy in records.policies:
        refs(policy, "controls", policy.controls, control_ids, a_control, control_hint)
        refs(policy, "units", policy.units, unit_ids, a_unit, unit_hint)
        if policy.supersedes:
            refs(policy, "supersedes", [policy.supersedes], policy_ids, a_policy, policy_hint)
    for item in records.evidence:
        refs(item, "controls", item.controls, control_ids, a_control, control_hint)
        refs(item, "units", item.units, unit_ids, a_unit, unit_hint)
    for audit in records.audits:
        refs(audit, "units", audit.units, unit_ids, a_unit, unit_hint)
        for finding in audit.findings:
            refs(finding, "controls", finding.controls, control_ids, a_control, control_hint)
            refs(
                finding,
                "evidence",
                finding.evidence,
                evidence_ids,
                an_evidence_item,
                evidence_hint,
            )
    for incident in records.incidents:
        refs(incident, "controls", incident.controls, control_ids, a_control, control_hint)
        refs(incident, "units", incident.units, unit_ids, a_unit, unit_hint)
    for risk in records.risks:
        refs(risk, "controls", risk.controls, control_ids, a_control, control_hint)
        refs(risk, "units", risk.units, unit_ids, a_unit, unit_hint)
    for person in records.people:
        refs(person, "unit", [person.unit], person_units, a_unit, unit_hint)
    for module in records.modules:
        refs(
            module,
            "required_for",
            module.required_for,
            unit_or_role,
            _("unit or role"),
            _("use 'all', a unit id, or a role that people.yaml uses"),
        )
    # Tens of thousands of rows: test membership on the columns, build a record (with its
    # origin) and a message only for a miss.
    table = records.completions
    people_exact, modules_exact = people_ids.exact, module_ids.exact
    for row, (person_id, module_id) in enumerate(zip(table.person, table.module, strict=True)):
        if person_id not in people_exact and person_id not in people_ids:
            refs(
                table[row],
                "person",
                [person_id],
                people_ids,
                _("person"),
                _("add the personnel number to evidence/training/people.yaml"),
            )
        if module_id not in modules_exact and module_id not in module_ids:
            refs(
                table[row],
                "module",
                [module_id],
                module_ids,
                _("module"),
                _("add the module to evidence/training/modules.yaml"),
            )
    return errors


def _paths(records: Records, points_outside: Callable[[str], bool]) -> list[DataError]:
    errors = []
    candidates: list[tuple[Record, str, str | None]] = []
    candidates += [(policy, "document", policy.document) for policy in records.policies]
    candidates += [(item, "file", item.file) for item in records.evidence]
    candidates += [(audit, "report", audit.report) for audit in records.audits]
    for record, field, value in candidates:
        if value and not value.startswith(URL_PREFIXES) and points_outside(value):
            line, column = record.origin.at(field)
            errors.append(
                DataError(
                    record.origin.file,
                    line,
                    column,
                    "path-outside-repo",
                    _(
                        "{field}: '{value}' points outside the repository; store the file inside it "
                        "(e.g. with 'nencheck evidence add') and use a relative path"
                    ).format(field=field, value=value),
                )
            )
    return errors


def _risk_scores(records: Records) -> list[DataError]:
    """Scores within the scales of nencheck.yaml's ``risk:`` (the model knows only 1..)."""
    criteria = records.settings.risk
    scales = {"likelihood": len(criteria.likelihood), "impact": len(criteria.impact)}
    errors = []
    for risk in records.risks:
        for field in ("current", "target"):
            score = getattr(risk, field)
            if score is None:
                continue
            for part, top in scales.items():
                value = getattr(score, part)
                if value > top:
                    line, column = risk.origin.at(field)
                    errors.append(
                        DataError(
                            risk.origin.file,
                            line,
                            column,
                            "invalid-value",
                            _(
                                "{field}.{part}: {value} is beyond the scale of nencheck.yaml "
                                "(1 to {top}); use a step of the scale, or lengthen risk.{part} "
                                "in nencheck.yaml"
                            ).format(field=field, part=part, value=value, top=top),
                        )
                    )
    return errors
