"""charts/capacity.py: short-stay beds, hub rooms, and emergency beds without a hub."""

import pandas as pd
import pytest

from kyoten_analysis import charts, labels, stats
from chart_checks import check_texts, render_without_missing_glyphs, assert_legend_off_the_data, assert_whole_number_ticks


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_bed_occupancy(res, lang):
    fig = charts.bed_occupancy(res, lang)
    check_texts(fig, "bed_occupancy", lang)
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
    assert_legend_off_the_data(fig)
    assert_whole_number_ticks(fig.axes[0])
    render_without_missing_glyphs(fig)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_hub_rooms_with_rooms(res, lang):
    fig = charts.hub_rooms(res, lang)
    check_texts(fig, "hub_rooms", lang)
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
    assert_legend_off_the_data(fig)
    render_without_missing_glyphs(fig)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_hub_rooms_without_rooms_shows_emergency_beds(res_no_hub, lang):
    fig = charts.hub_rooms(res_no_hub, lang)
    check_texts(fig, "emergency_beds", lang)
    t = labels.chart_text("emergency_beds", lang)
    assert t["note"] in charts.figure_texts(fig)
    assert "hub.rooms = 0" in fig.kyoten["reading"]
    shares = fig.kyoten["data"]["shares"]
    assert shares["mean"].sum() == pytest.approx(1.0)
    render_without_missing_glyphs(fig)
