"""charts/costs.py: cost by fiscal year against the budget."""
import math

import pytest

from kyoten_analysis import charts, labels, stats
from make_fixture import VOCAB  # the vocabulary the fixture folders hold
from chart_checks import check_texts, render_without_missing_glyphs


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_cost_vs_budget(res, res_no_hub, lang):
    fig = charts.cost_vs_budget(res, lang)
    check_texts(fig, "cost_vs_budget", lang)
    d = fig.kyoten["data"].set_index("fiscal_year")
    totals = res.costs.groupby(["replication", "fiscal_year"])["yen"].sum()
    fy24 = totals.xs(2024, level="fiscal_year")
    assert d.loc[2024, "total_mean"] == pytest.approx(fy24.mean())
    assert d.loc[2024, "total_ci_high"] == pytest.approx(stats.mean_ci(fy24).ci_high)
    assert d.loc[2024, "budget"] == pytest.approx(res.budget[res.budget["fiscal_year"] == 2024]["yen"].sum())
    assert math.isnan(d.loc[2026, "budget"])  # no budget stated for FY2026
    # stacked segments add up to the total
    assert sum(d.loc[2025, line] for line in fig.kyoten["lines"]) == pytest.approx(d.loc[2025, "total_mean"])
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert labels.chart_text("cost_vs_budget", lang)["budget"] in legend
    assert VOCAB.cost_line_label("center", lang) in legend
    # partial fiscal years are marked with their months
    fig2 = charts.cost_vs_budget(res_no_hub, lang)
    ticks = " ".join(t.get_text() for t in fig2.axes[0].get_xticklabels())
    assert "6" in ticks and "8" in ticks
    render_without_missing_glyphs(fig)
