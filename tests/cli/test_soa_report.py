"""``nencheck soa`` and ``nencheck report`` on the example organisation, through the real CLI."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from nencheck.store.read.catalogs import builtin_catalog
from tests.conftest import AS_OF, Outcome
from tests.render.figures import EXTERNAL, assert_figures_match, parse
from tests.render.small_org import write_small_org

Run = Callable[..., Outcome]


@pytest.fixture
def example(example_root: Path) -> Path:
    if not (example_root / "nencheck.yaml").is_file():
        pytest.skip("the example organisation is not in this checkout")
    return example_root


def test_soa_json_lists_every_catalog_control_in_order(run: Run, example: Path) -> None:
    result = run("soa", "--as-of", AS_OF, "--format", "json", repo=example)
    assert result.exit_code == 0, result.stderr
    document = result.json()
    ids = [control["id"] for control in document["controls"]]
    catalog = builtin_catalog(document["framework"]).ids()
    assert ids[: len(catalog)] == catalog
    for control in document["controls"]:
        assert {
            "id",
            "title",
            "theme",
            "applicable",
            "justification",
            "status",
            "policies",
            "evidence",
        } <= set(control)


def test_soa_map_from_2013_shows_the_old_ids(run: Run, example: Path) -> None:
    result = run("soa", "--as-of", AS_OF, "--format", "json", "--map-from", "2013", repo=example)
    controls = {control["id"]: control for control in result.json()["controls"]}
    assert "9.4.1" in controls["8.3"]["iso27002_2013"]
    text = run("soa", "--as-of", AS_OF, "--map-from", "2013", repo=example).stdout
    line = next(line for line in text.splitlines() if line.startswith("  8.3 "))
    assert "9.4.1" in line


def test_soa_xlsx_needs_an_output_file(run: Run, example: Path) -> None:
    result = run("soa", "--as-of", AS_OF, "--format", "xlsx", repo=example)
    assert result.exit_code == 2
    assert "-o" in result.stderr and result.stdout == ""


def test_soa_xlsx_written_to_a_file_opens_with_one_row_per_control(
    run: Run, example: Path, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "soa.xlsx"
    result = run("soa", "--as-of", AS_OF, "--format", "xlsx", "-o", str(target), repo=example)
    assert result.exit_code == 0, result.stderr
    sheet = load_workbook(target).active
    assert sheet is not None
    assert sheet.freeze_panes == "B2" and sheet.auto_filter.ref
    controls = run("soa", "--as-of", AS_OF, "--format", "json", repo=example).json()["controls"]
    assert sheet.max_row == len(controls) + 1


def test_soa_csv_parses_back_with_semicolons(run: Run, example: Path, tmp_path: Path) -> None:
    target = tmp_path / "soa.csv"
    assert (
        run("soa", "--as-of", AS_OF, "--format", "csv", "-o", str(target), repo=example).exit_code
        == 0
    )
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig")), delimiter=";"))
    controls = run("soa", "--as-of", AS_OF, "--format", "json", repo=example).json()["controls"]
    assert [row[0] for row in rows[1:]] == [control["id"] for control in controls]


@pytest.mark.parametrize("output_format", ["text", "markdown", "html"])
def test_soa_other_formats_render(run: Run, example: Path, output_format: str) -> None:
    result = run("soa", "--as-of", AS_OF, "--format", output_format, repo=example)
    assert result.exit_code == 0, result.stderr
    assert "5.1" in result.stdout


def test_report_html_figures_equal_status_json(run: Run, example: Path, tmp_path: Path) -> None:
    target = tmp_path / "rapport.html"
    result = run("report", "--as-of", AS_OF, "-o", str(target), repo=example)
    assert result.exit_code == 0, result.stderr
    status = run("status", "--as-of", AS_OF, "--format", "json", repo=example).json()
    page = target.read_text(encoding="utf-8")
    assert_figures_match(page, status)
    assert not EXTERNAL.findall(page)
    assert len(parse(page).charts) == 5


def test_report_markdown_figures_equal_status_json(run: Run, example: Path) -> None:
    from datetime import date

    from nencheck.checks.summary import status_summary
    from nencheck.render.report_context import key_figures
    from tests.render.test_soa import load

    status = run(
        "status", "--as-of", AS_OF, "--format", "json", "--lang", "en", repo=example
    ).json()
    text = run(
        "report", "--as-of", AS_OF, "--format", "markdown", "--lang", "en", repo=example
    ).stdout
    for figure in key_figures(status_summary(load(example), date.fromisoformat(AS_OF))):
        value: Any = status
        for part in figure.path.split("."):
            value = value[part]
        assert value == figure.value, figure.path  # the key figure is the JSON's figure
        assert f"| {figure.label} | {figure.display} |" in text, figure.path
    for unit, figures in status["training"]["by_unit"].items():
        assert f"| {figures['required']} | {figures['compliant']} |" in text, unit


def test_report_is_dutch_by_default_and_english_on_request(run: Run, example: Path) -> None:
    dutch = run("report", "--as-of", AS_OF, repo=example).stdout
    assert '<html lang="nl">' in dutch and "23 november 2026" in dutch
    english = run("report", "--as-of", AS_OF, "--lang", "en", repo=example).stdout
    assert '<html lang="en">' in english and "23 November 2026" in english


def test_report_escapes_a_script_in_a_policy_title(run: Run, tmp_path: Path) -> None:
    root = write_small_org(tmp_path / "org")
    page = run("report", "--as-of", AS_OF, repo=root).stdout
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page


def test_report_with_a_missing_template_dir_exits_2(run: Run, tmp_path: Path) -> None:
    root = write_small_org(tmp_path / "org")
    result = run("report", "--as-of", AS_OF, "--template-dir", str(tmp_path / "nope"), repo=root)
    assert result.exit_code == 2
    assert "--template-dir" in result.stderr and "Traceback" not in result.output


def test_report_with_a_user_template(run: Run, tmp_path: Path) -> None:
    root = write_small_org(tmp_path / "org")
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "report.md").write_text(
        "# {{ organisation }}\nOverdue: {{ status.policies.overdue }}\n", encoding="utf-8"
    )
    result = run(
        "report", "--as-of", AS_OF, "--format", "markdown", "--template-dir", str(mine), repo=root
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "# Kleine Praktijk <b>Test</b>\nOverdue: 2\n"
