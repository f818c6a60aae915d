"""Reading a results directory (CSV and SQLite) as docs/results-format.md defines it."""
import json

import pandas as pd
import pytest

from kyoten_analysis import ResultsError, load_results
from make_fixture import VOCAB  # the vocabulary the fixture folders hold


def test_reads_every_table(res):
    assert res.source == "csv"
    assert res.replications == 5
    assert set(res.kpis.columns) == {"replication", *VOCAB.kpi_keys}
    assert len(res.monthly) == 5 * 36
    assert 1090 <= res.daily["date"].nunique() <= 1100
    assert len(res.staff) == 5 * 168 * 4  # one center: all duties, inquiry, emergency, assessment
    assert set(res.costs["line"]) == set(VOCAB.cost_lines)
    assert res.budget["yen"].sum() > 0
    assert res.monthly["month_start"].notna().all()
    assert pd.api.types.is_datetime64_any_dtype(res.daily["date"])


def test_scenario_facts(res, res_no_hub):
    assert res.hub_rooms == 3
    assert res_no_hub.hub_rooms == 0
    assert res.total_beds == 48
    assert res.reserved_emergency_beds == 1
    assert res.title("ja").startswith("テスト用")
    assert res.title("en").startswith("Test fixture")
    assert res.band_hours == {"day_start": 9, "evening_start": 17, "night_start": 22}


def test_missing_values_stay_missing(res):
    # replication 0 had no night emergency: its night mean is empty in kpis.csv
    assert pd.isna(res.kpis.loc[res.kpis["replication"] == 0, "arrange_mean_h_weekday_night"]).all()
    assert res.kpi_ci("arrange_mean_h_weekday_night").n == 4


def test_kpi_summary_from_summary_json_matches_replications(res):
    for key in ("calls", "arrange_mean_h", "cost_total_yen", "hub_days_all_in_use"):
        row = res.kpi(key)
        ci = res.kpi_ci(key)
        assert row["mean"] == pytest.approx(ci.mean)
        assert row["ci_low"] == pytest.approx(ci.ci_low)
        assert row["ci_high"] == pytest.approx(ci.ci_high)


def test_a_kpi_that_summary_json_does_not_list_is_refused_naming_the_file_and_the_kpi(fresh_copy):
    # kyoten lists every KPI of kpis.csv in summary.json; a folder where one is missing was altered or cut short,
    # and the analysis does not recompute the interval kyoten would have given (pairs as units, cut at the bounds).
    s = json.loads((fresh_copy / "summary.json").read_text(encoding="utf-8"))
    s["kpis"] = [k for k in s["kpis"] if k["key"] != "calls"]
    (fresh_copy / "summary.json").write_text(json.dumps(s, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ResultsError) as e:
        load_results(fresh_copy)
    message = str(e.value)
    assert message.startswith(str(fresh_copy / "summary.json")) and "'calls'" in message and "kpis.csv" in message


def test_a_database_without_its_kpi_summary_is_refused_naming_the_table(fresh_copy):
    import sqlite3
    db = fresh_copy / "results.db"
    with sqlite3.connect(db) as con:
        con.execute("DROP TABLE kpi_summary")
    with pytest.raises(ResultsError, match="kpi_summary") as e:
        load_results(db)
    assert str(e.value).startswith(str(db))


def test_sqlite_gives_the_same_tables(results_dir, res):
    db = load_results(results_dir / "results.db")
    assert db.source == "sqlite"
    assert db.summary["replications"] == 5
    assert db.hub_rooms == 3
    pd.testing.assert_frame_equal(db.kpis, res.kpis, check_dtype=False)
    pd.testing.assert_frame_equal(db.monthly.reset_index(drop=True), res.monthly.reset_index(drop=True),
                                  check_dtype=False)
    assert db.kpi("calls")["mean"] == pytest.approx(res.kpi("calls")["mean"])


def test_missing_csv_is_read_from_results_db(fresh_copy):
    (fresh_copy / "daily.csv").unlink()
    r = load_results(fresh_copy)
    assert len(r.daily) > 0 and r.source == "csv"


def test_months_in_fiscal_year(res, res_no_hub):
    assert res.months_in_fiscal_year() == {2024: 12, 2025: 12, 2026: 12}
    assert res_no_hub.months_in_fiscal_year() == {2022: 6, 2023: 8}


def test_clear_errors(tmp_path, fresh_copy):
    with pytest.raises(ResultsError, match="no such results directory"):
        load_results(tmp_path / "nope")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(ResultsError, match="summary.json: missing"):
        load_results(empty)
    (fresh_copy / "results.db").unlink()
    df = pd.read_csv(fresh_copy / "monthly.csv").drop(columns=["calls"])
    df.to_csv(fresh_copy / "monthly.csv", index=False)
    with pytest.raises(ResultsError, match=r"monthly.csv: missing column\(s\) calls"):
        load_results(fresh_copy)
    (fresh_copy / "summary.json").write_text("{ not json", encoding="utf-8")
    with pytest.raises(ResultsError, match="not valid JSON"):
        load_results(fresh_copy)


def test_cost_lines_are_those_of_the_format(repo, res):
    """The vocabulary (and the fixture) use exactly the cost lines docs/results-format.md lists."""
    import re
    doc = (repo / "docs" / "results-format.md").read_text(encoding="utf-8")
    bullet = doc[doc.index("- `costs.csv`"):doc.index("- `budget.csv`")]
    listed = re.findall(r"`([a-z_]+)`", bullet[bullet.index("Lines"):])
    assert listed == VOCAB.cost_lines
    assert set(res.costs["line"]) == set(VOCAB.cost_lines)


def test_fixture_follows_results_format(results_dir, repo):
    """The fixture's CSV headers are exactly the columns docs/results-format.md lists."""
    doc = (repo / "docs" / "results-format.md").read_text(encoding="utf-8")
    for table in ("monthly", "daily", "staff_utilisation", "costs", "budget"):
        header = (results_dir / f"{table}.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
        for col in header:
            assert f"{col}" in doc, f"{table}.csv column {col} is not in docs/results-format.md"
