"""Student-t intervals and fan-chart quantiles, against hand-worked values."""
import math

import numpy as np
import pandas as pd
import pytest

from kyoten_analysis import stats
from kyoten_analysis.charts import fan_bands


@pytest.mark.parametrize("df, expected", [(1, 12.706205), (2, 4.302653), (4, 2.776445), (9, 2.262157),
                                          (19, 2.093024), (30, 2.042272), (199, 1.971957), (1000, 1.962339)])
def test_t_quantile_matches_tables(df, expected):
    assert stats.t_quantile(0.975, df) == pytest.approx(expected, abs=2e-6)


def test_t_quantile_symmetry_and_other_levels():
    assert stats.t_quantile(0.025, 9) == pytest.approx(-2.262157, abs=2e-6)
    assert stats.t_quantile(0.95, 9) == pytest.approx(1.833113, abs=2e-6)   # 90% two-sided
    assert stats.t_quantile(0.995, 9) == pytest.approx(3.249836, abs=2e-6)  # 99%
    assert stats.t_quantile(0.5, 5) == 0.0


def test_mean_ci_hand_worked():
    # 1..5: mean 3, s = sqrt(2.5) = 1.581139, t(0.975, 4) = 2.776445 → half-width 1.963243
    ci = stats.mean_ci([1, 2, 3, 4, 5])
    assert ci.mean == pytest.approx(3.0)
    assert ci.half_width == pytest.approx(2.776445 * math.sqrt(2.5) / math.sqrt(5), rel=1e-6)
    assert (ci.ci_low, ci.ci_high) == pytest.approx((3 - 1.963243, 3 + 1.963243), abs=1e-5)
    assert ci.n == 5


def test_mean_ci_leaves_out_missing_values():
    ci = stats.mean_ci([1.0, float("nan"), 3.0, None])
    assert ci.n == 2 and ci.mean == pytest.approx(2.0)
    assert math.isnan(stats.mean_ci([]).mean)
    one = stats.mean_ci([4.0])
    assert one.mean == 4.0 and math.isnan(one.ci_low)


def test_mean_ci_over_pairs_sharing_a_parameter_draw():
    # Pairs (1, 3), (5, 7), (2, 4) → pair means 2, 6, 3: centre 11/3, s = sqrt(13/3) = 2.081666,
    # t(0.975, 2) = 4.302653 → half-width 4.302653 × 2.081666 / sqrt(3) = 5.171154. Mean and n over singles.
    ci = stats.mean_ci([1, 3, 5, 7, 2, 4], group=2)
    assert ci.mean == pytest.approx(22 / 6) and ci.n == 6
    assert (ci.ci_low, ci.ci_high) == pytest.approx((11 / 3 - 5.171154, 11 / 3 + 5.171154), abs=1e-5)
    # A missing value leaves its partner as the pair's mean; a pair with no value is not a unit.
    gap = stats.mean_ci([1, float("nan"), 5, 7, float("nan"), float("nan"), 2, 4], group=2)
    units = [1.0, 6.0, 3.0]
    s = float(np.std(units, ddof=1))
    assert gap.n == 5
    assert gap.half_width == pytest.approx(4.302653 * s / math.sqrt(3), rel=1e-6)
    # Independent replications (group 1) count every value: the interval is narrower here.
    assert stats.mean_ci([1, 3, 5, 7, 2, 4]).half_width < ci.half_width


def test_mean_ci_agrees_with_scipy_when_available():
    scipy_stats = pytest.importorskip("scipy.stats")
    x = np.random.default_rng(3).normal(10, 2, size=17)
    lo, hi = scipy_stats.t.interval(0.95, len(x) - 1, loc=x.mean(), scale=scipy_stats.sem(x))
    ci = stats.mean_ci(x)
    assert (ci.ci_low, ci.ci_high) == pytest.approx((lo, hi), rel=1e-9)


def test_quantile_bands_hand_worked():
    # five replications, one month: values 1, 2, 3, 4, 10. Linear interpolation (type 7), position p·(n−1):
    # q05 → 0.2 → 1.2; q25 → 1 → 2; q50 → 2 → 3; q75 → 3 → 4; q95 → 3.8 → 4 + 0.8·6 = 8.8
    monthly = pd.DataFrame({"replication": range(5), "month": ["2024-04"] * 5, "calls": [4, 1, 10, 3, 2]})
    b = stats.quantile_bands(monthly, "month", "calls")
    row = b.iloc[0]
    assert (row.q05, row.q25, row.q50, row.q75, row.q95) == pytest.approx((1.2, 2.0, 3.0, 4.0, 8.8))
    assert row.n == 5


def test_fan_bands_per_month_in_order():
    monthly = pd.DataFrame({
        "replication": [0, 1, 2, 0, 1, 2],
        "month": ["2024-05", "2024-05", "2024-05", "2024-04", "2024-04", "2024-04"],
        "registrants_end": [10, 20, 30, 5, 5, 8],
    })
    b = fan_bands(monthly, "registrants_end")
    assert list(b["month"]) == ["2024-04", "2024-05"]
    # 2024-04: 5, 5, 8 → q50 5, q95 at position 1.9 → 5 + 0.9·3 = 7.7
    assert b.iloc[0]["q50"] == pytest.approx(5.0)
    assert b.iloc[0]["q95"] == pytest.approx(7.7)
    # 2024-05: 10, 20, 30 → q25 at 0.5 → 15, q75 at 1.5 → 25
    assert (b.iloc[1]["q25"], b.iloc[1]["q75"]) == pytest.approx((15.0, 25.0))
    assert str(b.iloc[0]["month_start"].date()) == "2024-04-01"


def test_quantile_column_names():
    assert [stats.quantile_column(q) for q in (0.05, 0.25, 0.5, 0.975)] == ["q05", "q25", "q50", "q97_5"]
