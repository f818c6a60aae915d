"""The decision reports — comparison (with its overlaid fans), sweep and optimize — opened in headless Chromium
under Selenium, in Japanese and English: the page logs nothing to the console, every chart image decodes
(naturalWidth > 0) and is laid out, and every table's header row has as many cells as each of its rows, read
from the rendered DOM. The folders are hand-written in the documented formats (test_comparison_report,
test_sweep_report, test_optimize_report). Skipped when Chromium, chromedriver or python3-selenium is missing."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import chromium_path, selenium_chrome
from kyoten_analysis.report import build_comparison_report, build_optimize_report, build_sweep_report
from test_comparison_report import make_comparison, write_bands
from test_optimize_report import make_optimize
from test_sweep_report import make_sweep

CHROMIUM = chromium_path()
CHROMEDRIVER = shutil.which("chromedriver") or ("/usr/bin/chromedriver" if Path("/usr/bin/chromedriver").exists() else None)

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian package chromium)")

CHARTS = {"comparison": 6, "sweep": 2, "optimize": 1}


def _build(kind: str, folder: Path, lang: str) -> Path:
    if kind == "comparison":
        cmp, _ = make_comparison(folder / "cmp")
        write_bands(cmp, ["base", "more-staff", "reserved-beds"])
        return build_comparison_report(cmp, lang=lang, pdf_engine="none").html
    if kind == "sweep":
        return build_sweep_report(make_sweep(folder / "s-sweep.db"), lang=lang, pdf_engine="none").html
    return build_optimize_report(make_optimize(folder / "opt"), lang=lang, pdf_engine="none").html


@pytest.fixture(scope="module")
def driver():
    yield from selenium_chrome(CHROMIUM, CHROMEDRIVER)


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("kind", ["comparison", "sweep", "optimize"])
def test_decision_report_in_a_browser(driver, kind, lang, tmp_path):
    from selenium.webdriver.support.ui import WebDriverWait
    html = _build(kind, tmp_path, lang)
    driver.get_log("browser")  # discard anything logged before this page
    driver.get(html.as_uri())
    WebDriverWait(driver, 60).until(lambda d: d.execute_script("return document.body.dataset.check") == "done")
    assert driver.execute_script("return document.documentElement.lang") == lang
    images = driver.execute_script(
        "return Array.from(document.images).map(i => ({id: i.id, complete: i.complete, w: i.naturalWidth,"
        " h: i.naturalHeight, shown: i.getBoundingClientRect().width}))")
    assert len(images) == CHARTS[kind]
    for i in images:
        assert i["complete"] and i["w"] > 300 and i["h"] > 200, i
        assert i["shown"] > 300, i
    assert driver.execute_script("return document.body.dataset.imagesBroken") == ""
    tables = driver.execute_script(
        "return Array.from(document.querySelectorAll('table')).map(t => ({cls: t.className,"
        " head: t.querySelectorAll('thead th').length,"
        " rows: Array.from(t.querySelectorAll('tbody tr')).map(r => r.cells.length)}))")
    assert tables
    for t in tables:
        assert t["head"] > 0 and t["rows"], t
        assert set(t["rows"]) == {t["head"]}, t
    logs = [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
    assert logs == [], logs
