"""Fan charts of the monthly series (registrants, calls, emergencies, cost): median and middle 50% / 90% of
replications; small counts per quarter."""
from __future__ import annotations

import pandas as pd

from .. import labels, style
from ..results import Results
from .data import fan_bands, fan_period, quarterly
from .layout import _finish, _fiscal_year_lines, _month_axis, _thousands, legend_above


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
