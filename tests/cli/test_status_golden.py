"""``status --format json`` of the example organisation, byte for byte as it was before the
figures became typed (issue 13): the golden files were written by main's code at the time
(``nencheck status --format json --as-of 2026-11-23 [--unit HAP]``). After a deliberate change
to the example or the figures, write them anew with that command and review the diff."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import AS_OF, Outcome

GOLDEN = Path(__file__).resolve().parent.parent / "golden"


@pytest.mark.parametrize(
    ("golden", "extra"),
    [
        ("status-example-2026-11-23.json", ()),
        ("status-example-hap-2026-11-23.json", ("--unit", "HAP")),
    ],
)
def test_status_json_of_the_example_is_unchanged_byte_for_byte(
    run: Callable[..., Outcome], example_root: Path, golden: str, extra: tuple[str, ...]
) -> None:
    outcome = run(
        "status", "--format", "json", "--as-of", AS_OF, "--no-cache", *extra, repo=example_root
    )
    assert outcome.exit_code == 0, outcome.output
    assert outcome.stdout == (GOLDEN / golden).read_text(encoding="utf-8")
