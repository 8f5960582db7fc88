"""The network's HTML views in a real browser (Playwright on the system Chromium): a member
evaluated without its broken file shows its figures and, under them, a visible warning naming
the file; a member whose nencheck.yaml is broken says it cannot be read. Nothing overlaps, no word
is broken, at a desktop and a phone width. The screenshots are kept under /tmp for a person."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import AS_OF, run_cli
from tests.e2e.test_report_browser import LAUNCH_ARGS, LAYOUT_PROBE, SCREENS, chromium
from tests.network.net_org import BROKEN_POLICY, build_degraded_network

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("network-browser")
    network = build_degraded_network(base)
    found = {}
    for name, args in (
        ("status", ("status", "--format", "html")),
        ("report", ("report",)),
        ("mirror", ("report", "--member", "P002")),
    ):
        target = base / f"{name}.html"
        done = run_cli(
            "network", *args, "--network", str(network), "--as-of", AS_OF, "-o", str(target)
        )
        assert done.exit_code == 2, done.output  # the broken files make it exit 2
        found[name] = target
    return found


def _open(driver: Any, executable: str, page_file: Path, width: int) -> tuple[Any, Any]:
    browser_app = driver.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
    page = browser_app.new_page(viewport={"width": width, "height": 900})
    page.goto(page_file.resolve().as_uri())
    return browser_app, page


@pytest.mark.parametrize("width", SCREENS)
@pytest.mark.parametrize("page_name", ["status", "report"])
def test_degraded_member_is_shown_with_its_figures_and_a_visible_warning(
    pages: dict[str, Path], page_name: str, width: int, capsys: pytest.CaptureFixture[str]
) -> None:
    executable = chromium()
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    with sync_api.sync_playwright() as driver:
        browser_app, page = _open(driver, executable, pages[page_name], width)
        try:
            row = page.locator('tr[data-member="P002"]')
            cells = [text.strip() for text in row.locator("td").all_inner_texts()]
            assert cells[:2] == ["P002", "Zuid"] and any("%" in cell for cell in cells), cells
            warning = page.locator('tr[data-member-warning="P002"]')
            assert warning.is_visible()
            assert BROKEN_POLICY in warning.inner_text()
            box = warning.bounding_box()
            assert box is not None and box["height"] > 0
            colour = warning.locator("td.overdue-days").evaluate("e => getComputedStyle(e).color")
            assert colour != "rgb(0, 0, 0)"  # drawn in the warning colour, not as body text
            unread = page.locator('tr[data-member="P003"]').inner_text()
            assert "kan niet worden gelezen" in unread
            assert page.locator('tr[data-member-warning="P001"]').count() == 0
            layout = page.evaluate(LAYOUT_PROBE)
            shot = pages[page_name].with_name(f"network-{page_name}-{width}.png")
            page.screenshot(path=str(shot), full_page=page_name == "status")
            shutil.copyfile(shot, Path("/tmp") / f"nencheck-network-{page_name}-{width}.png")
            with capsys.disabled():
                print(f"\nnetwork {page_name} screenshot ({width}px): {shot}")
        finally:
            browser_app.close()
    assert layout["overlaps"] == [], layout["overlaps"]
    assert layout["broken"] == [], layout["broken"]
    # on a phone the wide tables scroll in their own boxes; the page itself never does
    assert layout["pageWidth"] <= layout["viewport"], layout


def test_mirror_report_of_the_degraded_member_says_what_it_leaves_out(
    pages: dict[str, Path],
) -> None:
    executable = chromium()
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    with sync_api.sync_playwright() as driver:
        browser_app, page = _open(driver, executable, pages["mirror"], SCREENS[0])
        try:
            note = page.locator("[data-excluded]")
            assert note.is_visible() and BROKEN_POLICY in note.inner_text()
            text = page.locator("body").inner_text()
        finally:
            browser_app.close()
    assert "De Linde" not in text and "West" not in text  # no other member named
