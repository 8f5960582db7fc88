"""``status``, ``due`` and ``check`` agree on the example organisation at the project root."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import AS_OF, PROJECT_ROOT

pytestmark = pytest.mark.skipif(
    not (PROJECT_ROOT / "nencheck.yaml").is_file(), reason="the example organisation is not there"
)


def test_status_due_and_check_agree_on_the_example_organisation(run) -> None:
    root: Path = PROJECT_ROOT
    check = run("check", "--as-of", AS_OF, "--format", "json", repo=root)
    assert check.exit_code in (0, 1), check.output
    status = run("status", "--as-of", AS_OF, "--format", "json", repo=root).json()
    due = run("due", "--as-of", AS_OF, "--format", "json", repo=root).json()

    rules = Counter(problem["rule"] for problem in check.json()["problems"])
    states = Counter((item["kind"], item["state"]) for item in due["items"])
    training_pairs = sum(
        len(p["modules"]) for p in check.json()["problems"] if p["rule"] == "training-overdue"
    )

    assert status["policies"]["overdue"] == rules["policy-overdue"] == states["policy", "overdue"]
    assert (
        status["policies"]["due_soon"] == rules["policy-due-soon"] == states["policy", "due_soon"]
    )
    assert status["findings"]["overdue"] == rules["finding-overdue"] == states["finding", "overdue"]
    assert (
        status["evidence"]["expired"] == rules["evidence-expired"] == states["evidence", "overdue"]
    )
    training = status["training"]
    assert training["required"] - training["compliant"] == training_pairs
    assert training_pairs == states["training", "overdue"]
    assert status["incidents"]["breach_notification_late"] == rules["breach-notification-late"]
    assert status["incidents"]["calamity_report_late"] == rules["calamity-report-late"]
    assert status["controls"]["missing"] == rules["control-missing"]
    assert status["controls"]["gap"] == rules["control-gap"]
    assert status["controls"]["unsupported"] == rules["control-unsupported"]
    below = [unit for unit, f in training["by_unit"].items() if f["below_target"]]
    assert len(below) == rules["training-below-target"]
