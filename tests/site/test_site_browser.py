"""The Kennisbank in a real browser: headless Chromium opens the example's site from file:// (the
start page, a policy page, and a search linked as ``search.html?q=``) and takes screenshots at
desktop and phone width, kept in /tmp for a person to look at.

Needs the Debian package ``chromium``; skips with the reason elsewhere.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import AS_OF, run_cli
from tests.e2e.test_report_browser import browser, chromium, png_pixels

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp")


@pytest.fixture
def site(example_git: Path, tmp_path: Path) -> Path:
    out = tmp_path / "public"
    result = run_cli("site", str(out), "--as-of", AS_OF, repo=example_git)
    assert result.exit_code == 0, result.output
    return out


def dom(executable: str, profile: Path, url: str) -> str:
    # a virtual time budget lets the search script run before the DOM is dumped
    done = browser(executable, profile, "--virtual-time-budget=5000", "--dump-dom", url)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_start_page_policy_page_and_a_linked_search_render(site: Path, tmp_path: Path) -> None:
    executable = chromium()
    start = dom(executable, tmp_path / "p1", (site / "index.html").as_uri())
    assert '<html lang="nl">' in start
    assert 'href="policy/PROT-HAP-014.html"' in start
    page = dom(executable, tmp_path / "p2", (site / "policy/PROT-HAP-014.html").as_uri())
    assert "<h1>Triage bij pijn op de borst</h1>" in page
    assert "uitstraling" in page
    # words from a document's body, typed without the accent and in another case
    search = (site / "search.html").as_uri()
    found = dom(executable, tmp_path / "p3", search + "?q=Uitstraling%20ZWETEN")
    results = found.split('id="results"', 1)[1].split("</ol>", 1)[0]
    assert '<a href="policy/PROT-HAP-014.html">Triage bij pijn op de borst</a>' in results
    assert "<mark>uitstraling</mark>" in results
    phrase = dom(executable, tmp_path / "p4", search + "?q=pijn%20op%20de%20borst")
    assert 'href="policy/PROT-HAP-014.html"' in phrase.split('id="results"', 1)[1]
    assert 'href="policy/PROT-HAP-009.html"' not in phrase.split('id="results"', 1)[1]  # retired
    archive = dom(executable, tmp_path / "p5", search + "?q=pijn%20op%20de%20borst&archive=1")
    assert 'href="policy/PROT-HAP-009.html"' in archive.split('id="results"', 1)[1]


@pytest.mark.parametrize("width", [1280, 390])
def test_screenshots_at_desktop_and_phone_width(site: Path, tmp_path: Path, width: int) -> None:
    executable = chromium()
    pages = {
        "start": site / "index.html",
        "policy": site / "policy/PROT-HAP-014.html",
    }
    urls = {name: path.as_uri() for name, path in pages.items()}
    urls["search"] = (site / "search.html").as_uri() + "?q=pijn%20op%20de%20borst"
    for name, url in urls.items():
        shot = tmp_path / f"site-{name}-{width}.png"
        done = browser(
            executable,
            tmp_path / f"profile-{name}",
            "--virtual-time-budget=5000",
            f"--screenshot={shot}",
            f"--window-size={width},1600",
            url,
        )
        assert done.returncode == 0 and shot.is_file(), done.stderr[-2000:]
        shutil.copyfile(shot, SHOTS / f"nencheck-site-{name}-{width}.png")
        shot_width, _height, rows = png_pixels(shot.read_bytes())
        assert shot_width == width
        colours = {row[i : i + 3] for row in rows[::9] for i in range(0, len(row), 3 * 7)}
        assert len(colours) > 20, f"{name} at {width}px looks blank"
        assert bytes((0x1F, 0x3A, 0x5F)) in colours, "the site's header colour is missing"
