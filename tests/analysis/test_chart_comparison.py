"""charts/comparison.py (and the frames of several runs in charts/data.py): runs side by side and the
cost–service frontier."""

import numpy as np
import pandas as pd
import pytest

from kyoten_analysis import charts, labels
from make_fixture import VOCAB  # the vocabulary the fixture folders hold
from chart_checks import render_without_missing_glyphs


def _synthetic_sweep():
    # five configurations: cost (yen) and share arranged within 4 h; C is dominated by B (dearer and worse)
    return pd.DataFrame({
        "config": ["A", "B", "C", "D", "E"],
        "cost_mean": [50e6, 55e6, 58e6, 62e6, 70e6],
        "cost_ci_low": [49e6, 54e6, 57e6, 61e6, 69e6],
        "cost_ci_high": [51e6, 56e6, 59e6, 63e6, 71e6],
        "service_mean": [0.80, 0.88, 0.85, 0.93, 0.93],
        "service_ci_low": [0.78, 0.86, 0.83, 0.91, 0.91],
        "service_ci_high": [0.82, 0.90, 0.87, 0.95, 0.95],
    })


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_scenario_comparison(results_dir, results_no_hub, lang):
    fig = charts.scenario_comparison([results_dir, results_no_hub], lang=lang)
    assert fig.kyoten["title"] == labels.chart_text("scenario_comparison", lang)["title"]
    d = fig.kyoten["data"]
    assert set(d["key"]) == set(charts.DEFAULT_COMPARISON_KPIS)
    assert len(d) == 2 * len(charts.DEFAULT_COMPARISON_KPIS)
    from kyoten_analysis import load_results
    r = load_results(results_dir)
    row = d[(d["key"] == "arrange_within_4h")].iloc[0]
    assert row["mean"] == pytest.approx(r.kpi("arrange_within_4h")["mean"] * 100)  # shown in %
    assert row["unit"] == "%"
    panel_titles = [ax.get_title(loc="left") for ax in fig.axes if ax.get_visible()]
    assert any(VOCAB.kpi_label("cost_total_yen", lang) in t for t in panel_titles)
    render_without_missing_glyphs(fig)


def test_scenario_comparison_names_and_errors(results_dir):
    fig = charts.scenario_comparison([results_dir, results_dir], kpis=["calls"], names=["A", "B"])
    assert list(fig.kyoten["data"]["scenario"]) == ["A", "B"]
    with pytest.raises(ValueError):
        charts.scenario_comparison([results_dir], names=["A", "B"])
    with pytest.raises(KeyError):
        charts.comparison_table([results_dir], kpis=["no_such_kpi"])


def test_pareto_front():
    d = _synthetic_sweep()
    assert list(charts.pareto_front(d)) == [True, True, False, True, False]  # E: same service as D, dearer
    # lower is better (e.g. hours to arrangement): A is cheapest and best
    d2 = d.assign(service_mean=[1.0, 2.0, 1.5, 3.0, 0.5])
    assert list(charts.pareto_front(d2, higher_is_better=False)) == [True, False, False, False, True]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_cost_service_frontier(lang):
    d = _synthetic_sweep()
    fig = charts.cost_service_frontier(d, lang=lang, service_label="4時間以内に確保（%）" if lang == "ja" else
                                       "Arranged within 4 h (%)", service_scale=100, target=90)
    t = labels.chart_text("frontier", lang)
    assert fig.kyoten["title"] == t["title"]
    ax = fig.axes[0]
    assert ax.get_xlabel() == t["xlabel"]
    assert ax.get_ylabel().startswith("4時間" if lang == "ja" else "Arranged")
    data = fig.kyoten["data"]
    assert list(data["efficient"]) == [True, True, False, True, False]
    # the frontier line joins the efficient configurations by cost, in displayed units
    line = [l for l in ax.get_lines() if l.get_gid() == "frontier"][0]
    assert np.allclose(line.get_xdata(), [50e3, 55e3, 62e3])
    assert np.allclose(line.get_ydata(), [80, 88, 93])
    assert set("ABCDE") <= set(charts.figure_texts(fig))
    render_without_missing_glyphs(fig)


def test_frontier_table_from_results(results_dir, results_no_hub):
    df = charts.frontier_table([results_dir, results_no_hub], service_kpi="arrange_mean_h")
    assert list(df.columns) == ["config", "cost_mean", "cost_ci_low", "cost_ci_high", "service_mean",
                                "service_ci_low", "service_ci_high"]
    fig = charts.cost_service_frontier(df, higher_is_better=False)
    assert fig.kyoten["data"]["efficient"].any()
