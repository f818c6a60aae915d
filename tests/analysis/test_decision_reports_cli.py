"""End to end with the kyoten binary: `kyoten report` on the folders `compare --out` and `optimize --out` write and
on a sweep database, `kyoten export` on a run, and the calibrated scenario's report showing summary.json's own
figures (no interval recomputed in Python)."""
import json
import re
import subprocess

import pytest

from conftest import REPO, kyoten_binary
from kyoten_analysis import load_results, tables
from test_report import html_tables

KYOTEN, WHY_NOT = kyoten_binary()
pytestmark = pytest.mark.skipif(KYOTEN is None, reason=WHY_NOT or "")
SCEN = REPO / "scenarios"


def _kyoten(*args, timeout=900):
    p = subprocess.run([str(KYOTEN), *map(str, args)], capture_output=True, text=True, timeout=timeout)
    assert p.returncode == 0, p.stderr
    return p


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_report_of_a_real_comparison(tmp_path, lang):
    out = tmp_path / "cmp"
    _kyoten("compare", SCEN / "setagaya-fy2023.toml", SCEN / "setagaya-plan-three-staff.toml", "-n", 6, "--out", out,
            "--quiet")
    data = json.loads((out / "comparison.json").read_text(encoding="utf-8"))
    assert all(k.get("mmd") is not None for d in data["differences"] for k in d["kpis"] if k["unit"] == "minutes")
    _kyoten("report", out, "--lang", lang)
    doc = (out / f"report_{lang}.html").read_text(encoding="utf-8")
    # side by side, differences, the three overlaid fans (monthly_bands.csv), cost by fiscal year
    assert len(re.findall(r'<img id="img-', doc)) == 6
    for cls, heads, rows in html_tables(doc):
        assert rows and all(len(r) == len(heads) for r in rows), cls
    assert (out / f"report_{lang}.pdf").read_bytes()[:5] == b"%PDF-"


def test_compare_s_monthly_bands_are_the_quantiles_of_the_same_run_s_monthly_csv(tmp_path):
    """Replication r of every option uses (seed, r), as `run` does: option A's fans in monthly_bands.csv are the
    5–95% points over `run`'s monthly.csv of the same scenario and seed (numpy's default quantiles)."""
    import numpy as np
    import pandas as pd
    _kyoten("compare", SCEN / "setagaya-fy2023.toml", SCEN / "setagaya-plan-three-staff.toml", "-n", 6, "--seed", 5,
            "--out", tmp_path / "cmp", "--quiet")
    _kyoten("run", SCEN / "setagaya-fy2023.toml", "-n", 6, "--seed", 5, "--out", tmp_path / "run", "--quiet")
    bands = pd.read_csv(tmp_path / "cmp" / "monthly_bands.csv", dtype={"start": str})
    label = json.loads((tmp_path / "cmp" / "comparison.json").read_text(encoding="utf-8"))["scenarios"][0]["label"]
    monthly = pd.read_csv(tmp_path / "run" / "monthly.csv", dtype={"month": str})
    for series in ("registrants_end", "emergencies", "cost_yen"):
        mine = bands[(bands["scenario"] == label) & (bands["series"] == series) & (bands["period"] == "month")]
        assert list(mine["start"]) == sorted(monthly["month"].unique())
        for _, b in mine.iterrows():
            x = monthly.loc[monthly["month"] == b["start"], series].to_numpy(dtype=float)
            assert b["n"] == len(x) == 6
            for q in (5, 25, 50, 75, 95):
                assert b[f"q{q:02d}"] == pytest.approx(np.quantile(x, q / 100), rel=1e-9, abs=1e-6), (series, b["start"])
            assert b["mean"] == pytest.approx(x.mean(), rel=1e-9, abs=1e-6)
    # a quarter's count is the sum of its months, per replication
    q = bands[(bands["scenario"] == label) & (bands["series"] == "calls") & (bands["period"] == "quarter")]
    first = q.iloc[0]
    months = pd.period_range(first["start"], periods=3, freq="M").strftime("%Y-%m")
    sums = monthly[monthly["month"].isin(months)].groupby("replication")["calls"].sum().to_numpy(dtype=float)
    assert first["q50"] == pytest.approx(np.quantile(sums, 0.5))


def test_report_of_a_real_optimize_and_sweep(tmp_path):
    out = tmp_path / "opt"
    _kyoten("optimize", SCEN / "setagaya-plan-reserved-beds.toml",
            "--space", "facilities[0].reserved_emergency_beds=0,1,2", "--target", "p_no_bed<=0.5", "--replications-initial", 4, "--replications-max", 8, "--out", out, "--quiet")
    _kyoten("report", out, "--lang", "en")
    assert "optimize_costs" in (out / "report_en.html").read_text(encoding="utf-8")
    db = tmp_path / "s-sweep.db"
    _kyoten("sweep", SCEN / "setagaya-plan-reserved-beds.toml", "--vary", "facilities[0].reserved_emergency_beds=0,1",
            "-n", 4, "--db", db, "--quiet")
    p = _kyoten("report", db)
    assert p.stdout.split()[0] == str(tmp_path / "s-sweep_report_ja.html")


def test_export_of_a_real_run_matches_summary_json(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "run"
    _kyoten("run", SCEN / "setagaya-wardwide.toml", "--replications", 4, "--out", out, "--quiet")
    _kyoten("export", out, "--xlsx", "--csv-bom")
    s = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    wb = openpyxl.load_workbook(out / "workbook_ja.xlsx")
    rows = list(wb["予算比較"].iter_rows(min_row=5, values_only=True))
    assert len(rows) == len(s["budget_risk"]) > 0
    for r, b in zip(rows, s["budget_risk"]):
        assert r[2] == pytest.approx(b["budget_yen"] / 1000) and r[5] == pytest.approx(b["cost_mean"] / 1000)
        assert r[8] == pytest.approx(b["p_over_budget"])
    heads = [c.value for c in wb["費用（年度・科目別）"][4]]
    assert heads[1:] == ["令和6年度", "令和7年度", "令和8年度"]
    total = list(wb["費用（年度・科目別）"].iter_rows(min_row=5, values_only=True))[-1]
    assert total[1] == pytest.approx([t for t in s["cost_totals"] if t["fiscal_year"] == 2024][0]["mean"] / 1000)
    assert (out / "tables_ja" / "budget_comparison.csv").read_bytes()[:3] == b"\xef\xbb\xbf"
    # the folder stays replaceable by the next run (the workbook is among the files kyoten writes)
    _kyoten("run", SCEN / "setagaya-wardwide.toml", "--replications", 4, "--out", out, "--quiet")


def test_calibrated_report_shows_summary_json_figures(tmp_path):
    out = tmp_path / "cal"
    _kyoten("run", SCEN / "setagaya-wardwide-calibrated.toml", "--replications", 8, "--out", out, "--quiet")
    res = load_results(out)
    s = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    kt = tables.kpi_table(res, "ja", headline_only=False).set_index("key")
    for k in s["kpis"]:
        if k["ci_low"] is None:
            continue
        row = kt.loc[k["key"]]
        scale = {"share": 100.0, "yen": 1e-3}.get(k["unit"], 1.0)
        assert row["mean_value"] == pytest.approx(k["mean"] * scale)
        assert row["ci_low_value"] == pytest.approx(k["ci_low"] * scale)
        assert row["ci_high_value"] == pytest.approx(k["ci_high"] * scale)
    from kyoten_analysis import charts
    cost = charts.cost_by_fiscal_year(res).set_index("fiscal_year")
    for t in s["cost_totals"]:
        assert cost.loc[t["fiscal_year"], "total_ci_low"] == pytest.approx(t["ci_low"])
        assert cost.loc[t["fiscal_year"], "total_ci_high"] == pytest.approx(t["ci_high"])


def _fnv1a_32(text: str) -> str:
    h = 0x811C9DC5
    for b in text.encode("utf-8"):
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return f"{h:08x}"


def test_a_set_run_gets_its_own_folder_and_records_its_overrides(tmp_path):
    sets = ["hub.rooms=2", "calls.per_registrant_per_year=0.6"]
    args = [a for s in sets for a in ("--set", s)]
    p = subprocess.run([str(KYOTEN), "run", str(SCEN / "setagaya-wardwide.toml"), "--replications", "2", "--quiet",
                        *args], capture_output=True, text=True, cwd=tmp_path, timeout=600)
    assert p.returncode == 0, p.stderr
    folder = tmp_path / "results" / ("setagaya-wardwide-" + _fnv1a_32("".join(s + "\n" for s in sets)))
    assert folder.is_dir(), sorted(x.name for x in (tmp_path / "results").iterdir())
    assert not (tmp_path / "results" / "setagaya-wardwide").exists()  # the baseline's folder is left alone
    assert json.loads((folder / "summary.json").read_text(encoding="utf-8"))["overrides"] == sets
