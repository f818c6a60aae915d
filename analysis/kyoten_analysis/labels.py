"""The analysis's own words, in Japanese (default) and English, from one catalogue per language (catalogue/ja.json,
catalogue/en.json, the same keys): chart texts (each chart's title, axis labels with units and a one-line reading,
読み方 / How to read), the report's headings, the assumptions table, the STRESS-DES summary, the comparison,
optimisation and sweep reports (`comparison`, `optimize`, `sweep`), the workbook (`workbook`) and small patterns
(`formats`: brackets, periods, part years); and dates and numbers as a reader says them. Modules read their texts
here (catalogue, text, fmt) and keep none of their own. The words of the results themselves — KPI, cost-line, band, outcome and duty
labels and units — are not here: kyoten writes them into every results folder (vocabulary.json, vocabulary.py).
"""
from __future__ import annotations

import json
import math
from pathlib import Path

LANGS = ("ja", "en")


# Monthly series of monthly.csv that get a fan chart: (column, chart id).
FAN_SERIES = {
    "registrants_end": "fan_registrants",
    "calls": "fan_calls",
    "emergencies": "fan_emergencies",
    "cost_yen": "fan_cost",
}


# The report's texts: one catalogue per language with the same keys (catalogue/ja.json, catalogue/en.json).
_CATALOGUES = Path(__file__).resolve().parent / "catalogue"
CATALOGUE = {lang: json.loads((_CATALOGUES / f"{lang}.json").read_text(encoding="utf-8")) for lang in LANGS}

# Chart texts: id → lang → title, xlabel, ylabel, reading (and extras some charts need).
CHARTS = {cid: {lang: CATALOGUE[lang]["charts"][cid] for lang in LANGS} for cid in CATALOGUE["ja"]["charts"]}
# Texts of the report around the charts.
REPORT = {lang: CATALOGUE[lang]["report"] for lang in LANGS}
WEEKDAYS = {lang: CATALOGUE[lang]["weekdays"] for lang in LANGS}


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"language must be one of {', '.join(LANGS)}, not {lang!r}")
    return lang


def chart_text(chart_id: str, lang: str) -> dict:
    """Title, axis labels and reading of a chart in one language."""
    return CHARTS[chart_id][check_lang(lang)]


def catalogue(lang: str) -> dict:
    """Every text of the report in one language."""
    return CATALOGUE[check_lang(lang)]


def fmt(key: str, lang: str, **values) -> str:
    """A small pattern of the catalogue's `formats` filled in: brackets, separators, axis date formats."""
    return catalogue(lang)["formats"][key].format(**values)


def text(key: str, lang: str) -> str:
    """A report text."""
    return REPORT[check_lang(lang)][key]


def japanese_era_year(fy: int) -> str:
    """The era year a fiscal year starts in: 2019 → '令和元', 2024 → '令和6', 2018 → '平成30' (the first year of an
    era is 元年, not 1年). Fiscal year 2019 (April 2019 – March 2020) is 令和元年度: Reiwa began on 1 May 2019,
    and Japanese budgets name the whole fiscal year by the new era."""
    if fy >= 2019:
        era, n = "令和", fy - 2018
    elif fy >= 1989:
        era, n = "平成", fy - 1988
    else:
        era, n = "昭和", fy - 1925
    return f"{era}{'元' if n == 1 else n}"


def fiscal_year_label(fy: int, lang: str) -> str:
    """2024 → '令和6年度（2024年度）' in Japanese, 'FY2024' in English."""
    if check_lang(lang) == "ja":
        return f"{japanese_era_year(fy)}年度（{fy}年度）"
    return f"FY{fy}"


def fiscal_year_short(fy: int, lang: str) -> str:
    """2024 → '令和6年度' / 'FY2024' (tick labels, sheet columns)."""
    if check_lang(lang) == "ja":
        return f"{japanese_era_year(fy)}年度"
    return f"FY{fy}"


# KPIs that are not sums over the horizon: states at its end, means, percentiles and ratios. Every other count,
# hour, day or yen KPI is a period total (期間合計) and says so with its period.
_NOT_TOTAL_MARKERS = ("_end", "mean", "_p90", "per_")


def is_period_total(key: str, unit: str | None) -> bool:
    """True for a KPI summed over the whole horizon (calls, emergencies, overtime hours, total cost…), given
    its unit (vocabulary.json)."""
    return unit in ("count", "hours", "days", "yen") and not any(m in key for m in _NOT_TOTAL_MARKERS)


def period_text(start: str, end: str, lang: str) -> str:
    """The horizon [start, end) as a reader says it: '2024年4月1日〜2027年3月31日（36か月）' /
    '1 April 2024 – 31 March 2027 (36 months)' (the end date itself is not simulated)."""
    span, months = _period_span(start, end, lang)
    return fmt("period_whole_months", lang, span=span, months=months) if months else span


def _period_span(start: str, end: str, lang: str) -> tuple[str, int | None]:
    """The dates of [start, end) as a reader says them, and the number of months when the period is whole months."""
    import datetime as dt
    first = dt.date.fromisoformat(str(start)[:10])
    last = dt.date.fromisoformat(str(end)[:10]) - dt.timedelta(days=1)
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    whole = first.day == 1 and (last + dt.timedelta(days=1)).day == 1
    return fmt("period_span", lang, first=first, last=last), months if whole else None


def period_total_label(start: str, end: str, lang: str) -> str:
    """'期間合計（2024年4月1日〜2027年3月31日、36か月）' / 'period total, 1 April 2024 – 31 March 2027 (36 months)'."""
    span, months = _period_span(start, end, lang)
    if months:
        return fmt("period_total_of_months", lang, span=span, months=months)
    return fmt("period_total_of", lang, span=span)


def _has_japanese(s: str) -> bool:
    return any("\u3040" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff" for c in s)


def meta_text(meta: dict, field: str, lang: str) -> str:
    """`[meta]` `description` or `source` in the reader's language: `<field>_<lang>`, else the plain `<field>`
    when it is written in that language (Japanese characters or none), else the other language's text marked
    '（英語のみ）' / '(in Japanese only)'. Empty when the scenario states none."""
    check_lang(lang)
    other = "en" if lang == "ja" else "ja"
    own = meta.get(f"{field}_{lang}") or ""
    plain = meta.get(field) or ""
    if own:
        return own
    if plain and _has_japanese(plain) == (lang == "ja"):
        return plain
    foreign = meta.get(f"{field}_{other}") or plain
    if not foreign:
        return ""
    return fmt("only_in_other_language", lang, text=foreign)


def fmt_number(x, digits: int | None = None) -> str:
    """A number for a table: thousands separators, precision from its size; '—' for missing."""
    if x is None:
        return "—"
    try:
        x = float(x)
    except (TypeError, ValueError):
        return str(x)
    if math.isnan(x) or math.isinf(x):
        return "—"
    if digits is None:
        a = abs(x)
        digits = 0 if a >= 100 else 1 if a >= 10 else 2
    return f"{x:,.{digits}f}"
