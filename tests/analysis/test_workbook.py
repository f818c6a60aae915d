"""The budget office's workbook: read back with openpyxl, it holds summary.json's figures as numbers (千円, %),
under 令和 labels; the CSV export carries a UTF-8 BOM and the same tables."""
import json
import shutil

import pytest

openpyxl = pytest.importorskip("openpyxl")

from kyoten_analysis import load_results, workbook  # noqa: E402
from kyoten_analysis.__main__ import main as cli_main  # noqa: E402
from make_fixture import VOCAB  # the vocabulary the fixture folders hold

# One budget-risk entry as `kyoten run` writes it (docs/results-format.md), added to the fixture by hand.
RISK = {"fiscal_year": 2024, "line": "center", "budget_yen": 59877000, "compared_budget_yen": 59877000,
        "basis": "full_year", "days_simulated": 366, "days_in_year": 366, "cost_mean": 58494996.0,
        "cost_p5": 58000000.0, "cost_p95": 59000000.0, "over_budget_replications": 1, "replications": 5,
        "p_over_budget": 0.2, "p_over_budget_ci_low": 0.036, "p_over_budget_ci_high": 0.624,
        "probable_unit_error": False}


@pytest.fixture(scope="module")
def exported(results_dir, tmp_path_factory):
    d = tmp_path_factory.mktemp("export") / "run"
    shutil.copytree(results_dir, d)
    s = json.loads((d / "summary.json").read_text(encoding="utf-8"))
    s["budget_risk"] = [RISK, dict(RISK, line="total", budget_yen=70000000, compared_budget_yen=70000000,
                                   p_over_budget=0.0, p_over_budget_ci_low=0.0, p_over_budget_ci_high=0.434)]
    (d / "summary.json").write_text(json.dumps(s, ensure_ascii=False), encoding="utf-8")
    assert cli_main(["export", str(d), "--xlsx", "--csv-bom"]) == 0
    return d, s


def _table(ws):
    """Headers (row 4) and rows below them of a sheet."""
    rows = list(ws.iter_rows(min_row=4, values_only=True))
    return list(rows[0]), [list(r) for r in rows[1:]]


def test_one_sheet_per_table_with_japanese_names(exported):
    d, _ = exported
    wb = openpyxl.load_workbook(d / "workbook_ja.xlsx")
    assert wb.sheetnames == ["費用（年度・科目別）", "予算比較", "指標", "年度別件数", "前提条件"]


def test_costs_in_thousand_yen_by_reiwa_year_match_summary_json(exported):
    d, s = exported
    ws = openpyxl.load_workbook(d / "workbook_ja.xlsx")["費用（年度・科目別）"]
    heads, rows = _table(ws)
    assert heads == ["費用項目", "令和6年度", "令和7年度", "令和8年度"]  # the fixture runs FY2024–FY2026
    by_label = {r[0]: r[1:] for r in rows}
    for c in s["costs"]:
        col = [2024, 2025, 2026].index(c["fiscal_year"])
        assert by_label[VOCAB.cost_line_label(c["line"], "ja")][col] == pytest.approx(c["mean"] / 1000)
    for col, fy in enumerate([2024, 2025, 2026]):
        assert by_label["合計"][col] == pytest.approx(sum(c["mean"] for c in s["costs"] if c["fiscal_year"] == fy) / 1000)
    # numbers, not text, with a thousands format
    cell = ws.cell(row=5, column=2)
    assert cell.data_type == "n" and cell.number_format == "#,##0"


def test_budget_comparison_holds_p_over_budget_as_a_percentage(exported):
    d, _ = exported
    ws = openpyxl.load_workbook(d / "workbook_ja.xlsx")["予算比較"]
    heads, rows = _table(ws)
    assert len(rows) == 2 and all(len(r) == len(heads) for r in rows)
    center = rows[0]
    assert center[0] == "令和6年度" and center[1] == VOCAB.budget_line_label("center", "ja")
    assert center[heads.index("予算額（千円）")] == pytest.approx(59877)
    assert center[heads.index("費用 平均（千円）")] == pytest.approx(58494.996)
    assert center[heads.index("予算超過の確率")] == pytest.approx(0.2)
    assert ws.cell(row=5, column=heads.index("予算超過の確率") + 1).number_format == "0.0%"
    assert rows[1][1] == "合計"


def test_kpis_match_summary_json(exported):
    d, s = exported
    ws = openpyxl.load_workbook(d / "workbook_ja.xlsx")["指標"]
    heads, rows = _table(ws)
    by_key = {r[1]: r for r in rows}
    for k in s["kpis"]:
        scale = 1e-3 if k["unit"] == "yen" else 1.0
        r = by_key[k["key"]]
        for col, field in ((2, "mean"), (3, "ci_low"), (4, "ci_high")):
            if k[field] is None:
                assert r[col] is None
            else:
                assert r[col] == pytest.approx(k[field] * scale)
    share_row = [i for i, r in enumerate(rows) if r[1] == "arrange_within_4h"][0]
    assert ws.cell(row=5 + share_row, column=3).number_format == "0.0%"
    assert by_key["calls"][5] == "件（期間合計）"


def test_counts_per_fiscal_year_are_means_of_the_years_sums(exported, res):
    d, _ = exported
    heads, rows = _table(openpyxl.load_workbook(d / "workbook_ja.xlsx")["年度別件数"])
    calls = {h: v for h, v in zip(heads, [r for r in rows if r[0] == "相談件数"][0])}
    m = res.monthly[res.monthly["fiscal_year"] == 2025]
    assert calls["令和7年度"] == pytest.approx(m.groupby("replication")["calls"].sum().mean())


def test_english_workbook(results_dir, tmp_path):
    res = load_results(results_dir)
    p = workbook.write_xlsx(res, tmp_path / "w.xlsx", "en")
    wb = openpyxl.load_workbook(p)
    assert wb.sheetnames[0] == "Cost by FY and line"
    assert _table(wb.worksheets[0])[0][1] == "FY2024"


def test_csv_with_bom_has_the_sheets_tables(exported):
    import csv
    d, s = exported
    p = d / "tables_ja" / "costs_by_fiscal_year.csv"
    raw = p.read_bytes()
    assert raw[:3] == b"\xef\xbb\xbf"
    with p.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["費用項目", "令和6年度", "令和7年度", "令和8年度"]
    center = [r for r in rows if r[0] == VOCAB.cost_line_label("center", "ja")][0]
    mean = [c["mean"] for c in s["costs"] if c["line"] == "center" and c["fiscal_year"] == 2024][0]
    assert float(center[1]) == pytest.approx(mean / 1000, abs=0.001)
    assert len(center[1].split(".")[-1]) <= 3  # no 58918.75000000047
