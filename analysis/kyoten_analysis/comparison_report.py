"""The report of `kyoten compare --out DIR` (comparison.json, docs/planning.md): the options side by side, the
paired differences from the reference option with their intervals and the minimum meaningful difference, each
option's cost by fiscal year against its budget, and the options' monthly fans overlaid (monthly_bands.csv).
Every figure is comparison.json's or monthly_bands.csv's; nothing is recomputed.

The HTML has the same frame as the one-run report (report.py: self-contained, charts embedded, printed by
headless Chromium when installed)."""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import charts, labels, style
from .format_check import ResultsError, check_complete_file
from .vocabulary import Vocabulary, load_vocabulary

# The KPIs drawn side by side and as differences: the service and cost measures a council weighs.
DECISION_KPIS = ["answer_mean_min", "arrange_mean_h", "arrange_within_4h", "p_no_bed", "staff_utilisation",
                 "overtime_hours", "cost_total_yen"]

# Overlaid fans: (monthly_bands.csv series, chart id), the series a council reads over time.
OVERLAID_FANS = [("registrants_end", "overlay_registrants"), ("emergencies", "overlay_emergencies"),
                 ("cost_yen", "overlay_cost")]
BAND_COLUMNS = ["scenario", "series", "period", "start", "months", "n", "mean", "q05", "q25", "q50", "q75", "q95"]



@dataclass
class Comparison:
    path: Path
    data: dict
    vocab: Vocabulary
    bands: "pd.DataFrame | None" = None  # monthly_bands.csv; None in folders written before compare wrote it

    @property
    def options(self) -> list[dict]:
        return self.data["scenarios"]

    def title(self, option: dict, lang: str) -> str:
        return option.get(f"title_{lang}") or option.get("title_ja") or option.get("label", "")


def is_comparison_folder(path) -> bool:
    p = Path(path)
    return p.is_dir() and (p / "comparison.json").is_file() and not (p / "summary.json").exists()


def load_comparison(path) -> Comparison:
    """comparison.json checked for what the report reads; a ResultsError names the file and the key."""
    f = Path(path) / "comparison.json"
    try:
        data = json.loads(f.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ResultsError(f"{f}: cannot be read: {e}") from e

    def bad(what):
        raise ResultsError(f"{f}: {what} (docs/planning.md, compare --out)")

    if not isinstance(data, dict):
        bad("expected a JSON object")
    if not isinstance(data.get("scenarios"), list) or len(data["scenarios"]) < 2:
        bad("scenarios: expected a list of at least two options")
    if not isinstance(data.get("differences"), list):
        bad("differences: missing")
    for i, s in enumerate(data["scenarios"]):
        if not isinstance(s, dict) or not isinstance(s.get("kpis"), list) or "label" not in s:
            bad(f"scenarios[{i}]: expected an object with label and kpis")
    return Comparison(Path(path), data, load_vocabulary(path), _load_bands(Path(path) / "monthly_bands.csv"))


def _load_bands(f: Path):
    """monthly_bands.csv checked like a run's CSVs (complete, with its columns); None when absent."""
    import pandas as pd
    if not f.is_file():
        return None
    check_complete_file(f)
    try:
        bands = pd.read_csv(f, dtype={"scenario": str, "series": str, "period": str, "start": str})
    except (OSError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as e:
        raise ResultsError(f"{f}: cannot be read: {e}") from e
    missing = [c for c in BAND_COLUMNS if c not in bands.columns]
    if missing:
        raise ResultsError(f"{f}: missing columns {', '.join(missing)} (docs/planning.md, compare --out)")
    return bands


def _f(v) -> float:
    try:
        return float(v) if v is not None else math.nan
    except (TypeError, ValueError):
        return math.nan


def _letter(i: int) -> str:
    return chr(ord("A") + i)


def _label(cmp: Comparison, key: str, lang: str, item: dict | None = None) -> str:
    if item and item.get(f"label_{lang}"):
        return item[f"label_{lang}"]
    return cmp.vocab.kpi_label(key, lang)


def texts(lang: str) -> dict:
    """The comparison report's texts in one language (the catalogue's `comparison`)."""
    return labels.catalogue(lang)["comparison"]


def chart_texts(chart_id: str, lang: str) -> dict:
    """A chart's title, axis labels and reading; the overlaid fans share one reading."""
    t = texts(lang)
    return {"reading": t["overlay_reading"], **t["charts"][chart_id]}


def _finish(fig, chart_id, lang, data, **texts):
    t = chart_texts(chart_id, lang)
    t.update(texts)
    return charts._finish(fig, chart_id, lang, data, texts=t, title=t["title"], reading=t["reading"])


def options_side_by_side(cmp: Comparison, lang: str = "ja"):
    keys = [k for k in DECISION_KPIS if all(any(x["key"] == k for x in o["kpis"]) for o in cmp.options)]
    n_opt = len(cmp.options)
    ncol = 2
    nrow = math.ceil(len(keys) / ncol)
    fig = style.figure((10.0, max(3.0, nrow * (0.45 * n_opt + 1.1))))
    axes = fig.subplots(nrow, ncol, squeeze=False)
    ys = np.arange(n_opt)[::-1]
    rows = []
    for i, key in enumerate(keys):
        ax = axes[i // ncol][i % ncol]
        for j, o in enumerate(cmp.options):
            k = next(x for x in o["kpis"] if x["key"] == key)
            scale = cmp.vocab.kpi_scale(k.get("unit"))
            m, lo, hi = (_f(k.get(c)) * scale for c in ("mean", "ci_low", "ci_high"))
            rows.append({"option": o["label"], "key": key, "mean": m, "ci_low": lo, "ci_high": hi})
            err = [[max(0.0, m - lo) if math.isfinite(lo) else 0.0], [max(0.0, hi - m) if math.isfinite(hi) else 0.0]]
            ax.errorbar([m], [ys[j]], xerr=err, fmt="o", color=style.PALETTE[j % len(style.PALETTE)], capsize=4, ms=6)
        unit = cmp.vocab.kpi_unit(key, k.get("unit"), lang)
        label = cmp.vocab.kpi_label(key, lang)
        ax.set_title(labels.fmt("bracketed", lang, text=label, inner=unit), fontsize=9.5, fontweight="normal",
                     loc="left")
        ax.set_yticks(ys, [f"{_letter(j)} {o['label']}" for j, o in enumerate(cmp.options)] if i % ncol == 0
                      else [""] * n_opt)
        ax.set_ylim(-0.7, n_opt - 0.3)
        ax.grid(axis="y", visible=False)
        charts._thousands(ax, "x")
    for j in range(len(keys), nrow * ncol):
        axes[j // ncol][j % ncol].set_visible(False)
    import pandas as pd
    return _finish(fig, "options_side_by_side", lang, pd.DataFrame(rows))


def paired_differences(cmp: Comparison, lang: str = "ja"):
    """One panel per KPI: each option's difference from A with its CI, the ±MMD band around 0."""
    import pandas as pd
    rows = []
    for d in cmp.data["differences"]:
        for k in d.get("kpis") or []:
            if k.get("key") not in DECISION_KPIS:
                continue
            scale = cmp.vocab.kpi_scale(k.get("unit"))
            rows.append({"option": d["scenario"], "versus": d["versus"], "key": k["key"], "unit": k.get("unit"),
                         "label": _label(cmp, k["key"], lang, k),
                         "difference": _f(k.get("difference")) * scale, "ci_low": _f(k.get("ci_low")) * scale,
                         "ci_high": _f(k.get("ci_high")) * scale, "mmd": _f(k.get("mmd")) * scale,
                         "verdict": k.get("verdict")})
    data = pd.DataFrame(rows)
    keys = [k for k in DECISION_KPIS if len(data) and k in set(data["key"])]
    others = list(dict.fromkeys(data["option"])) if len(data) else []
    ncol = 2
    nrow = max(1, math.ceil(len(keys) / ncol))
    fig = style.figure((10.0, max(3.0, nrow * (0.45 * max(1, len(others)) + 1.2))))
    axes = fig.subplots(nrow, ncol, squeeze=False)
    ys = np.arange(len(others))[::-1]
    for i, key in enumerate(keys):
        ax = axes[i // ncol][i % ncol]
        sub = data[data["key"] == key].set_index("option").reindex(others)
        mmd = float(sub["mmd"].dropna().max()) if sub["mmd"].notna().any() else math.nan
        if math.isfinite(mmd) and mmd > 0:
            ax.axvspan(-mmd, mmd, color="#DDDDDD", zorder=0)
        ax.axvline(0, color="#555555", lw=0.8)
        for j, (opt, r) in enumerate(sub.iterrows()):
            m = r["difference"]
            err = [[max(0.0, m - r["ci_low"]) if math.isfinite(r["ci_low"]) else 0.0],
                   [max(0.0, r["ci_high"] - m) if math.isfinite(r["ci_high"]) else 0.0]]
            ax.errorbar([m], [ys[j]], xerr=err, fmt="o", color=style.PALETTE[(j + 1) % len(style.PALETTE)],
                        capsize=4, ms=6)
        unit = cmp.vocab.kpi_unit(key, sub["unit"].dropna().iloc[0] if sub["unit"].notna().any() else None, lang)
        label = sub["label"].dropna().iloc[0] if sub["label"].notna().any() else key
        ax.set_title(labels.fmt("bracketed", lang, text=label, inner=unit), fontsize=9.5, fontweight="normal",
                     loc="left")
        ax.set_yticks(ys, [f"{_letter(j + 1)}−A" for j in range(len(others))] if i % ncol == 0 else [""] * len(others))
        ax.set_ylim(-0.7, len(others) - 0.3)
        ax.grid(axis="y", visible=False)
        charts._thousands(ax, "x")
    for j in range(len(keys), nrow * ncol):
        axes[j // ncol][j % ncol].set_visible(False)
    return _finish(fig, "paired_differences", lang, data)


def option_costs(cmp: Comparison, lang: str = "ja"):
    """Grouped bars: each option's total cost per fiscal year (mean, 95% CI) with the budget as a diamond."""
    import pandas as pd
    rows = []
    for j, o in enumerate(cmp.options):
        for c in o.get("cost_by_fiscal_year") or []:
            rows.append({"option": o["label"], "index": j, "fiscal_year": int(c["fiscal_year"]), "mean": _f(c.get("mean")),
                         "ci_low": _f(c.get("ci_low")), "ci_high": _f(c.get("ci_high")), "budget": _f(c.get("budget_yen"))})
    data = pd.DataFrame(rows)
    t = chart_texts("option_costs", lang)
    fig = style.figure((9.5, 4.8))
    ax = fig.add_subplot()
    years = sorted(set(data["fiscal_year"])) if len(data) else []
    n = len(cmp.options)
    width = 0.8 / max(1, n)
    scale = 1e-6
    for j, o in enumerate(cmp.options):
        d = data[data["index"] == j].set_index("fiscal_year").reindex(years)
        xs = np.arange(len(years)) - 0.4 + width * (j + 0.5)
        m = d["mean"].to_numpy(dtype=float) * scale
        err = [np.nan_to_num((d["mean"] - d["ci_low"]).clip(lower=0).to_numpy(dtype=float)) * scale,
               np.nan_to_num((d["ci_high"] - d["mean"]).clip(lower=0).to_numpy(dtype=float)) * scale]
        ax.bar(xs, m, width=width * 0.9, color=style.PALETTE[j % len(style.PALETTE)], label=f"{_letter(j)} {o['label']}",
               zorder=2)
        ax.errorbar(xs, m, yerr=err, fmt="none", ecolor="#222222", capsize=3, zorder=3)
        b = d["budget"].to_numpy(dtype=float) * scale
        ok = np.isfinite(b)
        if ok.any():
            ax.scatter(xs[ok], b[ok], marker="D", s=36, color="#000000", zorder=4,
                       label=labels.chart_text("cost_vs_budget", lang)["budget"] if j == 0 else None)
    ax.set_xticks(np.arange(len(years)), [labels.fiscal_year_short(y, lang) for y in years])
    ax.set_xlabel(t["xlabel"])
    ax.set_ylabel(t["ylabel"])
    ax.set_ylim(bottom=0)
    charts._thousands(ax)
    ax.grid(axis="x", visible=False)
    charts.legend_above(ax, ncol=min(4, n + 1), fontsize=8.5)
    return _finish(fig, "option_costs", lang, data, xlabel=t["xlabel"], ylabel=t["ylabel"])


def fan_period(bands, series: str) -> str:
    """'quarter' for a flow count whose median month (over the options' monthly medians) is small, as the one-run
    report draws it (charts.SMALL_MONTHLY_COUNT); else 'month'."""
    monthly = bands[(bands["series"] == series) & (bands["period"] == "month")]
    has_quarters = ((bands["series"] == series) & (bands["period"] == "quarter")).any()
    if not has_quarters or monthly.empty:
        return "month"
    return "quarter" if float(monthly["q50"].median()) < charts.SMALL_MONTHLY_COUNT else "month"


def overlaid_fan(cmp: Comparison, series: str, chart_id: str, lang: str = "ja"):
    """Each option's fan of one monthly series on one chart: its median, middle 50% band and middle 90% lines."""
    import pandas as pd
    t = chart_texts(chart_id, lang)
    period = fan_period(cmp.bands, series)
    data = cmp.bands[(cmp.bands["series"] == series) & (cmp.bands["period"] == period)].copy()
    if period == "quarter":
        t["ylabel"] = t["ylabel_quarter"]
    scale = 1e-3 if series == "cost_yen" else 1.0
    half = pd.Timedelta(days=45 if period == "quarter" else 14)
    data["month_start"] = pd.to_datetime(data["start"] + "-01", format="%Y-%m-%d", errors="coerce")
    fig = style.figure()
    ax = fig.add_subplot()
    for j, o in enumerate(cmp.options):
        d = data[data["scenario"] == o["label"]].sort_values("month_start")
        if d.empty:
            continue
        color = style.PALETTE[j % len(style.PALETTE)]
        x = d["month_start"] + half  # the middle of the month or quarter
        ax.fill_between(x, d["q25"] * scale, d["q75"] * scale, color=color, alpha=0.25, lw=0)
        for q in ("q05", "q95"):
            ax.plot(x, d[q] * scale, color=color, lw=0.8, ls="--")
        ax.plot(x, d["q50"] * scale, color=color, lw=2, marker="o", ms=2.5, label=f"{_letter(j)} {o['label']}")
    ax.set_xlabel(t["xlabel"])
    ax.set_ylabel(t["ylabel"])
    ax.set_ylim(bottom=0)
    charts._thousands(ax, integer=series != "cost_yen")
    charts._month_axis(ax, lang)
    if len(data):
        charts._fiscal_year_lines(ax, data["month_start"].min(), data["month_start"].max() + 2 * half)
    charts.legend_above(ax, ncol=min(4, len(cmp.options)), fontsize=8.5)
    data["scale"] = scale
    return _finish(fig, chart_id, lang, data, xlabel=t["xlabel"], ylabel=t["ylabel"])


def comparison_charts(cmp: Comparison, lang: str = "ja") -> list:
    fans = [] if cmp.bands is None else [overlaid_fan(cmp, series, chart_id, lang) for series, chart_id in OVERLAID_FANS]
    return [options_side_by_side(cmp, lang), paired_differences(cmp, lang), *fans, option_costs(cmp, lang)]


# --- tables -------------------------------------------------------------------------------------------------
def _fmt(cmp: Comparison, v, unit) -> str:
    scale = cmp.vocab.kpi_scale(unit)
    return labels.fmt_number(_f(v) * scale)


def options_rows(cmp: Comparison, lang: str):
    t = texts(lang)
    return [t["col_option"], t["col_title"], t["col_file"]], \
        [[labels.fmt("bracketed", lang, text=f"{_letter(j)} {o['label']}", inner=t["reference"]) if j == 0
          else f"{_letter(j)} {o['label']}", cmp.title(o, lang), o.get("file", "")] for j, o in enumerate(cmp.options)]


def difference_rows(cmp: Comparison, lang: str):
    t = texts(lang)
    rows = []
    for d in cmp.data["differences"]:
        for k in (d.get("kpis") or []) + (d.get("cost_by_fiscal_year") or []):
            unit = k.get("unit")
            u = cmp.vocab.kpi_unit(k.get("key", ""), unit, lang)
            ci = f"[{_fmt(cmp, k.get('ci_low'), unit)}, {_fmt(cmp, k.get('ci_high'), unit)}]" \
                if k.get("ci_low") is not None else "—"
            rows.append([d["scenario"], _label(cmp, k.get("key", ""), lang, k),
                         f"{_fmt(cmp, k.get('difference'), unit)} {u}",
                         ci, f"±{_fmt(cmp, k.get('mmd'), unit)}" if k.get("mmd") is not None else "—",
                         k.get(f"sentence_{lang}") or k.get("verdict", "")])
    return [t["col_option"], t["col_kpi"], t["col_diff"], t["col_ci"], t["col_mmd"], t["col_verdict"]], rows


def cost_rows(cmp: Comparison, lang: str):
    t = texts(lang)
    rows = []
    for j, o in enumerate(cmp.options):
        for c in o.get("cost_by_fiscal_year") or []:
            k = 1e-3
            rows.append([f"{_letter(j)} {o['label']}", labels.fiscal_year_short(int(c["fiscal_year"]), lang),
                         labels.fmt_number(_f(c.get("mean")) * k, 0),
                         f"[{labels.fmt_number(_f(c.get('ci_low')) * k, 0)}, {labels.fmt_number(_f(c.get('ci_high')) * k, 0)}]",
                         labels.fmt_number(_f(c.get("budget_yen")) * k, 0)])
    return [t["col_option"], t["col_fy"], t["col_cost"], t["col_ci"], t["col_budget"]], rows
