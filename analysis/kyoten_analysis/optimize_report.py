"""The report of `kyoten optimize --out DIR` (optimize.json, docs/planning.md): the cheapest configuration that
meets the targets, its runners-up with their paired cost difference, and every configuration's cost and status.
Every figure is optimize.json's; nothing is recomputed."""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from . import charts, labels, style
from .format_check import ResultsError
from .vocabulary import Vocabulary, load_vocabulary

RUNNERS_UP = 3

def texts(lang: str) -> dict:
    """The optimisation report's texts in one language (the catalogue's `optimize`)."""
    return labels.catalogue(lang)["optimize"]


@dataclass
class Optimize:
    path: Path
    data: dict
    vocab: Vocabulary

    @property
    def configurations(self) -> list[dict]:
        return self.data["configurations"]

    @property
    def choice(self):
        return self.data.get("choice")

    def runners_up(self) -> list[int]:
        ranking = [i for i in self.data.get("ranking") or [] if i != self.choice]
        return ranking[:RUNNERS_UP]


def is_optimize_folder(path) -> bool:
    p = Path(path)
    return p.is_dir() and (p / "optimize.json").is_file() and not (p / "summary.json").exists()


def load_optimize(path) -> Optimize:
    f = Path(path) / "optimize.json"
    try:
        data = json.loads(f.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ResultsError(f"{f}: cannot be read: {e}") from e
    if not isinstance(data, dict) or not isinstance(data.get("configurations"), list) or not data["configurations"]:
        raise ResultsError(f"{f}: configurations: expected a non-empty list (docs/planning.md, optimize --out)")
    for i, c in enumerate(data["configurations"]):
        if not isinstance(c, dict) or not isinstance(c.get("cost"), dict) or "settings" not in c:
            raise ResultsError(f"{f}: configurations[{i}]: expected an object with settings and cost")
    return Optimize(Path(path), data, load_vocabulary(path))


def _f(v) -> float:
    try:
        return float(v) if v is not None else math.nan
    except (TypeError, ValueError):
        return math.nan


def settings_text(c: dict) -> str:
    return ", ".join(f"{k}={v}" for k, v in (c.get("settings") or {}).items())


def optimize_costs(opt: Optimize, lang: str = "ja"):
    t = texts(lang)["charts"]["optimize_costs"]
    rows = []
    for i, c in enumerate(opt.configurations):
        rows.append({"index": i, "settings": settings_text(c), "status": c.get("status", ""),
                     "mean": _f(c["cost"].get("mean")), "ci_low": _f(c["cost"].get("ci_low")),
                     "ci_high": _f(c["cost"].get("ci_high"))})
    data = pd.DataFrame(rows)
    colors = {"feasible": style.PALETTE[2], "infeasible": style.ACCENT, "undecided": "#888888"}
    fig = style.figure((9.5, max(3.0, 0.38 * len(data) + 1.4)))
    ax = fig.add_subplot()
    ys = np.arange(len(data))[::-1]
    k = 1e-3
    runners = set(opt.runners_up())
    for y, r in zip(ys, data.itertuples()):
        err = [[max(0.0, r.mean - r.ci_low) * k if math.isfinite(r.ci_low) else 0.0],
               [max(0.0, r.ci_high - r.mean) * k if math.isfinite(r.ci_high) else 0.0]]
        ax.errorbar([r.mean * k], [y], xerr=err, fmt="*" if r.index == opt.choice else "o",
                    ms=13 if r.index == opt.choice else 6, color=colors.get(r.status, "#444444"), capsize=3)
    ax.set_yticks(ys, [f"#{r.index} {r.settings}" for r in data.itertuples()], fontsize=8)
    for tick, r in zip(ax.get_yticklabels(), data.itertuples()):
        if r.index in runners or r.index == opt.choice:
            tick.set_fontweight("bold")
    from matplotlib.lines import Line2D
    handles = [Line2D([], [], marker="o", ls="", color=colors[s], label=texts(lang)["status"][s])
               for s in ("feasible", "infeasible", "undecided") if s in set(data["status"])]
    if handles:
        charts.legend_above(ax, ncol=len(handles), handles=handles)
    ax.set_xlabel(t["xlabel"])
    ax.set_ylabel(t["ylabel"])
    ax.grid(axis="y", visible=False)
    charts._thousands(ax, "x")
    return charts._finish(fig, "optimize_costs", lang, data, texts=t, title=t["title"], reading=t["reading"])


def choice_rows(opt: Optimize, lang: str):
    t = texts(lang)
    k = 1e-3
    rows = []
    order = ([opt.choice] if opt.choice is not None else []) + opt.runners_up()
    for rank, i in enumerate(order, start=1):
        c = opt.configurations[i]
        vs = c.get("cost_vs_choice") or {}
        cost = c["cost"]
        rows.append([labels.fmt("bracketed", lang, text=rank, inner=t["chosen"]) if i == opt.choice else str(rank),
                     f"#{i} {settings_text(c)}", labels.fmt_number(_f(cost.get("mean")) * k, 0),
                     f"[{labels.fmt_number(_f(cost.get('ci_low')) * k, 0)}, {labels.fmt_number(_f(cost.get('ci_high')) * k, 0)}]",
                     "—" if i == opt.choice else
                     f"{labels.fmt_number(_f(vs.get('difference')) * k, 0)} "
                     f"[{labels.fmt_number(_f(vs.get('ci_low')) * k, 0)}, {labels.fmt_number(_f(vs.get('ci_high')) * k, 0)}]"])
    return [t["col_rank"], t["col_settings"], t["col_cost"], t["col_ci"], t["col_vs"]], rows


def configuration_rows(opt: Optimize, lang: str):
    t = texts(lang)
    k = 1e-3
    rows = []
    for i, c in enumerate(opt.configurations):
        cost = c["cost"]
        targets = "; ".join(f"{x.get('target')}: {labels.fmt_number(_f(x.get('mean')))}" for x in c.get("targets") or [])
        rows.append([f"#{i}", settings_text(c), t["status"].get(c.get("status"), c.get("status", "")),
                     str(c.get("replications", "")), labels.fmt_number(_f(cost.get("mean")) * k, 0),
                     f"[{labels.fmt_number(_f(cost.get('ci_low')) * k, 0)}, {labels.fmt_number(_f(cost.get('ci_high')) * k, 0)}]",
                     targets])
    return [t["col_rank"], t["col_settings"], t["col_status"], t["col_reps"], t["col_cost"], t["col_ci"],
            t["col_targets"]], rows
