"""Evaluating members in worker processes: every member reported once to the progress callback,
outcomes in network.yaml's order whatever order the workers finish in."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from nencheck.network.evaluate import Job, MemberOutcome, evaluate_members
from tests.conftest import copy_example


def test_outcomes_in_order_and_each_member_reported_once(tmp_path: Path) -> None:
    copy_example(tmp_path / "a")
    (tmp_path / "b").mkdir()
    jobs = [
        Job(id=f"P{n}", name=f"M{n}", repo=repo, rev=None, base=tmp_path, as_of=date(2026, 11, 23))
        for n, repo in enumerate(["a", "b", "a", "missing"])
    ]
    seen: list[str] = []

    def done(outcome: MemberOutcome) -> None:
        seen.append(outcome.id)

    outcomes = evaluate_members(jobs, workers=2, on_done=done)
    assert [o.id for o in outcomes] == ["P0", "P1", "P2", "P3"]
    assert sorted(seen) == ["P0", "P1", "P2", "P3"]
    assert [o.ok for o in outcomes] == [True, False, True, False]
    assert outcomes[0].status == outcomes[2].status
    assert outcomes[1].error is not None and "nencheck.yaml" in outcomes[1].error
