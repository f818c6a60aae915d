"""The report's "where the spread comes from" table (tables.variance_split_table): summary.json's variance split
in displayed units with Japanese and English labels, a how-to-read note and the fan-chart note when parameters
are drawn, and a plain "not applicable" when they are not. Scenario values stated as distributions are shown
as their means with the distribution beside them."""
import html as html_lib
import json
import math

import pytest

from kyoten_analysis import build_report, labels, load_results, tables
from make_fixture import VOCAB, run_of  # the vocabulary the fixture folders hold


def _with_split(run_dir):
    """The fixture's summary.json with a hand-made split: calls total 900 = 225 chance + 675 parameters."""
    path = run_dir / "summary.json"
    s = json.loads(path.read_text(encoding="utf-8"))
    s["variance_split"] = {
        "applicable": True, "replications_per_draw": 2,
        "outputs": [
            {"key": "calls", "label_ja": "相談件数", "label_en": "Calls", "pairs": 50,
             "total": 900.0, "stochastic": 225.0, "parameter": 675.0, "parameter_share": 0.75},
            {"key": "cost_fy2024", "label_ja": "2024年度 費用計", "label_en": "Cost, FY2024", "pairs": 50,
             "total": 4.0e12, "stochastic": 1.0e12, "parameter": 3.0e12, "parameter_share": 0.75},
            {"key": "hub_days_all_in_use", "label_ja": "x", "label_en": "x", "pairs": 0,
             "total": None, "stochastic": None, "parameter": None, "parameter_share": None},
        ]}
    path.write_text(json.dumps(s), encoding="utf-8")
    return run_dir


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_split_in_displayed_units(fresh_copy, lang):
    vt = tables.variance_split_table(load_results(_with_split(fresh_copy)), lang)
    calls = vt[vt["key"] == "calls"].iloc[0]
    assert calls["share"] == "75%"
    assert calls["sd_total"] == "30.0" and calls["sd_stochastic"] == "15.0"  # sqrt(900), sqrt(225)
    assert math.isclose(float(calls["sd_parameter"]), math.sqrt(675), abs_tol=0.05)
    cost = vt[vt["key"] == "cost_fy2024"].iloc[0]
    assert cost["sd_total"] == "2,000"  # sqrt(4e12) yen = 2,000 thousand yen
    assert cost["unit"] == VOCAB.kpi_unit("cost_total_yen", "yen", lang)
    assert cost["label"] == ("2024年度 費用計" if lang == "ja" else "Cost, FY2024")
    assert vt[vt["key"] == "hub_days_all_in_use"].iloc[0]["share"] == "—"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_report_shows_the_split_with_how_to_read(fresh_copy, tmp_path, lang):
    rep = build_report(_with_split(fresh_copy), lang=lang, out=tmp_path / "r.html", pdf_engine="none")
    html = rep.html.read_text(encoding="utf-8")
    t = labels.REPORT[lang]
    assert 'id="variance-split"' in html and t["variance_split"] in html
    assert html_lib.escape(t["variance_split_intro"]) in html and html_lib.escape(t["fan_with_parameters"]) in html
    assert t["col_param_share"] in html and "75%" in html
    assert html_lib.escape(t["variance_split_na"]) not in html


def test_without_uncertain_parameters_the_split_is_not_applicable(results_dir, tmp_path):
    assert tables.variance_split_table(load_results(results_dir), "ja").empty
    rep = build_report(results_dir, lang="ja", out=tmp_path / "r.html", pdf_engine="none")
    html = rep.html.read_text(encoding="utf-8")
    assert html_lib.escape(labels.REPORT["ja"]["variance_split_na"]) in html
    assert html_lib.escape(labels.REPORT["ja"]["fan_with_parameters"]) not in html


def test_labels_exist_in_both_languages():
    for key in ("variance_split", "variance_split_intro", "variance_split_na", "col_param_share", "col_sd_total",
                "col_sd_stochastic", "col_sd_parameter", "fan_with_parameters"):
        assert labels.REPORT["ja"][key] and labels.REPORT["en"][key]
    assert labels.REPORT["ja"]["variance_split_intro"].startswith("読み方")


def test_distributions_in_the_scenario_show_as_their_means():
    scenario = {"calls": {
        "per_registrant_per_year": {"dist": "gamma", "shape": 48.5, "rate": 99},
        "unregistered_per_year": 0,
        "band_share": {"dist": "dirichlet", "weekday_daytime": 34.5, "weekday_evening": 5.5, "weekday_night": 2.5,
                       "weekend_holiday": 7.5},
        "emergency_share": {"weekday_daytime": {"dist": "beta", "a": 9.5, "b": 25.5}, "weekday_evening": 0.1,
                            "weekday_night": 0.1, "weekend_holiday": 0.3},
        "need_weights": {"dist": "dirichlet", "short_stay": 5.5, "home_help": 4.5, "both": 2.5}}}
    rows = dict(tables.assumption_rows(run_of(scenario), "en"))
    assert rows["Calls"].startswith("0.489899 per registrant a year (drawn per replication pair: gamma, shape 48.5")
    assert "Weekday daytime 69%" in rows["Share of calls by time band"]
    assert "Dirichlet(weekday_daytime 34.5" in rows["Share of calls by time band"]
    assert "27.1%" in rows["Probability a call is an emergency"]
    assert "short stay 44%" in rows["What an emergency needs"]
    assert tables.point_value({"dist": "gamma", "shape": 2, "scale": 3}) == 6
