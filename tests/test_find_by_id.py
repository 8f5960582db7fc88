"""Finding a record by an id typed by hand."""

from nencheck.model.records import find_by_id


def test_an_exact_id_wins_over_one_that_differs_only_in_case() -> None:
    ids = ["inc-1", "INC-1", "INC-2"]
    assert find_by_id(ids, "INC-1", str) == "INC-1"
    assert find_by_id(ids, "inc-1", str) == "inc-1"


def test_an_id_in_another_case_is_found_and_a_missing_one_is_none() -> None:
    pairs = [("AUD-1", "F-2026-INT-01"), ("AUD-2", "F-2026-EXT-01")]
    assert find_by_id(pairs, "f-2026-ext-01", lambda pair: pair[1]) == pairs[1]
    assert find_by_id(pairs, "F-2026-EXT-02", lambda pair: pair[1]) is None
