"""Shared fixtures of the analysis tests: synthetic results directories (make_fixture.py) and the interpreter.

Run from the repository root: `/usr/bin/python3 -m pytest tests/analysis -q`."""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "analysis"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_fixture  # noqa: E402

PYTHON = os.environ.get("KYOTEN_PYTHON", "/usr/bin/python3")


def chromium_path():
    from kyoten_analysis.report import find_chromium
    return find_chromium()


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def results_dir(tmp_path_factory) -> Path:
    """36 months from April 2024, 5 replications, a hub with 3 emergency rooms, budget for two fiscal years."""
    return make_fixture.make_fixture(tmp_path_factory.mktemp("fixture") / "hub3", replications=5, months=36)


@pytest.fixture(scope="session")
def results_no_hub(tmp_path_factory) -> Path:
    """14 months from October 2022 (partial fiscal years), no hub rooms, weekend nights unstaffed, no budget."""
    return make_fixture.make_fixture(tmp_path_factory.mktemp("fixture") / "nohub", replications=4, months=14,
                                     start="2022-10-01", hub_rooms=0, off_duty_hours=True, with_budget=False,
                                     seed=99)


@pytest.fixture()
def fresh_copy(results_dir, tmp_path) -> Path:
    """A private copy of the fixture, for tests that write into it."""
    dst = tmp_path / "run"
    shutil.copytree(results_dir, dst)
    return dst


@pytest.fixture(scope="session")
def res(results_dir):
    from kyoten_analysis import load_results
    return load_results(results_dir)


@pytest.fixture(scope="session")
def res_no_hub(results_no_hub):
    from kyoten_analysis import load_results
    return load_results(results_no_hub)


def kyoten_binary():
    """(path, None) when a kyoten binary with the `run` command exists, else (None, reason to skip)."""
    import subprocess
    p = Path(os.environ.get("KYOTEN_BIN", "build/default/app/kyoten"))
    p = p if p.is_absolute() else REPO / p
    if not p.exists():
        return None, f"kyoten binary not found at {p} (build it with scripts/build.sh, or set KYOTEN_BIN)"
    try:
        r = subprocess.run([str(p), "run", "--help"], capture_output=True, text=True, timeout=30)
    except OSError as e:
        return None, f"cannot run {p}: {e}"
    if r.returncode != 0 or "--replications" not in r.stdout:
        return None, f"{p} has no `run` command yet (a stale build? rebuild with scripts/build.sh)"
    return p, None


def selenium_chrome(chromium: str, chromedriver: str):
    """A headless Chromium under Selenium that keeps the browser console log; a generator for module fixtures
    (yields the driver, quits it afterwards). Skips when python3-selenium or chromedriver is missing."""
    import tempfile
    webdriver = pytest.importorskip("selenium.webdriver", reason="python3-selenium is not installed "
                                                                 "(the command-line tests still run)")
    if chromedriver is None:
        pytest.skip("chromedriver is not installed (Debian package chromium-driver)")
    from selenium.webdriver.chrome.service import Service
    from kyoten_analysis.report import CHROMIUM_FLAGS

    profile = tempfile.mkdtemp(prefix="kyoten-selenium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for a in ["--headless=new", *[f for f in CHROMIUM_FLAGS if f != "--headless"], f"--user-data-dir={profile}",
              "--window-size=1280,1600"]:
        opts.add_argument(a)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    d = webdriver.Chrome(service=Service(chromedriver), options=opts)
    d.set_page_load_timeout(120)
    yield d
    d.quit()
    shutil.rmtree(profile, ignore_errors=True)
