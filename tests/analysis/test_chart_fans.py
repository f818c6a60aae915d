"""charts/fans.py (and the quarterly data of charts/data.py): the fan charts of the monthly series."""

import numpy as np
import pandas as pd
import pytest

from kyoten_analysis import charts, labels
from chart_checks import check_texts, render_without_missing_glyphs, assert_legend_off_the_data, assert_whole_number_ticks


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
    assert_whole_number_ticks(fig.axes[0])
    assert_legend_off_the_data(fig)


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("column", list(labels.FAN_SERIES))
def test_fan_chart(res, column, lang):
    fig = charts.fan_chart(res, column, lang)
    check_texts(fig, labels.FAN_SERIES[column], lang)
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
    assert_legend_off_the_data(fig)
    if column != "cost_yen":
        assert_whole_number_ticks(fig.axes[0])
    render_without_missing_glyphs(fig)
