"""Each chart function returns a figure with the right title, axis labels and data, in both languages."""
import math
import warnings

import numpy as np
import pandas as pd
import pytest

from kyoten_analysis import charts, labels, stats, style


def _axes_labels(fig):
    return {(ax.get_xlabel(), ax.get_ylabel()) for ax in fig.axes}


def _check_texts(fig, chart_id, lang):
    t = labels.chart_text(chart_id, lang)
    assert fig.kyoten["id"] == chart_id
    assert fig.kyoten["title"].startswith(t["title"])  # a chart of totals adds its period
    assert fig._suptitle.get_text() == fig.kyoten["title"]
    assert fig.kyoten["reading"] == t["reading"]
    drawn = "".join(charts.figure_texts(fig))
    assert t["reading"][:12] in drawn.replace("\n", "")
    xs = {x for x, _ in _axes_labels(fig)}
    ys = {y for _, y in _axes_labels(fig)}
    assert t["xlabel"] in xs
    assert t["ylabel"] in ys


def _render_without_missing_glyphs(fig):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        png = style.to_png(fig)
    missing = [str(w.message) for w in caught if "missing" in str(w.message).lower()]
    assert not missing, missing
    assert png[:8] == b"\x89PNG\r\n\x1a\n"


def _assert_legend_off_the_data(fig):
    """The legend's box lies outside the plotting area of its axes (it hides no data)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    for ax in fig.axes:
        leg = ax.get_legend()
        if leg is None:
            continue
        lb, ab = leg.get_window_extent(renderer), ax.get_window_extent(renderer)
        overlap_w = min(lb.x1, ab.x1) - max(lb.x0, ab.x0)
        overlap_h = min(lb.y1, ab.y1) - max(lb.y0, ab.y0)
        assert overlap_w <= 1 or overlap_h <= 1, (lb, ab)


def _assert_whole_number_ticks(ax, axis="y"):
    style.to_png(ax.figure)
    a = ax.yaxis if axis == "y" else ax.xaxis
    locs = [v for v in a.get_majorticklocs() if ax.get_ylim()[0] <= v <= ax.get_ylim()[1]]
    assert locs and all(float(v).is_integer() for v in locs), locs
    texts = [t.get_text() for t in a.get_ticklabels() if t.get_text()]
    assert len(texts) == len(set(texts)), texts  # no label repeats
    assert not any(t.startswith("-0") for t in texts), texts


def test_tick_labels_differ_and_never_read_minus_zero():
    # hand-worked: ticks 94.0, 94.2, 94.4 need one decimal; 0.25 steps need two; -0.0 is printed 0
    assert [charts.tick_text(v, [94.0, 94.2, 94.4]) for v in (94.0, 94.2, 94.4)] == ["94.0", "94.2", "94.4"]
    assert charts.tick_text(0.25, [0, 0.25, 0.5]) == "0.25"
    assert charts.tick_text(-0.0, [-0.0, 1.0]) == "0" and charts.tick_text(-1e-12, [-1e-12, 2.0]) == "0"
    assert charts.tick_text(12500, [10000, 12500, 15000]) == "12,500"
    assert charts.tick_text(-3, [-3, 0, 3]) == "-3"


def test_small_counts_are_drawn_per_quarter(res):
    # hand-made monthly series: 2 replications × 6 months (April–September), 1 emergency a month each,
    # so the median month holds 1 (< 5): drawn per quarter, 3 a quarter
    monthly = pd.DataFrame({"replication": [0] * 6 + [1] * 6,
                            "month": [f"2024-{m:02d}" for m in range(4, 10)] * 2,
                            "emergencies": [1] * 12, "calls": [40] * 12})
    assert charts.fan_period(monthly, "emergencies") == "quarter"
    assert charts.fan_period(monthly, "calls") == "month"
    assert charts.fan_period(monthly, "registrants_end" if "registrants_end" in monthly else "calls") == "month"
    q = charts.quarterly(monthly, "emergencies")
    assert sorted(q["month"].unique()) == ["2024-04", "2024-07"]
    assert (q["emergencies"] == 3).all() and (q["months"] == 3).all()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_fan_chart_of_a_small_count_has_a_quarterly_axis(res, lang):
    import copy
    small = copy.copy(res)
    m = res.monthly.copy()
    m["emergencies"] = (m["emergencies"] > m["emergencies"].median()).astype(int)  # 0 or 1 a month
    small.monthly = m
    fig = charts.fan_chart(small, "emergencies", lang)
    assert fig.kyoten["period"] == "quarter"
    assert fig.axes[0].get_ylabel() == labels.chart_text("fan_emergencies", lang)["ylabel_quarter"]
    assert len(fig.kyoten["data"]) == 12  # 36 months
    _assert_whole_number_ticks(fig.axes[0])
    _assert_legend_off_the_data(fig)


def test_japanese_font_is_found_and_renders():
    assert "NotoSansCJK" in style.cjk_font_path() or "ipaex" in style.cjk_font_path().lower()
    assert style.check_glyphs() == []


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("column", list(labels.FAN_SERIES))
def test_fan_chart(res, column, lang):
    fig = charts.fan_chart(res, column, lang)
    _check_texts(fig, labels.FAN_SERIES[column], lang)
    bands = fig.kyoten["data"]
    assert len(bands) == 36
    scale = 1e-3 if column == "cost_yen" else 1.0
    # the drawn median line is the median across replications of each month
    ax = fig.axes[0]
    line = [l for l in ax.get_lines() if l.get_label() == labels.text("median", lang)][0]
    expected = res.monthly.groupby("month")[column].median().sort_index().to_numpy() * scale
    assert np.allclose(line.get_ydata(), expected)
    # bands are nested: q05 ≤ q25 ≤ q50 ≤ q75 ≤ q95
    q = bands[["q05", "q25", "q50", "q75", "q95"]].to_numpy()
    assert (np.diff(q, axis=1) >= -1e-9).all()
    _assert_legend_off_the_data(fig)
    if column != "cost_yen":
        _assert_whole_number_ticks(fig.axes[0])
    _render_without_missing_glyphs(fig)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_arrange_by_band(res, lang):
    fig = charts.arrange_by_band(res, lang)
    _check_texts(fig, "arrange_by_band", lang)
    d = fig.kyoten["data"].set_index("band")
    for band in labels.TIME_BANDS:
        x = res.kpis[f"arrange_mean_h_{band}"]
        ci = stats.mean_ci(x)
        assert d.loc[band, "mean"] == pytest.approx(x.mean(skipna=True))
        assert d.loc[band, "ci_low"] == pytest.approx(ci.ci_low)
        assert d.loc[band, "n"] == x.notna().sum()
    assert d.loc["weekday_night", "n"] == 4  # one replication had no night emergency
    bars = [p.get_height() for p in fig.axes[0].patches]
    assert np.allclose(bars, d["mean"].to_numpy())
    ticks = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert any(labels.band_label("weekday_evening", lang) in t for t in ticks)
    _render_without_missing_glyphs(fig)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_outcome_mix(res, lang):
    fig = charts.outcome_mix(res, lang)
    _check_texts(fig, "outcome_mix", lang)
    # the fixture runs 36 months from April 2024: the totals say so
    assert fig.kyoten["title"].endswith("— 期間合計（2024年4月1日〜2027年3月31日、36か月）" if lang == "ja"
                                        else "— period total, 1 April 2024 – 31 March 2027 (36 months)")
    d = fig.kyoten["data"].set_index("outcome")
    assert d.loc["short_stay", "mean"] == pytest.approx(res.kpis["outcome_short_stay"].mean())
    assert d["share"].sum() == pytest.approx(1.0)
    # emergency places are 0 in every replication and not offered: left out; unresolved is always shown
    assert "emergency_place" not in fig.kyoten["shown"]
    assert "unresolved" in fig.kyoten["shown"] and "hub_room" in fig.kyoten["shown"]
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels.outcome_label("short_stay", lang) in ticks
    _render_without_missing_glyphs(fig)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_bed_occupancy(res, lang):
    fig = charts.bed_occupancy(res, lang)
    _check_texts(fig, "bed_occupancy", lang)
    d = fig.kyoten["data"]
    # one step per week from Monday (drawn per week since issue 12: daily values made a barcode of spikes)
    dates = pd.to_datetime(res.daily["date"])
    mondays = (dates - pd.to_timedelta(dates.dt.weekday, unit="D")).dt.normalize()
    assert len(d) == mondays.nunique()
    assert (pd.to_datetime(d["date"]).dt.weekday == 0).all()
    first_week = res.daily[mondays == mondays.min()]
    per_rep = first_week.groupby("replication")["short_stay_beds_in_use_mean"].mean()
    assert d.iloc[0]["mean"] == pytest.approx(per_rep.mean())
    assert (d["q05"] <= d["mean"] + 1e-9).all() and (d["mean"] <= d["q95"] + 1e-9).all()
    assert fig.kyoten["total_beds"] == 48
    _assert_legend_off_the_data(fig)
    _assert_whole_number_ticks(fig.axes[0])
    _render_without_missing_glyphs(fig)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_hub_rooms_with_rooms(res, lang):
    fig = charts.hub_rooms(res, lang)
    _check_texts(fig, "hub_rooms", lang)
    assert fig.kyoten["rooms"] == 3
    shares = fig.kyoten["data"]["shares"].set_index("what")
    # share of days with 0 / all rooms in use, recomputed from daily.csv
    per_rep = res.daily.groupby("replication")["hub_rooms_in_use_max"]
    none = per_rep.apply(lambda s: (s == 0).mean())
    full = per_rep.apply(lambda s: (s >= 3).mean())
    assert shares.loc["none", "mean"] == pytest.approx(none.mean())
    assert shares.loc["all", "mean"] == pytest.approx(full.mean())
    assert shares.loc["all", "ci_high"] == pytest.approx(stats.mean_ci(full).ci_high)
    assert labels.chart_text("hub_rooms", lang)["ylabel_share"] in {ax.get_ylabel() for ax in fig.axes}
    weekly = fig.kyoten["data"]["daily"]
    assert (weekly["q05"] % 1 == 0).all() and (weekly["q95"] % 1 == 0).all()  # whole rooms at the band's edges
    _assert_legend_off_the_data(fig)
    _render_without_missing_glyphs(fig)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_hub_rooms_without_rooms_shows_emergency_beds(res_no_hub, lang):
    fig = charts.hub_rooms(res_no_hub, lang)
    _check_texts(fig, "emergency_beds", lang)
    t = labels.chart_text("emergency_beds", lang)
    assert t["note"] in charts.figure_texts(fig)
    assert "hub.rooms = 0" in fig.kyoten["reading"]
    shares = fig.kyoten["data"]["shares"]
    assert shares["mean"].sum() == pytest.approx(1.0)
    _render_without_missing_glyphs(fig)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_staff_heatmap(res, res_no_hub, lang):
    fig = charts.staff_heatmap(res, lang)
    _check_texts(fig, "staff_heatmap", lang)
    m = fig.kyoten["data"]
    assert m.shape == (24, 7)
    # Σ busy ÷ Σ scheduled over replications for all duties; every replication schedules the same hours here,
    # so it is the mean of the replications' utilisation
    mon9 = res.staff[(res.staff["weekday"] == 0) & (res.staff["hour"] == 9) & (res.staff["duty"] == "all")]
    assert m.loc[9, 0] == pytest.approx(mon9["utilisation"].mean())
    ticks = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert ticks == labels.WEEKDAYS[lang]
    # unstaffed hours stay empty (grey) and get the legend
    fig2 = charts.staff_heatmap(res_no_hub, lang)
    m2 = fig2.kyoten["data"]
    assert math.isnan(m2.loc[3, 6]) and not math.isnan(m2.loc[3, 0])
    assert labels.chart_text("staff_heatmap", lang)["off_duty"] in charts.figure_texts(fig2)
    _render_without_missing_glyphs(fig)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_cost_vs_budget(res, res_no_hub, lang):
    fig = charts.cost_vs_budget(res, lang)
    _check_texts(fig, "cost_vs_budget", lang)
    d = fig.kyoten["data"].set_index("fiscal_year")
    totals = res.costs.groupby(["replication", "fiscal_year"])["yen"].sum()
    fy24 = totals.xs(2024, level="fiscal_year")
    assert d.loc[2024, "total_mean"] == pytest.approx(fy24.mean())
    assert d.loc[2024, "total_ci_high"] == pytest.approx(stats.mean_ci(fy24).ci_high)
    assert d.loc[2024, "budget"] == pytest.approx(res.budget[res.budget["fiscal_year"] == 2024]["yen"].sum())
    assert math.isnan(d.loc[2026, "budget"])  # no budget stated for FY2026
    # stacked segments add up to the total
    assert sum(d.loc[2025, line] for line in fig.kyoten["lines"]) == pytest.approx(d.loc[2025, "total_mean"])
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert labels.chart_text("cost_vs_budget", lang)["budget"] in legend
    assert labels.cost_line_label("center", lang) in legend
    # partial fiscal years are marked with their months
    fig2 = charts.cost_vs_budget(res_no_hub, lang)
    ticks = " ".join(t.get_text() for t in fig2.axes[0].get_xticklabels())
    assert "6" in ticks and "8" in ticks
    _render_without_missing_glyphs(fig)


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
    assert any(labels.kpi_label("cost_total_yen", lang) in t for t in panel_titles)
    _render_without_missing_glyphs(fig)


def test_scenario_comparison_names_and_errors(results_dir):
    fig = charts.scenario_comparison([results_dir, results_dir], kpis=["calls"], names=["A", "B"])
    assert list(fig.kyoten["data"]["scenario"]) == ["A", "B"]
    with pytest.raises(ValueError):
        charts.scenario_comparison([results_dir], names=["A", "B"])
    with pytest.raises(KeyError):
        charts.comparison_table([results_dir], kpis=["no_such_kpi"])


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
    _render_without_missing_glyphs(fig)


def test_frontier_table_from_results(results_dir, results_no_hub):
    df = charts.frontier_table([results_dir, results_no_hub], service_kpi="arrange_mean_h")
    assert list(df.columns) == ["config", "cost_mean", "cost_ci_low", "cost_ci_high", "service_mean",
                                "service_ci_low", "service_ci_high"]
    fig = charts.cost_service_frontier(df, higher_is_better=False)
    assert fig.kyoten["data"]["efficient"].any()


def test_report_charts_order(res, res_no_hub):
    ids = [f.kyoten["id"] for f in charts.report_charts(res)]
    assert ids == ["fan_registrants", "fan_calls", "fan_emergencies", "fan_cost", "arrange_by_band", "outcome_mix",
                   "bed_occupancy", "hub_rooms", "staff_heatmap", "cost_vs_budget"]
    ids2 = [f.kyoten["id"] for f in charts.report_charts(res_no_hub)]
    assert "emergency_beds" in ids2 and "hub_rooms" not in ids2


def test_wrap_keeps_lines_short_and_text_whole():
    s = labels.chart_text("emergency_beds", "ja")["reading"]
    lines = charts.wrap(s, 30)
    assert "".join(lines).replace(" ", "") == s.replace(" ", "")
    assert all(charts._text_width(l) <= 30.5 for l in lines)
    assert not any(l[0] in "、。）" for l in lines)
    assert "hub.rooms" in "".join(lines)
