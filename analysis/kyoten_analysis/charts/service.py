"""How emergencies are met: time to a safe arrangement by time band, and how emergencies ended."""
from __future__ import annotations

import numpy as np

from .. import labels, style
from ..results import Results
from .data import arrangement_by_band, outcomes
from .layout import _finish


def _band_hours_label(band: str, bh: dict, lang: str) -> str:
    d, e, n = bh["day_start"], bh["evening_start"], bh["night_start"]
    spans = {"weekday_daytime": (d, e), "weekday_evening": (e, n), "weekday_night": (n, d)}
    if band not in spans:
        return labels.fmt("all_day", lang)
    a, b = spans[band]
    return labels.fmt("band_hours", lang, start=a, end=b)


def arrange_by_band(res: Results, lang: str = "ja"):
    """Mean time to a safe arrangement in each time band, with the 95% CI over replications."""
    data = arrangement_by_band(res, lang)
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


def outcome_mix(res: Results, lang: str = "ja"):
    """How emergencies ended: mean count of each outcome with the 95% CI, and its share."""
    data = outcomes(res, lang)
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
        ax.text(x + right * 0.02, y, labels.fmt("bracketed", lang, text=labels.fmt_number(r.mean), inner=share),
                va="center", fontsize=9)
    ax.set_yticks(ys, shown["label"])
    t = labels.chart_text("outcome_mix", lang)
    ax.set_xlabel(t["xlabel"])
    ax.set_ylabel(t["ylabel"])
    ax.set_xlim(0, right * 1.3)
    ax.grid(axis="y", visible=False)
    if omitted:
        ax.text(1.0, 0.0, labels.fmt("in_brackets", lang, text=labels.text("omitted_zero", lang)),
                transform=ax.transAxes, ha="right", va="bottom", fontsize=8, color="#666666")
    title = f"{t['title']} — {res.period_total(lang)}"
    return _finish(fig, "outcome_mix", lang, data, title=title, shown=list(shown["outcome"]))
