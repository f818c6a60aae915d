"""`kyoten serve` downloads: for the page's current settings (here a center switched to day + on-call), the
report and the workbook are made as `kyoten report` and `kyoten export --xlsx` make them; the workbook opens in
openpyxl and its cost by fiscal year is the cost the page showed for the same settings (same seed and
replications: the figures of two separate programs, the C++ server and the Python analysis, must agree); only the
fixed file names of a sanitised folder can be downloaded.
Skipped when the kyoten binary or openpyxl is missing.
"""
from __future__ import annotations

import io
import json
import re
import signal
import subprocess
import urllib.error
import urllib.request

import pytest

from conftest import kyoten_binary

openpyxl = pytest.importorskip("openpyxl")
KYOTEN, WHY_NOT = kyoten_binary()
REPLICATIONS = 10
ON_CALL = {"centers[0].schedule": "day_on_call"}

pytestmark = pytest.mark.skipif(KYOTEN is None, reason=WHY_NOT or "")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    d = tmp_path_factory.mktemp("serve-downloads")
    p = subprocess.Popen([str(KYOTEN), "serve", "--port", "0", "--no-open", "--replications", str(REPLICATIONS),
                          "-j", "2", "--save-dir", str(d / "saved"), "--lang", "en"],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=d)
    line = p.stdout.readline()
    m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    assert m, f"no address printed: {line!r}"
    yield m.group(0).rstrip("/")
    p.send_signal(signal.SIGTERM)
    assert p.wait(timeout=30) == 0


def _post(url: str, path: str, body: dict) -> dict:
    req = urllib.request.Request(url + path, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=900) as r:
        return json.load(r)


def _get(url: str, path: str):
    with urllib.request.urlopen(url + path, timeout=120) as r:
        return r.status, r.headers, r.read()


@pytest.fixture(scope="module")
def made(served):
    """The page's answer for the on-call settings and the report made for the same settings."""
    shown = _post(served, "/api/run", {"scenario": "setagaya-wardwide", "changes": ON_CALL,
                                       "replications": REPLICATIONS, "client": "downloads"})
    report = _post(served, "/api/report", {"scenario": "setagaya-wardwide", "changes": ON_CALL,
                                           "replications": REPLICATIONS, "name": "on-call", "lang": "ja"})
    return shown, report


def test_the_report_lists_the_html_report_and_the_workbook(made):
    _, report = made
    assert report["name"] == "on-call"
    assert "report_ja.html" in report["report_files"]
    assert "workbook_ja.xlsx" in report["report_files"]


def test_the_html_report_downloads_as_an_attachment(served, made):
    status, headers, body = _get(served, "/api/report-file?name=on-call&file=report_ja.html")
    assert status == 200
    assert headers["Content-Type"].startswith("text/html")
    assert "attachment" in headers["Content-Disposition"]
    text = body.decode("utf-8")
    assert "<html" in text and "</html>" in text


def test_the_workbook_opens_and_holds_the_cost_the_page_showed_for_the_same_settings(served, made):
    shown, _ = made
    status, headers, body = _get(served, "/api/report-file?name=on-call&file=workbook_ja.xlsx")
    assert status == 200
    assert headers["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    wb = openpyxl.load_workbook(io.BytesIO(body))
    ws = wb["費用（年度・科目別）"]
    rows = [list(r) for r in ws.iter_rows(min_row=4, values_only=True)]
    heads, total = rows[0], next(r for r in rows if r[0] == "合計")
    for c in shown["costs"]:
        col = heads.index(f"令和{c['fiscal_year'] - 2018}年度")
        assert total[col] == pytest.approx(c["total"]["mean"] / 1000, rel=1e-9), c["fiscal_year"]


@pytest.mark.parametrize("query", ["name=..&file=workbook_ja.xlsx", "name=on-call%2F..&file=workbook_ja.xlsx",
                                   "name=on-call&file=..%2F..%2Fon-call.toml", "name=on-call&file=summary.json",
                                   "name=on-call&file=workbook_ja.xlsx%00.html"])
def test_nothing_outside_the_fixed_file_names_downloads(served, made, query):
    with pytest.raises(urllib.error.HTTPError) as e:
        _get(served, "/api/report-file?" + query)
    assert e.value.code == 404
