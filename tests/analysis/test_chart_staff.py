"""charts/staff.py: coordinator utilisation by hour and weekday."""
import math

import pytest

from kyoten_analysis import charts, labels
from chart_checks import check_texts, render_without_missing_glyphs


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_staff_heatmap(res, res_no_hub, lang):
    fig = charts.staff_heatmap(res, lang)
    check_texts(fig, "staff_heatmap", lang)
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
    render_without_missing_glyphs(fig)
