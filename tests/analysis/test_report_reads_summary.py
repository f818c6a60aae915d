"""The report shows the intervals summary.json holds — kyoten computed them (cut at the bounds, pairs as units) —
and does not recompute them from the replications: intervals planted in summary.json (values no recomputation
from the CSVs could give) come out in the tables and charts."""
import json
import shutil

import pytest

from kyoten_analysis import charts, load_results, tables


@pytest.fixture()
def planted(results_dir, tmp_path):
    d = tmp_path / "run"
    shutil.copytree(results_dir, d)
    s = json.loads((d / "summary.json").read_text(encoding="utf-8"))
    for k in s["kpis"]:
        if k["key"] == "calls":
            k.update(ci_low=1.0, ci_high=99999.0)
        if k["key"] == "arrange_mean_h_weekday_night":
            k.update(ci_low=0.5, ci_high=9.5)
        if k["key"] == "hub_days_all_in_use":
            k.update(ci_low=0.001, ci_high=0.999)
    for c in s["costs"]:
        if c["fiscal_year"] == 2024 and c["line"] == "center":
            c.update(ci_low=1000.0, ci_high=9e9)
    s["cost_totals"] = [{"fiscal_year": fy, "mean": 7e7, "ci_low": 123456.0, "ci_high": 8.9e8, "n": 5}
                        for fy in (2024, 2025, 2026)]
    (d / "summary.json").write_text(json.dumps(s, ensure_ascii=False), encoding="utf-8")
    return load_results(d)


def test_kpi_table_shows_summary_intervals(planted):
    kt = tables.kpi_table(planted, "en", headline_only=False).set_index("key")
    assert kt.loc["calls", "ci"] == "[1, 99,999]"


def test_chart_intervals_are_summary_json_s(planted):
    band = charts.arrange_by_band(planted, "en").kyoten["data"].set_index("band")
    assert band.loc["weekday_night", "ci_low"] == 0.5 and band.loc["weekday_night", "ci_high"] == 9.5
    shares = charts.hub_rooms(planted, "en").kyoten["data"]["shares"].set_index("what")
    assert shares.loc["all", "ci_low"] == 0.001 and shares.loc["all", "ci_high"] == 0.999
    cost = charts.cost_by_fiscal_year(planted).set_index("fiscal_year")
    assert cost.loc[2024, "total_ci_low"] == 123456.0 and cost.loc[2026, "total_ci_high"] == 8.9e8


def test_budget_table_intervals_are_summary_json_s(planted):
    bt = tables.budget_table(planted, "en")
    y24 = bt[bt["fiscal_year"].str.contains("2024")]
    center = y24[y24["budget_line"] == "Center (staff, on call, contract)"].iloc[0]
    assert center["ci"].startswith("[1, ")  # 1,000 yen = 1 thousand
    total = y24[y24["total"]].iloc[0]
    assert total["ci"] == "[123, 890,000]"


def test_kpi_appendix_leaves_out_what_never_happened_and_counts_it(res):
    # The fixture has no emergency places and no coordination meeting: those KPIs are 0 (or undefined) in every
    # replication and leave the appendix; KPIs that happened, and every headline KPI, stay.
    every = tables.kpi_table(res, "en", headline_only=False)
    shown = tables.kpi_table(res, "en", headline_only=False, omit_never_happened=True)
    gone = set(every["key"]) - set(shown["key"])
    assert {"emergency_place_uses_vacant_house", "emergency_place_days", "experience_approvals"} <= gone
    assert {"calls", "emergencies", "arrange_within_4h"} <= set(shown["key"])
    headline = set(tables.kpi_table(res, "en")["key"])
    assert headline <= set(shown["key"])
    for key in gone:
        r = res.kpi_summary.set_index("key").loc[key]
        assert r["mean"] == 0 or r["mean"] != r["mean"] or r["n"] == 0, key  # 0 or undefined, never a figure
