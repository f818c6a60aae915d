"""The budget office's workbook of a run: an .xlsx (openpyxl) with one sheet per table — cost by fiscal year and
budget line in 千円 under 令和 labels, the budget comparison with P(over budget), the KPIs and counts per fiscal
year, and the assumptions — and the same tables as CSV with a UTF-8 BOM (Excel on Japanese Windows reads a CSV
without one as Shift_JIS and garbles it).

Every figure is summary.json's (costs, budget_risk, kpis, fiscal_years) or, for the counts per fiscal year that summary.json
does not hold, the mean over replications of monthly.csv's sums; cells hold numbers with number formats, never
numbers as text."""
from __future__ import annotations

import csv
import math
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import labels, tables
from .results import Results

THOUSANDS = "#,##0"
THOUSANDS_1 = "#,##0.0"
PERCENT_1 = "0.0%"

# monthly.csv columns counted per fiscal year (sums over the months of the year, mean over replications).
YEAR_COUNTS = ["registrations", "calls", "emergencies", "arranged", "unresolved", "assessments", "experience_done",
               "experience_preempted"]


def texts(lang: str) -> dict:
    """The workbook's sheet names, notes and headers in one language (the catalogue's `workbook`)."""
    return labels.catalogue(lang)["workbook"]


@dataclass
class Sheet:
    """One table: a sheet name, a note above it, headers, rows (numbers stay numbers) and each column's number
    format (None: general; a list: one format per row)."""
    key: str
    name: str
    note: str
    headers: list
    rows: list
    formats: list


def _num(v):
    try:
        x = float(v)
    except (TypeError, ValueError):
        return None
    return x if math.isfinite(x) else None


def _k(v):
    """Yen → 千円 (None stays empty)."""
    x = _num(v)
    return None if x is None else x / 1000.0


def cost_sheet(res: Results, lang: str) -> Sheet:
    """Mean cost of each line (rows) in each fiscal year (columns, 令和 labels), 千円, with the year's total."""
    t = texts(lang)
    costs = res.summary.get("costs") or []
    years = sorted({int(c["fiscal_year"]) for c in costs})
    order = [ln for ln in res.vocab.cost_lines if any(c["line"] == ln for c in costs)] + \
        sorted({c["line"] for c in costs} - set(res.vocab.cost_lines))
    mean = {(int(c["fiscal_year"]), c["line"]): _k(c.get("mean")) for c in costs}
    rows = [[res.vocab.cost_line_label(ln, lang)] + [mean.get((fy, ln)) for fy in years] for ln in order]
    rows.append([t["total"]] + [sum(v for (y, _), v in mean.items() if y == fy and v is not None) for fy in years])
    months = res.months_in_fiscal_year()
    heads = [labels.fmt("bracketed", lang, text=labels.fiscal_year_short(fy, lang),
                        inner=labels.fmt("months", lang, months=months[fy]))
             if months.get(fy, 12) < 12 else labels.fiscal_year_short(fy, lang) for fy in years]
    return Sheet("costs", t["costs"], t["unit_note"], [t["line"]] + heads, rows, [None] + [THOUSANDS] * len(years))


def budget_sheet(res: Results, lang: str) -> Sheet:
    """summary.json's budget_risk: each budget line and each year's total against the budget compared."""
    t = texts(lang)
    rows = []
    for b in res.summary.get("budget_risk") or []:
        line = b.get("line", "")
        rows.append([labels.fiscal_year_short(int(b["fiscal_year"]), lang),
                     labels.text("total_line", lang) if line == "total" else res.vocab.budget_line_label(line, lang),
                     _k(b.get("budget_yen")), _k(b.get("compared_budget_yen")),
                     t["pro_rated"] if b.get("basis") == "pro_rated" else t["full_year"],
                     _k(b.get("cost_mean")), _k(b.get("cost_p5")), _k(b.get("cost_p95")),
                     _num(b.get("p_over_budget")), _num(b.get("p_over_budget_ci_low")),
                     _num(b.get("p_over_budget_ci_high")), t["unit_error"] if b.get("probable_unit_error") else ""])
    return Sheet("budget", t["budget"], t["unit_note"],
                 [t["fy"], t["budget_line"], t["budget_yen"], t["compared"], t["basis"], t["cost_mean"], t["cost_p5"],
                  t["cost_p95"], t["p_over"], t["p_lo"], t["p_hi"], t["flag"]], rows,
                 [None, None, THOUSANDS, THOUSANDS, None, THOUSANDS, THOUSANDS, THOUSANDS, PERCENT_1, PERCENT_1,
                  PERCENT_1, None])


def kpi_sheet(res: Results, lang: str) -> Sheet:
    """Every KPI of summary.json for the whole period: mean and 95% CI in the displayed unit (shares as %
    formats, yen in 千円)."""
    t = texts(lang)
    rows, fmts = [], []
    for k in res.summary.get("kpis") or []:
        unit = k.get("unit")
        scale = 1e-3 if unit == "yen" else 1.0
        vals = [None if _num(k.get(c)) is None else _num(k.get(c)) * scale for c in ("mean", "ci_low", "ci_high")]
        unit_text = "" if unit == "share" else res.vocab.kpi_unit(k["key"], unit, lang)
        if labels.is_period_total(k["key"], unit):
            unit_text += labels.catalogue(lang)["tables"]["period_total"]
        rows.append([res.vocab.kpi_label(k["key"], lang), k["key"], *vals, unit_text.strip(), k.get("n")])
        fmts.append(PERCENT_1 if unit == "share" else THOUSANDS if unit == "yen" else "#,##0.00")
    return Sheet("kpis", t["kpis"], res.period_total(lang),
                 [t["kpi"], t["key"], t["mean"], t["ci_low"], t["ci_high"], t["unit"], t["n"]], rows,
                 [None, None, fmts, fmts, fmts, None, "0"])


def year_kpi_sheet(res: Results, lang: str) -> Sheet | None:
    """summary.json's `fiscal_years` in long form — one row per (indicator, fiscal year): mean and 95% CI as kyoten
    computed them (shares with % formats). None for a folder written before kyoten reported them."""
    years = res.summary.get("fiscal_years") or []
    if not years:
        return None
    t = texts(lang)
    by_key = {k["key"]: k for k in res.summary.get("kpis") or []}
    rows, fmts = [], []
    for i, item in enumerate(years[0].get("kpis") or []):
        key = item["key"]
        unit = by_key.get(key, {}).get("unit") or res.vocab.unit_of(key)
        unit_text = "" if unit == "share" else res.vocab.kpi_unit(key, unit, lang)
        for y in years:
            k = (y.get("kpis") or [])[i] if i < len(y.get("kpis") or []) else {}
            rows.append([res.vocab.kpi_label(key, lang), key, labels.fiscal_year_short(int(y["fiscal_year"]), lang),
                         *[_num(k.get(c)) for c in ("mean", "ci_low", "ci_high")], unit_text, k.get("n")])
            fmts.append(PERCENT_1 if unit == "share" else "#,##0.00")
    return Sheet("year_kpis", t["year_kpis"], t["year_kpis_note"],
                 [t["kpi"], t["key"], t["fy"], t["mean"], t["ci_low"], t["ci_high"], t["unit"], t["n"]], rows,
                 [None, None, None, fmts, fmts, fmts, None, "0"])


def per_year_sheet(res: Results, lang: str) -> Sheet:
    """Counts per fiscal year (mean over replications of the year's sum of monthly.csv)."""
    t = texts(lang)
    m = res.monthly
    cols = [c for c in YEAR_COUNTS if c in m.columns]
    if m.empty or not cols:
        return Sheet("per_year", t["per_year"], t["count"], [t["item"]], [], [None])
    sums = m.groupby(["replication", "fiscal_year"])[cols].sum().groupby(level="fiscal_year").mean()
    months = m.groupby("fiscal_year")["month"].nunique()
    years = [int(y) for y in sums.index]
    heads = [labels.fiscal_year_short(fy, lang) for fy in years]
    rows = [[t["year_counts"][c]] + [float(sums.loc[fy, c]) for fy in years] for c in cols]
    rows.append([t["months"]] + [int(months.loc[fy]) for fy in years])
    return Sheet("per_year", t["per_year"], t["count"], [t["item"]] + heads, rows, [None] + [THOUSANDS_1] * len(years))


def assumptions_sheet(res: Results, lang: str) -> Sheet:
    t = texts(lang)
    rows = [list(r) for r in tables.assumption_rows(res, lang)] + \
        [[k, v] for k, v in tables.flatten(res.scenario)]
    return Sheet("assumptions", t["assumptions"], labels.text("assumptions_intro", lang), [t["item"], t["value"]], rows, [None, None])


def sheets(res: Results, lang: str = "ja") -> list[Sheet]:
    labels.check_lang(lang)
    year_kpis = year_kpi_sheet(res, lang)
    return [cost_sheet(res, lang), budget_sheet(res, lang), kpi_sheet(res, lang), *([year_kpis] if year_kpis else []),
            per_year_sheet(res, lang), assumptions_sheet(res, lang)]


def write_xlsx(res: Results, path, lang: str = "ja") -> Path:
    """Write the workbook (atomically: a temporary file renamed into place). Returns its path."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    path = Path(path)
    wb = Workbook()
    wb.remove(wb.active)
    head_fill = PatternFill("solid", fgColor="EEF4FA")
    for sh in sheets(res, lang):
        ws = wb.create_sheet(sh.name[:31])
        ws.cell(row=1, column=1, value=res.title(lang)).font = Font(bold=True, size=12)
        ws.cell(row=2, column=1, value=sh.note)
        for j, h in enumerate(sh.headers, start=1):
            c = ws.cell(row=4, column=j, value=h)
            c.font, c.fill = Font(bold=True), head_fill
            c.alignment = Alignment(wrap_text=True, vertical="top")
        for i, r in enumerate(sh.rows):
            for j, v in enumerate(r, start=1):
                c = ws.cell(row=5 + i, column=j, value=v)
                fmt = sh.formats[j - 1] if j - 1 < len(sh.formats) else None
                if isinstance(fmt, list):
                    fmt = fmt[i]
                if fmt and isinstance(v, (int, float)):
                    c.number_format = fmt
        for j, h in enumerate(sh.headers, start=1):
            width = max([_width(h)] + [_width(r[j - 1]) for r in sh.rows if j - 1 < len(r)])
            ws.column_dimensions[get_column_letter(j)].width = min(60, max(8, width + 2))
        ws.freeze_panes = ws.cell(row=5, column=2)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".xlsx", dir=path.parent)
    os.close(fd)
    try:
        wb.save(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


CSV_NAMES = {"costs": "costs_by_fiscal_year.csv", "budget": "budget_comparison.csv", "kpis": "kpis.csv",
             "year_kpis": "kpis_by_fiscal_year.csv", "per_year": "counts_by_fiscal_year.csv",
             "assumptions": "assumptions.csv"}


def write_csv_bom(res: Results, folder, lang: str = "ja") -> list[Path]:
    """The workbook's tables as CSV files with a UTF-8 BOM (one per sheet, same headers). Returns the paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for sh in sheets(res, lang):
        p = folder / CSV_NAMES[sh.key]
        fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as f:
                w = csv.writer(f)
                w.writerow(sh.headers)
                for r in sh.rows:
                    w.writerow(["" if v is None else _csv_value(v) for v in r])
            os.chmod(tmp, 0o644)
            os.replace(tmp, p)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        out.append(p)
    return out


def _csv_value(v):
    """Numbers with at most 3 decimals (千円 to the yen): no 58918.75000000047 in a budget sheet."""
    if isinstance(v, float):
        return f"{v:.3f}".rstrip("0").rstrip(".")
    return v


def _width(v) -> float:
    if v is None:
        return 0
    if isinstance(v, float):
        v = f"{v:,.1f}"
    import unicodedata
    return sum(2.0 if unicodedata.east_asian_width(c) in "WF" else 1.0 for c in str(v))
