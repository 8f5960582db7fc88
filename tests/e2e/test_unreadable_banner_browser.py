"""In a real browser, the report of a repository with a broken file shows the unreadable-files
banner above its first figure, on screen and in print (SPEC, "One broken file never takes the
dashboard down"). Playwright drives the system Chromium; skips without it.

The screenshot is kept at /tmp/nencheck-report-unreadable.png."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import AS_OF, PROJECT_ROOT, copy_example, run_cli
from tests.e2e.test_report_browser import LAUNCH_ARGS, chromium

pytestmark = pytest.mark.browser

BROKEN = "policies/dia/proc-dia-004.yaml"
SHOT = Path("/tmp/nencheck-report-unreadable.png")

# The boxes of the banner and of the first figures a reader meets: the key-figure tiles and the
# first table; and the banner's colours, to judge its contrast.
PROBE = """
() => {
  const box = (selector) => {
    const element = document.querySelector(selector);
    if (!element) return null;
    const r = element.getBoundingClientRect();
    return {top: r.top + window.scrollY, bottom: r.bottom + window.scrollY, height: r.height,
            width: r.width};
  };
  const banner = document.querySelector('.unreadable-note');
  const style = banner ? getComputedStyle(banner) : null;
  return {banner: box('.unreadable-note'), tiles: box('.tiles'), table: box('table'),
          heading: box('h1'), text: banner ? banner.innerText : '',
          role: banner ? banner.getAttribute('role') : null,
          color: style && style.color, background: style && style.backgroundColor,
          border: style && style.borderLeftWidth};
}
"""


def report_of_a_broken_repository(tmp_path: Path) -> Path:
    if not (PROJECT_ROOT / "nencheck.yaml").is_file():
        pytest.skip("the example organisation is not in this checkout")
    root = copy_example(tmp_path / "org")
    target = root / BROKEN
    target.write_text(target.read_text("utf-8").replace("owner:", "ownr:", 1), "utf-8")
    report = tmp_path / "rapport.html"
    result = run_cli("report", "--as-of", AS_OF, "-o", str(report), repo=root)
    assert result.exit_code == 2, result.output
    return report


def luminance(css: str) -> float:
    """Relative luminance (WCAG) of 'rgb(r, g, b)'."""
    channels = [int(part) / 255 for part in css[css.index("(") + 1 : -1].split(",")[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("media", ["screen", "print"])
def test_the_banner_stands_above_the_first_figure(
    tmp_path: Path, media: str, capsys: pytest.CaptureFixture[str]
) -> None:
    executable = chromium()
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    report = report_of_a_broken_repository(tmp_path)
    with sync_api.sync_playwright() as driver:
        browser_app = driver.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
        try:
            page = browser_app.new_page(viewport={"width": 1280, "height": 900})
            page.emulate_media(media=media)
            page.goto(report.resolve().as_uri())
            found = page.evaluate(PROBE)
            if media == "screen":
                page.screenshot(path=str(SHOT))
        finally:
            browser_app.close()
    if media == "screen":
        with capsys.disabled():
            print(f"\nscreenshot: {SHOT}")
    banner = found["banner"]
    assert banner is not None and banner["height"] > 20 and banner["width"] > 300
    assert banner["bottom"] <= found["heading"]["top"], "the banner is not above the title"
    assert banner["bottom"] <= found["tiles"]["top"]
    assert banner["bottom"] <= found["table"]["top"]
    assert BROKEN in found["text"] and "onleesbaar bestand" in found["text"]
    assert found["role"] == "alert"
    assert contrast(found["color"], found["background"]) >= 7, (found["color"], found["background"])
    assert found["border"] == "8px"
