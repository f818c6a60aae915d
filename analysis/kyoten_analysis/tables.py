"""Tables of the report: headline KPIs with CIs, cost against budget, and the scenario's assumptions."""
from __future__ import annotations

import json
import math

import pandas as pd

from . import labels
from .results import Results, number as _num


# --- KPIs --------------------------------------------------------------------------------------------------
def never_happened(r: dict) -> bool:
    """A KPI that was 0 in every replication (mean and both ends of the one-period range 0; the KPIs are never
    negative) or undefined in all of them (n = 0): a mechanism the scenario does not use."""
    n = r.get("n")
    if n is not None and not (isinstance(n, float) and math.isnan(n)) and int(n) == 0:
        return True
    return all(_num(r.get(k)) == 0 for k in ("mean", "p2_5", "p97_5"))


def kpi_table(res: Results, lang: str = "ja", headline_only: bool = True,
              omit_never_happened: bool = False) -> pd.DataFrame:
    """KPIs in displayed units: label, mean, CI, one-period range (p2.5–p97.5), unit, n — as strings. With
    `omit_never_happened`, the non-headline KPIs that were 0 or undefined in every replication are left out."""
    ks = res.kpi_summary
    vocab = res.vocab
    rows = []
    for r in ks.to_dict("records"):
        if headline_only and not r.get("headline"):
            continue
        if omit_never_happened and not r.get("headline") and never_happened(r):
            continue
        unit = r.get("unit")
        scale = vocab.kpi_scale(unit)
        mean, lo, hi = (_num(r.get(k)) * scale for k in ("mean", "ci_low", "ci_high"))
        p_lo, p_hi = _num(r.get("p2_5")) * scale, _num(r.get("p97_5")) * scale
        digits = _digits(mean, hi - lo)
        n = r.get("n")
        rows.append({
            "key": r["key"],
            "label": vocab.kpi_label(r["key"], lang),
            "mean": labels.fmt_number(mean, digits),
            "ci": _interval(lo, hi, digits),
            "range": _interval(p_lo, p_hi, digits),
            "unit": vocab.kpi_unit(r["key"], unit, lang) + (
                _t(lang)["period_total"] if labels.is_period_total(r["key"], unit) else ""),
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
    vocab = res.vocab
    rows = []
    for o in vs.get("outputs") or []:
        key = o.get("key", "")
        unit = "yen" if key.startswith("cost_fy") else by_key.get(key, {}).get("unit") or vocab.unit_of(key)
        scale = vocab.kpi_scale(unit)
        sd = {part: math.sqrt(_num(o.get(part))) * scale if _num(o.get(part)) >= 0 else math.nan
              for part in ("total", "stochastic", "parameter")}
        share = _num(o.get("parameter_share"))
        digits = _digits(sd["total"], sd["total"] / 10)
        rows.append({
            "key": key,
            "label": o.get(f"label_{lang}") or vocab.kpi_label(key, lang),
            "share": f"{share * 100:.0f}%" if math.isfinite(share) else "—",
            "sd_total": labels.fmt_number(sd["total"], digits),
            "sd_stochastic": labels.fmt_number(sd["stochastic"], digits),
            "sd_parameter": labels.fmt_number(sd["parameter"], digits),
            "unit": vocab.kpi_unit(key, unit, lang),
            "share_value": share,
        })
    return pd.DataFrame(rows)


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
    """For each fiscal year with a stated budget: each budget line with the cost line of the same name (kyoten
    accepts only cost-line names as budget lines), cost mean and CI as summary.json holds them, budget and
    difference (thousand yen); then the cost lines no budget line covers, and the year's total."""
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
            fy_label += _t(lang)["part_year"].format(months=months[int(fy)])
        for line, yen in b.groupby("line", sort=False)["yen"].sum().items():
            covered.add(line)
            ci = res.cost_ci(int(fy), line)  # summary.json holds every budgeted line's cost: not recomputed
            rows.append(_budget_row(fy_label, res.vocab.budget_line_label(line, lang), [line], yen, ci, lang,
                                    res.vocab))
        rest = [c for c in w.columns if c not in covered and (w[c] != 0).any()]
        if rest:
            ci = res.mean_ci(w[rest].sum(axis=1))
            rows.append(_budget_row(fy_label, labels.text("unbudgeted", lang), rest, math.nan, ci, lang, res.vocab))
        ci = res.cost_ci(int(fy))
        total_label = _t(lang)["total"]
        rows.append(_budget_row(fy_label, total_label, [], float(b["yen"].sum()), ci, lang, res.vocab, total=True))
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
            rows.append({"center": center, "duty": res.vocab.duty_label(duty, lang),
                         "utilisation": float(d["busy_hours"].sum()) / scheduled if scheduled > 0 else math.nan,
                         "overtime_per_year": float(d["overtime_hours"].sum()) / replications / years})
    return pd.DataFrame(rows)


def _budget_row(fy_label, line_label, cost_lines, budget_yen, ci, lang, vocab, total=False) -> dict:
    k = 1e-3
    diff = ci.mean - budget_yen if math.isfinite(budget_yen) and math.isfinite(ci.mean) else math.nan
    if math.isfinite(diff) and abs(diff) < 500:  # below half a thousand yen: shown as 0, not as an overspend
        diff = 0.0
    tolerance = max(500.0, 1e-9 * budget_yen) if math.isfinite(budget_yen) else 0.0
    return {
        "fiscal_year": fy_label,
        "budget_line": line_label,
        "cost_lines": _sep(lang).join(vocab.cost_line_label(c, lang) for c in cost_lines),
        "same_name": cost_lines == [] or (len(cost_lines) == 1 and vocab.cost_line_label(cost_lines[0], lang) == line_label),
        "budget": labels.fmt_number(budget_yen * k, 0),
        "cost": labels.fmt_number(ci.mean * k, 0),
        "ci": _interval(ci.ci_low * k, ci.ci_high * k, 0),
        "diff": ("+" if math.isfinite(diff) and diff > 0 else "") + labels.fmt_number(diff * k, 0),
        "over": bool(math.isfinite(diff) and diff > 0 and ci.ci_low > budget_yen + tolerance),
        "total": total,
    }


# --- assumptions ----------------------------------------------------------------------------------------------
_FALLBACKS = {"hub_room": "hub_room", "home_help": "home_help", "elderly_care": "emergency_place",
              "vacant_house": "emergency_place", "spare_room": "emergency_place",
              "hand_over": "handed_over"}


def _t(lang: str) -> dict:
    """The texts of the tables in one language (the catalogue's `tables`)."""
    return labels.catalogue(lang)["tables"]


def fmt_dist(d, unit: str, lang: str) -> str:
    """A scenario distribution in words: 'lognormal, mean 2.5, sd 1 (hours)'."""
    t = _t(lang)
    u = t["unit_words"].get(unit, unit)
    if d is None:
        return "—"
    if isinstance(d, (int, float)):
        return t["dist"]["number"].format(v=d, u=u)
    if not isinstance(d, dict):
        return str(d)
    kind = d.get("dist", "constant")
    name = t["dist_names"].get(kind, kind)
    g = {k: v for k, v in d.items() if k != "dist"}
    if kind == "constant":
        return t["dist"]["number"].format(v=d.get("value"), u=u)
    if kind in ("exponential", "lognormal", "uniform"):
        return t["dist"][kind].format(name=name, u=u, **g)
    if kind == "gamma" and "rate" in d:
        return t["dist"]["gamma_rate"].format(name=name, u=u, **g)
    if kind in ("gamma", "weibull"):
        return t["dist"]["shape_scale"].format(name=name, u=u, **g)
    if kind == "beta":
        return f"{name}({d.get('a'):g}, {d.get('b'):g})"
    if kind == "dirichlet":
        return f"{name}(" + ", ".join(f"{k} {float(a):g}" for k, a in g.items()) + ")"
    if kind == "empirical":
        return t["dist"]["empirical"].format(name=name, u=u, values=", ".join(f"{v:g}" for v in d.get("values", [])))
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


def uncertain_note(v, lang: str, vocab) -> str:
    """' (drawn per replication pair from gamma, …)' for a value stated as a distribution; '' for a number."""
    stated = isinstance(v, dict) and ("dist" in v or any(isinstance(x, dict) and "dist" in x for x in v.values()))
    if not stated:
        return ""
    if "dist" in v:  # one distribution, or a Dirichlet over a whole share table
        law = fmt_dist(v, "", lang)
    else:
        law = _sep(lang).join(f"{vocab.band_label(k, lang)} {fmt_dist(x, '', lang)}"
                              for k, x in v.items() if isinstance(x, dict))
    return _t(lang)["drawn"].format(law=law)


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
    return _t(lang)["yen"].format(v=v)


def _bands(table: dict, lang: str, vocab, as_pct: bool = True) -> str:
    if not isinstance(table, dict):
        return "—"
    points = shares(table)
    parts = []
    for b in vocab.time_bands:
        if b in points:
            v = percent(points[b]) if as_pct else f"{points[b]:g}"
            parts.append(f"{vocab.band_label(b, lang)} {v}")
    return _sep(lang).join(parts) + uncertain_note(table, lang, vocab)


def _shift(s: dict, lang: str) -> str:
    t = _t(lang)
    days = s.get("days", "all")
    days = days if isinstance(days, list) else [days]
    dword = t["shift_days_joiner"].join(t["days"].get(d, d) for d in days)
    return t["shift"].format(days=dword, start=s.get("from"), end=s.get("to"), count=s.get("count", 1))


def _sep(lang):
    return _t(lang)["sep"]


def assumption_rows(res: Results, lang: str = "ja") -> list[tuple[str, str]]:
    """The key parameters of a run as (item, value) rows: what the scenario states (summary.json's `scenario`),
    with the values kyoten used where the scenario leaves a default (summary.json's `settings_used`). Every word
    is the catalogue's (`tables`)."""
    scenario, used, vocab = res.scenario, res.settings_used, res.vocab
    t = _t(lang)
    item = t["items"]
    sep = _sep(lang)

    def note(v):
        return uncertain_note(v, lang, vocab)

    rows: list[tuple[str, str]] = []
    meta = scenario.get("meta", {}) or {}
    if labels.meta_text(meta, "description", lang):
        rows.append((item["description"], labels.meta_text(meta, "description", lang)))
    if labels.meta_text(meta, "source", lang):
        rows.append((item["source"], labels.meta_text(meta, "source", lang)))
    hz = scenario.get("horizon", {}) or {}
    if hz:
        end = hz.get("end")
        try:
            end_incl = (pd.Timestamp(end) - pd.Timedelta(days=1)).strftime("%Y-%m-%d")
        except (ValueError, TypeError):
            end_incl = end
        rows.append((item["period"], t["period"].format(start=hz.get("start"), end=end_incl)))
        rows.append((item["warmup"], t["warmup"].format(days=used["warmup_days"])))
    regions = scenario.get("regions", []) or []
    if regions:
        rows.append((item["regions"], sep.join(t["region"].format(name=r.get("name"), weight=r.get("registrant_weight", 1))
                                               for r in regions)))
    reg = scenario.get("registration", {}) or {}
    if reg.get("expected_registered"):
        rows.append((item["expected"], " → ".join(t["knot"].format(date=d, n=n) for d, n in reg["expected_registered"])))
    if reg.get("s_curve"):
        s = reg["s_curve"]
        txt = t["s_curve"].format(pool=s.get("latent_pool"), initial=s.get("initial"))
        if s.get("through"):
            txt += t["s_curve_through"].format(date=s["through"][0], n=s["through"][1])
        if s.get("rate_per_year"):
            txt += t["s_curve_rate"].format(rate=s["rate_per_year"])
        rows.append((item["s_curve"], txt))
    if "leave_rate_per_year" in reg:
        rows.append((item["leave_rate"], t["leave_rate"].format(pct=percent(point_value(reg["leave_rate_per_year"])))
                     + note(reg["leave_rate_per_year"])))
    attrs = reg.get("attributes", {}) or {}
    parts = [t["attribute"].format(name=name, pct=percent(point_value(attrs[k])), note=note(attrs[k]))
             for k, name in t["attributes"].items() if k in attrs]
    if parts:
        rows.append((item["attributes"], sep.join(parts)))
    ass = scenario.get("assessment", {}) or {}
    if ass:
        rows.append((item["assessment"], t["assessment"].format(
            grace=used["assessment"]["grace_days"], again=used["assessment"]["reassessment_interval_days"],
            hours=fmt_dist(ass.get("staff_hours"), "hours", lang))))
    calls = scenario.get("calls", {}) or {}
    if calls:
        rows.append((item["calls"], t["calls"].format(
            per=point_value(calls.get("per_registrant_per_year", 0)), per_note=note(calls.get("per_registrant_per_year")),
            unregistered=point_value(calls.get("unregistered_per_year", 0)),
            unregistered_note=note(calls.get("unregistered_per_year")))))
        if calls.get("band_hours"):
            rows.append((item["band_hours"], t["band_hours"].format(**used["band_hours"])))
        if calls.get("band_share"):
            rows.append((item["band_share"], _bands(calls["band_share"], lang, vocab)))
        if calls.get("emergency_share"):
            rows.append((item["emergency_share"], _bands(calls["emergency_share"], lang, vocab)))
        if calls.get("need_weights"):
            nw = shares(calls["need_weights"])
            tot = sum(float(v) for v in nw.values()) or 1.0
            rows.append((item["needs"], sep.join(t["need"].format(name=t["needs"].get(k, k), pct=percent(float(v) / tot))
                                                 for k, v in nw.items()) + note(calls["need_weights"])))
        if "p_handover" in calls:
            rows.append((item["handover"], percent(point_value(calls["p_handover"])) + note(calls["p_handover"])))
        if calls.get("inquiry_minutes") is not None:
            rows.append((item["inquiry"], fmt_dist(calls["inquiry_minutes"], "minutes", lang)))
    for c in scenario.get("centers", []) or []:
        parts = [sep.join(_shift(s, lang) for s in c.get("staff", []))]
        if c.get("on_call_delay_hours") is not None:
            parts.append(t["on_call"].format(hours=c["on_call_delay_hours"]))
        if c.get("uncovered_hours") == "wait":
            parts.append(t["uncovered_wait"])
        if c.get("overflow"):
            parts.append(t["overflow"].format(centers=sep.join(c["overflow"])))
        parts.append(t["staff_cost"].format(yen=_yen(c.get("staff_cost_per_hour_yen"), lang)))
        if c.get("fixed_cost_per_year_yen"):
            parts.append(t["fixed_cost"].format(yen=_yen(c["fixed_cost_per_year_yen"], lang)))
        if c.get("regions"):
            parts.append(t["center_regions"].format(regions=sep.join(c["regions"])))
        rows.append((item["center"].format(name=c.get("name")), t["center_parts_joiner"].join(parts)))
    fac = scenario.get("facilities", []) or []
    defaults = scenario.get("facility_defaults", {}) or {}
    if fac:
        used_facility = {u["name"]: u for u in used["facilities"]}
        rows.append((item["facilities"], t["facilities"].format(n=len(fac), beds=used["beds"],
                                                                reserved=used["reserved_emergency_beds"])))
        for f in fac:
            u = used_facility[f.get("name")]
            flags = [t["flags"][k] for k in ("medical_care", "behavioural", "experience_stays") if u[k]]
            if u["children"] is False:
                flags.append(t["flags"]["adults_only"])
            occ_stated = f.get("planned_occupancy", defaults.get("planned_occupancy"))  # only to say if it is drawn
            desc = t["facility"].format(region=f.get("region"), beds=f.get("beds"), pct=percent(u["planned_occupancy"]))
            desc += note(occ_stated)
            if u["reserved_emergency_beds"]:
                desc += t["facility_reserved"].format(n=u["reserved_emergency_beds"])
            if flags:
                desc += t["facility_flags"].format(flags=sep.join(flags))
            rows.append((item["facility"].format(name=f.get("name")), desc))
        acc = defaults.get("acceptance", {}) or {}
        if acc.get("base"):
            txt = _bands(acc["base"], lang, vocab)
            extra = [t["factor"].format(name=name, v=point_value(acc[k]), note=note(acc[k]))
                     for k, name in t["factors"].items() if k in acc and float(point_value(acc[k])) != 1.0]
            if extra:
                txt += t["factors_list"].format(factors=t["factors_joiner"].join(extra))
            rows.append((item["acceptance"], txt))
    hub = scenario.get("hub", {}) or {}
    rooms = int(hub.get("rooms", 0) or 0)
    slow_exit = t["hub_slow_exit"].format(pct=percent(point_value(hub.get("exit_delay_probability", 0))),
                                          days=fmt_dist(hub.get("exit_delay_days"), "days", lang)) \
        if rooms and hub.get("exit_delay_probability") else ""
    rows.append((item["hub"], t["hub_rooms"].format(rooms=rooms) + slow_exit))
    stays = scenario.get("stays", {}) or {}
    if stays:
        rows.append((item["stays"], fmt_dist(stays.get("emergency_need_days"), "days", lang)))
    search = scenario.get("search", {}) or {}
    if search:
        fbs = sep.join(vocab.outcome_label(_FALLBACKS.get(x, x), lang) for x in (search.get("fallbacks") or []))
        rows.append((item["search"], t["search"].format(contacts=search.get("max_contacts"),
                                                        hours=search.get("max_search_hours"), fallbacks=fbs or t["none"])))
        for i, rule in enumerate(search.get("rules", []) or []):
            rows.append((item["search_rule"], rule.get("name") or t["rule_n"].format(n=i + 1)))
    hs = scenario.get("home_support", {}) or {}
    if hs:
        rows.append((item["home_support"], t["home_support"].format(
            n=hs.get("supporters", 0), hours=fmt_dist(hs.get("dispatch_hours"), "hours", lang),
            yen=_yen(hs.get("cost_per_hour_yen", 0), lang), taxi=percent(point_value(hs.get("p_care_taxi", 0))))))
    for place in scenario.get("emergency_places", []) or []:
        rows.append((item["emergency_place"].format(name=place.get("name")), t["emergency_place"].format(
            places=place.get("places"), pct=percent(point_value(place.get("p_accept", 1))),
            yen=_yen(place.get("cost_per_day_yen", 0), lang))))
    ex = scenario.get("experience", {}) or {}
    if ex and float(point_value(ex.get("requests_per_registrant_per_year", 0)) or 0) > 0:
        rows.append((item["experience"], t["experience"].format(
            per=point_value(ex["requests_per_registrant_per_year"]), nights=fmt_dist(ex.get("nights"), "nights", lang),
            lead=used["experience"]["lead_days"])))
    for ch in scenario.get("changes", []) or []:
        # A dated change of plan: when, why and which sections it states (the values are in the full listing).
        stated = sep.join(k for k in ch if k not in ("from", "reason"))
        rows.append((item["change"].format(date=ch.get("from")), t["change"].format(reason=ch.get("reason", ""),
                                                                                    stated=stated)))
    budget = scenario.get("budget", {}) or {}
    budget_lines = list(budget.get("lines", []) or [])
    for ch in scenario.get("changes", []) or []:
        budget_lines += list(((ch.get("budget") or {}).get("lines")) or [])
    for b in budget_lines:
        rows.append((item["budget"].format(fy=labels.fiscal_year_label(int(b["fiscal_year"]), lang)),
                     t["budget_line"].format(line=vocab.budget_line_label(b.get("line"), lang), yen=_yen(b.get("yen"), lang))))
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
    k = lambda v: "-" if v is None else f"{v / 1000:,.0f}"  # noqa: E731 - thousand yen
    pct = lambda v: "-" if v is None else f"{100 * v:.0f}%"  # noqa: E731
    rows = []
    for r in risks:
        budget = k(r.get("compared_budget_yen"))
        if r.get("basis") == "pro_rated":
            days = f"{r.get('days_simulated')}/{r.get('days_in_year')}"
            budget += _t(lang)["pro_rated"].format(days=days)
        total = r.get("line") == "total"
        line = labels.text("total_line", lang) if total else res.vocab.budget_line_label(r.get("line", ""), lang)
        flag = ""
        if r.get("probable_unit_error"):
            flag = _t(lang)["unit_error"]
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
