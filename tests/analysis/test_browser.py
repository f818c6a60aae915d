"""The HTML report opened in a real browser (Debian's headless Chromium): every chart image decodes
(naturalWidth > 0) and is laid out, the page logs nothing to the console, Japanese text has its font, and a
screenshot is saved.

Two drivers:
- Selenium + chromedriver (Debian python3-selenium, chromium-driver), which reads the browser console log and
  runs JavaScript in the page;
- Chromium's own command line, always available with chromium: `--dump-dom` returns the DOM after load, where
  the report's inline check script has written data-images-* attributes on <body>; `--enable-logging=stderr`
  prints every console message as a CONSOLE line; `--screenshot` saves a PNG.
A deliberately broken page proves both drivers notice broken images and console errors.
Skipped only when Chromium is not installed.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from conftest import chromium_path, selenium_chrome
from kyoten_analysis import build_report
from kyoten_analysis.report import CHECK_SCRIPT, CHROMIUM_FLAGS

CHROMIUM = chromium_path()
CHROMEDRIVER = shutil.which("chromedriver") or ("/usr/bin/chromedriver" if Path("/usr/bin/chromedriver").exists() else None)

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian package chromium)")


@pytest.fixture(scope="module")
def report_html(results_dir, tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("browser")
    return build_report(results_dir, lang="ja", out=d / "report_ja.html", pdf_engine="none").html


@pytest.fixture(scope="module")
def broken_html(tmp_path_factory) -> Path:
    p = tmp_path_factory.mktemp("broken") / "broken.html"
    p.write_text('<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"></head><body><h1>壊れたページ</h1>'
                 '<img id="img-bad" src="data:image/png;base64,AAAA"><script>console.error("boom");</script>'
                 f"<script>{CHECK_SCRIPT}</script></body></html>", encoding="utf-8")
    return p


def _expected_images(html: Path) -> list[str]:
    return re.findall(r'<img id="([^"]+)"', html.read_text(encoding="utf-8"))


# --- Chromium's command line ----------------------------------------------------------------------------
def _chromium(args: list[str], url: str, timeout: float = 120) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory(prefix="kyoten-browser-test-") as profile:
        return subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args, url],
                              capture_output=True, text=True, timeout=timeout)


def _dump(html: Path) -> tuple[dict, list[str]]:
    """Body attributes after load, and the console messages the page produced."""
    p = _chromium(["--enable-logging=stderr", "--v=0", "--virtual-time-budget=10000", "--dump-dom"], html.as_uri())
    body = re.search(r"<body([^>]*)>", p.stdout)
    assert body, f"no <body> in Chromium's DOM dump (exit {p.returncode}): {p.stderr[-2000:]}"
    attrs = dict(re.findall(r'([\w-]+)="([^"]*)"', body.group(1)))
    console = [line for line in p.stderr.splitlines() if ":CONSOLE" in line]
    return attrs, console


def test_cli_every_image_renders_and_console_is_clean(report_html):
    attrs, console = _dump(report_html)
    expected = _expected_images(report_html)
    assert len(expected) == 10
    assert attrs.get("data-check") == "done"
    assert attrs.get("data-images-total") == str(len(expected))
    assert attrs.get("data-images-rendered") == str(len(expected)), attrs
    assert attrs.get("data-images-broken") == ""
    assert console == [], console


def test_cli_screenshot(report_html, tmp_path):
    shot = tmp_path / "report_ja.png"
    p = _chromium(["--window-size=1280,2400", "--hide-scrollbars", f"--screenshot={shot}"], report_html.as_uri())
    assert shot.exists(), p.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 50_000  # a blank page would compress to a few kB


def test_cli_notices_a_broken_page(broken_html):
    attrs, console = _dump(broken_html)
    assert attrs.get("data-images-rendered") == "0" and attrs.get("data-images-broken") == "img-bad"
    assert any("boom" in line for line in console)


# --- Selenium -----------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def driver():
    yield from selenium_chrome(CHROMIUM, CHROMEDRIVER)


def _load(driver, html: Path):
    from selenium.webdriver.support.ui import WebDriverWait
    driver.get(html.as_uri())
    WebDriverWait(driver, 60).until(lambda d: d.execute_script("return document.body.dataset.check") == "done")


def test_selenium_images_fonts_console_and_screenshot(driver, report_html, tmp_path):
    driver.get_log("browser")  # discard anything logged before this page
    _load(driver, report_html)
    images = driver.execute_script(
        "return Array.from(document.images).map(i => ({id: i.id, complete: i.complete, w: i.naturalWidth,"
        " h: i.naturalHeight, shown: i.getBoundingClientRect().width}))")
    assert [i["id"] for i in images] == _expected_images(report_html)
    for i in images:
        assert i["complete"] and i["w"] > 300 and i["h"] > 200, i
        assert i["shown"] > 300, i  # laid out at a readable width, not collapsed
    assert driver.execute_script("return document.fonts.check(\"16px 'Noto Sans CJK JP'\")") is True
    h1 = driver.execute_script("return document.querySelector('h1').innerText")
    assert "世田谷" in h1
    logs = [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
    assert logs == [], logs
    shot = tmp_path / "selenium_report_ja.png"
    assert driver.save_screenshot(str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_selenium_notices_a_broken_page(driver, broken_html):
    driver.get_log("browser")
    _load(driver, broken_html)
    widths = driver.execute_script("return Array.from(document.images).map(i => i.naturalWidth)")
    assert widths == [0]
    assert any("boom" in e["message"] for e in driver.get_log("browser"))
