"""The note over a document whose figures leave out unreadable files (render/unreadable.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from nencheck.i18n import set_language
from nencheck.render.unreadable import MAX_LISTED, unreadable_note


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    set_language("en")
    yield
    set_language("en")


def paths(count: int) -> list[str]:
    return [f"policies/p-{number:02}.yaml" for number in range(1, count + 1)]


@pytest.mark.parametrize("unreadable", [None, (), []])
def test_no_note_when_every_file_was_read(unreadable: list[str] | None) -> None:
    assert unreadable_note(unreadable) is None


def test_one_file_is_counted_in_the_singular() -> None:
    note = unreadable_note(["policies/x.yaml"])
    assert note is not None
    assert note.plain() == (
        "These figures leave out 1 unreadable file: policies/x.yaml. "
        "`nencheck check` shows what is wrong."
    )


def test_the_list_stops_at_ten_and_counts_the_rest() -> None:
    note = unreadable_note(paths(MAX_LISTED + 3))
    assert note is not None
    assert note.files == tuple(paths(MAX_LISTED))
    assert "policies/p-11.yaml" not in note.plain()
    assert note.plain().startswith("These figures leave out 13 unreadable files:")
    assert "policies/p-10.yaml and 3 other files." in note.plain()


def test_exactly_ten_files_are_all_listed() -> None:
    note = unreadable_note(paths(MAX_LISTED))
    assert note is not None and note.others == ""
    assert note.plain().count(".yaml") == MAX_LISTED


def test_the_soa_is_a_statement_not_figures() -> None:
    note = unreadable_note(["a.yaml", "b.yaml"], "soa")
    assert note is not None
    assert note.lead == "This statement leaves out 2 unreadable files:"


def test_dutch_keeps_the_command_and_the_paths_as_they_are() -> None:
    set_language("nl")
    note = unreadable_note(paths(MAX_LISTED + 1))
    assert note is not None
    assert note.markdown() == (
        "> **Deze cijfers laten 11 onleesbare bestanden buiten beschouwing:** "
        + ", ".join(f"`{path}`" for path in paths(MAX_LISTED))
        + " en nog 1 ander bestand. `nencheck check` toont wat er mis is."
    )
