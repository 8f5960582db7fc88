"""Where a new policy or risk record's file goes in the repository (``policy new``, the imports)."""

from __future__ import annotations

import re

from nencheck.model.policy import Policy
from nencheck.model.risk import Risk

IMPORT_FOLDER = "policies/imported"
ALL_UNITS_FOLDER = "algemeen"


def policy_path(policy: Policy, unit_folders: bool) -> str:
    """policies/<unit>/<id>.yaml (one unit), policies/algemeen/... (all or several units), or
    policies/imported/<id>.yaml without unit folders."""
    if not unit_folders:
        folder = IMPORT_FOLDER
    elif len(policy.units) == 1 and policy.units[0] != "all":
        folder = f"policies/{slug(policy.units[0])}"
    else:
        folder = f"policies/{ALL_UNITS_FOLDER}"
    return f"{folder}/{slug(policy.id)}.yaml"


def risk_path(risk: Risk) -> str:
    """risks/<unit>/<id>.yaml as in the example; risks/algemeen/ for all or several units."""
    if len(risk.units) == 1 and risk.units[0] != "all":
        folder = slug(risk.units[0])
    else:
        folder = ALL_UNITS_FOLDER
    return f"risks/{folder}/{slug(risk.id)}.yaml"


def slug(text: str) -> str:
    """A file name from an id: PROT-HAP-014 -> prot-hap-014, "WI 3/2" -> wi-3-2."""
    cleaned = re.sub(r"[^a-z0-9._-]+", "-", text.casefold()).strip("-.")
    return cleaned or "policy"
