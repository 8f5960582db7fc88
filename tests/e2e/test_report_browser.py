"""The report in a real browser: headless Chromium renders it (DOM with the SVG charts) and takes
a screenshot that is a real, non-blank picture of the requested size.

Needs the Debian package ``chromium`` (CI's .ci/run installs it); skips with the reason elsewhere.
The screenshot is kept at the path the test prints, and copied to /tmp/nencheck-report.png.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from tests.conftest import AS_OF, PROJECT_ROOT, run_cli
from tests.render.small_org import write_small_org

pytestmark = pytest.mark.browser

WIDTH, HEIGHT = 1280, 2000
CHARTS = {
    "controls-by-theme",
    "policies-by-unit",
    "reviews-by-month",
    "findings-by-severity-age",
    "training-by-unit",
}
BRAND = (0x1F, 0x3A, 0x5F)  # the report's heading colour: proof that the inline CSS applied
SHARED_COPY = Path("/tmp/nencheck-report.png")


def chromium() -> str:
    for candidate in ("/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).is_file():
            return candidate
    pytest.skip(
        "Chromium is not installed (Debian: apt-get install chromium); the browser test needs it"
    )


def browser(executable: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [
        executable,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)


def report_file(tmp_path: Path) -> Path:
    """The report of the example organisation (or of a small one when the example is absent)."""
    repo = (
        PROJECT_ROOT
        if (PROJECT_ROOT / "nencheck.yaml").is_file()
        else write_small_org(tmp_path / "org")
    )
    target = tmp_path / "rapport.html"
    result = run_cli("report", "--as-of", AS_OF, "-o", str(target), repo=repo)
    assert result.exit_code == 0, result.stderr
    return target


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and the unfiltered rows of an 8-bit RGB or RGBA PNG (stdlib only)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG file"
    position, chunks, header = 8, [], b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
        position += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", header[:10])
    assert depth == 8 and colour in (2, 6), (
        f"unexpected PNG format: depth {depth}, colour type {colour}"
    )
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for index in range(height):
        start = index * (stride + 1)
        row = unfilter(
            raw[start], bytearray(raw[start + 1 : start + 1 + stride]), previous, channels
        )
        rows.append(bytes(row))
        previous = row
    return width, height, [b"".join(r[i : i + 3] for i in range(0, len(r), channels)) for r in rows]


def unfilter(kind: int, row: bytearray, above: bytearray, step: int) -> bytearray:
    for i in range(len(row)):
        left = row[i - step] if i >= step else 0
        up, corner = above[i], above[i - step] if i >= step else 0
        if kind == 1:
            row[i] = (row[i] + left) & 0xFF
        elif kind == 2:
            row[i] = (row[i] + up) & 0xFF
        elif kind == 3:
            row[i] = (row[i] + (left + up) // 2) & 0xFF
        elif kind == 4:
            guess = left + up - corner
            pa, pb, pc = abs(guess - left), abs(guess - up), abs(guess - corner)
            predictor = left if pa <= pb and pa <= pc else (up if pb <= pc else corner)
            row[i] = (row[i] + predictor) & 0xFF
    return row


def test_report_renders_in_chromium_with_its_charts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    executable = chromium()
    report = report_file(tmp_path)
    url = report.resolve().as_uri()

    dom = browser(executable, tmp_path / "profile-dom", "--dump-dom", url)
    assert dom.returncode == 0, dom.stderr[-2000:]
    for chart in CHARTS:
        assert f'data-chart="{chart}"' in dom.stdout, f"chart {chart} missing from the rendered DOM"
    assert dom.stdout.count("<svg") >= len(CHARTS)
    assert 'data-figure="policies.overdue"' in dom.stdout

    screenshot = tmp_path / "rapport.png"
    shot = browser(
        executable,
        tmp_path / "profile-shot",
        f"--screenshot={screenshot}",
        f"--window-size={WIDTH},{HEIGHT}",
        url,
    )
    assert shot.returncode == 0 and screenshot.is_file(), shot.stderr[-2000:]
    shutil.copyfile(screenshot, SHARED_COPY)
    with capsys.disabled():
        print(f"\nreport screenshot: {screenshot} (copy: {SHARED_COPY})")

    width, height, rows = png_pixels(screenshot.read_bytes())
    assert (width, height) == (WIDTH, HEIGHT)
    colours = {row[i : i + 3] for row in rows[::7] for i in range(0, len(row), 3 * 5)}
    assert len(colours) > 40, f"the screenshot looks blank ({len(colours)} colours)"
    assert bytes(BRAND) in colours, (
        "the report's own colours are not on screen: was the CSS applied?"
    )


# --- Layout: nothing overlaps, no word is broken, the width is used (issue 15) -----------------
# Driven by Playwright's Python package on the system Chromium (no browser download).

LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENS = (1280, 390)

# Per table row: the boxes of the text of each cell (one per line of text, from ranges over the
# text nodes) and of its badges; pairs from different cells that intersect are overlaps.
# Per word in a cell: a word drawn on two lines (two rects) was broken mid-word.
LAYOUT_PROBE = """
() => {
  const boxesOf = (cell) => {
    const boxes = [];
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) if (r.width > 0) boxes.push(r);
    }
    for (const badge of cell.querySelectorAll('.badge')) boxes.push(badge.getBoundingClientRect());
    return boxes;
  };
  const hit = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 &&
                        a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  const overlaps = [], broken = [];
  for (const row of document.querySelectorAll('tr')) {
    const cells = [...row.children];
    const boxes = cells.map(boxesOf);
    for (let i = 0; i < cells.length; i++)
      for (let j = i + 1; j < cells.length; j++)
        for (const a of boxes[i]) for (const b of boxes[j])
          if (hit(a, b)) overlaps.push(cells[i].innerText.trim().slice(0, 40) + ' | ' +
                                       cells[j].innerText.trim().slice(0, 40));
    for (const cell of cells) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent;
        const words = /[^\\s\\-\\/,]+/g;
        for (let m = words.exec(text); m; m = words.exec(text)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const lines = new Set([...range.getClientRects()].filter(r => r.width > 0)
                                 .map(r => Math.round(r.top)));
          if (lines.size > 1) broken.push(m[0]);
        }
      }
    }
  }
  const doc = document.documentElement;
  return {overlaps, broken, pageWidth: doc.scrollWidth, viewport: window.innerWidth,
          bodyWidth: document.body.getBoundingClientRect().width};
}
"""


@pytest.fixture(scope="module")
def layout_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The report and the HTML SoA of the example organisation."""
    folder = tmp_path_factory.mktemp("layout")
    pages = {"report": report_file(folder)}
    target = folder / "soa.html"
    repo = PROJECT_ROOT
    result = run_cli("soa", "--as-of", AS_OF, "--format", "html", "-o", str(target), repo=repo)
    assert result.exit_code == 0, result.stderr
    pages["soa"] = target
    return pages


@pytest.mark.parametrize("width", SCREENS)
@pytest.mark.parametrize("page_name", ["report", "soa"])
def test_no_text_overlaps_and_no_word_is_broken(
    layout_pages: dict[str, Path],
    page_name: str,
    width: int,
    capsys: pytest.CaptureFixture[str],
) -> None:
    executable = chromium()
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    with sync_api.sync_playwright() as driver:
        browser_app = driver.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
        try:
            page = browser_app.new_page(viewport={"width": width, "height": 1000})
            page.goto(layout_pages[page_name].resolve().as_uri())
            found = page.evaluate(LAYOUT_PROBE)
            shot = Path(f"/tmp/nencheck-{page_name}-{width}.png")
            page.screenshot(path=str(shot), full_page=False)
            page.evaluate("document.querySelector('table.soa').scrollIntoView()")
            soa_shot = Path(f"/tmp/nencheck-{page_name}-{width}-soa.png")
            page.screenshot(path=str(soa_shot))
        finally:
            browser_app.close()
    with capsys.disabled():
        print(f"\nscreenshots: {shot}, {soa_shot}")
    assert found["overlaps"] == []
    assert found["broken"] == []
    assert found["pageWidth"] <= found["viewport"], "the page scrolls sideways: a table escaped"
    if width >= 1280:
        assert found["bodyWidth"] >= 1100, "the report does not use the width of the screen"
