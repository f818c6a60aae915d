"""Tables of the report: headline KPIs with CIs, cost against budget, and the scenario's assumptions."""
from __future__ import annotations

import json
import math

import pandas as pd

from . import labels, stats
from .results import Results


# --- KPIs --------------------------------------------------------------------------------------------------
def kpi_table(res: Results, lang: str = "ja", headline_only: bool = True) -> pd.DataFrame:
    """KPIs in displayed units: label, mean, CI, one-period range (p2.5–p97.5), unit, n — as strings."""
    ks = res.kpi_summary
    by_key = {r["key"]: r for r in ks.to_dict("records")}
    rows = []
    for r in ks.to_dict("records"):
        if headline_only and not r.get("headline"):
            continue
        unit = r.get("unit")
        scale = labels.kpi_scale(unit)
        mean, lo, hi = (_num(r.get(k)) * scale for k in ("mean", "ci_low", "ci_high"))
        p_lo, p_hi = _num(r.get("p2_5")) * scale, _num(r.get("p97_5")) * scale
        digits = _digits(mean, hi - lo)
        n = r.get("n")
        rows.append({
            "key": r["key"],
            "label": labels.kpi_label(r["key"], lang, by_key),
            "mean": labels.fmt_number(mean, digits),
            "ci": _interval(lo, hi, digits),
            "range": _interval(p_lo, p_hi, digits),
            "unit": labels.kpi_unit(r["key"], unit, lang) + (
                ("（期間合計）" if lang == "ja" else " (period total)") if labels.is_period_total(r["key"], unit) else ""),
            "n": "—" if n is None or (isinstance(n, float) and math.isnan(n)) else str(int(n)),
            "mean_value": mean, "ci_low_value": lo, "ci_high_value": hi,
        })
    return pd.DataFrame(rows)


# --- variance split ----------------------------------------------------------------------------------------
def variance_split_table(res: Results, lang: str = "ja") -> pd.DataFrame:
    """summary.json's variance split in displayed units: label, parameter share (%), and the standard deviations
    (total, chance, parameters). Empty when the scenario has no uncertain parameters (the split does not apply)."""
    vs = res.summary.get("variance_split") or {}
    if not vs.get("applicable"):
        return pd.DataFrame()
    by_key = {r["key"]: r for r in res.kpi_summary.to_dict("records")}
    rows = []
    for o in vs.get("outputs") or []:
        key = o.get("key", "")
        unit = "yen" if key.startswith("cost_fy") else by_key.get(key, {}).get("unit") or \
            labels.KPI_INFO.get(key, {}).get("unit")
        scale = labels.kpi_scale(unit)
        sd = {part: math.sqrt(_num(o.get(part))) * scale if _num(o.get(part)) >= 0 else math.nan
              for part in ("total", "stochastic", "parameter")}
        share = _num(o.get("parameter_share"))
        digits = _digits(sd["total"], sd["total"] / 10)
        rows.append({
            "key": key,
            "label": o.get(f"label_{lang}") or labels.kpi_label(key, lang, by_key),
            "share": f"{share * 100:.0f}%" if math.isfinite(share) else "—",
            "sd_total": labels.fmt_number(sd["total"], digits),
            "sd_stochastic": labels.fmt_number(sd["stochastic"], digits),
            "sd_parameter": labels.fmt_number(sd["parameter"], digits),
            "unit": labels.kpi_unit(key, unit, lang),
            "share_value": share,
        })
    return pd.DataFrame(rows)


def _num(v) -> float:
    try:
        return float(v) if v is not None else math.nan
    except (TypeError, ValueError):
        return math.nan


def _digits(mean: float, width: float) -> int:
    """Decimals so that the CI's width shows about two significant digits, at most 3."""
    if not math.isfinite(mean):
        return 0
    a = abs(mean)
    base = 0 if a >= 100 else 1 if a >= 10 else 2
    if math.isfinite(width) and width > 0:
        need = max(0, -int(math.floor(math.log10(width))) + 1)
        return min(max(base, min(need, 3)) if a < 100 else min(need, 1), 3)
    return base


def _interval(lo: float, hi: float, digits: int) -> str:
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return "—"
    return f"[{labels.fmt_number(lo, digits)}, {labels.fmt_number(hi, digits)}]"


# --- cost against budget -------------------------------------------------------------------------------------
def budget_table(res: Results, lang: str = "ja") -> pd.DataFrame:
    """For each fiscal year with a stated budget: each budget line with the cost line of the same name
    (labels.budget_line_costs), cost mean and CI over replications, budget and difference (thousand yen); then the
    cost lines no budget line covers, and the year's total."""
    if res.budget.empty or res.costs.empty:
        return pd.DataFrame(columns=["fiscal_year", "budget_line", "cost_lines", "budget", "cost", "ci", "diff"])
    wide = res.costs.pivot_table(index=["replication", "fiscal_year"], columns="line", values="yen", aggfunc="sum",
                                 fill_value=0.0)
    months = res.months_in_fiscal_year()
    rows = []
    for fy, b in res.budget.groupby("fiscal_year", sort=True):
        if fy not in wide.index.get_level_values("fiscal_year"):
            continue
        w = wide.xs(fy, level="fiscal_year")
        covered = set()
        fy_label = labels.fiscal_year_label(int(fy), lang)
        if months.get(int(fy), 12) < 12:
            fy_label += f"（{months[int(fy)]}か月分）" if lang == "ja" else f" ({months[int(fy)]} months)"
        for line, yen in b.groupby("line", sort=False)["yen"].sum().items():
            cost_lines = labels.budget_line_costs(line, w.columns)
            covered.update(cost_lines)
            held = res.cost_ci(int(fy), cost_lines[0]) if len(cost_lines) == 1 else None
            if held is not None:
                ci = held  # summary.json's interval, not recomputed
            elif cost_lines:
                ci = res.mean_ci(w[cost_lines].sum(axis=1))
            else:
                ci = stats.MeanCI(math.nan, math.nan, math.nan, 0)
            rows.append(_budget_row(fy_label, labels.budget_line_label(line, lang), cost_lines, yen, ci, lang))
        rest = [c for c in w.columns if c not in covered and (w[c] != 0).any()]
        if rest:
            ci = res.mean_ci(w[rest].sum(axis=1))
            rows.append(_budget_row(fy_label, labels.text("unbudgeted", lang), rest, math.nan, ci, lang))
        ci = res.cost_ci(int(fy)) or res.mean_ci(w.sum(axis=1))
        total_label = "合計" if lang == "ja" else "Total"
        rows.append(_budget_row(fy_label, total_label, [], float(b["yen"].sum()), ci, lang, total=True))
    return pd.DataFrame(rows)


def staff_table(res: Results, lang: str = "ja") -> pd.DataFrame:
    """Per center and duty (all duties first): utilisation = Σ busy ÷ Σ scheduled coordinator-hours over the
    replications, and overtime hours a year (mean over replications)."""
    s = res.staff
    if s.empty:
        return pd.DataFrame(columns=["center", "duty", "utilisation", "overtime_per_year"])
    replications = max(1, s["replication"].nunique())
    years = max(sum(res.months_in_fiscal_year().values()) / 12.0, 1e-9)
    rows = []
    for center, c in s.groupby("center", sort=False):
        for duty, d in c.groupby("duty", sort=False):
            scheduled = float(d["scheduled_hours"].sum())
            rows.append({"center": center, "duty": labels.duty_label(duty, lang),
                         "utilisation": float(d["busy_hours"].sum()) / scheduled if scheduled > 0 else math.nan,
                         "overtime_per_year": float(d["overtime_hours"].sum()) / replications / years})
    return pd.DataFrame(rows)


def _budget_row(fy_label, line_label, cost_lines, budget_yen, ci, lang, total=False) -> dict:
    k = 1e-3
    diff = ci.mean - budget_yen if math.isfinite(budget_yen) and math.isfinite(ci.mean) else math.nan
    if math.isfinite(diff) and abs(diff) < 500:  # below half a thousand yen: shown as 0, not as an overspend
        diff = 0.0
    tolerance = max(500.0, 1e-9 * budget_yen) if math.isfinite(budget_yen) else 0.0
    return {
        "fiscal_year": fy_label,
        "budget_line": line_label,
        "cost_lines": "、".join(labels.cost_line_label(c, lang) for c in cost_lines) if lang == "ja"
        else ", ".join(labels.cost_line_label(c, lang) for c in cost_lines),
        "same_name": cost_lines == [] or (len(cost_lines) == 1 and labels.cost_line_label(cost_lines[0], lang) == line_label),
        "budget": labels.fmt_number(budget_yen * k, 0),
        "cost": labels.fmt_number(ci.mean * k, 0),
        "ci": _interval(ci.ci_low * k, ci.ci_high * k, 0),
        "diff": ("+" if math.isfinite(diff) and diff > 0 else "") + labels.fmt_number(diff * k, 0),
        "over": bool(math.isfinite(diff) and diff > 0 and ci.ci_low > budget_yen + tolerance),
        "total": total,
    }


# --- assumptions ----------------------------------------------------------------------------------------------
_DIST_NAMES = {
    "constant": ("一定", "constant"), "exponential": ("指数分布", "exponential"),
    "lognormal": ("対数正規分布", "lognormal"), "gamma": ("ガンマ分布", "gamma"), "weibull": ("ワイブル分布", "Weibull"),
    "uniform": ("一様分布", "uniform"), "empirical": ("経験分布", "empirical"), "beta": ("ベータ分布", "beta"),
    "dirichlet": ("ディリクレ分布", "Dirichlet"),
}
_UNIT_WORDS = {"hours": ("時間", "h"), "minutes": ("分", "min"), "days": ("日", "days"), "nights": ("泊", "nights")}
_DAYS = {
    "all": ("毎日", "every day"), "weekdays": ("平日", "weekdays"), "weekend": ("土日祝", "weekends & holidays"),
    "saturday": ("土曜", "Saturday"), "sunday": ("日曜", "Sunday"), "holiday": ("祝日", "holidays"),
    "monday": ("月曜", "Monday"), "tuesday": ("火曜", "Tuesday"), "wednesday": ("水曜", "Wednesday"),
    "thursday": ("木曜", "Thursday"), "friday": ("金曜", "Friday"),
}
_FALLBACKS = {"hub_room": "hub_room", "home_help": "home_help", "elderly_care": "emergency_place",
              "vacant_house": "emergency_place", "spare_room": "emergency_place",
              "hand_over": "handed_over"}


def _j(lang):
    return 0 if lang == "ja" else 1


def fmt_dist(d, unit: str, lang: str) -> str:
    """A scenario distribution in words: 'lognormal, mean 2.5, sd 1 (hours)'."""
    u = _UNIT_WORDS.get(unit, (unit, unit))[_j(lang)]
    if d is None:
        return "—"
    if isinstance(d, (int, float)):
        return f"{d:g}{u}" if lang == "ja" else f"{d:g} {u}"
    if not isinstance(d, dict):
        return str(d)
    kind = d.get("dist", "constant")
    name = _DIST_NAMES.get(kind, (kind, kind))[_j(lang)]
    if kind == "constant":
        v = d.get("value")
        return f"{v:g}{u}" if lang == "ja" else f"{v:g} {u}"
    if kind in ("exponential",):
        return f"{name}（平均{d.get('mean'):g}{u}）" if lang == "ja" else f"{name}, mean {d.get('mean'):g} {u}"
    if kind == "lognormal":
        return (f"{name}（平均{d.get('mean'):g}{u}、標準偏差{d.get('sd'):g}）" if lang == "ja"
                else f"{name}, mean {d.get('mean'):g} {u}, sd {d.get('sd'):g}")
    if kind == "gamma" and "rate" in d:
        return (f"{name}（形状{d.get('shape'):g}、率{d.get('rate'):g}）" if lang == "ja"
                else f"{name}, shape {d.get('shape'):g}, rate {d.get('rate'):g}")
    if kind in ("gamma", "weibull"):
        return (f"{name}（形状{d.get('shape'):g}、尺度{d.get('scale'):g}{u}）" if lang == "ja"
                else f"{name}, shape {d.get('shape'):g}, scale {d.get('scale'):g} {u}")
    if kind == "beta":
        return f"{name}({d.get('a'):g}, {d.get('b'):g})"
    if kind == "dirichlet":
        return f"{name}(" + ", ".join(f"{k} {float(a):g}" for k, a in d.items() if k != "dist") + ")"
    if kind == "uniform":
        return (f"{name}（{d.get('low'):g}〜{d.get('high'):g}{u}）" if lang == "ja"
                else f"{name}, {d.get('low'):g}–{d.get('high'):g} {u}")
    if kind == "empirical":
        vals = d.get("values", [])
        return (f"{name}（{', '.join(f'{v:g}' for v in vals)}{u}）" if lang == "ja"
                else f"{name}, values {', '.join(f'{v:g}' for v in vals)} {u}")
    return json.dumps(d, ensure_ascii=False)


# --- values stated as distributions (uncertain rates, probabilities and splits) ---------------------------------
def point_value(v):
    """The number a scenario value stands for: itself, or the mean of the distribution stated for it (a rate or
    probability drawn afresh for each pair of replications, docs/uncertainty.md)."""
    if not isinstance(v, dict) or "dist" not in v:
        return v
    g = (lambda k: float(v.get(k)))  # noqa: E731
    kind = v["dist"]
    if kind == "constant":
        return g("value")
    if kind == "gamma":
        return g("shape") * (g("scale") if "scale" in v else 1.0 / g("rate"))
    if kind == "beta":
        return g("a") / (g("a") + g("b"))
    if kind == "uniform":
        return (g("low") + g("high")) / 2
    if kind in ("lognormal", "exponential"):
        return g("mean")
    return math.nan


def shares(table) -> dict:
    """A share or weight table as numbers: a Dirichlet's means alpha_i / sum(alpha), or each value's point."""
    if not isinstance(table, dict):
        return {}
    if table.get("dist") == "dirichlet":
        alpha = {k: float(v) for k, v in table.items() if k != "dist"}
        total = sum(alpha.values()) or 1.0
        return {k: a / total for k, a in alpha.items()}
    return {k: point_value(v) for k, v in table.items()}


def uncertain_note(v, lang: str) -> str:
    """' (drawn per replication pair from gamma, …)' for a value stated as a distribution; '' for a number."""
    stated = isinstance(v, dict) and ("dist" in v or any(isinstance(x, dict) and "dist" in x for x in v.values()))
    if not stated:
        return ""
    if "dist" in v:  # one distribution, or a Dirichlet over a whole share table
        law = fmt_dist(v, "", lang)
    else:
        law = _sep(lang).join(f"{labels.band_label(k, lang) if k in labels.TIME_BANDS else k} {fmt_dist(x, '', lang)}"
                              for k, x in v.items() if isinstance(x, dict))
    return f"（反復の組ごとに抽出：{law}）" if lang == "ja" else f" (drawn per replication pair: {law})"


def percent(x) -> str:
    try:
        return f"{float(x) * 100:.0f}%" if abs(float(x) * 100 - round(float(x) * 100)) < 0.05 else f"{float(x) * 100:.1f}%"
    except (TypeError, ValueError):
        return "—"


def _yen(x, lang) -> str:
    try:
        v = float(x)
    except (TypeError, ValueError):
        return "—"
    return f"{v:,.0f}円" if lang == "ja" else f"{v:,.0f} yen"


def _bands(table: dict, lang: str, as_pct: bool = True) -> str:
    if not isinstance(table, dict):
        return "—"
    points = shares(table)
    parts = []
    for b in labels.TIME_BANDS:
        if b in points:
            v = percent(points[b]) if as_pct else f"{points[b]:g}"
            parts.append(f"{labels.band_label(b, lang)} {v}")
    return ("、".join(parts) if lang == "ja" else ", ".join(parts)) + uncertain_note(table, lang)


def _shift(s: dict, lang: str) -> str:
    days = s.get("days", "all")
    days = days if isinstance(days, list) else [days]
    dword = "・".join(_DAYS.get(d, (d, d))[_j(lang)] for d in days) if lang == "ja" else \
        " + ".join(_DAYS.get(d, (d, d))[1] for d in days)
    count = s.get("count", 1)
    if lang == "ja":
        return f"{dword} {s.get('from')}〜{s.get('to')}時 {count}人"
    return f"{dword} {s.get('from')}–{s.get('to')} h × {count}"


def _sep(lang):
    return "、" if lang == "ja" else ", "


def assumption_rows(scenario: dict, lang: str = "ja") -> list[tuple[str, str]]:
    """The key parameters of a resolved scenario (summary.json's `scenario`) as (item, value) rows."""
    ja = lang == "ja"
    L = (lambda a, b: a if ja else b)  # noqa: E731
    rows: list[tuple[str, str]] = []
    meta = scenario.get("meta", {}) or {}
    if labels.meta_text(meta, "description", lang):
        rows.append((L("概要", "Description"), labels.meta_text(meta, "description", lang)))
    if labels.meta_text(meta, "source", lang):
        rows.append((L("出典", "Source"), labels.meta_text(meta, "source", lang)))
    hz = scenario.get("horizon", {}) or {}
    if hz:
        end = hz.get("end")
        try:
            end_incl = (pd.Timestamp(end) - pd.Timedelta(days=1)).strftime("%Y-%m-%d")
        except (ValueError, TypeError):
            end_incl = end
        rows.append((L("期間", "Period"), f"{hz.get('start')} 〜 {end_incl}" if ja else f"{hz.get('start')} to {end_incl}"))
        rows.append((L("ウォームアップ（集計前の助走期間）", "Warm-up (before statistics start)"),
                     f"{hz.get('warmup_days', 0):g}日" if ja else f"{hz.get('warmup_days', 0):g} days"))
    regions = scenario.get("regions", []) or []
    if regions:
        rows.append((L("地域（登録者の比重）", "Regions (share of registrants)"),
                     _sep(lang).join(f"{r.get('name')}（{r.get('registrant_weight', 1):g}）" if ja
                                     else f"{r.get('name')} ({r.get('registrant_weight', 1):g})" for r in regions)))
    reg = scenario.get("registration", {}) or {}
    if reg.get("expected_registered"):
        knots = " → ".join(f"{d}: {n:g}{L('人', '')}" for d, n in reg["expected_registered"])
        rows.append((L("登録者数の見込み（この間は直線）", "Expected registrants (linear between)"), knots))
    if reg.get("s_curve"):
        s = reg["s_curve"]
        txt = (f"潜在対象者 {s.get('latent_pool'):g}人、開始時 {s.get('initial'):g}人" if ja
               else f"latent pool {s.get('latent_pool'):g}, initial {s.get('initial'):g}")
        if s.get("through"):
            txt += (f"、{s['through'][0]} に {s['through'][1]:g}人" if ja else f", {s['through'][1]:g} by {s['through'][0]}")
        if s.get("rate_per_year"):
            txt += (f"、増加率 {s['rate_per_year']:g}/年" if ja else f", rate {s['rate_per_year']:g} a year")
        rows.append((L("登録者数（S字曲線）", "Registrants (S-curve)"), txt))
    if "leave_rate_per_year" in reg:
        rows.append((L("登録終了率", "Leaving the register"),
                     (f"年 {percent(point_value(reg['leave_rate_per_year']))}" if ja
                      else f"{percent(point_value(reg['leave_rate_per_year']))} a year")
                     + uncertain_note(reg["leave_rate_per_year"], lang)))
    attrs = reg.get("attributes", {}) or {}
    parts = []
    for k, ja_name, en_name in (("p_medical_care", "医療的ケア", "medical care"),
                                ("p_behavioural", "強度行動障害", "behavioural support"),
                                ("p_ageing_caregiver", "介護者の高齢化", "ageing caregiver"),
                                ("p_advance_plan", "事前の支援計画", "advance plan")):
        if k in attrs:
            parts.append(f"{ja_name if ja else en_name} {percent(point_value(attrs[k]))}{uncertain_note(attrs[k], lang)}")
    if parts:
        rows.append((L("登録者の属性（割合）", "Registrant attributes (share)"), _sep(lang).join(parts)))
    ass = scenario.get("assessment", {}) or {}
    if ass:
        rows.append((L("アセスメント", "Assessment"),
                     (f"猶予 {ass.get('grace_days', 90):g}日、再アセスメント {ass.get('reassessment_interval_days', 365):g}日ごと、"
                      f"所要 {fmt_dist(ass.get('staff_hours'), 'hours', lang)}") if ja else
                     (f"within {ass.get('grace_days', 90):g} days, again every {ass.get('reassessment_interval_days', 365):g} "
                      f"days, takes {fmt_dist(ass.get('staff_hours'), 'hours', lang)}")))
    calls = scenario.get("calls", {}) or {}
    if calls:
        rows.append((L("相談の発生", "Calls"),
                     (f"登録者1人あたり年 {point_value(calls.get('per_registrant_per_year', 0)):g}件"
                      f"{uncertain_note(calls.get('per_registrant_per_year'), lang)}、未登録者から年 "
                      f"{point_value(calls.get('unregistered_per_year', 0)):g}件"
                      f"{uncertain_note(calls.get('unregistered_per_year'), lang)}") if ja else
                     (f"{point_value(calls.get('per_registrant_per_year', 0)):g} per registrant a year"
                      f"{uncertain_note(calls.get('per_registrant_per_year'), lang)}, "
                      f"{point_value(calls.get('unregistered_per_year', 0)):g} a year from people not registered"
                      f"{uncertain_note(calls.get('unregistered_per_year'), lang)}")))
        bh = calls.get("band_hours", {}) or {}
        if bh:
            rows.append((L("時間帯の区切り", "Time bands"),
                         (f"日中 {bh.get('day_start')}時〜、夜間 {bh.get('evening_start')}時〜、深夜 {bh.get('night_start')}時〜"
                          "（土日祝は終日）") if ja else
                         (f"daytime from {bh.get('day_start')}:00, evening from {bh.get('evening_start')}:00, night from "
                          f"{bh.get('night_start')}:00 (weekends and holidays: all day)")))
        if calls.get("band_share"):
            rows.append((L("時間帯別の相談の割合", "Share of calls by time band"), _bands(calls["band_share"], lang)))
        if calls.get("emergency_share"):
            rows.append((L("緊急対応となる確率（時間帯別）", "Probability a call is an emergency"),
                         _bands(calls["emergency_share"], lang)))
        if calls.get("need_weights"):
            nw = shares(calls["need_weights"])
            tot = sum(float(v) for v in nw.values()) or 1.0
            names = {"short_stay": ("短期入所", "short stay"), "home_help": ("在宅支援", "help at home"),
                     "both": ("併用", "both")}
            rows.append((L("緊急時に必要な支援", "What an emergency needs"),
                         _sep(lang).join(f"{names.get(k, (k, k))[_j(lang)]} {percent(float(v) / tot)}" for k, v in nw.items())
                         + uncertain_note(calls["need_weights"], lang)))
        if "p_handover" in calls:
            rows.append((L("保健福祉課へ引継ぐ割合", "Share handed over to case workers"), percent(point_value(calls["p_handover"])) + uncertain_note(calls["p_handover"], lang)))
        if calls.get("inquiry_minutes") is not None:
            rows.append((L("相談1件の対応時間", "Time for an inquiry"), fmt_dist(calls["inquiry_minutes"], "minutes", lang)))
    for c in scenario.get("centers", []) or []:
        parts = [_sep(lang).join(_shift(s, lang) for s in c.get("staff", []))]
        if c.get("on_call_delay_hours") is not None:
            parts.append(f"勤務外はオンコール（{c['on_call_delay_hours']:g}時間以内に対応）" if ja
                         else f"on call outside shifts (answers within {c['on_call_delay_hours']:g} h)")
        if c.get("uncovered_hours") == "wait":
            parts.append("勤務外の相談は次の勤務時間まで待つ" if ja else "calls outside shifts wait for the next shift")
        if c.get("overflow"):
            parts.append(("あふれ先：" if ja else "overflow to: ") + _sep(lang).join(c["overflow"]))
        parts.append((f"人件費 {_yen(c.get('staff_cost_per_hour_yen'), lang)}／時" if ja
                      else f"staff {_yen(c.get('staff_cost_per_hour_yen'), lang)} an hour"))
        if c.get("fixed_cost_per_year_yen"):
            parts.append((f"固定費 {_yen(c['fixed_cost_per_year_yen'], lang)}／年" if ja
                          else f"fixed {_yen(c['fixed_cost_per_year_yen'], lang)} a year"))
        if c.get("regions"):
            parts.append(("担当地域：" if ja else "regions: ") + _sep(lang).join(c["regions"]))
        rows.append(((f"拠点・窓口「{c.get('name')}」" if ja else f"Center “{c.get('name')}”"), "; ".join(parts) if not ja
                     else "。".join(parts)))
    fac = scenario.get("facilities", []) or []
    defaults = scenario.get("facility_defaults", {}) or {}
    if fac:
        beds = sum(int(f.get("beds", 0) or 0) for f in fac)
        reserved = sum(int(f.get("reserved_emergency_beds", defaults.get("reserved_emergency_beds", 0)) or 0) for f in fac)
        rows.append((L("短期入所施設", "Short-stay facilities"),
                     f"{len(fac)}施設、計{beds}床（うち空床確保 {reserved}床）" if ja
                     else f"{len(fac)} facilities, {beds} beds ({reserved} reserved for emergencies)"))
        for f in fac:
            flags = []
            for k, a, b in (("medical_care", "医療的ケア可", "medical care"), ("behavioural", "強度行動障害可", "behavioural"),
                            ("experience_stays", "体験利用可", "experience stays")):
                if f.get(k, defaults.get(k, False)):
                    flags.append(a if ja else b)
            if f.get("children", defaults.get("children", True)) is False:
                flags.append("成人のみ" if ja else "adults only")
            occ_stated = f.get("planned_occupancy", defaults.get("planned_occupancy"))
            occ = point_value(occ_stated)
            desc = (f"{f.get('region')}、{f.get('beds')}床、定期利用 {percent(occ)}" if ja
                    else f"{f.get('region')}, {f.get('beds')} beds, planned use {percent(occ)}")
            desc += uncertain_note(occ_stated, lang)
            if f.get("reserved_emergency_beds"):
                desc += (f"、空床確保 {f['reserved_emergency_beds']}床" if ja else f", {f['reserved_emergency_beds']} reserved")
            if flags:
                desc += ("、" if ja else ", ") + _sep(lang).join(flags)
            rows.append(((f"　施設「{f.get('name')}」" if ja else f"  Facility “{f.get('name')}”"), desc))
        acc = defaults.get("acceptance", {}) or {}
        if acc.get("base"):
            txt = _bands(acc["base"], lang)
            extra = []
            for k, a, b in (("assessed_factor", "アセスメント済", "assessed"), ("known_factor", "利用経験あり", "stayed before"),
                            ("advance_plan_factor", "支援計画あり", "advance plan")):
                if k in acc and float(point_value(acc[k])) != 1.0:
                    v = point_value(acc[k])
                    extra.append((f"{a} ×{v:g}" if ja else f"{b} ×{v:g}") + uncertain_note(acc[k], lang))
            if extra:
                txt += ("（" + "、".join(extra) + "）") if ja else " (" + ", ".join(extra) + ")"
            rows.append((L("空床がある時の受入確率（標準）", "Acceptance given a free bed (default)"), txt))
    hub = scenario.get("hub", {}) or {}
    rooms = int(hub.get("rooms", 0) or 0)
    rows.append((L("拠点の緊急居室", "Hub emergency rooms"),
                 (f"{rooms}室" if ja else f"{rooms}") + (
                     (f"、出口支援の遅れ {percent(point_value(hub.get('exit_delay_probability', 0)))}（{fmt_dist(hub.get('exit_delay_days'), 'days', lang)}）"
                      if ja else f", slow exit {percent(point_value(hub.get('exit_delay_probability', 0)))} "
                                 f"({fmt_dist(hub.get('exit_delay_days'), 'days', lang)})")
                     if rooms and hub.get("exit_delay_probability") else "")))
    stays = scenario.get("stays", {}) or {}
    if stays:
        rows.append((L("緊急時の滞在日数", "Emergency stay length"), fmt_dist(stays.get("emergency_need_days"), "days", lang)))
    search = scenario.get("search", {}) or {}
    if search:
        fb = search.get("fallbacks")
        fbs = _sep(lang).join(labels.outcome_label(_FALLBACKS.get(x, x), lang) if _FALLBACKS.get(x, x) in labels.OUTCOME_LABELS
                              else x for x in (fb or []))
        rows.append((L("受入先の探索", "Search for a place"),
                     (f"最大 {search.get('max_contacts')}施設・{search.get('max_search_hours')}時間まで照会、"
                      f"見つからなければ：{fbs or 'なし'}") if ja else
                     (f"up to {search.get('max_contacts')} facilities and {search.get('max_search_hours')} h; "
                      f"then: {fbs or 'none'}")))
        for i, rule in enumerate(search.get("rules", []) or []):
            rows.append((L("探索ルール", "Escalation rule"), rule.get("name") or L(f"ルール{i + 1}", f"rule {i + 1}")))
    hs = scenario.get("home_support", {}) or {}
    if hs:
        rows.append((L("在宅支援（ヘルパー・専門サポーター）", "Help at home"),
                     (f"同時に {hs.get('supporters', 0)}人、1回 {fmt_dist(hs.get('dispatch_hours'), 'hours', lang)}、"
                      f"{_yen(hs.get('cost_per_hour_yen', 0), lang)}／時、介護タクシー {percent(point_value(hs.get('p_care_taxi', 0)))}") if ja else
                     (f"{hs.get('supporters', 0)} at once, {fmt_dist(hs.get('dispatch_hours'), 'hours', lang)} each, "
                      f"{_yen(hs.get('cost_per_hour_yen', 0), lang)} an hour, care taxi for {percent(point_value(hs.get('p_care_taxi', 0)))}")))
    for place in scenario.get("emergency_places", []) or []:
        p_accept = percent(point_value(place.get("p_accept", 1)))
        rows.append((L(f"緊急一時保護：{place.get('name')}", f"Emergency place: {place.get('name')}"),
                     (f"{place.get('places')}人分、受入確率 {p_accept}、{_yen(place.get('cost_per_day_yen', 0), lang)}／日") if ja else
                     (f"{place.get('places')} at once, accepts {p_accept}, {_yen(place.get('cost_per_day_yen', 0), lang)} a day")))
    ex = scenario.get("experience", {}) or {}
    if ex and float(point_value(ex.get("requests_per_registrant_per_year", 0)) or 0) > 0:
        rows.append((L("体験利用", "Experience stays"),
                     (f"登録者1人あたり年 {point_value(ex['requests_per_registrant_per_year']):g}件、{fmt_dist(ex.get('nights'), 'nights', lang)}、"
                      f"{ex.get('lead_days', 14):g}日前に予約") if ja else
                     (f"{point_value(ex['requests_per_registrant_per_year']):g} per registrant a year, "
                      f"{fmt_dist(ex.get('nights'), 'nights', lang)}, booked {ex.get('lead_days', 14):g} days ahead")))
    for ch in scenario.get("changes", []) or []:
        # A dated change of plan: when, why and which sections it states (the values are in the full listing).
        stated = _sep(lang).join(k for k in ch if k not in ("from", "reason"))
        rows.append(((f"計画の変更 {ch.get('from')}〜" if ja else f"Plan change from {ch.get('from')}"),
                     f"{ch.get('reason', '')}（{stated}）" if ja else f"{ch.get('reason', '')} ({stated})"))
    budget = scenario.get("budget", {}) or {}
    budget_lines = list(budget.get("lines", []) or [])
    for ch in scenario.get("changes", []) or []:
        budget_lines += list(((ch.get("budget") or {}).get("lines")) or [])
    for b in budget_lines:
        rows.append(((f"予算 {labels.fiscal_year_label(int(b['fiscal_year']), lang)}" if ja
                      else f"Budget {labels.fiscal_year_label(int(b['fiscal_year']), lang)}"),
                     f"{labels.budget_line_label(b.get('line'), lang)}：{_yen(b.get('yen'), lang)}" if ja
                     else f"{labels.budget_line_label(b.get('line'), lang)}: {_yen(b.get('yen'), lang)}"))
    return rows


def flatten(obj, prefix: str = "") -> list[tuple[str, str]]:
    """Every value of a nested scenario as (key.path, value) rows, e.g. ('facilities[0].beds', '6').
    Distributions and other small tables of scalars stay on one row as inline TOML-like text."""
    rows: list[tuple[str, str]] = []
    if isinstance(obj, dict):
        if obj and all(not isinstance(v, (dict, list)) for v in obj.values()) and prefix and "dist" in obj:
            return [(prefix, _inline(obj))]
        for k, v in obj.items():
            rows += flatten(v, f"{prefix}.{k}" if prefix else str(k))
    elif isinstance(obj, list):
        if all(not isinstance(v, (dict, list)) for v in obj) or all(
                isinstance(v, list) and all(not isinstance(x, (dict, list)) for x in v) for v in obj):
            rows.append((prefix, json.dumps(obj, ensure_ascii=False)))
        else:
            for i, v in enumerate(obj):
                rows += flatten(v, f"{prefix}[{i}]")
    else:
        rows.append((prefix, json.dumps(obj, ensure_ascii=False) if isinstance(obj, str) else _scalar(obj)))
    return rows


def _scalar(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if v is None:
        return "—"
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e15:
        return f"{int(v)}"
    return f"{v}"


def _inline(d: dict) -> str:
    return "{ " + ", ".join(f"{k} = {json.dumps(v, ensure_ascii=False) if isinstance(v, str) else _scalar(v)}"
                            for k, v in d.items()) + " }"


def budget_risk_table(res: Results, lang: str = "ja") -> pd.DataFrame:
    """summary.json's `budget_risk` as display rows: per fiscal year and budget line (then the year's total), the
    budget compared (pro-rated for a part year, and marked), the mean cost, the 90% range of one simulated year's
    cost and the probability of overspending with its Wilson interval; probable unit errors flagged. Thousand yen.
    Only reads and formats what kyoten computed."""
    cols = ["fiscal_year", "budget_line", "budget", "cost", "range", "p_over", "flag", "total", "over"]
    risks = res.summary.get("budget_risk") or []
    if not risks:
        return pd.DataFrame(columns=cols)
    ja = lang == "ja"
    k = lambda v: "-" if v is None else f"{v / 1000:,.0f}"  # noqa: E731 - thousand yen
    pct = lambda v: "-" if v is None else f"{100 * v:.0f}%"  # noqa: E731
    rows = []
    for r in risks:
        budget = k(r.get("compared_budget_yen"))
        if r.get("basis") == "pro_rated":
            days = f"{r.get('days_simulated')}/{r.get('days_in_year')}"
            budget += f"（{days}日按分）" if ja else f" (pro-rated {days} d)"
        total = r.get("line") == "total"
        line = labels.text("total_line", lang) if total else labels.budget_line_label(r.get("line", ""), lang)
        flag = ""
        if r.get("probable_unit_error"):
            flag = "単位の誤りか（予算が費用の約1000倍・1/1000）" if ja else "probable unit error (budget ~1000× off the cost)"
        p = r.get("p_over_budget")
        rows.append({"fiscal_year": labels.fiscal_year_label(int(r["fiscal_year"]), lang), "budget_line": line,
                     "budget": budget, "cost": k(r.get("cost_mean")),
                     "range": f"{k(r.get('cost_p5'))} – {k(r.get('cost_p95'))}",
                     "p_over": f"{pct(p)} [{pct(r.get('p_over_budget_ci_low'))}, {pct(r.get('p_over_budget_ci_high'))}]",
                     "flag": flag, "total": total, "over": p is not None and p >= 0.5})
    return pd.DataFrame(rows, columns=cols)


def net_cost_table(res: Results, lang: str = "ja") -> pd.DataFrame:
    """summary.json's `net_cost` (only when the scenario states revenue) as display rows, thousand yen."""
    cols = ["fiscal_year", "revenue", "net", "range"]
    net = res.summary.get("net_cost") or []
    k = lambda v: "-" if v is None else f"{v / 1000:,.0f}"  # noqa: E731
    return pd.DataFrame([{"fiscal_year": labels.fiscal_year_label(int(r["fiscal_year"]), lang),
                          "revenue": k(r.get("revenue_mean")), "net": k(r.get("net_mean")),
                          "range": f"{k(r.get('net_p5'))} – {k(r.get('net_p95'))}"} for r in net], columns=cols)
