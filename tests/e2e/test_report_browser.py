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
