"""Per-fiscal-year measures (summary.json `fiscal_years`): the report's table shows what kyoten computed, and the
real writer's per-year counts agree with monthly.csv, an independent record of the same events."""
import json
import re
import shutil
import subprocess

import pytest

from conftest import REPO, kyoten_binary
from kyoten_analysis import build_report, load_results, year_table

KYOTEN, WHY_NOT = kyoten_binary()


@pytest.fixture()
def planted(results_dir, tmp_path):
    """The fixture with per-year figures no recomputation could give: FY2024 from October (a part year)."""
    d = tmp_path / "run"
    shutil.copytree(results_dir, d)
    s = json.loads((d / "summary.json").read_text(encoding="utf-8"))
    s["fiscal_years"] = [
        {"fiscal_year": 2024, "start": "2024-10-01", "end": "2025-04-01", "days": 182,
         "kpis": [{"key": "calls", "mean": 123.0, "ci_low": 111.0, "ci_high": 135.0, "n": 5},
                  {"key": "arrange_within_4h", "mean": 0.808, "ci_low": 0.795, "ci_high": 0.82, "n": 5}]},
        {"fiscal_year": 2025, "start": "2025-04-01", "end": "2026-04-01", "days": 365,
         "kpis": [{"key": "calls", "mean": 250.0, "ci_low": 240.0, "ci_high": 260.0, "n": 5},
                  {"key": "arrange_within_4h", "mean": None, "ci_low": None, "ci_high": None, "n": 0}]},
    ]
    (d / "summary.json").write_text(json.dumps(s, ensure_ascii=False), encoding="utf-8")
    return load_results(d)


def test_table_shows_summary_json_s_figures_per_year(planted):
    headers, rows = year_table.fiscal_year_rows(planted, "ja")
    assert headers[2:] == ["令和6年度（10〜3月）", "令和7年度", "期間全体"]
    assert all(len(r) == len(headers) for r in rows)
    calls, within = rows
    assert calls[2] == "123 [111, 135]" and calls[3] == "250 [240, 260]"
    assert calls[1].endswith("（年度計）")
    assert within[2] == "80.8 [79.5, 82.0]" and within[3] == "—"  # no emergency that year: nothing measured
    headers_en, _ = year_table.fiscal_year_rows(planted, "en")
    assert headers_en[2:] == ["FY2024 (Oct–Mar)", "FY2025", "Whole period"]


def test_report_has_the_per_year_section_only_when_summary_json_has_it(planted, res, tmp_path):
    html = build_report(planted, lang="en", out=tmp_path / "a" / "r.html", pdf_engine="none").html.read_text("utf-8")
    table = re.search(r'<table class="fiscal-years">(.*?)</table>', html, re.S)
    assert table and 'href="#fiscal-years"' in html
    assert table.group(1).count("<th>") == 5 and "FY2024 (Oct–Mar)" in table.group(1)
    assert 'id="fiscal-years"' not in build_report(res, lang="en", out=tmp_path / "b" / "r.html",
                                              pdf_engine="none").html.read_text("utf-8")


def test_workbook_sheet_holds_summary_json_s_per_year_figures(planted, tmp_path):
    import openpyxl
    from kyoten_analysis import workbook
    ws = openpyxl.load_workbook(workbook.write_xlsx(planted, tmp_path / "w.xlsx", "ja"))["年度別指標"]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=5)]
    assert [r[1:6] for r in rows if r[1] == "calls"] == [["calls", "令和6年度", 123.0, 111.0, 135.0],
                                                         ["calls", "令和7年度", 250.0, 240.0, 260.0]]
    within = [r for r in rows if r[1] == "arrange_within_4h"]
    assert within[0][3] == 0.808 and within[1][3] is None  # empty where that year had no emergency
    assert ws.cell(row=5 + rows.index(within[0]), column=4).number_format == "0.0%"


@pytest.mark.skipif(KYOTEN is None, reason=WHY_NOT or "")
def test_per_year_counts_agree_with_monthly_csv_and_add_up_to_the_horizon(tmp_path):
    out = tmp_path / "run"
    p = subprocess.run([str(KYOTEN), "run", str(REPO / "scenarios" / "setagaya-fy2023.toml"), "--replications", "4",
                        "--out", str(out), "--quiet"], capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stderr
    res = load_results(out)
    years = res.summary["fiscal_years"]
    # October 2022 to September 2023: the second half of FY2022 and the first half of FY2023.
    assert [(y["fiscal_year"], y["start"], y["end"], y["days"]) for y in years] == [
        (2022, "2022-10-01", "2023-04-01", 182), (2023, "2023-04-01", "2023-10-01", 183)]
    by_month = res.monthly.groupby(["fiscal_year", "replication"]).sum(numeric_only=True).groupby("fiscal_year").mean()
    for key, column in (("calls", "calls"), ("emergencies", "emergencies"), ("registrations", "registrations"),
                        ("assessments_done", "assessments")):
        per_year = [next(k for k in y["kpis"] if k["key"] == key)["mean"] for y in years]
        for y, value in zip(years, per_year):
            assert value == pytest.approx(by_month.loc[y["fiscal_year"], column]), (key, y["fiscal_year"])
        assert sum(per_year) == pytest.approx(res.kpi(key)["mean"]), key
    # Outcomes count in the year of the call (monthly.csv counts them when they happen): only the sum is shared.
    unresolved = [next(k for k in y["kpis"] if k["key"] == "outcome_unresolved")["mean"] for y in years]
    assert sum(unresolved) == pytest.approx(res.kpi("outcome_unresolved")["mean"])
