"""The per-fiscal-year table of the report: summary.json's `fiscal_years` (counts and service measures per
fiscal year, each with its interval computed by kyoten), beside the whole period's value. Nothing is computed
here but the display: scaling to the shown unit and rounding."""
from __future__ import annotations

import datetime as dt

from . import labels
from .results import Results
from .tables import _digits, _interval, _num


def fiscal_year_header(year: dict, lang: str) -> str:
    """'令和6年度' / 'FY2024'; a year the period covers in part names its months: '令和5年度（10〜3月）' /
    'FY2023 (Oct–Mar)'."""
    fy = int(year["fiscal_year"])
    head = labels.fiscal_year_short(fy, lang)
    start = dt.date.fromisoformat(str(year.get("start", f"{fy}-04-01"))[:10])
    end = dt.date.fromisoformat(str(year.get("end", f"{fy + 1}-04-01"))[:10])
    if start == dt.date(fy, 4, 1) and end == dt.date(fy + 1, 4, 1):
        return head
    last = end - dt.timedelta(days=1)
    if start.month == last.month:
        return labels.fmt("fiscal_year_one_month", lang, head=head, start=start)
    return labels.fmt("fiscal_year_part", lang, head=head, start=start, last=last)


def _cell(stat: dict | None, scale: float) -> str:
    """'80.8 [79.5, 82.0]': the mean and its interval in the shown unit; '—' where there was nothing to measure."""
    if not stat:
        return "—"
    mean, lo, hi = (_num(stat.get(k)) * scale for k in ("mean", "ci_low", "ci_high"))
    if mean != mean:  # NaN: no case in that year
        return "—"
    digits = _digits(mean, hi - lo)
    ci = _interval(lo, hi, digits)
    return labels.fmt_number(mean, digits) + ("" if ci == "—" else " " + ci)


def fiscal_year_rows(res: Results, lang: str) -> tuple[list[str], list[list[str]]]:
    """Headers and rows: one row per per-year KPI (label, unit, one column per fiscal year, the whole period).
    No rows for a folder without `fiscal_years` (written before kyoten reported them)."""
    years = res.summary.get("fiscal_years") or []
    if not years:
        return [], []
    t = labels.REPORT[lang]
    horizon = {k["key"]: k for k in res.summary.get("kpis") or []}
    headers = [t["col_kpi"], t["col_unit"]] + [fiscal_year_header(y, lang) for y in years] + [t["col_whole_period"]]
    rows = []
    for i, item in enumerate(years[0].get("kpis") or []):
        key = item["key"]
        unit = horizon.get(key, {}).get("unit") or res.vocab.unit_of(key)
        scale = res.vocab.kpi_scale(unit, key)
        shown_unit = res.vocab.kpi_unit(key, unit, lang)
        if labels.is_period_total(key, unit):
            shown_unit += t["year_total_suffix"]
        per_year = [_cell((y.get("kpis") or [])[i] if i < len(y.get("kpis") or []) else None, scale) for y in years]
        rows.append([res.vocab.kpi_label(key, lang), shown_unit] + per_year + [_cell(horizon.get(key), scale)])
    return headers, rows
