"""The report of a `kyoten sweep` database (docs/planning.md, tables sweep_meta, points, point_kpis): the decision
KPIs over the varied keys with their intervals, and the cost–service frontier. Every figure is the database's."""
from __future__ import annotations

import json
import math
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from . import charts, labels, style
from .format_check import ResultsError
from .vocabulary import Vocabulary, parse_vocabulary

SWEEP_KPIS = ["arrange_mean_h", "arrange_within_4h", "p_no_bed", "staff_utilisation", "overtime_hours", "cost_total_yen"]
SERVICE_KPI = "arrange_within_4h"
COST_KPI = "cost_total_yen"

def texts(lang: str) -> dict:
    """The sweep report's texts in one language (the catalogue's `sweep`)."""
    return labels.catalogue(lang)["sweep"]


@dataclass
class Sweep:
    path: Path
    meta: dict
    points: pd.DataFrame  # point, label, overrides (dict)
    kpis: pd.DataFrame    # point, kpi, mean, ci_low, ci_high, n
    vocab: Vocabulary     # the database's table vocabulary (docs/planning.md)

    @property
    def varied_keys(self) -> list[str]:
        keys = []
        for o in self.points["overrides"]:
            keys += [k for k in o if k not in keys]
        return keys


def is_sweep_database(path) -> bool:
    p = Path(path)
    if not (p.is_file() and p.suffix == ".db"):
        return False
    try:
        with sqlite3.connect(f"file:{p}?mode=ro", uri=True) as con:
            return con.execute("SELECT 1 FROM sqlite_master WHERE name = 'sweep_meta'").fetchone() is not None
    except sqlite3.Error:
        return False


def load_sweep(path) -> Sweep:
    p = Path(path)
    try:
        with sqlite3.connect(f"file:{p}?mode=ro", uri=True) as con:
            con.row_factory = sqlite3.Row
            meta = dict(con.execute("SELECT * FROM sweep_meta").fetchone() or {})
            points = pd.read_sql_query("SELECT point, label, overrides FROM points ORDER BY point", con)
            kpis = pd.read_sql_query("SELECT point, kpi, mean, ci_low, ci_high, n FROM point_kpis", con)
            has_vocabulary = con.execute("SELECT 1 FROM sqlite_master WHERE name = 'vocabulary'").fetchone()
            vocabulary = con.execute("SELECT json FROM vocabulary").fetchone() if has_vocabulary else None
    except (sqlite3.Error, pd.errors.DatabaseError) as e:
        raise ResultsError(f"{p}: not a readable sweep database: {e}") from e
    if points.empty:
        raise ResultsError(f"{p}: the sweep has no finished point yet")
    if vocabulary is None:
        raise ResultsError(f"{p}: no table vocabulary: the sweep was made by an earlier kyoten; run it again with "
                           "this kyoten")
    points["overrides"] = points["overrides"].map(lambda s: json.loads(s) if s else {})
    return Sweep(p, meta, points, kpis, parse_vocabulary(vocabulary[0], f"{p} table vocabulary"))


def _x_values(sw: Sweep):
    keys = sw.varied_keys
    if len(keys) == 1:
        vals = [o.get(keys[0]) for o in sw.points["overrides"]]
        if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in vals):
            return keys[0], np.asarray(vals, dtype=float), None
    return ", ".join(keys), np.arange(len(sw.points), dtype=float), list(sw.points["label"])


def sweep_kpis(sw: Sweep, lang: str = "ja"):
    xlabel, xs, ticks = _x_values(sw)
    keys = [k for k in SWEEP_KPIS if k in set(sw.kpis["kpi"])]
    ncol = 2
    nrow = max(1, math.ceil(len(keys) / ncol))
    fig = style.figure((10.0, 2.7 * nrow + 0.8))
    axes = fig.subplots(nrow, ncol, squeeze=False)
    order = np.argsort(xs, kind="stable")
    for i, key in enumerate(keys):
        ax = axes[i // ncol][i % ncol]
        d = sw.kpis[sw.kpis["kpi"] == key].set_index("point").reindex(sw.points["point"])
        unit = sw.vocab.unit_of(key)
        s = sw.vocab.kpi_scale(unit)
        m = d["mean"].to_numpy(dtype=float) * s
        lo = np.nan_to_num((d["mean"] - d["ci_low"]).clip(lower=0).to_numpy(dtype=float)) * s
        hi = np.nan_to_num((d["ci_high"] - d["mean"]).clip(lower=0).to_numpy(dtype=float)) * s
        ax.errorbar(xs[order], m[order], yerr=[lo[order], hi[order]], fmt="o-", color=style.MAIN, capsize=3, ms=5)
        u = sw.vocab.kpi_unit(key, unit, lang)
        label = sw.vocab.kpi_label(key, lang)
        ax.set_title(labels.fmt("bracketed", lang, text=label, inner=u), fontsize=9.5, fontweight="normal", loc="left")
        if ticks is not None:
            ax.set_xticks(xs, ticks, fontsize=7, rotation=30, ha="right")
        ax.set_xlabel(xlabel, fontsize=8.5)
        charts._thousands(ax)
    for j in range(len(keys), nrow * ncol):
        axes[j // ncol][j % ncol].set_visible(False)
    t = texts(lang)["charts"]["sweep_kpis"]
    return charts._finish(fig, "sweep_kpis", lang, sw.kpis, texts=t, title=t["title"], reading=t["reading"])


def frontier_frame(sw: Sweep) -> pd.DataFrame:
    k = sw.kpis.set_index(["point", "kpi"])
    rows = []
    for r in sw.points.itertuples():
        def g(kpi, col):
            try:
                return float(k.loc[(r.point, kpi), col])
            except (KeyError, TypeError, ValueError):
                return math.nan
        rows.append({"config": r.label, "cost_mean": g(COST_KPI, "mean"), "cost_ci_low": g(COST_KPI, "ci_low"),
                     "cost_ci_high": g(COST_KPI, "ci_high"), "service_mean": g(SERVICE_KPI, "mean"),
                     "service_ci_low": g(SERVICE_KPI, "ci_low"), "service_ci_high": g(SERVICE_KPI, "ci_high")})
    return pd.DataFrame(rows)


def sweep_charts(sw: Sweep, lang: str = "ja") -> list:
    service = labels.fmt("bracketed", lang, text=sw.vocab.kpi_label(SERVICE_KPI, lang), inner="%")
    return [sweep_kpis(sw, lang),
            charts.cost_service_frontier(frontier_frame(sw), lang, service_label=service, service_scale=100.0)]


def point_rows(sw: Sweep, lang: str):
    keys = [k for k in SWEEP_KPIS if k in set(sw.kpis["kpi"])]
    heads = [texts(lang)["col_point"]] + [sw.vocab.kpi_label(k, lang) + f" [{sw.vocab.kpi_unit(k, None, lang)}]" for k in keys]
    k = sw.kpis.set_index(["point", "kpi"])
    rows = []
    for r in sw.points.itertuples():
        row = [r.label]
        for key in keys:
            s = sw.vocab.kpi_scale(sw.vocab.unit_of(key))
            try:
                x = k.loc[(r.point, key)]
                row.append(f"{labels.fmt_number(x['mean'] * s)} [{labels.fmt_number(x['ci_low'] * s)}, "
                           f"{labels.fmt_number(x['ci_high'] * s)}]")
            except KeyError:
                row.append("—")
        rows.append(row)
    return heads, rows
