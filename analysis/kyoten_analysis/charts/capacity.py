"""Beds and rooms in use: short-stay beds, hub emergency rooms (or, without a hub, the short-stay beds held by
emergencies), as weekly steps with the middle 90% of replications."""
from __future__ import annotations

import matplotlib.ticker as mticker
import numpy as np
import pandas as pd

from .. import labels, style
from ..results import Results
from .data import hub_day_shares, weekly_bands
from .layout import _finish, _fiscal_year_lines, _month_axis, _thousands, legend_above


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
        ax.axhline(beds, color=style.ACCENT, ls="--", lw=1.4, label=labels.fmt("bracketed", lang, text=t["capacity"], inner=beds))
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


def _weekly_maximum_beside_shares(res: Results, column: str, t: dict, shares_width: float):
    """A figure of two panels: the weekly maximum of `column` as steps (left, returned as `ax`) and room on the
    right (`gs[1]`) for the shares of days."""
    series = weekly_bands(res.daily, column, "max")
    fig = style.figure((10.0, 4.8))
    gs = fig.add_gridspec(1, 2, width_ratios=[3.2, shares_width])
    ax = fig.add_subplot(gs[0])
    _step_band(ax, series, t)
    return fig, gs, ax, series


def hub_rooms(res: Results, lang: str = "ja"):
    """Hub emergency rooms in use each day and the share of days with 0 / all rooms in use.

    With no hub rooms (scenario.hub.rooms = 0) it draws `emergency_beds` instead and says so."""
    rooms = res.hub_rooms
    if rooms <= 0:
        return emergency_beds(res, lang)
    t = labels.chart_text("hub_rooms", lang)
    fig, gs, ax, series = _weekly_maximum_beside_shares(res, "hub_rooms_in_use_max", t, 1)
    ax.axhline(rooms, color=style.ACCENT, ls="--", lw=1.4,
               label=labels.fmt("bracketed", lang, text=t["capacity"], inner=rooms))
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
    fig, gs, ax, series = _weekly_maximum_beside_shares(res, "emergency_beds_in_use_max", t, 1.2)
    reserved = res.reserved_emergency_beds
    if reserved > 0:
        ax.axhline(reserved, color=style.ACCENT, ls="--", lw=1.4,
                   label=labels.fmt("bracketed", lang, text=t["reserved"], inner=reserved))
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
