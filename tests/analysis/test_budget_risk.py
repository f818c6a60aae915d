"""The report's budget-risk and net-cost tables only read and format what summary.json holds: a hand-written
`budget_risk` entry comes out in thousand yen, with the pro-rating, the Wilson interval and the unit-error flag."""
from types import SimpleNamespace

from make_fixture import VOCAB  # the vocabulary the fixture folders hold

from kyoten_analysis import tables


def _res(summary):
    return SimpleNamespace(summary=summary, vocab=VOCAB)


RISK = {"fiscal_year": 2023, "line": "center", "budget_yen": 53_532_000, "compared_budget_yen": 26_839_000,
        "basis": "pro_rated", "days_simulated": 183, "days_in_year": 366, "cost_mean": 27_500_000,
        "cost_p5": 26_000_000, "cost_p95": 29_000_000, "over_budget_replications": 70, "replications": 100,
        "p_over_budget": 0.7, "p_over_budget_ci_low": 0.604, "p_over_budget_ci_high": 0.781,
        "probable_unit_error": False}


def test_budget_risk_rows_are_summary_json_in_thousand_yen():
    total = dict(RISK, line="total", probable_unit_error=True)
    t = tables.budget_risk_table(_res({"budget_risk": [RISK, total]}), "en")
    assert list(t["budget"]) == ["26,839 (pro-rated 183/366 d)"] * 2
    assert t.iloc[0]["cost"] == "27,500"
    assert t.iloc[0]["range"] == "26,000 – 29,000"
    assert t.iloc[0]["p_over"] == "70% [60%, 78%]"
    assert t.iloc[0]["flag"] == "" and "unit error" in t.iloc[1]["flag"]
    assert not t.iloc[0]["total"] and t.iloc[1]["total"] and t.iloc[1]["budget_line"] == "Total"
    assert t.iloc[0]["over"]  # 70% of years over budget: the row is marked


def test_no_budget_risk_gives_an_empty_table():
    assert tables.budget_risk_table(_res({}), "ja").empty
    assert tables.net_cost_table(_res({"net_cost": []}), "ja").empty


def test_net_cost_rows():
    t = tables.net_cost_table(_res({"net_cost": [{"fiscal_year": 2024, "revenue_mean": 23_128_000,
                                                   "net_mean": 38_416_000, "net_p5": 37_900_000,
                                                   "net_p95": 39_000_000}]}), "en")
    assert t.iloc[0].tolist() == ["FY2024", "23,128", "38,416", "37,900 – 39,000"]
