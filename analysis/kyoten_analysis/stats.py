"""Statistics over independent replications: Student-t confidence intervals and quantile bands.

The confidence interval of a mean over n independent replications is
mean ± t(1 − α/2, n − 1) · s / √n (s: sample standard deviation), the same rule the C++ aggregation uses
for summary.json. The t quantile is computed here (regularised incomplete beta, bisection) so that no
package beyond numpy/pandas is needed.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

# Quantiles of a fan chart: median, the middle 50% and the middle 90% of replications.
FAN_QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95)


def _betacf(a: float, b: float, x: float) -> float:
    """Continued fraction of the incomplete beta function (modified Lentz)."""
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 400):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < 1e-15:
            break
    return h


def _betainc(a: float, b: float, x: float) -> float:
    """Regularised incomplete beta I_x(a, b)."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    ln_front = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    front = math.exp(ln_front)
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _betacf(a, b, x) / a
    return 1.0 - front * _betacf(b, a, 1.0 - x) / b


def t_cdf(t: float, df: float) -> float:
    """P(T ≤ t) for Student's t with df degrees of freedom."""
    if df <= 0:
        raise ValueError("degrees of freedom must be positive")
    tail = 0.5 * _betainc(df / 2.0, 0.5, df / (df + t * t))
    return 1.0 - tail if t >= 0 else tail


def t_quantile(p: float, df: float) -> float:
    """The p-quantile of Student's t with df degrees of freedom (0 < p < 1)."""
    if not 0.0 < p < 1.0:
        raise ValueError("p must lie in (0, 1)")
    if p == 0.5:
        return 0.0
    if p < 0.5:
        return -t_quantile(1.0 - p, df)
    lo, hi = 0.0, 1.0
    while t_cdf(hi, df) < p:
        hi *= 2.0
        if hi > 1e12:
            return math.inf
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        if t_cdf(mid, df) < p:
            lo = mid
        else:
            hi = mid
        if hi - lo < 1e-12 * max(1.0, hi):
            break
    return 0.5 * (lo + hi)


@dataclass(frozen=True)
class MeanCI:
    """A mean over replications with its Student-t confidence interval; n counts the replications with a value."""

    mean: float
    ci_low: float
    ci_high: float
    n: int

    @property
    def half_width(self) -> float:
        return (self.ci_high - self.ci_low) / 2.0


def mean_ci(values, level: float = 0.95, group: int = 1) -> MeanCI:
    """Mean and Student-t confidence interval over independent replications; NaN values are left out
    (a replication with no case in a time band has no mean time for that band).

    With group > 1, replications come in groups sharing a parameter draw (2k and 2k+1 when a scenario states
    distributions, docs/uncertainty.md): they are not independent, so the interval is taken over the group means
    (each the mean of the group's values that exist), as output/summary.cpp does. `values` must then be
    in replication order, starting at replication 0. The mean and n stay over single replications."""
    raw = pd.to_numeric(pd.Series(values, dtype="float64"), errors="coerce").to_numpy()
    x = raw[~np.isnan(raw)]
    n = len(x)
    if n == 0:
        return MeanCI(math.nan, math.nan, math.nan, 0)
    m = float(x.mean())
    if group > 1:
        padded = np.concatenate([raw, np.full((-len(raw)) % group, np.nan)]).reshape(-1, group)
        have = ~np.isnan(padded).all(axis=1)
        units = np.nanmean(padded[have], axis=1) if have.any() else np.array([])
    else:
        units = x
    k = len(units)
    if k < 2:
        return MeanCI(m, math.nan, math.nan, n)
    centre = float(units.mean())
    h = t_quantile(0.5 + level / 2.0, k - 1) * float(units.std(ddof=1)) / math.sqrt(k)
    return MeanCI(m, centre - h, centre + h, n)


def quantile_bands(frame: pd.DataFrame, by: str, value: str, quantiles=FAN_QUANTILES) -> pd.DataFrame:
    """Quantiles of `value` across replications for each value of `by` (e.g. each month).

    Uses numpy's default (linear interpolation between order statistics, Hyndman–Fan type 7). Columns:
    `by`, then q05, q25, q50, q75, q95 (named after the percentage), and n (replications with a value)."""
    out = []
    for key, grp in frame.groupby(by, sort=True):
        x = pd.to_numeric(grp[value], errors="coerce").dropna().to_numpy(dtype=float)
        row = {by: key, "n": len(x)}
        for q in quantiles:
            row[quantile_column(q)] = float(np.quantile(x, q)) if len(x) else math.nan
        out.append(row)
    cols = [by] + [quantile_column(q) for q in quantiles] + ["n"]
    return pd.DataFrame(out, columns=cols)


def quantile_column(q: float) -> str:
    """0.05 → 'q05', 0.5 → 'q50', 0.975 → 'q97_5'."""
    pct = round(q * 100, 6)
    if float(pct).is_integer():
        return f"q{int(pct):02d}"
    return "q" + f"{pct:g}".replace(".", "_")
