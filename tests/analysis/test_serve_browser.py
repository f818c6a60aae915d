"""`kyoten serve` in a real browser (Selenium + Debian's headless Chromium): the page loads with no console error,
changing the night staff count changes the cost card and the paired difference (by what one more person round the
clock costs, worked by hand), a bad value shows the loader's message next to its control and nothing runs, and
saving writes a scenario file that `kyoten validate` accepts and `kyoten run` reproduces exactly, and a fiscal
year simulated in part shows its budget pro-rated. Skipped when Chromium, chromedriver, Selenium or the kyoten binary are missing.
"""
from __future__ import annotations

import json
import re
import shutil
import signal
import subprocess
import urllib.request
from pathlib import Path

import pytest

from conftest import chromium_path, kyoten_binary, selenium_chrome

CHROMIUM = chromium_path()
CHROMEDRIVER = shutil.which("chromedriver") or ("/usr/bin/chromedriver" if Path("/usr/bin/chromedriver").exists() else None)
KYOTEN, WHY_NOT = kyoten_binary()
REPLICATIONS = 40
NIGHT = "centers[0].staff[0].count"  # setagaya-wardwide: 2 staff every day 0–24 h

pytestmark = [pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian package chromium)"),
              pytest.mark.skipif(CHROMEDRIVER is None, reason="chromedriver is not installed (chromium-driver)"),
              pytest.mark.skipif(KYOTEN is None, reason=WHY_NOT or "")]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """`kyoten serve` on a free loopback port; yields (url, save folder)."""
    d = tmp_path_factory.mktemp("serve")
    save = d / "saved"
    p = subprocess.Popen([str(KYOTEN), "serve", "--port", "0", "--no-open", "--replications", str(REPLICATIONS),
                          "-j", "2", "--save-dir", str(save), "--lang", "en"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=d)
    line = p.stdout.readline()
    m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    assert m, f"no address printed: {line!r} {p.stderr.read() if p.poll() is not None else ''}"
    yield m.group(0), save
    p.send_signal(signal.SIGTERM)
    assert p.wait(timeout=30) == 0


@pytest.fixture(scope="module")
def driver():
    yield from selenium_chrome(CHROMIUM, CHROMEDRIVER)


def _wait(driver, condition, timeout=120):
    from selenium.webdriver.support.ui import WebDriverWait
    return WebDriverWait(driver, timeout).until(condition)


def _runs(driver) -> int:
    return int(driver.find_element("id", "status").get_attribute("data-run"))


def _text(driver, selector) -> str:
    return driver.find_element("css selector", selector).text


def _set(driver, key: str, value: str):
    from selenium.webdriver.common.keys import Keys
    box = driver.find_element("css selector", f'input[data-key="{key}"]')
    box.clear()
    box.send_keys(value, Keys.TAB)  # leaving the field fires `change`


def _million_yen(text: str) -> float:
    """'+66.1百万円' → 66.1"""
    m = re.search(r"([+-]?[\d.]+)百万円", text)
    assert m, text
    return float(m.group(1))


def _post(url: str, path: str, body: dict) -> dict:
    req = urllib.request.Request(url.rstrip("/") + path, data=json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=120) as r:
        return json.load(r)


@pytest.fixture(scope="module")
def page(served, driver):
    url, _ = served
    driver.get_log("browser")
    driver.get(url)
    _wait(driver, lambda d: _runs(d) >= 1)  # the first answer (the scenario as loaded) is on the page
    return driver


def test_page_loads_in_japanese_with_no_console_error(page):
    assert page.execute_script("return document.documentElement.lang") == "ja"
    assert "シナリオ" in _text(page, "header")
    assert page.find_element("id", "scenario").get_attribute("value") == "setagaya-wardwide"
    logs = [e for e in page.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
    assert logs == [], logs
    assert page.execute_script("return document.querySelectorAll('canvas').length") == 4


def test_night_staff_count_changes_the_cost_card_and_the_paired_difference(page):
    cost_before = _text(page, "#card-cost_total_yen .value")
    paired_before = _text(page, "#card-cost_total_yen .paired")
    fy_before = _text(page, "#cost-fy2024 .value")
    runs = _runs(page)
    _set(page, NIGHT, "3")
    _wait(page, lambda d: _runs(d) > runs)
    assert _text(page, "#card-cost_total_yen .value") != cost_before
    assert _text(page, "#cost-fy2024 .value") != fy_before
    paired = _text(page, "#card-cost_total_yen .paired")
    assert paired != paired_before
    # One more coordinator every hour of three fiscal years (2024-04-01 to 2027-04-01, 1,096 days) at
    # 2,500 yen an hour: 1,096 × 24 × 2,500 = 65.76 million yen before the night (25%) and holiday (35%)
    # premiums, which can add at most 60%.
    extra = _million_yen(paired.split(":", 1)[1] if ":" in paired else paired)
    assert 65.7 <= extra <= 65.76 * 1.6, paired
    assert "高い" in _text(page, "#card-cost_total_yen .verdict") or "多い" in _text(page, "#card-cost_total_yen .verdict")


def test_a_bad_value_shows_its_message_and_nothing_runs(page):
    runs = _runs(page)
    _set(page, NIGHT, "0")
    _wait(page, lambda d: d.find_element("id", "status").get_attribute("data-state") == "invalid")
    message = _text(page, f'[data-control="{NIGHT}"] .error')
    assert "must be in [1, 10000]" in message, message
    assert _runs(page) == runs
    _set(page, NIGHT, "3")
    _wait(page, lambda d: _runs(d) > runs)
    assert _text(page, f'[data-control="{NIGHT}"] .error') == ""


def test_saving_writes_a_scenario_that_validate_accepts_and_run_reproduces(page, served, tmp_path):
    from selenium.webdriver.common.keys import Keys
    url, save = served
    name = page.find_element("id", "save-name")
    name.clear()
    name.send_keys("three-round-the-clock", Keys.TAB)
    page.find_element("id", "save-button").click()
    _wait(page, lambda d: d.find_element("id", "save-result").get_attribute("data-path"))
    saved = Path(page.find_element("id", "save-result").get_attribute("data-path"))
    assert saved == save / "three-round-the-clock.toml"
    text = saved.read_text(encoding="utf-8")
    assert re.search(r"^base = ['\"]\.\./.*setagaya-wardwide\.toml['\"]$", text, re.M), text  # relative
    assert "count = 3" in text

    v = subprocess.run([str(KYOTEN), "validate", str(saved)], capture_output=True, text=True, timeout=120)
    assert v.returncode == 0, v.stderr
    out = tmp_path / "reproduced"
    r = subprocess.run([str(KYOTEN), "run", str(saved), "--seed", "1", "--replications", str(REPLICATIONS),
                        "--out", str(out), "--quiet", "-j", "2"], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    shown = _post(url, "/api/run", {"scenario": "setagaya-wardwide", "changes": {NIGHT: 3},
                                     "replications": REPLICATIONS, "client": "check"})
    ran = {k["key"]: k for k in summary["kpis"]}
    assert shown["kpis"], shown
    for k in shown["kpis"]:
        if k["stat"]["mean"] is None:
            continue
        assert ran[k["key"]]["mean"] == pytest.approx(k["stat"]["mean"], rel=1e-12, abs=1e-12), k["key"]
        assert ran[k["key"]]["ci_low"] == pytest.approx(k["stat"]["ci_low"], rel=1e-12, abs=1e-12), k["key"]


def test_switching_the_center_to_day_and_on_call_lowers_the_cost_card(page):
    from selenium.webdriver.support.ui import Select
    runs = _runs(page)
    _set(page, NIGHT, "2")  # back to the scenario's own staffing, so the difference is the switch alone
    _wait(page, lambda d: _runs(d) > runs)
    cost_before = _text(page, "#card-cost_total_yen .value")
    runs = _runs(page)
    Select(page.find_element("css selector", 'select[data-key="centers[0].schedule"]')).select_by_value("day_on_call")
    _wait(page, lambda d: _runs(d) > runs)
    assert _text(page, "#card-cost_total_yen .value") != cost_before
    paired = _text(page, "#card-cost_total_yen .paired")
    saved = _million_yen(paired.split(":", 1)[1] if ":" in paired else paired)
    # Worked by hand: the two coordinators round the clock leave 18–9 (15 h) on each of the 1,096 days:
    # 2 × 15 × 1,096 × 2,500 yen = 82.2 million yen before the night and holiday premiums (at most +60%); the
    # on-call allowance adds back 15 × 1,096 × 300 = 4.9 million, and the hours the on-call coordinator is called
    # out are paid on top.
    assert -82.2 * 1.6 + 4.9 <= saved <= -82.2 + 4.9 + 15, paired
    assert "安い" in _text(page, "#card-cost_total_yen .verdict")  # yen: 高い / 安い (presentation/verdict_text)


def test_a_year_simulated_in_part_shows_its_budget_pro_rated(page):
    # setagaya-fy2023 runs 2022-10-01 to 2023-10-01: FY2023 is simulated for 183 of its 366 days, so its cost is
    # set against the budget pro-rated to those days (as `kyoten run` does), and the card says so.
    from selenium.webdriver.support.ui import Select
    page.get_log("browser")  # what earlier tests logged (a refused bad value) is theirs
    runs = _runs(page)
    Select(page.find_element("id", "scenario")).select_by_value("setagaya-fy2023")
    _wait(page, lambda d: _runs(d) > runs and d.find_elements("css selector", "#cost-fy2023"))
    card = _text(page, "#cost-fy2023")
    assert "183/366日分で按分" in card, card
    logs = [e for e in page.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
    assert logs == [], logs
