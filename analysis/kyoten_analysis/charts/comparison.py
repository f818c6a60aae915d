"""Several runs side by side: KPIs with their intervals per scenario, and the cost–service frontier."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from .. import labels, style
from .data import comparison_table, pareto_front
from .layout import _finish, _thousands


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
        bracketed = label.endswith(labels.fmt("closing_bracket", lang))  # then the unit in other brackets
        head = labels.fmt("unit_after_bracketed", lang, label=label, unit=unit) if bracketed \
            else labels.fmt("bracketed", lang, text=label, inner=unit)
        ax.set_title(head, fontsize=10, fontweight="normal", loc="left")
        ax.set_yticks(ys, scen if i % ncol == 0 else [""] * len(scen))
        ax.set_ylim(-0.7, len(scen) - 0.3)
        ax.grid(axis="y", visible=False)
        _thousands(ax, "x")
    for j in range(len(keys), nrow * ncol):
        axes[j // ncol][j % ncol].set_visible(False)
    return _finish(fig, "scenario_comparison", lang, data)


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
