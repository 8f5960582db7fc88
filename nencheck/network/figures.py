"""The network's figures: totals (the members' status documents added up) and the mirror
statistics (*spiegelinformatie*): per indicator the median and quartiles over the members.

Quartiles are computed as Python's ``statistics.quantiles(values, n=4, method="inclusive")``
(also Excel's QUARTILE.INC and numpy's default "linear"): sort the n values; the q-quantile lies
at position (n - 1) * q, interpolated linearly between the two values around it. One member's
value is its own median and quartiles; an indicator no member has (e.g. no active policies
anywhere) has none.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

Indicator = Callable[[dict[str, Any]], float | None]


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


# SPEC "Network": the mirror indicators, each from a member's status document.
INDICATORS: dict[str, Indicator] = {
    "policies_overdue_share": lambda s: _share(s["policies"]["overdue"], s["policies"]["active"]),
    "training_rate": lambda s: s["training"]["rate"],
    "findings_open": lambda s: s["findings"]["open"],
    "findings_overdue": lambda s: s["findings"]["overdue"],
    "controls_implemented_share": lambda s: _share(
        s["controls"]["by_status"].get("implemented", 0), s["controls"]["applicable"]
    ),
    "late_notifications": lambda s: (
        s["incidents"]["breach_notification_late"] + s["incidents"]["calamity_report_late"]
    ),
}
SHARES = frozenset({"policies_overdue_share", "training_rate", "controls_implemented_share"})
# Lower is better for these; for the others higher is better.
LOWER_IS_BETTER = frozenset(
    {"policies_overdue_share", "findings_open", "findings_overdue", "late_notifications"}
)


def indicators(status: dict[str, Any]) -> dict[str, float | None]:
    return {name: compute(status) for name, compute in INDICATORS.items()}


def quantile(ordered: Sequence[float], q: float) -> float:
    """The inclusive (linear) q-quantile of sorted values (see the module docstring)."""
    position = (len(ordered) - 1) * q
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def spread(values: Sequence[float | None]) -> dict[str, Any]:
    """{"median", "q1", "q3", "count"} over the values that exist (None: no such value)."""
    present = sorted(v for v in values if v is not None)
    if not present:
        return {"median": None, "q1": None, "q3": None, "count": 0}
    return {
        "median": quantile(present, 0.5),
        "q1": quantile(present, 0.25),
        "q3": quantile(present, 0.75),
        "count": len(present),
    }


def mirror(statuses: Sequence[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Per indicator the spread over the members' status documents (the readable ones)."""
    rows = [indicators(status) for status in statuses]
    return {name: spread([row[name] for row in rows]) for name in INDICATORS}


def totals(statuses: Sequence[dict[str, Any]], as_of: str, network: str) -> dict[str, Any]:
    """The members' status documents added up, in the status document's shape: counts summed,
    rates recomputed from the summed counts, a text kept only when every member has the same,
    lists joined."""
    merged: dict[str, Any] = {}
    for status in statuses:
        merged = _merge(merged, status) if merged else _copy(status)
    merged.update({"as_of": as_of, "organisation": network, "unit": None})
    return merged


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return list(value)
    return value


def _merge(left: dict[str, Any], right: dict[str, Any]) -> dict[str, Any]:
    result = dict(left)
    for key, value in right.items():
        if key not in result:
            result[key] = _copy(value)
            continue
        mine = result[key]
        if isinstance(mine, dict) and isinstance(value, dict):
            result[key] = _merge(mine, value)
        elif (isinstance(mine, list) and isinstance(value, list)) or (
            _is_count(mine) and _is_count(value)
        ):
            result[key] = mine + value
        elif isinstance(mine, bool) and isinstance(value, bool):
            result[key] = mine or value
        elif mine != value:
            result[key] = None  # differs per member (a target, a label): no network value
    if "rate" in result and "required" in result and "compliant" in result:
        result["rate"] = _share(result["compliant"], result["required"])
    return result


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
