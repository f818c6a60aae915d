"""Cost by fiscal year, stacked by line, against the budget."""
from __future__ import annotations

import numpy as np

from .. import labels, style
from ..results import Results
from .data import cost_by_fiscal_year
from .layout import _finish


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
                label=labels.fmt("bracketed", lang, text=t["total"], inner=labels.text("ci95", lang)))
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
