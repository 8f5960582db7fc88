"""A command that changes records refuses only when a broken file is of a kind the change
depends on (SPEC, "One broken file never takes the dashboard down"): a colleague's typo in a
protocol must not stop a data breach from being recorded within its 72 hours. Found by trying
nencheck as a new security officer would."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import git, run_cli

BROKEN_POLICY = "policies/hap/prot-hap-002.yaml"


def _break(root: Path, path: str, old: str, new: str) -> None:
    target = root / path
    text = target.read_text("utf-8")
    assert old in text
    target.write_text(text.replace(old, new, 1), "utf-8")


def test_a_breach_is_recorded_beside_a_broken_protocol(example_git: Path) -> None:
    _break(example_git, BROKEN_POLICY, "review_interval:", "review_intervall:")
    before = git(example_git, "rev-parse", "HEAD").strip()
    result = run_cli(
        "incident", "add", "--title", "Laptop met patiëntgegevens kwijt", "--kind",
        "data_breach", "--reported", "2026-11-23 08:40", "--units", "HAP",
        "--lang", "en", repo=example_git,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert f"{BROKEN_POLICY}:11:1: error unknown-field" in result.stderr
    assert "this change does not depend on those files; it goes ahead without them" in (
        result.stderr
    )
    assert git(example_git, "rev-parse", "HEAD~1").strip() == before
    committed = git(example_git, "show", "--name-only", "--format=", "HEAD").split()
    assert committed == ["evidence/incidents/2026/inc-2026-032.yaml"]
    assert "review_intervall:" in (example_git / BROKEN_POLICY).read_text("utf-8")  # untouched
    assert git(example_git, "status", "--porcelain").split() == ["M", BROKEN_POLICY]


def test_a_change_of_the_broken_kind_is_refused_and_says_nothing_was_written(
    example_git: Path,
) -> None:
    _break(example_git, BROKEN_POLICY, "review_interval:", "review_intervall:")
    before = git(example_git, "rev-parse", "HEAD").strip()
    result = run_cli(
        "policy", "review", "PROT-HAP-014", "--reviewer", "Teamleider triage", "--lang", "en",
        repo=example_git,
    )  # fmt: skip
    assert result.exit_code == 2
    assert "1 data error in 1 file; nothing was written: this change needs these files" in (
        result.stderr
    )
    assert "nothing was evaluated" not in result.stderr
    assert git(example_git, "rev-parse", "HEAD").strip() == before


def test_a_broken_incident_file_still_stops_a_new_incident(example_git: Path) -> None:
    """Its id may be the next one: a new incident could take it."""
    incident = "evidence/incidents/2026/inc-2026-031.yaml"
    _break(example_git, incident, "reported:", "reportd:")
    result = run_cli(
        "incident", "add", "--title", "Test", "--kind", "data_breach", "--reported",
        "2026-11-23 08:40", "--units", "HAP", repo=example_git,
    )  # fmt: skip
    assert result.exit_code == 2
    assert incident in result.stderr
    assert not (example_git / "evidence/incidents/2026/inc-2026-032.yaml").exists()
