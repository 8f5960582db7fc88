"""``nencheck status`` in each format on a small repository with hand-computed figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.eval_org import write_eval_org
from tests.conftest import AS_OF


@pytest.fixture
def org(tmp_path: Path) -> Path:
    return write_eval_org(tmp_path / "org")


def test_json_has_spec_keys_and_hand_computed_figures(org: Path, run) -> None:
    result = run("status", "--as-of", AS_OF, "--format", "json", repo=org)
    assert result.exit_code == 0
    summary = result.json()
    assert summary["as_of"] == AS_OF
    assert summary["organisation"] == "Testpraktijk De Linde"
    controls = summary["controls"]
    assert (controls["total"], controls["applicable"]) == (4, 3)
    assert controls["by_status"] == {"not_started": 0, "planned": 0, "partial": 1, "implemented": 2}
    assert controls["by_theme"]["technological"]["by_status"]["partial"] == 1
    assert {
        k: summary["policies"][k] for k in ("total", "active", "ok", "due_soon", "overdue")
    } == {"total": 6, "active": 4, "ok": 1, "due_soon": 2, "overdue": 1}
    findings = summary["findings"]
    assert (findings["open"], findings["overdue"]) == (2, 1)
    assert findings["by_severity"] == {"major": 1, "minor": 1, "observation": 1, "improvement": 1}
    assert summary["evidence"] == {"total": 2, "expired": 1}
    training = summary["training"]
    assert {
        k: training[k] for k in ("required", "compliant", "rate", "people", "people_trained")
    } == {"required": 5, "compliant": 3, "rate": 0.6, "people": 3, "people_trained": 1}
    assert {
        u: (f["required"], f["compliant"], f["rate"]) for u, f in training["by_unit"].items()
    } == {"HAP": (4, 3, 0.75), "HCZ": (1, 0, 0.0)}
    incidents = summary["incidents"]
    assert (
        incidents["open"],
        incidents["breach_notification_late"],
        incidents["calamity_report_late"],
    ) == (2, 1, 0)
    assert [d["id"] for d in incidents["deadlines"]] == ["INC-2026-003", "INC-2026-002"]


def test_unit_filter(org: Path, run) -> None:
    summary = run("status", "--as-of", AS_OF, "--format", "json", "--unit", "HCZ", repo=org).json()
    assert summary["unit"] == "HCZ"
    assert summary["policies"]["total"] == 5  # 2 HCZ protocols and 3 policies for all units
    assert list(summary["training"]["by_unit"]) == ["HCZ"]
    assert summary["incidents"]["breach_notification_late"] == 1


def test_unknown_unit_is_a_usage_error(org: Path, run) -> None:
    result = run("status", "--unit", "XYZ", repo=org)
    assert result.exit_code == 2
    assert "there is no unit 'XYZ'" in result.stderr
    assert "HAP, HCZ" in result.stderr


def test_text_dashboard_shows_every_section_without_colour(org: Path, run) -> None:
    result = run("status", "--as-of", AS_OF, repo=org)
    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith("Testpraktijk De Linde: status on 23 November 2026")
    for heading in (
        "Controls per theme",
        "Policies per unit",
        "Audit findings",
        "Evidence",
        "Awareness training",
        "Incidents",
    ):
        assert f"\n{heading}\n" in text
    assert "████████████████████████" in text  # Organisational: every control implemented
    assert "2 evidence items, 1 expired" in text
    assert "INC-2026-003" in text and "0 d 9 h left" in text
    assert "\x1b[" not in text


def test_markdown_tables(org: Path, run) -> None:
    result = run("status", "--as-of", AS_OF, "--format", "markdown", repo=org)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "# Testpraktijk De Linde: status on 23 November 2026"
    assert "| HAP (Huisartsenspoedpost) | 0 | 1 | 0 |" in lines
    assert "| Total | 5 | 3 | 60% | below target |" in lines
    assert (
        "| INC-2026-003 | Data breach | Laptop verloren | 2026-11-24 09:00+01:00 | 0 d 9 h left |"
        in lines
    )


def test_html_is_self_contained_and_escaped(org: Path, run, tmp_path: Path) -> None:
    settings = org / "nencheck.yaml"
    settings.write_text(
        settings.read_text("utf-8").replace(
            "Testpraktijk De Linde", "De Linde <script>alert(1)</script>"
        ),
        encoding="utf-8",
    )
    target = tmp_path / "status.html"
    result = run("status", "--as-of", AS_OF, "--format", "html", "-o", str(target), repo=org)
    assert result.exit_code == 0
    page = target.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert 'src="http' not in page and 'href="http' not in page
    assert "Laptop verloren" in page and "0 d 9 h left" in page


def test_data_errors_exit_2(org: Path, run) -> None:
    (org / "policies" / "bel-001.yaml").write_text("id: BEL-001\n", encoding="utf-8")
    result = run("status", "--as-of", AS_OF, repo=org)
    assert result.exit_code == 2
    assert "policies/bel-001.yaml" in result.stderr
