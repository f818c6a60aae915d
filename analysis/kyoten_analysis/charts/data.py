"""Data preparation for the charts: the results read into the frames each chart draws (quantile bands per
month or quarter, weekly bands of beds and rooms, shares of days, the staff matrix, cost by fiscal year, KPIs
of several runs, the efficient frontier). No drawing here."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from .. import stats
from ..results import Results, load_many, number as _f


# Flow counts (calls, emergencies) whose median month holds fewer than this many are drawn per quarter: a
# monthly fan of 0, 1 or 2 cases is noise with half-cases on its axis.
SMALL_MONTHLY_COUNT = 5


_FLOW_COUNTS = ("calls", "emergencies")


def fan_bands(monthly: pd.DataFrame, column: str) -> pd.DataFrame:
    """Median, middle 50% (q25–q75) and middle 90% (q05–q95) of `column` across replications, per month."""
    bands = stats.quantile_bands(monthly, "month", column)
    bands["month_start"] = pd.to_datetime(bands["month"] + "-01", format="%Y-%m-%d", errors="coerce")
    return bands


def quarterly(monthly: pd.DataFrame, column: str) -> pd.DataFrame:
    """`column` summed per (replication, quarter): quarters begin in April, July, October and January (the
    fiscal year's quarters); `month` names the quarter's first month, `months` how many of its months the
    horizon holds."""
    m = monthly[["replication", "month", column]].copy()
    start = pd.to_datetime(m["month"] + "-01", format="%Y-%m-%d")
    q_month = ((start.dt.month - 1) // 3) * 3 + 1
    m["quarter"] = start.dt.year.astype(str) + "-" + q_month.map(lambda v: f"{v:02d}")
    out = m.groupby(["replication", "quarter"], as_index=False).agg(value=(column, "sum"), months=("month", "nunique"))
    return out.rename(columns={"quarter": "month", "value": column})


def fan_period(monthly: pd.DataFrame, column: str) -> str:
    """'quarter' for a flow count whose median month is below SMALL_MONTHLY_COUNT, else 'month'."""
    if column not in _FLOW_COUNTS or monthly.empty:
        return "month"
    median_month = float(monthly.groupby("month")[column].median().median())
    return "quarter" if median_month < SMALL_MONTHLY_COUNT else "month"


def weekly_bands(daily: pd.DataFrame, column: str, how: str) -> pd.DataFrame:
    """Beds or rooms per week (weeks from Monday): each replication's weekly `how` ('mean' of the days, or
    'max') of `column`, then across replications the mean and the middle 90% (q05, q95). With `how` = 'max'
    the counts are whole, and so are the band's edges (the order statistics below and above, not an
    interpolation between them). Columns: date (the week's Monday), mean, q05, q95, n, days."""
    d = daily[["replication", "date", column]].copy()
    dates = pd.to_datetime(d["date"])
    d["week"] = (dates - pd.to_timedelta(dates.dt.weekday, unit="D")).dt.normalize()
    per_rep = d.groupby(["week", "replication"])[column].agg(how).rename("v").reset_index()
    whole = how == "max"
    g = per_rep.groupby("week")["v"]
    out = pd.DataFrame({
        "mean": g.mean(),
        "q05": g.quantile(0.05, interpolation="lower" if whole else "linear"),
        "q95": g.quantile(0.95, interpolation="higher" if whole else "linear"),
        "n": g.count(),
        "days": d.groupby("week")["date"].nunique(),
    }).reset_index().rename(columns={"week": "date"})
    return out


def hub_day_shares(res: Results) -> pd.DataFrame:
    """Share of days with no hub room in use and with every room in use, per replication.

    Taken from the model's own KPIs (hub_days_none_in_use, hub_days_all_in_use) when kpis.csv has them,
    otherwise counted in daily.csv from each day's maximum (0 rooms, or `scenario.hub.rooms`)."""
    rooms = res.hub_rooms
    out = pd.DataFrame({"replication": sorted(res.daily["replication"].unique())})
    from_kpis = all(k in res.kpis and res.kpis[k].notna().any() for k in ("hub_days_none_in_use", "hub_days_all_in_use"))
    if from_kpis:
        k = res.kpis.set_index("replication")
        out["none"] = out["replication"].map(k["hub_days_none_in_use"])
        out["all"] = out["replication"].map(k["hub_days_all_in_use"])
    else:
        g = res.daily.groupby("replication")["hub_rooms_in_use_max"]
        out["none"] = out["replication"].map(g.apply(lambda s: float((s == 0).mean())))
        out["all"] = out["replication"].map(g.apply(lambda s: float((s >= rooms).mean()) if rooms > 0 else math.nan))
    return out


def staff_matrix(staff: pd.DataFrame) -> pd.DataFrame:
    """Utilisation of all centers and duties together as a 24 × 7 table (rows: hour 0–23, columns: weekday
    0 = Monday): Σ busy ÷ Σ scheduled coordinator-hours over replications and centers; NaN where nobody is on
    duty in any replication."""
    all_duties = staff[staff["duty"] == "all"]
    sums = all_duties.groupby(["hour", "weekday"])[["busy_hours", "scheduled_hours"]].sum()
    share = (sums["busy_hours"] / sums["scheduled_hours"]).where(sums["scheduled_hours"] > 0)
    return share.unstack("weekday").reindex(index=range(24), columns=range(7))


def cost_by_fiscal_year(res: Results) -> pd.DataFrame:
    """Per fiscal year: mean cost of each line, the total's mean and CI over replications, the budget
    (sum of the scenario's budget lines, NaN where none is stated) and the months of the horizon in it."""
    if res.costs.empty:
        return pd.DataFrame(columns=["fiscal_year", "total_mean", "total_ci_low", "total_ci_high", "budget", "months"])
    wide = res.costs.pivot_table(index=["replication", "fiscal_year"], columns="line", values="yen", aggfunc="sum",
                                 fill_value=0.0)
    line_means = wide.groupby(level="fiscal_year").mean()
    known = res.vocab.cost_lines
    order = [c for c in known if c in line_means.columns] + [c for c in line_means.columns if c not in known]
    out = line_means[order].reset_index()
    cis = {fy: res.cost_ci(int(fy)) for fy in out["fiscal_year"]}  # summary.json's cost_totals, not recomputed
    out["total_mean"] = out["fiscal_year"].map(lambda fy: cis[fy].mean)
    out["total_ci_low"] = out["fiscal_year"].map(lambda fy: cis[fy].ci_low)
    out["total_ci_high"] = out["fiscal_year"].map(lambda fy: cis[fy].ci_high)
    budget = res.budget.groupby("fiscal_year")["yen"].sum() if not res.budget.empty else pd.Series(dtype=float)
    out["budget"] = out["fiscal_year"].map(budget)
    months = res.months_in_fiscal_year()
    out["months"] = out["fiscal_year"].map(lambda fy: months.get(int(fy), 12))
    out.attrs["lines"] = order
    return out


DEFAULT_COMPARISON_KPIS = ["arrange_mean_h", "arrange_within_4h", "p_no_bed", "staff_utilisation", "cost_total_yen"]


def _run_names(runs: list[Results], names) -> list[str]:
    if names is not None:
        names = list(names)
        if len(names) != len(runs):
            raise ValueError(f"{len(names)} names for {len(runs)} runs")
        return names
    by_name = [r.name for r in runs]
    if len(set(by_name)) == len(by_name):
        return by_name
    return [r.path.name for r in runs]


def comparison_table(sources, kpis=None, names=None, lang: str = "ja") -> pd.DataFrame:
    """Long table (scenario, key, label, unit, mean, ci_low, ci_high, n) of KPIs from several results
    directories, in displayed units (shares in %, yen in thousands)."""
    runs = load_many(sources)
    kpis = kpis or DEFAULT_COMPARISON_KPIS
    nm = _run_names(runs, names)
    rows = []
    for name, r in zip(nm, runs):
        ks = {row["key"]: row for row in r.kpi_summary.to_dict("records")}
        for key in kpis:
            row = ks.get(key)
            if row is None:
                raise KeyError(f"{r.path}: no KPI '{key}'")
            scale = r.vocab.kpi_scale(row.get("unit"))
            rows.append({"scenario": name, "key": key, "label": r.vocab.kpi_label(key, lang),
                         "unit": r.vocab.kpi_unit(key, row.get("unit"), lang),
                         "mean": _f(row.get("mean")) * scale, "ci_low": _f(row.get("ci_low")) * scale,
                         "ci_high": _f(row.get("ci_high")) * scale, "n": row.get("n")})
    return pd.DataFrame(rows)


def frontier_table(sources, service_kpi: str = "arrange_within_4h", cost_kpi: str = "cost_total_yen",
                   names=None) -> pd.DataFrame:
    """The input of `cost_service_frontier` from several results directories (e.g. the points of a sweep):
    config, cost_mean, cost_ci_low, cost_ci_high, service_mean, service_ci_low, service_ci_high — in the
    KPIs' own units (yen, share, hours…)."""
    runs = load_many(sources)
    nm = _run_names(runs, names)
    rows = []
    for name, r in zip(nm, runs):
        c, s = r.kpi(cost_kpi), r.kpi(service_kpi)
        rows.append({"config": name, "cost_mean": _f(c["mean"]), "cost_ci_low": _f(c["ci_low"]),
                     "cost_ci_high": _f(c["ci_high"]), "service_mean": _f(s["mean"]),
                     "service_ci_low": _f(s["ci_low"]), "service_ci_high": _f(s["ci_high"])})
    return pd.DataFrame(rows)


def pareto_front(df: pd.DataFrame, higher_is_better: bool = True) -> pd.Series:
    """True for configurations no other configuration beats on both cost (lower) and service (better, or
    equal at a lower cost). Judged on the means."""
    cost = df["cost_mean"].to_numpy(dtype=float)
    serv = df["service_mean"].to_numpy(dtype=float)
    if not higher_is_better:
        serv = -serv
    efficient = np.zeros(len(df), dtype=bool)
    for i in range(len(df)):
        if not (np.isfinite(cost[i]) and np.isfinite(serv[i])):
            continue
        dominated = False
        for j in range(len(df)):
            if i == j or not (np.isfinite(cost[j]) and np.isfinite(serv[j])):
                continue
            if cost[j] <= cost[i] and serv[j] >= serv[i] and (cost[j] < cost[i] or serv[j] > serv[i]):
                dominated = True
                break
        efficient[i] = not dominated
    return pd.Series(efficient, index=df.index, name="efficient")


def arrangement_by_band(res: Results, lang: str) -> pd.DataFrame:
    """Per time band: mean time to a safe arrangement with its 95% CI as summary.json holds it, and the band's
    label."""
    rows = []
    for band in res.vocab.time_bands:
        key = f"arrange_mean_h_{band}"
        ci = res.kpi_ci(key)
        rows.append({"band": band, "key": key, "label": res.vocab.band_label(band, lang), "mean": ci.mean,
                     "ci_low": ci.ci_low, "ci_high": ci.ci_high, "n": ci.n})
    return pd.DataFrame(rows)


def outcomes(res: Results, lang: str) -> pd.DataFrame:
    """Per outcome of an emergency: mean count with its 95% CI, whether it was 0 in every replication, and its
    share of all outcomes (of the means)."""
    rows = []
    for o in res.vocab.outcomes:
        key = f"outcome_{o}"
        ci = res.kpi_ci(key)
        allzero = key not in res.kpis or bool((pd.to_numeric(res.kpis[key], errors="coerce").fillna(0) == 0).all())
        rows.append({"outcome": o, "key": key, "label": res.vocab.outcome_label(o, lang), "mean": ci.mean,
                     "ci_low": ci.ci_low, "ci_high": ci.ci_high, "n": ci.n, "all_zero": allzero})
    data = pd.DataFrame(rows)
    total = data["mean"].fillna(0).sum()
    data["share"] = data["mean"] / total if total > 0 else math.nan
    return data
