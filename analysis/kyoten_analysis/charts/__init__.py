"""One function per chart. Each returns a matplotlib Figure whose title, axis labels (with units) and one-line
reading come from the catalogue in the chosen language; `fig.kyoten` holds the same texts and the data drawn, so
tests and the report can use them without reading pixels.

The package separates, as simmer.plot separates data from plotting: `layout` (text and figure layout),
`data` (the results read into the frames a chart draws) and one module per chart family (`fans`, `service`,
`capacity`, `staff`, `costs`, `comparison`). Everything is re-exported here: `charts.fan_chart(res)`."""
from __future__ import annotations

from ..results import Results
from .capacity import _step_band, bed_occupancy, emergency_beds, hub_rooms
from .comparison import cost_service_frontier, scenario_comparison
from .costs import cost_vs_budget
from .data import (DEFAULT_COMPARISON_KPIS, SMALL_MONTHLY_COUNT, arrangement_by_band, comparison_table,
                   cost_by_fiscal_year, fan_bands, fan_period, frontier_table, hub_day_shares, outcomes, pareto_front,
                   quarterly, staff_matrix, weekly_bands)
from .fans import fan_chart, fan_charts
from .layout import (PlainTicks, _finish, _fiscal_year_lines, _month_axis, _text_width, _thousands, figure_texts,
                     legend_above, tick_text, without_title_and_reading, wrap)
from .service import arrange_by_band, outcome_mix
from .staff import staff_heatmap

__all__ = ["DEFAULT_COMPARISON_KPIS", "SMALL_MONTHLY_COUNT", "PlainTicks", "arrange_by_band", "arrangement_by_band",
           "bed_occupancy",
           "comparison_table", "cost_by_fiscal_year", "cost_service_frontier", "cost_vs_budget", "emergency_beds",
           "fan_bands", "fan_chart", "fan_charts", "fan_period", "figure_texts", "frontier_table", "hub_day_shares",
           "hub_rooms", "legend_above", "outcome_mix", "outcomes", "pareto_front", "quarterly", "report_charts",
           "scenario_comparison", "staff_heatmap", "staff_matrix", "tick_text", "weekly_bands",
           "without_title_and_reading", "wrap", "_finish", "_fiscal_year_lines", "_month_axis", "_step_band",
           "_text_width", "_thousands"]


def report_charts(res: Results, lang: str = "ja") -> list:
    """The charts of a one-run report, in reading order."""
    figs = fan_charts(res, lang)
    figs += [arrange_by_band(res, lang), outcome_mix(res, lang), bed_occupancy(res, lang), hub_rooms(res, lang),
             staff_heatmap(res, lang), cost_vs_budget(res, lang)]
    return figs
