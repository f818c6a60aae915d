"""The report's assumptions table lists a scenario's dated changes of plan ([[changes]]): when, why and which
sections each states, and the budget lines a change adds."""
from kyoten_analysis import tables
from make_fixture import run_of


def test_dated_changes_and_their_budget_lines_are_listed():
    scenario = {
        "budget": {"lines": [{"fiscal_year": 2023, "line": "center", "yen": 53_532_000}]},
        "changes": [
            {"from": "2024-01-01", "reason": "ward-wide rollout", "calls": {"band_share": {}}},
            {"from": "2024-04-01", "reason": "staff strengthened", "centers": [{"name": "c"}],
             "budget": {"lines": [{"fiscal_year": 2024, "line": "center", "yen": 59_877_000}]}},
        ],
    }
    rows = tables.assumption_rows(run_of(scenario), "en")
    items = dict(rows)
    assert items["Plan change from 2024-01-01"] == "ward-wide rollout (calls)"
    assert items["Plan change from 2024-04-01"] == "staff strengthened (centers, budget)"
    budget_rows = [value for item, value in rows if item.startswith("Budget")]
    assert len(budget_rows) == 2
    assert any("59,877,000 yen" in value for value in budget_rows)
