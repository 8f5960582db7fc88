"""Keeping the risk register: record a new assessment of a risk, record the acceptance of its
remaining risk. Each returns one ``Edit`` (the risk's file edited in place, its comments and
layout kept) with the commit message; ``store.writer.apply_changes`` writes and commits it."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from nencheck.checks.risks import level_label
from nencheck.errors import NencheckError
from nencheck.i18n import _
from nencheck.model.records import Records, find_by_id
from nencheck.model.risk import Risk
from nencheck.model.settings import RiskCriteria
from nencheck.render.labels import treatment_label
from nencheck.store.write.record_edits import Edit, ensure_valid, fresh, set_field
from nencheck.store.write.writer import Change, dump_edited, load_for_edit, scalar


def find_risk(records: Records, risk_id: str) -> Risk:
    found = find_by_id(records.risks, risk_id, lambda risk: risk.id)
    if found is None:
        raise NencheckError(
            _("there is no risk '{id}'; 'nencheck risk list' shows the risks").format(id=risk_id)
        )
    return found


def check_score(criteria: RiskCriteria, likelihood: int, impact: int, option: str) -> None:
    """A score on the scales of nencheck.yaml, or a NencheckError naming the option."""
    top_l, top_i = len(criteria.likelihood), len(criteria.impact)
    if not (1 <= likelihood <= top_l and 1 <= impact <= top_i):
        raise NencheckError(
            _(
                "{option}: likelihood must lie from 1 to {top_l} and impact from 1 to {top_i} "
                "(the scales of nencheck.yaml)"
            ).format(option=option, top_l=top_l, top_i=top_i)
        )


def assess_risk(
    root: Path,
    records: Records,
    risk_id: str,
    *,
    likelihood: int,
    impact: int,
    target: tuple[int, int] | None,
    day: date,
) -> Edit:
    risk = find_risk(records, risk_id)
    criteria = records.settings.risk
    check_score(criteria, likelihood, impact, "--likelihood/--impact")
    if target is not None:
        check_score(criteria, *target, "--target")
    if day < risk.assessed:
        raise NencheckError(
            _(
                "--date {day} lies before the last assessment of {id} ({assessed}); a new "
                "assessment cannot be older than the one it replaces"
            ).format(day=day, id=risk.id, assessed=risk.assessed)
        )
    path = risk.origin.file
    document = load_for_edit(root, path)
    _set_score(document, "current", likelihood, impact)
    if target is not None:
        _set_score(document, "target", *target, after=("current",))
    set_field(document, "assessed", day, after=("actions", "accepted"))
    content = dump_edited(document)
    ensure_valid(path, content, "risk")
    message = _assessment_message(risk, criteria, likelihood, impact, target, day)
    return Edit(risk.id, [Change(path, content)], message + "\n")


def accept_risk(root: Path, records: Records, risk_id: str, *, by: str, day: date) -> Edit:
    risk = find_risk(records, risk_id)
    if not by.strip():
        raise NencheckError(_("--by: name who accepts the risk (a role or a name)"))
    if day < risk.assessed:
        raise NencheckError(
            _(
                "--date {day} lies before the assessment of {id} ({assessed}); accept the risk "
                "as it was assessed, on or after that date"
            ).format(day=day, id=risk.id, assessed=risk.assessed)
        )
    path = risk.origin.file
    document = load_for_edit(root, path)
    set_field(document, "accepted_by", by.strip(), after=("treatment", "controls", "actions"))
    set_field(document, "accepted", day, after=("accepted_by",))
    content = dump_edited(document)
    ensure_valid(path, content, "risk")
    criteria = records.settings.risk
    level = criteria.level(risk.current.value)
    message = _(
        "Accept risk {id}: {title}\n\nAccepted by {by} on {day}; level {level} (score {score}), "
        "appetite {appetite}, treatment {treatment}."
    ).format(
        id=risk.id,
        title=risk.title,
        by=by.strip(),
        day=day.isoformat(),
        level=level_label(level),
        score=risk.current.value,
        appetite=level_label(criteria.appetite),
        treatment=treatment_label(risk.treatment.value),
    )
    return Edit(risk.id, [Change(path, content)], message + "\n")


def _assessment_message(
    risk: Risk,
    criteria: RiskCriteria,
    likelihood: int,
    impact: int,
    target: tuple[int, int] | None,
    day: date,
) -> str:
    """What changed and why, for the commit: the new score and level, and the one before."""
    was, now = risk.current.value, likelihood * impact
    message = _(
        "Assess risk {id}: likelihood {likelihood}, impact {impact} ({level}, score {score})\n\n"
        "Assessed on {day}; before: likelihood {old_l}, impact {old_i} ({old_level}, score "
        "{old_score}), assessed {old_day}."
    ).format(
        id=risk.id,
        likelihood=likelihood,
        impact=impact,
        level=level_label(criteria.level(now)),
        score=now,
        day=day.isoformat(),
        old_l=risk.current.likelihood,
        old_i=risk.current.impact,
        old_level=level_label(criteria.level(was)),
        old_score=was,
        old_day=risk.assessed.isoformat(),
    )
    if target is not None:
        message += "\n" + _("Target: likelihood {likelihood}, impact {impact}.").format(
            likelihood=target[0], impact=target[1]
        )
    return message


def _set_score(
    document: Any, key: str, likelihood: int, impact: int, after: tuple[str, ...] = ()
) -> None:
    """``current: {likelihood: L, impact: I}`` changed in place (its flow style kept), or added."""
    existing = document.get(key)
    if hasattr(existing, "keys"):
        existing["likelihood"] = scalar(likelihood)
        existing["impact"] = scalar(impact)
        return
    from ruamel.yaml.comments import CommentedMap

    mapping = CommentedMap()
    mapping["likelihood"] = likelihood
    mapping["impact"] = impact
    mapping.fa.set_flow_style()
    set_field(document, key, fresh(mapping), after=after)
