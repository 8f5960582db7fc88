"""Fuzzing the records (issue 14, item 8): real files of a small organisation mutated in ways
people and tools break YAML (bytes, indentation, scalars, dates, tags, anchors and aliases,
encodings, a BOM, truncation), then ``check`` run in-process through the real error boundary.

Whatever the file became: exit 0, 1 or 2 only, never a traceback or an internal error, and
every file that could not be read is named in the output (none is skipped in silence). Bounded
and derandomised, so CI is stable; ``NENCHECK_FUZZ_EXAMPLES=20000`` runs a long trial locally.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nencheck.store.read.loader import kind_of_path, load_repository
from nencheck.store.read.source import WorkingTree
from tests.cli.eval_org import FILES, write_eval_org
from tests.conftest import AS_OF, run_cli

EXAMPLES = int(os.environ.get("NENCHECK_FUZZ_EXAMPLES", "200"))
RECORD_FILES = sorted(path for path in FILES if path == "nencheck.yaml" or kind_of_path(path))

SCALARS = [
    "2099-01-01",
    "2026-02-30",
    "0000-00-00",
    "!!python/object/apply:os.system ['true']",
    "!!python/name:os.system",
    "!!binary aGVsbG8=",
    "!custom x",
    "&a [*a, *a]",
    "*nowhere",
    "~",
    "null",
    "no",
    "yes",
    "on",
    "5.10",
    "1e400",
    "0x1F",
    "-1",
    "''",
    '"unterminated',
    "[",
    "{a: 1, a: 2}",
    "- - -",
    "x" * 300,
    "\u2010\u00ad\ufeff",
    "12:30:00",
    "2026-11-23T25:00:00+01:00",
    "90q",
    "|\n  block",
]

BOMB = (
    "a: &a [x, x, x, x, x, x, x, x, x]\n"
    "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
    "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
    "e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
)


@st.composite
def mutated(draw: st.DrawFn, raw: bytes) -> bytes:
    """One or two mutations of a file's bytes."""
    for _ in range(draw(st.integers(1, 2))):
        raw = draw(st.sampled_from(MUTATIONS))(draw, raw)
    return raw


def _flip(draw: st.DrawFn, raw: bytes) -> bytes:
    if not raw:
        return raw
    at = draw(st.integers(0, len(raw) - 1))
    return raw[:at] + bytes([raw[at] ^ draw(st.integers(1, 255))]) + raw[at + 1 :]


def _truncate(draw: st.DrawFn, raw: bytes) -> bytes:
    return raw[: draw(st.integers(0, len(raw)))]


def _lines(raw: bytes) -> list[bytes]:
    return raw.split(b"\n")


def _indent(draw: st.DrawFn, raw: bytes) -> bytes:
    lines = _lines(raw)
    at = draw(st.integers(0, len(lines) - 1))
    change = draw(st.sampled_from([b" ", b"  ", b"\t", b"", b"    "]))
    lines[at] = change + lines[at].lstrip(b" ") if change else lines[at].lstrip()
    return b"\n".join(lines)


def _scalar(draw: st.DrawFn, raw: bytes) -> bytes:
    lines = _lines(raw)
    candidates = [i for i, line in enumerate(lines) if b": " in line]
    if not candidates:
        return raw
    at = draw(st.sampled_from(candidates))
    key = lines[at].split(b": ", 1)[0]
    lines[at] = key + b": " + draw(st.sampled_from(SCALARS)).encode("utf-8")
    return b"\n".join(lines)


def _date(draw: st.DrawFn, raw: bytes) -> bytes:
    text = raw.decode("utf-8", "replace")
    import re

    dates = list(re.finditer(r"\d{4}-\d{2}-\d{2}", text))
    if not dates:
        return raw
    found = draw(st.sampled_from(dates))
    year = draw(st.sampled_from(["2099", "1899", "0001", "2062", "3000", "2027"]))
    new = year + found.group()[4:]
    return (text[: found.start()] + new + text[found.end() :]).encode("utf-8")


def _tag_or_alias(draw: st.DrawFn, raw: bytes) -> bytes:
    extra = draw(
        st.sampled_from(
            [
                b"notes: !!python/object:os.system {}\n",
                b"--- !!map\n",
                b"x: &x {y: *x}\n",
                b"<<: {id: X}\n",
                BOMB.encode(),
                b"---\nid: second-document\n",
                b"%YAML 1.1\n---\n",
                b"? [a, b]\n: c\n",
            ]
        )
    )
    return extra + raw if draw(st.booleans()) else raw + b"\n" + extra


def _encoding(draw: st.DrawFn, raw: bytes) -> bytes:
    text = raw.decode("utf-8", "replace")
    encoding = draw(st.sampled_from(["utf-16", "utf-16-le", "latin-1", "utf-8-sig", "cp1252"]))
    return text.encode(encoding, "replace")


def _bom(draw: st.DrawFn, raw: bytes) -> bytes:
    return draw(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00"])) + raw


MUTATIONS = [_flip, _truncate, _indent, _scalar, _date, _tag_or_alias, _encoding, _bom]


@pytest.fixture(scope="module")
def org(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_eval_org(tmp_path_factory.mktemp("fuzz") / "org")


@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,  # no timed tests: the machine may be busy; the example count bounds the run
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)
@given(data=st.data(), path=st.sampled_from(RECORD_FILES))
def test_a_mutated_record_never_crashes_check_and_is_never_skipped(
    org: Path, data: st.DataObject, path: str
) -> None:
    original = (org / path).read_bytes()
    broken = data.draw(mutated(original), label="content")
    (org / path).write_bytes(broken)
    try:
        result = run_cli("check", "--as-of", AS_OF, "--lang", "en", "--format", "json", repo=org)
        loaded = load_repository(WorkingTree(org))
    finally:
        (org / path).write_bytes(original)
    assert result.exit_code in (0, 1, 2), result.output[-3000:]
    assert "Traceback" not in result.output and "internal error" not in result.output
    document = result.json()
    named = {error["file"] for error in document["errors"]}
    # Every file that could not be read is named in the output ...
    assert set(loaded.unreadable) <= named, (loaded.unreadable, named)
    # ... and the mutated file is either named or still read (its records are there).
    read_from = _files_with_records(loaded)
    assert path in named or path in read_from or _may_hold_no_records(path), (path, named)
    if result.exit_code == 2:
        assert document["errors"], "exit 2 names at least one error"


def _files_with_records(loaded) -> set[str]:  # type: ignore[no-untyped-def]
    records = loaded.records
    if records is None:
        return set()
    files = {record.origin.file for record in records.controls + records.policies}
    files |= {record.origin.file for record in records.evidence + records.audits}
    files |= {record.origin.file for record in records.incidents + records.modules}
    files |= {record.origin.file for record in records.people}
    files |= {completion.origin.file for completion in records.completions}
    return files | {records.settings_file}


def _may_hold_no_records(path: str) -> bool:
    """A list file (modules, people, completions) may validly become an empty list."""
    return kind_of_path(path) in ("module", "person", "completion")
