"""Mirror statistics and totals without I/O: the quartile method against Python's own
``statistics.quantiles(method="inclusive")`` and hand-computed cases."""

from __future__ import annotations

import statistics

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nencheck.network.figures import mirror, quantile, spread, totals


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([5], (5, 5, 5)),
        ([1, 3], (1.5, 2, 2.5)),
        ([1, 2, 3, 4], (1.75, 2.5, 3.25)),
        ([7, 1, 3, 9, 5], (3, 5, 7)),  # unsorted input; odd count: the middle values
        ([0.0, 0.5, 0.5, 1.0], (0.375, 0.5, 0.625)),
    ],
)
def test_spread_by_hand(values: list[float], expected: tuple[float, float, float]) -> None:
    figures = spread(values)
    assert (figures["q1"], figures["median"], figures["q3"]) == pytest.approx(expected)
    assert figures["count"] == len(values)


def test_missing_values_are_left_out_and_none_has_no_spread() -> None:
    assert spread([None, 4, None, 2])["median"] == 3
    assert spread([None, None]) == {"median": None, "q1": None, "q3": None, "count": 0}


@given(st.lists(st.floats(min_value=0, max_value=1000, allow_nan=False), min_size=2, max_size=60))
def test_quartiles_equal_statistics_quantiles_inclusive(values: list[float]) -> None:
    q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
    ordered = sorted(values)
    assert quantile(ordered, 0.25) == pytest.approx(q1, abs=1e-9)
    assert quantile(ordered, 0.5) == pytest.approx(median, abs=1e-9)
    assert quantile(ordered, 0.75) == pytest.approx(q3, abs=1e-9)
    assert quantile(ordered, 0.5) == pytest.approx(statistics.median(values), abs=1e-9)


def status(overdue: int, active: int, required: int, compliant: int, target: float) -> dict:
    return {
        "as_of": "2026-11-23",
        "organisation": "x",
        "unit": None,
        "policies": {"overdue": overdue, "active": active},
        "training": {
            "required": required,
            "compliant": compliant,
            "rate": compliant / required if required else None,
            "target": target,
            "by_unit": {"HAP": {"required": required, "compliant": compliant, "rate": None}},
        },
        "findings": {"open": overdue, "overdue": 0},
        "controls": {"applicable": 10, "by_status": {"implemented": active % 10}},
        "incidents": {
            "breach_notification_late": 1,
            "calamity_report_late": 0,
            "deadlines": [{"id": "I1"}],
        },
    }


def test_totals_sum_counts_recompute_rates_and_drop_differing_values() -> None:
    merged = totals([status(1, 10, 4, 3, 0.9), status(3, 30, 6, 3, 0.8)], "2026-11-23", "Net")
    assert merged["policies"] == {"overdue": 4, "active": 40}
    assert merged["training"]["rate"] == pytest.approx(6 / 10)
    assert merged["training"]["by_unit"]["HAP"]["rate"] == pytest.approx(6 / 10)
    assert merged["training"]["target"] is None  # the members' targets differ
    assert merged["incidents"]["deadlines"] == [{"id": "I1"}, {"id": "I1"}]
    assert merged["organisation"] == "Net"


def test_mirror_has_every_indicator() -> None:
    figures = mirror([status(1, 10, 4, 3, 0.9), status(3, 30, 6, 3, 0.8)])
    assert figures["policies_overdue_share"]["median"] == pytest.approx(0.1)
    assert figures["training_rate"]["q1"] == pytest.approx(0.5 + (0.75 - 0.5) * 0.25)
    assert figures["late_notifications"] == {"median": 1, "q1": 1, "q3": 1, "count": 2}
