"""charts/service.py: time to a safe arrangement by band, and the outcome mix."""

import numpy as np
import pytest

from kyoten_analysis import charts, stats
from make_fixture import VOCAB  # the vocabulary the fixture folders hold
from chart_checks import check_texts, render_without_missing_glyphs


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_arrange_by_band(res, lang):
    fig = charts.arrange_by_band(res, lang)
    check_texts(fig, "arrange_by_band", lang)
    d = fig.kyoten["data"].set_index("band")
    for band in VOCAB.time_bands:
        x = res.kpis[f"arrange_mean_h_{band}"]
        ci = stats.mean_ci(x)
        assert d.loc[band, "mean"] == pytest.approx(x.mean(skipna=True))
        assert d.loc[band, "ci_low"] == pytest.approx(ci.ci_low)
        assert d.loc[band, "n"] == x.notna().sum()
    assert d.loc["weekday_night", "n"] == 4  # one replication had no night emergency
    bars = [p.get_height() for p in fig.axes[0].patches]
    assert np.allclose(bars, d["mean"].to_numpy())
    ticks = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert any(VOCAB.band_label("weekday_evening", lang) in t for t in ticks)
    render_without_missing_glyphs(fig)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_outcome_mix(res, lang):
    fig = charts.outcome_mix(res, lang)
    check_texts(fig, "outcome_mix", lang)
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
    assert VOCAB.outcome_label("short_stay", lang) in ticks
    render_without_missing_glyphs(fig)
