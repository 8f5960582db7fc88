"""``status --format json`` of the example organisation, byte for byte as it was before the
figures became typed (issue 13): the golden files were written by main's code at the time
(``nencheck status --format json --as-of 2026-11-23 [--unit HAP]``), indented by
``json.dumps(indent=2)`` as status printed then. The document (keys, their order, values) is
compared in that same layout, so the test is about the figures, not about how JSON is laid
out on the page. After a deliberate change to the example or the figures, write them anew and
review the diff."""

from __future__ import annotations

import json
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
    document = json.loads(outcome.stdout)
    laid_out = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    assert laid_out == (GOLDEN / golden).read_text(encoding="utf-8")
