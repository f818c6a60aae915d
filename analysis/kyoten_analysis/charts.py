"""One function per chart. Each returns a matplotlib Figure whose title, axis labels (with units) and one-line
reading come from labels.py in the chosen language; `fig.kyoten` holds the same texts and the data drawn, so
tests and the report can use them without reading pixels."""
from __future__ import annotations

import math
import re
import unicodedata

import matplotlib.dates as mdates
import matplotlib.ticker as mticker
import numpy as np
import pandas as pd

from . import labels, stats, style
from .results import Results, load_many

_READING_FONT = 9.0


# --- shared helpers -------------------------------------------------------------------------------------
def _text_width(s: str) -> float:
    """Width in 'em' of a string: full-width (CJK) characters 1, others about 0.55."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.55 for c in s)


def wrap(s: str, width_em: float) -> list[str]:
    """Wrap text for a figure: between words in English, between characters in Japanese (keeping ASCII words
    such as `hub.rooms` whole), never starting a line with a space, closing bracket or Japanese punctuation."""
    tokens = re.findall(r"[!-~]+|\s+|.", s)
    no_start = set("、。）」』，．・：%)")
    lines, line = [], ""
    for tok in tokens:
        if not line and tok.isspace():
            continue
        candidate = line + tok
        if _text_width(candidate.rstrip()) > width_em and line.strip() and tok[0] not in no_start:
            lines.append(line.rstrip())
            line = "" if tok.isspace() else tok
        else:
            line = candidate
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _finish(fig, chart_id: str, lang: str, data, texts: dict | None = None, title: str | None = None,
            reading: str | None = None, **extra):
    """Title at the top, the reading at the bottom, and the metadata on `fig.kyoten`."""
    t = dict(labels.CHARTS[chart_id][labels.check_lang(lang)]) if chart_id in labels.CHARTS else {}
    if texts:
        t.update(texts)
    title = title or t["title"]
    reading = reading or t["reading"]
    title_artist = fig.suptitle(title, x=0.01, ha="left", fontsize=13, fontweight="bold")
    prefix = labels.text("reading", lang) + ("：" if lang == "ja" else ": ")
    width_in = fig.get_figwidth()
    width_em = width_in * 72.0 / _READING_FONT * 0.97
    lines = wrap(prefix + reading, width_em)
    line_h = _READING_FONT * 1.45 / 72.0
    bottom = (len(lines) * line_h + 0.12) / fig.get_figheight()
    reading_artist = fig.text(0.01, 0.02 / fig.get_figheight(), "\n".join(lines), ha="left", va="bottom",
                              fontsize=_READING_FONT, color="#333333", linespacing=1.35)
    engine = fig.get_layout_engine()
    if engine is not None:
        engine.set(rect=(0.0, bottom, 1.0, 1.0 - bottom))
    fig.kyoten = {"id": chart_id, "lang": lang, "title": title, "xlabel": t.get("xlabel", ""),
                  "ylabel": t.get("ylabel", ""), "reading": reading, "data": data,
                  "_title_artist": title_artist, "_reading_artist": reading_artist, **extra}
    return fig


def without_title_and_reading(fig):
    """The figure for a page that prints its title and reading as text (the HTML report): both are hidden
    from the image and the plot takes the freed space. Returns the same figure."""
    meta = getattr(fig, "kyoten", {})
    for k in ("_title_artist", "_reading_artist"):
        if meta.get(k) is not None:
            meta[k].set_visible(False)
            meta[k].set_in_layout(False)
    engine = fig.get_layout_engine()
    if engine is not None:
        engine.set(rect=(0.0, 0.0, 1.0, 1.0))
    return fig


def figure_texts(fig) -> list[str]:
    """Every text drawn on a figure (titles, labels, tick labels, annotations), for tests."""
    from matplotlib.text import Text
    return [t.get_text() for t in fig.findobj(Text) if t.get_text()]


def _month_axis(ax, lang: str):
    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(4, 10)))
    ax.xaxis.set_minor_locator(mdates.MonthLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y年%-m月" if lang == "ja" else "%b %Y"))
    for label in ax.get_xticklabels():
        label.set_rotation(0)


def _fiscal_year_lines(ax, start, end):
    """Dotted line at each 1 April inside the plotted span: fiscal years begin there."""
    if pd.isna(start) or pd.isna(end):
        return
    for y in range(start.year, end.year + 1):
        d = pd.Timestamp(year=y, month=4, day=1)
        if start < d <= end:
            ax.axvline(d, color="#999999", lw=0.8, ls=":", zorder=0)


class PlainTicks(mticker.Formatter):
    """Tick labels with thousands separators and as many decimals as the ticks need to differ (never
    '94 94 94 95'), and never '-0' or '-0.0'."""

    def __call__(self, x, pos=None):
        return tick_text(x, self.locs)


def tick_text(x: float, locs) -> str:
    finite = [float(v) for v in locs if np.isfinite(v)]
    digits = 0
    while digits < 4 and any(abs(round(v, digits) - v) > 1e-9 * max(1.0, abs(v)) for v in finite):
        digits += 1
    text = f"{x:,.{digits}f}"
    return text[1:] if text.startswith("-") and float(text[1:].replace(",", "")) == 0 else text


def _thousands(ax, axis="y", integer: bool = False):
    """Plain tick labels on an axis; `integer`: ticks only at whole numbers (for counts of people, cases, beds)."""
    a = ax.yaxis if axis == "y" else ax.xaxis
    if integer:
        a.set_major_locator(mticker.MaxNLocator(integer=True))
    a.set_major_formatter(PlainTicks())


def legend_above(ax, ncol: int = 4, **kw):
    """The legend in a row above the plotting area, where it cannot hide data."""
    return ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.01), ncol=ncol, frameon=False, borderaxespad=0.0,
                     **kw)


# --- fan charts -----------------------------------------------------------------------------------------
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


def fan_chart(res: Results, column: str = "registrants_end", lang: str = "ja"):
    """Fan chart of a monthly series (registrants_end, calls, emergencies or cost_yen); small counts per quarter."""
    chart_id = labels.FAN_SERIES[column]
    scale = 1e-3 if column == "cost_yen" else 1.0
    period = fan_period(res.monthly, column)
    t = dict(labels.chart_text(chart_id, lang))
    if period == "quarter":
        q = quarterly(res.monthly, column)
        bands = fan_bands(q, column)
        months_in = q.groupby("month")["months"].max()
        bands["months"] = bands["month"].map(months_in)
        t["ylabel"] = t["ylabel_quarter"]
        t["reading"] = t["reading"] + labels.text("per_quarter_note", lang)
        half = pd.Timedelta(days=45)
    else:
        bands = fan_bands(res.monthly, column)
        half = pd.Timedelta(days=14)
    fig = style.figure()
    ax = fig.add_subplot()
    x = bands["month_start"] + half  # the middle of the month or quarter
    ax.fill_between(x, bands["q05"] * scale, bands["q95"] * scale, color=style.MAIN, alpha=0.18, lw=0,
                    label=labels.text("band90", lang))
    ax.fill_between(x, bands["q25"] * scale, bands["q75"] * scale, color=style.MAIN, alpha=0.38, lw=0,
                    label=labels.text("band50", lang))
    ax.plot(x, bands["q50"] * scale, color=style.MAIN, lw=2, marker="o", ms=2.5 if period == "month" else 4,
            label=labels.text("median", lang))
    ax.set_xlabel(t["xlabel"])
    ax.set_ylabel(t["ylabel"])
    ax.set_ylim(bottom=0)
    _thousands(ax, integer=column != "cost_yen")
    _month_axis(ax, lang)
    if len(bands):
        _fiscal_year_lines(ax, bands["month_start"].min(), bands["month_start"].max() + 2 * half)
    legend_above(ax, ncol=3)
    data = bands.copy()
    data["scale"] = scale
    return _finish(fig, chart_id, lang, data, texts={"ylabel": t["ylabel"]}, reading=t["reading"], column=column,
                   period=period)


def fan_charts(res: Results, lang: str = "ja") -> list:
    return [fan_chart(res, c, lang) for c in labels.FAN_SERIES]


# --- time to arrangement by band ------------------------------------------------------------------------
def _band_hours_label(band: str, bh: dict, lang: str) -> str:
    d, e, n = bh["day_start"], bh["evening_start"], bh["night_start"]
    spans = {"weekday_daytime": (d, e), "weekday_evening": (e, n), "weekday_night": (n, d)}
    if band not in spans:
        return "終日" if lang == "ja" else "all day"
    a, b = spans[band]
    return f"{a}–{b}時" if lang == "ja" else f"{a}–{b} h"


def arrange_by_band(res: Results, lang: str = "ja"):
    """Mean time to a safe arrangement in each time band, with the 95% CI over replications."""
    rows = []
    for band in res.vocab.time_bands:
        key = f"arrange_mean_h_{band}"
        ci = res.kpi_ci(key)
        rows.append({"band": band, "key": key, "label": res.vocab.band_label(band, lang), "mean": ci.mean,
                     "ci_low": ci.ci_low, "ci_high": ci.ci_high, "n": ci.n})
    data = pd.DataFrame(rows)
    fig = style.figure((8.0, 4.8))
    ax = fig.add_subplot()
    xs = np.arange(len(data))
    means = data["mean"].fillna(0).to_numpy()
    lo = (data["mean"] - data["ci_low"]).clip(lower=0).fillna(0).to_numpy()
    hi = (data["ci_high"] - data["mean"]).clip(lower=0).fillna(0).to_numpy()
    colors = [style.PALETTE[i] for i in range(len(data))]
    ax.bar(xs, means, color=colors, width=0.62, zorder=2)
    ax.errorbar(xs, means, yerr=[lo, hi], fmt="none", ecolor="#222222", capsize=6, lw=1.4, zorder=3)
    t = labels.chart_text("arrange_by_band", lang)
    top = np.nanmax(np.append(data["ci_high"].to_numpy(dtype=float), means)) if len(data) else 1.0
    top = top if np.isfinite(top) and top > 0 else 1.0
    for x, r in zip(xs, data.itertuples()):
        if r.n == 0:
            ax.text(x, top * 0.03, labels.text("no_data", lang), ha="center", va="bottom", fontsize=9, color="#666666")
        else:
            ax.text(x, (r.ci_high if np.isfinite(r.ci_high) else r.mean) + top * 0.02,
                    f"{r.mean:.2f}\n({t['n_note']} {r.n})", ha="center", va="bottom", fontsize=8.5)
    ax.set_xticks(xs, [f"{r.label}\n{_band_hours_label(r.band, res.band_hours, lang)}" for r in data.itertuples()])
    ax.set_xlabel(t["xlabel"])
    ax.set_ylabel(t["ylabel"])
    ax.set_ylim(0, top * 1.25)
    ax.grid(axis="x", visible=False)
    return _finish(fig, "arrange_by_band", lang, data)


# --- outcome mix ----------------------------------------------------------------------------------------
def outcome_mix(res: Results, lang: str = "ja"):
    """How emergencies ended: mean count of each outcome with the 95% CI, and its share."""
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
    always = {"short_stay", "home_help", "handed_over", "unresolved"}
    shown = data[~data["all_zero"] | data["outcome"].isin(always)].reset_index(drop=True)
    omitted = len(shown) < len(data)
    fig = style.figure((8.5, 4.6))
    ax = fig.add_subplot()
    ys = np.arange(len(shown))[::-1]
    means = shown["mean"].fillna(0).to_numpy()
    lo = (shown["mean"] - shown["ci_low"]).clip(lower=0).fillna(0).to_numpy()
    hi = (shown["ci_high"] - shown["mean"]).clip(lower=0).fillna(0).to_numpy()
    colors = [style.ACCENT if o in ("handed_over", "unresolved") else style.MAIN for o in shown["outcome"]]
    ax.barh(ys, means, color=colors, height=0.6, zorder=2)
    ax.errorbar(means, ys, xerr=[lo, hi], fmt="none", ecolor="#222222", capsize=5, lw=1.3, zorder=3)
    right = float(np.nanmax(np.append(shown["ci_high"].to_numpy(dtype=float), means))) if len(shown) else 1.0
    right = right if np.isfinite(right) and right > 0 else 1.0
    for y, r in zip(ys, shown.itertuples()):
        share = "" if not np.isfinite(r.share) else f"{r.share * 100:.0f}%"
        x = r.ci_high if np.isfinite(r.ci_high) else (r.mean if np.isfinite(r.mean) else 0)
        ax.text(x + right * 0.02, y, f"{labels.fmt_number(r.mean)}（{share}）" if lang == "ja"
                else f"{labels.fmt_number(r.mean)} ({share})", va="center", fontsize=9)
    ax.set_yticks(ys, shown["label"])
    t = labels.chart_text("outcome_mix", lang)
    ax.set_xlabel(t["xlabel"])
    ax.set_ylabel(t["ylabel"])
    ax.set_xlim(0, right * 1.3)
    ax.grid(axis="y", visible=False)
    if omitted:
        ax.text(1.0, 0.0, "（" + labels.text("omitted_zero", lang) + "）" if lang == "ja"
                else "(" + labels.text("omitted_zero", lang) + ")", transform=ax.transAxes, ha="right", va="bottom",
                fontsize=8, color="#666666")
    title = f"{t['title']} — {res.period_total(lang)}"
    return _finish(fig, "outcome_mix", lang, data, title=title, shown=list(shown["outcome"]))


# --- beds and hub rooms ---------------------------------------------------------------------------------
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


def _step_band(ax, data, t, color=style.MAIN):
    """A week's band and mean as steps: each week one flat level, no spikes between days."""
    edges = list(data["date"]) + ([data["date"].iloc[-1] + pd.Timedelta(days=7)] if len(data) else [])
    if not len(data):
        return
    ax.stairs(data["q95"].to_numpy(dtype=float), edges, baseline=data["q05"].to_numpy(dtype=float), fill=True,
              color=color, alpha=0.2, lw=0, label=t["band90"])
    ax.stairs(data["mean"].to_numpy(dtype=float), edges, color=color, lw=1.3, label=t["mean"], baseline=None)


def bed_occupancy(res: Results, lang: str = "ja"):
    """Short-stay beds in use per week (mean of the days), mean and middle 90% across replications."""
    t = labels.chart_text("bed_occupancy", lang)
    data = weekly_bands(res.daily, "short_stay_beds_in_use_mean", "mean")
    fig = style.figure()
    ax = fig.add_subplot()
    _step_band(ax, data, t)
    beds = res.total_beds
    if beds > 0:
        ax.axhline(beds, color=style.ACCENT, ls="--", lw=1.4, label=f"{t['capacity']}（{beds}）" if lang == "ja"
                   else f"{t['capacity']} ({beds})")
    ax.set_ylim(0, max(beds, float(data["q95"].max()) if len(data) else 1) * 1.05)
    ax.set_xlabel(t["xlabel"])
    ax.set_ylabel(t["ylabel"])
    _thousands(ax, integer=True)
    _month_axis(ax, lang)
    if len(data):
        _fiscal_year_lines(ax, data["date"].min(), data["date"].max())
    extra = []
    if "bed_occupancy" in res.kpis:
        ci = res.kpi_ci("bed_occupancy")
        if ci.n:
            label = res.vocab.kpi_label("bed_occupancy", lang)
            extra = [f"{label} {ci.mean * 100:.1f}% [{ci.ci_low * 100:.1f}, {ci.ci_high * 100:.1f}]"]
    legend_above(ax, ncol=3)
    if extra:
        ax.set_title(extra[0], loc="right", fontsize=9, fontweight="normal", pad=4)
    return _finish(fig, "bed_occupancy", lang, data, total_beds=beds)


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


def hub_rooms(res: Results, lang: str = "ja"):
    """Hub emergency rooms in use each day and the share of days with 0 / all rooms in use.

    With no hub rooms (scenario.hub.rooms = 0) it draws `emergency_beds` instead and says so."""
    rooms = res.hub_rooms
    if rooms <= 0:
        return emergency_beds(res, lang)
    t = labels.chart_text("hub_rooms", lang)
    series = weekly_bands(res.daily, "hub_rooms_in_use_max", "max")
    fig = style.figure((10.0, 4.8))
    gs = fig.add_gridspec(1, 2, width_ratios=[3.2, 1])
    ax = fig.add_subplot(gs[0])
    _step_band(ax, series, t)
    ax.axhline(rooms, color=style.ACCENT, ls="--", lw=1.4,
               label=f"{t['capacity']}（{rooms}）" if lang == "ja" else f"{t['capacity']} ({rooms})")
    ax.set_ylim(0, rooms + 0.6)
    ax.yaxis.set_major_locator(mticker.MaxNLocator(integer=True))
    ax.set_xlabel(t["xlabel"])
    ax.set_ylabel(t["ylabel"])
    _month_axis(ax, lang)
    _fiscal_year_lines(ax, series["date"].min(), series["date"].max())
    legend_above(ax, ncol=3, fontsize=8)
    shares = hub_day_shares(res)
    rows = []
    for key, name in (("none", t["none"]), ("all", t["all"])):
        kpi = f"hub_days_{key}_in_use"
        ci = res.kpi_ci(kpi) if kpi in res.kpis and res.kpis[kpi].notna().any() else res.mean_ci(shares[key])
        rows.append({"what": key, "label": name, "mean": ci.mean, "ci_low": ci.ci_low, "ci_high": ci.ci_high,
                     "n": ci.n})
    share_ci = pd.DataFrame(rows)
    ax2 = fig.add_subplot(gs[1])
    m = share_ci["mean"].to_numpy() * 100
    err = [(share_ci["mean"] - share_ci["ci_low"]).clip(lower=0).fillna(0).to_numpy() * 100,
           (share_ci["ci_high"] - share_ci["mean"]).clip(lower=0).fillna(0).to_numpy() * 100]
    ax2.bar([0, 1], m, color=[style.PALETTE[2], style.ACCENT], width=0.6, zorder=2)
    ax2.errorbar([0, 1], m, yerr=err, fmt="none", ecolor="#222222", capsize=5, zorder=3)
    tops = np.fmax(m, share_ci["ci_high"].to_numpy(dtype=float) * 100)
    for x, v, top in zip([0, 1], m, tops):
        ax2.text(x, (top if np.isfinite(top) else 0) + 2, f"{v:.1f}%", ha="center", va="bottom", fontsize=9)
    ax2.set_xticks([0, 1], list(share_ci["label"]))
    ax2.set_ylabel(t["ylabel_share"])
    ax2.set_ylim(0, 108)
    ax2.grid(axis="x", visible=False)
    return _finish(fig, "hub_rooms", lang, {"daily": series, "shares": share_ci, "per_replication": shares},
                   rooms=rooms)


def emergency_beds(res: Results, lang: str = "ja"):
    """Short-stay beds held by emergency stays each day (for scenarios without hub rooms)."""
    t = labels.chart_text("emergency_beds", lang)
    series = weekly_bands(res.daily, "emergency_beds_in_use_max", "max")
    fig = style.figure((10.0, 4.8))
    gs = fig.add_gridspec(1, 2, width_ratios=[3.2, 1.2])
    ax = fig.add_subplot(gs[0])
    _step_band(ax, series, t)
    reserved = res.reserved_emergency_beds
    if reserved > 0:
        ax.axhline(reserved, color=style.ACCENT, ls="--", lw=1.4,
                   label=f"{t['reserved']}（{reserved}）" if lang == "ja" else f"{t['reserved']} ({reserved})")
    top = max(float(series["q95"].max()) if len(series) else 1.0, reserved, 1.0)
    ax.set_ylim(0, top + 0.8)
    ax.yaxis.set_major_locator(mticker.MaxNLocator(integer=True))
    ax.set_xlabel(t["xlabel"])
    ax.set_ylabel(t["ylabel"])
    _month_axis(ax, lang)
    if len(series):
        _fiscal_year_lines(ax, series["date"].min(), series["date"].max())
    legend_above(ax, ncol=3, fontsize=8)
    ax.set_title(t["note"], loc="right", fontsize=8.5, fontweight="normal", pad=4, color="#8a5a00")
    # share of days by the day's maximum number of beds held: 0, 1, 2, 3 or more
    cats = [0, 1, 2, 3]
    per_rep = res.daily.groupby("replication")["emergency_beds_in_use_max"].apply(
        lambda s: pd.Series({c: float((s >= c).mean() if c == cats[-1] else (s == c).mean()) for c in cats}))
    per_rep = per_rep.unstack()
    rows = []
    for c in cats:
        ci = res.mean_ci(per_rep[c])
        lab = f"{c}+" if c == cats[-1] else str(c)
        rows.append({"beds": lab, "mean": ci.mean, "ci_low": ci.ci_low, "ci_high": ci.ci_high, "n": ci.n})
    share_ci = pd.DataFrame(rows)
    ax2 = fig.add_subplot(gs[1])
    xs = np.arange(len(share_ci))
    m = share_ci["mean"].to_numpy() * 100
    err = [(share_ci["mean"] - share_ci["ci_low"]).clip(lower=0).fillna(0).to_numpy() * 100,
           (share_ci["ci_high"] - share_ci["mean"]).clip(lower=0).fillna(0).to_numpy() * 100]
    ax2.bar(xs, m, color=style.MAIN, width=0.6, zorder=2)
    ax2.errorbar(xs, m, yerr=err, fmt="none", ecolor="#222222", capsize=4, zorder=3)
    tops = np.fmax(m, share_ci["ci_high"].to_numpy(dtype=float) * 100)
    for x, v, top in zip(xs, m, tops):
        ax2.text(x, (top if np.isfinite(top) else 0) + 2, f"{v:.0f}%", ha="center", va="bottom", fontsize=8.5)
    ax2.set_xticks(xs, list(share_ci["beds"]))
    ax2.set_xlabel(t["xlabel_share"], fontsize=9)
    ax2.set_ylabel(t["ylabel_share"])
    ax2.set_ylim(0, 105)
    ax2.grid(axis="x", visible=False)
    return _finish(fig, "emergency_beds", lang, {"daily": series, "shares": share_ci}, rooms=0,
                   reserved_beds=reserved)


# --- staff utilisation ------------------------------------------------------------------------------------
def staff_matrix(staff: pd.DataFrame) -> pd.DataFrame:
    """Utilisation of all centers and duties together as a 24 × 7 table (rows: hour 0–23, columns: weekday
    0 = Monday): Σ busy ÷ Σ scheduled coordinator-hours over replications and centers; NaN where nobody is on
    duty in any replication."""
    all_duties = staff[staff["duty"] == "all"]
    sums = all_duties.groupby(["hour", "weekday"])[["busy_hours", "scheduled_hours"]].sum()
    share = (sums["busy_hours"] / sums["scheduled_hours"]).where(sums["scheduled_hours"] > 0)
    return share.unstack("weekday").reindex(index=range(24), columns=range(7))


def staff_heatmap(res: Results, lang: str = "ja"):
    """Coordinator utilisation by hour of day × weekday (mean over replications)."""
    t = labels.chart_text("staff_heatmap", lang)
    mat = staff_matrix(res.staff)
    fig = style.figure((7.2, 8.2))
    ax = fig.add_subplot()
    vals = mat.to_numpy(dtype=float) * 100
    finite = vals[np.isfinite(vals)]
    vmax = max(10.0, math.ceil((finite.max() if finite.size else 10.0) / 10.0) * 10.0)
    import matplotlib as mpl
    cmap = mpl.colormaps["YlOrRd"].copy()
    cmap.set_bad(style.GREY)
    im = ax.imshow(np.ma.masked_invalid(vals), cmap=cmap, vmin=0, vmax=vmax, aspect="auto", origin="upper")
    for h in range(24):
        for d in range(7):
            v = vals[h, d]
            if np.isfinite(v):
                ax.text(d, h, f"{v:.0f}", ha="center", va="center", fontsize=7,
                        color="white" if v > vmax * 0.6 else "#222222")
    ax.set_xticks(range(7), labels.WEEKDAYS[lang])
    ax.set_yticks(range(24), [f"{h}" for h in range(24)])
    ax.set_xlabel(t["xlabel"])
    ax.set_ylabel(t["ylabel"])
    ax.grid(False)
    for s in ax.spines.values():
        s.set_visible(False)
    cb = fig.colorbar(im, ax=ax, shrink=0.8, pad=0.02)
    cb.set_label(t["colorbar"])
    if np.isnan(vals).any():
        from matplotlib.patches import Patch
        ax.legend(handles=[Patch(color=style.GREY, label=t["off_duty"])], loc="upper center",
                  bbox_to_anchor=(0.5, -0.06), frameon=False, fontsize=8.5)
    return _finish(fig, "staff_heatmap", lang, mat)


# --- cost against budget ---------------------------------------------------------------------------------
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
    totals = wide.sum(axis=1).groupby(level="fiscal_year")
    cis = {fy: res.cost_ci(int(fy)) or res.mean_ci(v) for fy, v in totals}  # summary.json's when it has it
    out["total_mean"] = out["fiscal_year"].map(lambda fy: cis[fy].mean)
    out["total_ci_low"] = out["fiscal_year"].map(lambda fy: cis[fy].ci_low)
    out["total_ci_high"] = out["fiscal_year"].map(lambda fy: cis[fy].ci_high)
    budget = res.budget.groupby("fiscal_year")["yen"].sum() if not res.budget.empty else pd.Series(dtype=float)
    out["budget"] = out["fiscal_year"].map(budget)
    months = res.months_in_fiscal_year()
    out["months"] = out["fiscal_year"].map(lambda fy: months.get(int(fy), 12))
    out.attrs["lines"] = order
    return out


def cost_vs_budget(res: Results, lang: str = "ja"):
    """Cost by fiscal year, stacked by line, with the 95% CI of the total and the budget as markers."""
    t = labels.chart_text("cost_vs_budget", lang)
    data = cost_by_fiscal_year(res)
    lines = [c for c in data.attrs.get("lines", []) if (data[c] > 0).any()]
    fig = style.figure((9.5, 5.2))
    ax = fig.add_subplot()
    xs = np.arange(len(data))
    bottom = np.zeros(len(data))
    scale = 1e-6  # million yen
    for i, line in enumerate(lines):
        v = data[line].to_numpy() * scale
        ax.bar(xs, v, bottom=bottom, width=0.6, color=style.PALETTE[i % len(style.PALETTE)],
               label=res.vocab.cost_line_label(line, lang), zorder=2)
        bottom += v
    tot = data["total_mean"].to_numpy() * scale
    err = [(data["total_mean"] - data["total_ci_low"]).clip(lower=0).fillna(0).to_numpy() * scale,
           (data["total_ci_high"] - data["total_mean"]).clip(lower=0).fillna(0).to_numpy() * scale]
    ax.errorbar(xs, tot, yerr=err, fmt="none", ecolor="#000000", capsize=7, lw=1.5, zorder=4,
                label=f"{t['total']}（{labels.text('ci95', lang)}）" if lang == "ja"
                else f"{t['total']} ({labels.text('ci95', lang)})")
    has_budget = data["budget"].notna()
    if has_budget.any():
        b = data["budget"].to_numpy(dtype=float) * scale
        ax.scatter(xs[has_budget], b[has_budget], marker="D", s=70, color="#000000", zorder=5, label=t["budget"])
        for x, v in zip(xs[has_budget], b[has_budget]):
            ax.hlines(v, x - 0.38, x + 0.38, color="#000000", lw=1.6, zorder=5)
    top = np.nanmax(np.concatenate([tot + err[1], data["budget"].fillna(0).to_numpy(dtype=float) * scale, [1e-9]]))
    for x, v in zip(xs, tot):
        ax.text(x + 0.33, v, f"{v:,.1f}", va="center", ha="left", fontsize=8.5)
    ticks = []
    for r in data.itertuples():
        lab = labels.fiscal_year_short(int(r.fiscal_year), lang)
        if r.months < 12:
            lab += f"\n({r.months}{t['months']})"
        ticks.append(lab)
    ax.set_xticks(xs, ticks)
    ax.set_xlim(-0.6, len(data) - 0.4 + 0.3)
    ax.set_ylim(0, top * 1.15)
    ax.set_xlabel(t["xlabel"])
    ax.set_ylabel(t["ylabel"])
    ax.grid(axis="x", visible=False)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=8.5)
    return _finish(fig, "cost_vs_budget", lang, data, lines=lines)


# --- several runs ----------------------------------------------------------------------------------------
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


def _f(v) -> float:
    try:
        return float(v) if v is not None else math.nan
    except (TypeError, ValueError):
        return math.nan


def scenario_comparison(sources, kpis=None, names=None, lang: str = "ja"):
    """Compare several runs (results directories or Results): one panel per KPI, one row per scenario, the
    mean with its 95% CI."""
    data = comparison_table(sources, kpis, names, lang)
    keys = list(dict.fromkeys(data["key"]))
    scen = list(dict.fromkeys(data["scenario"]))
    ncol = 2 if len(keys) > 1 else 1
    nrow = math.ceil(len(keys) / ncol)
    height = max(3.0, nrow * (0.55 * len(scen) + 1.3)) + 0.8
    fig = style.figure((10.0, height))
    axes = fig.subplots(nrow, ncol, squeeze=False)
    ys = np.arange(len(scen))[::-1]
    for i, key in enumerate(keys):
        ax = axes[i // ncol][i % ncol]
        d = data[data["key"] == key].set_index("scenario").reindex(scen)
        m = d["mean"].to_numpy(dtype=float)
        err = [(d["mean"] - d["ci_low"]).clip(lower=0).fillna(0).to_numpy(),
               (d["ci_high"] - d["mean"]).clip(lower=0).fillna(0).to_numpy()]
        for j, y in enumerate(ys):
            ax.errorbar(m[j], y, xerr=[[err[0][j]], [err[1][j]]], fmt="o", color=style.PALETTE[j % len(style.PALETTE)],
                        capsize=4, ms=6, lw=1.6)
            if np.isfinite(m[j]):
                ax.annotate(labels.fmt_number(m[j]), (m[j], y), xytext=(0, 6), textcoords="offset points",
                            ha="center", fontsize=8)
        unit = d["unit"].dropna().iloc[0] if d["unit"].notna().any() else ""
        label = d["label"].dropna().iloc[0] if d["label"].notna().any() else key
        if lang == "ja":
            head = f"{label}［{unit}］" if label.endswith("）") else f"{label}（{unit}）"
        else:
            head = f"{label} [{unit}]" if label.endswith(")") else f"{label} ({unit})"
        ax.set_title(head, fontsize=10, fontweight="normal", loc="left")
        ax.set_yticks(ys, scen if i % ncol == 0 else [""] * len(scen))
        ax.set_ylim(-0.7, len(scen) - 0.3)
        ax.grid(axis="y", visible=False)
        _thousands(ax, "x")
    for j in range(len(keys), nrow * ncol):
        axes[j // ncol][j % ncol].set_visible(False)
    return _finish(fig, "scenario_comparison", lang, data)


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


def cost_service_frontier(df: pd.DataFrame, lang: str = "ja", service_label: str | None = None,
                          cost_label: str | None = None, higher_is_better: bool = True, target: float | None = None,
                          cost_scale: float = 1e-3, service_scale: float = 1.0):
    """Cost–service chart of a sweep: every configuration with its 95% CIs, the efficient ones joined.

    `df`: columns config, cost_mean, service_mean and optionally cost_ci_low/high, service_ci_low/high; cost in
    yen (drawn in thousands: cost_scale), service in any unit (service_scale, e.g. 100 for a share in %);
    `target`: a service target drawn as a line (in displayed units)."""
    t = labels.chart_text("frontier", lang)
    d = df.copy().reset_index(drop=True)
    for c in ("cost_ci_low", "cost_ci_high", "service_ci_low", "service_ci_high"):
        if c not in d:
            d[c] = math.nan
    d["efficient"] = pareto_front(d, higher_is_better)
    x = d["cost_mean"] * cost_scale
    y = d["service_mean"] * service_scale
    xerr = [((d["cost_mean"] - d["cost_ci_low"]) * cost_scale).clip(lower=0).fillna(0),
            ((d["cost_ci_high"] - d["cost_mean"]) * cost_scale).clip(lower=0).fillna(0)]
    yerr = [((d["service_mean"] - d["service_ci_low"]) * service_scale).clip(lower=0).fillna(0),
            ((d["service_ci_high"] - d["service_mean"]) * service_scale).clip(lower=0).fillna(0)]
    fig = style.figure((9.0, 5.6))
    ax = fig.add_subplot()
    eff = d["efficient"].to_numpy()
    for mask, color, lab, z in ((~eff, "#888888", t["others"], 2), (eff, style.ACCENT, t["frontier"], 3)):
        if mask.any():
            ax.errorbar(x[mask], y[mask], xerr=[xerr[0][mask], xerr[1][mask]], yerr=[yerr[0][mask], yerr[1][mask]],
                        fmt="o", color=color, ms=7, capsize=3, lw=1.0, label=lab, zorder=z)
    front = d[eff].sort_values("cost_mean")
    ax.plot((front["cost_mean"] * cost_scale).to_numpy(dtype=float),
            (front["service_mean"] * service_scale).to_numpy(dtype=float), color=style.ACCENT, lw=1.6, zorder=2,
            gid="frontier")
    for i, r in d.iterrows():
        ax.annotate(str(r["config"]), (x[i], y[i]), xytext=(5, 5), textcoords="offset points", fontsize=8,
                    color="#000000" if r["efficient"] else "#666666")
    if target is not None:
        ax.axhline(target, color=style.PALETTE[2], ls="--", lw=1.2, label=f"{t['target']} {target:g}")
    ax.set_xlabel(cost_label or t["xlabel"])
    ax.set_ylabel(service_label or t["ylabel"])
    ax.margins(x=0.14, y=0.1)  # room for the configuration names
    _thousands(ax, "x")
    ax.legend(loc="best", frameon=True, framealpha=0.9)
    texts = {"xlabel": cost_label or t["xlabel"], "ylabel": service_label or t["ylabel"]}
    return _finish(fig, "frontier", lang, d, texts=texts)


# --- the report's set ------------------------------------------------------------------------------------
def report_charts(res: Results, lang: str = "ja") -> list:
    """The charts of a one-run report, in reading order."""
    figs = fan_charts(res, lang)
    figs += [arrange_by_band(res, lang), outcome_mix(res, lang), bed_occupancy(res, lang), hub_rooms(res, lang),
             staff_heatmap(res, lang), cost_vs_budget(res, lang)]
    return figs
