"""A synthetic but realistic results directory, exactly as docs/results-format.md describes it, for testing
analysis/ without the C++ model.

    /usr/bin/python3 tests/analysis/make_fixture.py OUT_DIR [--replications 5] [--months 36] [--hub-rooms 3]

The numbers imitate Setagaya's ward-wide backup center (seed 000) with a hub of a few emergency rooms: about
300 → 800 registrants over three fiscal years, 0.44 calls per registrant a year, a quarter of them emergencies,
a 24 h center with a weekday reinforcement. They are drawn from numpy with a fixed seed, so every run of the
generator writes the same files.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import sqlite3
import sys
from pathlib import Path

import numpy as np
import pandas as pd

_HERE = Path(__file__).resolve()
sys.path.insert(0, str(_HERE.parents[2] / "analysis"))
from kyoten_analysis import stats  # noqa: E402
from kyoten_analysis.vocabulary import parse_vocabulary  # noqa: E402

# The vocabulary kyoten writes into every results folder (a copy; test_kyoten_output.py checks it against
# kyoten's own), so the fixture is a folder exactly as kyoten writes it.
VOCABULARY_FILE = _HERE.parent / "vocabulary.json"
VOCABULARY_TEXT = VOCABULARY_FILE.read_text(encoding="utf-8")
VOCAB = parse_vocabulary(VOCABULARY_TEXT, VOCABULARY_FILE)
BANDS = VOCAB.time_bands
BAND_SHARE = np.array([0.66, 0.12, 0.06, 0.16])
EMERGENCY_SHARE = np.array([0.26, 0.15, 0.20, 0.28])
ARRANGE_MEAN_H = np.array([0.9, 2.2, 3.1, 1.8])
COST_LINE_MONTHLY = {  # yen a month (mean); 0 = not used in this system
    "center": 4_874_583, "reserved_beds": 365_000, "emergency_stays": 120_000, "hub": 2_500_000,
    "specialist_supporters": 95_000, "care_taxi": 8_000, "experience_stays": 0, "assessments": 0, "training": 9_167,
    "experience_advice": 41_250, "emergency_places": 0,
}


def scenario_dict(start: str, end: str, hub_rooms: int, budget_lines: list[dict]) -> dict:
    """A resolved scenario like the C++ loader writes into summary.json (same keys as the TOML)."""
    facilities = []
    for i, (region, beds) in enumerate([("世田谷", 6), ("世田谷", 4), ("北沢", 8), ("北沢", 4), ("北沢", 5),
                                         ("玉川", 6), ("玉川", 4), ("砧", 5), ("烏山", 6)]):
        f = {"name": f"短期入所{chr(ord('A') + i)}（{region}）", "region": region, "beds": beds}
        if i == 2:
            f["behavioural"] = True
        if i == 5:
            f["medical_care"] = True
            f["reserved_emergency_beds"] = 1
        if i in (1, 3):
            f["children"] = False
        facilities.append(f)
    sc = {
        "meta": {"name": "fixture-wardwide", "title_ja": "テスト用 世田谷区 全区展開（令和6〜8年度）",
                 "title_en": "Test fixture: Setagaya ward-wide (FY2024–FY2026)",
                 "description": "Synthetic results for the analysis tests.", "source": "tests/analysis/make_fixture.py"},
        "horizon": {"start": start, "end": end, "warmup_days": 28},
        "regions": [{"name": n, "registrant_weight": w} for n, w in
                    [("世田谷", 38), ("北沢", 104), ("玉川", 24), ("砧", 16), ("烏山", 16)]],
        "registration": {"expected_registered": [[start, 300], ["2025-03-31", 500], ["2026-03-31", 650], [end, 785]],
                         "leave_rate_per_year": 0.03,
                         "attributes": {"age_bands": {"00-09": 8, "10-19": 20, "20-64": 167, "65+": 3},
                                        "child_age_bands": ["00-09", "10-19"], "p_medical_care": 0.1,
                                        "p_behavioural": 0.15, "p_ageing_caregiver": 0.42, "p_advance_plan": 0.0,
                                        "p_intellectual": 0.808, "p_physical": 0.328, "p_mental": 0.061}},
        "assessment": {"grace_days": 90, "reassessment_interval_days": 365, "initial_registrants_assessed": True,
                       "staff_hours": {"dist": "lognormal", "mean": 2.5, "sd": 1.0}},
        "calls": {"per_registrant_per_year": 0.44, "unregistered_per_year": 4,
                  "band_hours": {"day_start": 9, "evening_start": 17, "night_start": 22},
                  "band_share": dict(zip(BANDS, BAND_SHARE.tolist())),
                  "emergency_share": dict(zip(BANDS, EMERGENCY_SHARE.tolist())),
                  "need_weights": {"short_stay": 6, "home_help": 3, "both": 2}, "p_handover": 0.1,
                  "inquiry_minutes": {"dist": "lognormal", "mean": 30, "sd": 20},
                  "handover_minutes": {"dist": "lognormal", "mean": 45, "sd": 20}},
        "centers": [{"name": "緊急時バックアップセンター", "regions": ["世田谷", "北沢", "玉川", "砧", "烏山"],
                     "staff": [{"days": "all", "from": 0, "to": 24, "count": 2},
                               {"days": "weekdays", "from": 9, "to": 18, "count": 1}],
                     "staff_cost_per_hour_yen": 2500, "night_premium": 0.25, "holiday_premium": 0.35,
                     "fixed_cost_per_year_yen": 5_695_000}],
        "facility_defaults": {"planned_occupancy": 0.85,
                              "acceptance": {"base": {"weekday_daytime": 0.5, "weekday_evening": 0.2,
                                                      "weekday_night": 0.05, "weekend_holiday": 0.25},
                                             "assessed_factor": 1.5, "known_factor": 2.0, "advance_plan_factor": 1.0},
                              "contact_minutes_day": {"dist": "lognormal", "mean": 20, "sd": 10},
                              "contact_minutes_other": {"dist": "lognormal", "mean": 40, "sd": 20}},
        "facilities": facilities,
        "stays": {"emergency_need_days": {"dist": "uniform", "low": 3, "high": 4}, "exit_delay_probability": 0.1,
                  "exit_delay_days": {"dist": "lognormal", "mean": 5, "sd": 5}},
        "search": {"max_contacts": 9, "max_search_hours": 6, "prefer_known": True, "prefer_same_region": True,
                   "fallbacks": (["hub_room"] if hub_rooms else []) + ["home_help", "hand_over"]},
        "home_support": {"supporters": 2, "start_hours": "all", "dispatch_hours": {"dist": "lognormal", "mean": 24, "sd": 12},
                         "cost_per_hour_yen": 4000, "p_care_taxi": 0.05, "care_taxi_cost_yen": 15000},
        "budget": {"lines": budget_lines, "training_per_year_yen": 110_000, "advice_per_year_yen": 495_000},
    }
    if hub_rooms:
        sc["hub"] = {"rooms": hub_rooms, "name": "拠点施設 緊急居室", "fixed_cost_per_year_yen": 30_000_000,
                     "exit_delay_probability": 0.35, "exit_delay_days": {"dist": "lognormal", "mean": 21, "sd": 21}}
    return sc


def settings_used(sc: dict) -> dict:
    """summary.json `settings_used` as kyoten writes it: the scenario's values with the loader's defaults
    applied (scenarios/README.md: facility_defaults, 0 reserved beds, children taken, no hub)."""
    defaults = sc.get("facility_defaults", {})
    facilities = [{"name": f["name"], "region": f["region"], "beds": f["beds"],
                   "reserved_emergency_beds": f.get("reserved_emergency_beds", defaults.get("reserved_emergency_beds", 0)),
                   "planned_occupancy": f.get("planned_occupancy", defaults.get("planned_occupancy", 0.0)),
                   **{k: f.get(k, defaults.get(k, k == "children"))
                      for k in ("medical_care", "behavioural", "children", "experience_stays")}}
                  for f in sc["facilities"]]
    return {"band_hours": sc["calls"]["band_hours"], "warmup_days": sc["horizon"].get("warmup_days", 0),
            "assessment": {k: sc["assessment"][k] for k in ("grace_days", "reassessment_interval_days")},
            "experience": {"lead_days": 14}, "hub_rooms": (sc.get("hub") or {}).get("rooms", 0),
            "beds": sum(f["beds"] for f in facilities),
            "reserved_emergency_beds": sum(f["reserved_emergency_beds"] for f in facilities),
            "facilities": facilities}


# settings_used of a scenario that states none of them (the loader's defaults, scenarios/README.md).
DEFAULT_SETTINGS_USED = {"band_hours": {"day_start": 9, "evening_start": 17, "night_start": 22}, "warmup_days": 0,
                         "assessment": {"grace_days": 90, "reassessment_interval_days": 365},
                         "experience": {"lead_days": 14}, "hub_rooms": 0, "beds": 0, "reserved_emergency_beds": 0,
                         "facilities": []}


def run_of(scenario: dict):
    """What the report's tables read of a run, for a scenario without facilities: scenario, settings_used, vocab."""
    from types import SimpleNamespace
    return SimpleNamespace(scenario=scenario, settings_used=DEFAULT_SETTINGS_USED, vocab=VOCAB)


def _fiscal_year(d: dt.date) -> int:
    return d.year if d.month >= 4 else d.year - 1


def _add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    return dt.date(d.year + y, m + 1, 1)


def _summary_row(key: str, values, level: float) -> dict:
    info = VOCAB.kpi_info[key]
    x = pd.to_numeric(pd.Series(values, dtype="float64"), errors="coerce").dropna()
    ci = stats.mean_ci(x, level)

    def nz(v):
        return None if v is None or (isinstance(v, float) and math.isnan(v)) else float(v)
    return {"key": key, "label_ja": info["label_ja"], "label_en": info["label_en"], "unit": info["unit"],
            "headline": info["headline"], "mean": nz(ci.mean), "ci_low": nz(ci.ci_low), "ci_high": nz(ci.ci_high),
            "sd": nz(float(x.std(ddof=1)) if len(x) > 1 else math.nan), "n": int(ci.n),
            "p2_5": nz(float(x.quantile(0.025)) if len(x) else math.nan),
            "p50": nz(float(x.quantile(0.5)) if len(x) else math.nan),
            "p97_5": nz(float(x.quantile(0.975)) if len(x) else math.nan)}


def make_fixture(out_dir, replications: int = 5, months: int = 36, start: str = "2024-04-01", hub_rooms: int = 3,
                 seed: int = 20241, write_db: bool = True, off_duty_hours: bool = False,
                 with_budget: bool = True) -> Path:
    """Write a results directory to `out_dir` and return its path.

    off_duty_hours: leave Saturday and Sunday 0–9 h unstaffed (NaN utilisation) as a daytime-only center would."""
    rng = np.random.default_rng(seed)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    d0 = dt.date.fromisoformat(start)
    d_end = _add_months(d0, months)
    days = pd.date_range(d0, d_end - dt.timedelta(days=1), freq="D")
    month_starts = [_add_months(d0, i) for i in range(months)]
    fy_of_month = [_fiscal_year(m) for m in month_starts]
    level = 0.95
    total_beds = 48

    budget_rows = []
    if with_budget:
        fy0 = _fiscal_year(d0)
        budget_rows = [{"fiscal_year": fy0, "line": "center", "yen": 59_877_000},
                       {"fiscal_year": fy0, "line": "specialist_supporters", "yen": 1_271_000},
                       {"fiscal_year": fy0, "line": "care_taxi", "yen": 106_000},
                       {"fiscal_year": fy0, "line": "experience_advice", "yen": 495_000},
                       {"fiscal_year": fy0, "line": "training", "yen": 110_000}]
        if hub_rooms:
            budget_rows.append({"fiscal_year": fy0, "line": "hub", "yen": 30_000_000})
        budget_rows.append({"fiscal_year": fy0 + 1, "line": "center", "yen": 60_500_000})

    monthly_rows, daily_rows, staff_rows, cost_rows, kpi_rows = [], [], [], [], []
    for r in range(replications):
        # registrants: growth toward ~800 with replication-to-replication spread
        growth = rng.normal(1.0, 0.05)
        reg = 300.0
        backlog = 5.0
        month_calls, month_emerg = [], []
        total = {k: 0.0 for k in ("registrations", "leavers", "calls", "emergencies", "arranged", "unresolved",
                                  "assessments", "experience_done", "experience_preempted")}
        for i, m in enumerate(month_starts):
            target = 300 + 500 * growth * (1 - math.exp(-(i + 1) / 30.0)) / (1 - math.exp(-36 / 30.0)) * min(1, months / 36)
            leavers = rng.poisson(reg * 0.03 / 12)
            registrations = max(0, int(round(target - reg + leavers + rng.normal(0, 3))))
            reg = reg + registrations - leavers
            calls = rng.poisson(reg * 0.44 / 12 + 4 / 12)
            emerg = rng.binomial(calls, 0.25)
            unresolved = rng.binomial(emerg, 0.02)
            handed = rng.binomial(emerg - unresolved, 0.1)
            arranged = emerg - unresolved - handed
            assessments = rng.poisson(registrations + reg / 12)
            backlog = max(0.0, backlog + registrations - assessments * 0.9 + rng.normal(0, 1))
            exp_done = rng.poisson(2.0)
            exp_pre = rng.binomial(exp_done + 1, 0.1)
            cost = sum(v for v in COST_LINE_MONTHLY.values() if v) * rng.normal(1.0, 0.01) + emerg * 15_000
            if not hub_rooms:
                cost -= COST_LINE_MONTHLY["hub"]
            monthly_rows.append({"replication": r, "month": m.strftime("%Y-%m"), "fiscal_year": fy_of_month[i],
                                 "registrants_end": int(reg), "registrations": registrations, "calls": calls,
                                 "emergencies": emerg, "arranged": arranged, "unresolved": unresolved,
                                 "assessments": assessments, "assessment_backlog_end": round(backlog),
                                 "experience_done": exp_done, "experience_preempted": exp_pre, "cost_yen": cost})
            for k, v in (("registrations", registrations), ("leavers", leavers), ("calls", calls),
                         ("emergencies", emerg), ("arranged", arranged), ("unresolved", unresolved),
                         ("assessments", assessments), ("experience_done", exp_done),
                         ("experience_preempted", exp_pre)):
                total[k] += v
            month_calls.append(calls)
            month_emerg.append(emerg)

        # daily: hub rooms as a small loss system (arrivals ~0.12 a day, stays 3–4 days or long exit delays)
        in_use = []  # end days of current stays
        hub_max, hub_min, emerg_max, beds_mean = [], [], [], []
        for d in range(len(days)):
            in_use = [e for e in in_use if e > d]
            start_n = len(in_use)
            peak = start_n
            for _ in range(rng.poisson(0.12)):
                if len(in_use) < max(hub_rooms, 0):
                    stay = rng.uniform(3, 4) + (rng.lognormal(2.8, 0.8) if rng.random() < 0.35 else 0)
                    in_use.append(d + stay)
                    peak = max(peak, len(in_use))
            lo = min(start_n, len([e for e in in_use if e > d + 1]))
            hub_max.append(peak if hub_rooms else 0)
            hub_min.append(lo if hub_rooms else 0)
            emerg_max.append(int(min(6, rng.poisson(0.6 + 0.3 * math.sin(d / 58.0)))))
            beds_mean.append(float(np.clip(total_beds * 0.72 + rng.normal(0, 2.5), 0, total_beds)))
        for d, day in enumerate(days):
            daily_rows.append({"replication": r, "date": day.strftime("%Y-%m-%d"), "hub_rooms_in_use_max": hub_max[d],
                               "hub_rooms_in_use_min": hub_min[d], "emergency_beds_in_use_max": emerg_max[d],
                               "short_stay_beds_in_use_mean": beds_mean[d]})

        # staff utilisation by hour of week: busy weekday mornings, quiet nights
        util = np.empty(168)
        for h in range(168):
            wd, hr = divmod(h, 24)
            base = 0.05 + (0.35 if 9 <= hr < 17 else 0.12 if 17 <= hr < 22 else 0.0)
            if wd >= 5:
                base *= 0.6
            util[h] = float(np.clip(base + rng.normal(0, 0.02), 0, 1))
            if off_duty_hours and wd >= 5 and hr < 9:
                util[h] = math.nan
        # per duty: shares of the busy time, and overtime of 2% of the scheduled hours on weekday evenings
        scheduled_per_hour = 150.0  # coordinator-hours at one hour of the week over the horizon
        duty_shares = {"inquiry": 0.3, "emergency": 0.5, "assessment": 0.2}
        for h in range(168):
            wd, hr = divmod(h, 24)
            scheduled = 0.0 if math.isnan(util[h]) else scheduled_per_hour
            busy = 0.0 if math.isnan(util[h]) else util[h] * scheduled
            overtime = 0.02 * scheduled_per_hour if wd < 5 and 18 <= hr < 20 else 0.0
            for duty, share in [("all", 1.0), *duty_shares.items()]:
                staff_rows.append({"replication": r, "center": "緊急時バックアップセンター", "duty": duty,
                                   "hour_of_week": h, "weekday": wd, "hour": hr, "scheduled_hours": scheduled,
                                   "busy_hours": busy * share, "overtime_hours": overtime * share,
                                   "utilisation": util[h] * share})

        # costs by fiscal year and line
        fy_months = pd.Series(fy_of_month).value_counts().sort_index()
        cost_total = 0.0
        for fy, n_months in fy_months.items():
            for line in VOCAB.cost_lines:
                base = COST_LINE_MONTHLY[line]
                if line == "hub" and not hub_rooms:
                    base = 0
                varies = line in ("specialist_supporters", "care_taxi", "emergency_stays", "reserved_beds")
                yen = base * n_months * (rng.normal(1.0, 0.04) if varies else 1.0) if base else 0.0
                cost_total += yen
                cost_rows.append({"replication": r, "fiscal_year": int(fy), "line": line, "yen": yen})

        # per-replication KPIs
        calls_by_band = rng.multinomial(int(total["calls"]), BAND_SHARE)
        emerg_by_band = np.minimum(rng.binomial(calls_by_band, EMERGENCY_SHARE * 0.95), calls_by_band)
        arrange_band = [float(rng.gamma(8, ARRANGE_MEAN_H[b] / 8)) if emerg_by_band[b] > 0 else math.nan
                        for b in range(4)]
        if r == 0:  # one replication without a night emergency: its night mean is missing (empty in the CSV)
            arrange_band[2] = math.nan
        emergencies = float(total["emergencies"])
        shares = rng.dirichlet([55, 18 if hub_rooms else 0.001, 20, 0.001, 10, 2])
        outcomes = np.round(shares * emergencies)
        if not hub_rooms:
            outcomes[1] = 0
        outcomes[3] = 0
        hub_max_a = np.array(hub_max)
        k = {
            "registrants_end": float(reg), "registrations": total["registrations"], "leavers": total["leavers"],
            "calls": total["calls"], "inquiries": total["calls"] - emergencies, "emergencies": emergencies,
            **{f"calls_{b}": float(calls_by_band[i]) for i, b in enumerate(BANDS)},
            **{f"emergencies_{b}": float(emerg_by_band[i]) for i, b in enumerate(BANDS)},
            "hang_ups": 0.0, "repeat_calls": 0.0, "callers_retried": 0.0, "callers_abandoned": 0.0,
            "callers_retried_share": 0.0, "callers_abandoned_share": 0.0,
            "answer_mean_min": float(rng.gamma(20, 0.25)), "answer_p90_min": float(rng.gamma(20, 0.9)),
            "arrange_mean_h": float(np.nanmean(arrange_band)), "arrange_p90_h": float(rng.gamma(30, 0.13)),
            "arrange_within_2h": float(rng.beta(80, 20)), "arrange_within_4h": float(rng.beta(93, 7)),
            "arrange_within_24h": 1.0, "arrange_within_4h_if_arranged": float(rng.beta(95, 5)),
            **{f"arrange_mean_h_{b}": arrange_band[i] for i, b in enumerate(BANDS)},
            **{f"outcome_{o}": float(outcomes[i]) for i, o in enumerate(VOCAB.outcomes)},
            "handovers_failed": float(min(outcomes[5], rng.poisson(1))),
            "not_arranged_share": float((outcomes[4] + outcomes[5]) / max(outcomes.sum(), 1.0)),
            **{f"not_arranged_{b}": float(rng.beta(2, 12)) for b in BANDS},
            "p_no_bed": float(rng.beta(20, 70)), "contacts_per_search": float(rng.gamma(30, 0.08)),
            **{f"p_no_bed_{b}": float(rng.beta(20, 70)) for b in BANDS},
            "bed_occupancy": float(np.mean(beds_mean) / total_beds), "emergency_bed_days": float(sum(emerg_max)),
            "planned_occupancy_realised": float(rng.beta(85, 15)),
            "planned_stays_refused": float(rng.poisson(600)), "planned_refused_share": float(rng.beta(10, 90)),
            # No wide-area beds and no daytime respite in the fixture (no random draw, so the rest stays).
            "neighbour_stays": 0.0, "neighbour_stays_refused": 0.0, "shared_beds_held_by_neighbours": math.nan,
            "searches_met_neighbour_stay": 0.0, "respite_bed_hours": 0.0, "respite_shortfall_share": math.nan,
            "searches_met_respite": 0.0,
            "bed_days_used": float(np.sum(beds_mean) + rng.poisson(200)), "bed_days_integral": float(np.sum(beds_mean)),
            "beds_in_use_census": float(np.mean(beds_mean)),
            "hub_room_days_used": float(hub_max_a.sum()) if hub_rooms else math.nan,
            "hub_room_days_integral": float(hub_max_a.sum() * 0.8) if hub_rooms else math.nan,
            "hub_rooms_in_use_census": float(hub_max_a.mean() * 0.8) if hub_rooms else math.nan,
            "hub_days_all_in_use_census": float((hub_max_a >= hub_rooms).mean() * 0.7) if hub_rooms else math.nan,
            "hub_room_occupancy": float(hub_max_a.mean() / hub_rooms) if hub_rooms else math.nan,
            "hub_days_none_in_use": float((hub_max_a == 0).mean()) if hub_rooms else math.nan,
            "hub_days_all_in_use": float((hub_max_a >= hub_rooms).mean()) if hub_rooms else math.nan,
            "staff_utilisation": float(np.nanmean(util)),
            "overtime_hours": sum(row["overtime_hours"] for row in staff_rows
                                  if row["replication"] == r and row["duty"] == "all"),
            "call_outs": 0.0, "call_out_hours": 0.0, "advance_plans_drafted": 0.0, "assessments_done": total["assessments"],
            "assessment_backlog_mean": float(rng.gamma(10, 0.5)), "assessment_backlog_end": float(round(backlog)),
            "assessment_wait_days_mean": float(rng.gamma(12, 2.0)), "assessments_late_share": float(rng.beta(3, 30)),
            "experience_requested": total["experience_done"] + total["experience_preempted"] + float(rng.poisson(3)),
            "experience_done": total["experience_done"], "experience_preempted": total["experience_preempted"],
            # No rebooking window in the fixture: every pre-empted stay is lost (no random draw, so the rest stays).
            "experience_rebooked": 0.0, "experience_lost_capped": 0.0, "experience_lost_no_bed": 0.0,
            "experience_lost_preempted": total["experience_preempted"], "experience_lost_no_facility": 0.0,
            # No contract or coordination meeting in the fixture.
            "experience_approvals": 0.0, "experience_approval_wait_days_mean": math.nan,
            # No emergency places in the fixture (no random draw, so the rest stays).
            "emergency_place_uses_elderly_care": 0.0, "emergency_place_uses_vacant_house": 0.0,
            "emergency_place_uses_spare_room": 0.0, "emergency_place_days": 0.0, "emergency_place_none_open": 0.0,
            "home_help_dispatches": float(outcomes[2] + rng.poisson(5)), "care_taxi_trips": float(rng.poisson(4)),
            "cost_total_yen": cost_total, "cost_per_emergency_yen": cost_total / max(emergencies, 1.0),
        }
        # Derived without a random draw, so every other figure of the fixture stays as it was.
        k["assessments_late_past_grace_share"] = k["assessments_late_share"] / 2
        k["bed_days_all_in_use_census"] = float((np.asarray(beds_mean) >= total_beds).mean())
        kpi_rows.append({"replication": r, **{key: k[key] for key in VOCAB.kpi_keys}})

    kpis = pd.DataFrame(kpi_rows, columns=["replication", *VOCAB.kpi_keys])
    monthly = pd.DataFrame(monthly_rows)
    daily = pd.DataFrame(daily_rows)
    staff = pd.DataFrame(staff_rows)
    costs = pd.DataFrame(cost_rows)
    budget = pd.DataFrame(budget_rows, columns=["fiscal_year", "line", "yen"])

    scenario = scenario_dict(start, d_end.isoformat(), hub_rooms, budget_rows)
    kpi_summary = [_summary_row(key, kpis[key], level) for key in VOCAB.kpi_keys]
    budget_by = {(b["fiscal_year"], b["line"]): b["yen"] for b in budget_rows}
    cost_summary = []
    for (fy, line), g in costs.groupby(["fiscal_year", "line"], sort=True):
        row = _summary_row("cost_total_yen", g["yen"], level)
        cost_summary.append({"fiscal_year": int(fy), "line": line, **{k: row[k] for k in
                             ("mean", "ci_low", "ci_high", "sd", "n", "p2_5", "p50", "p97_5")},
                             "budget_yen": budget_by.get((int(fy), line))})
    stat_keys = ("mean", "ci_low", "ci_high", "sd", "n", "p2_5", "p50", "p97_5")
    cost_totals = [{"fiscal_year": int(fy), **{k: v for k, v in _summary_row("cost_total_yen", g, level).items()
                                               if k in stat_keys}}
                   for fy, g in costs.groupby(["replication", "fiscal_year"])["yen"].sum().groupby(level="fiscal_year")]
    summary = {
        "format_version": 2,
        "kyoten_version": "0.1.0",
        "created": "2026-11-23T10:00:00Z",
        "command": f"kyoten run scenarios/fixture-wardwide.toml --replications {replications}",
        "scenario_file": "scenarios/fixture-wardwide.toml",
        "scenario": scenario,
        "scenario_name": scenario["meta"]["name"],
        "title_ja": scenario["meta"]["title_ja"],
        "title_en": scenario["meta"]["title_en"],
        "seed": 1, "replications": replications, "threads": 2,
        "horizon": {"start": start, "end": d_end.isoformat()},
        "confidence_level": level,
        "settings_used": settings_used(scenario),
        "kpis": kpi_summary,
        "costs": cost_summary,
        "cost_totals": cost_totals,
    }
    (out / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
    (out / "vocabulary.json").write_text(VOCABULARY_TEXT, encoding="utf-8")
    for name, frame in (("kpis", kpis), ("monthly", monthly), ("daily", daily), ("staff_utilisation", staff),
                        ("costs", costs), ("budget", budget)):
        frame.to_csv(out / f"{name}.csv", index=False, na_rep="")
    if write_db:
        db = out / "results.db"
        if db.exists():
            db.unlink()
        con = sqlite3.connect(db)
        try:
            for name, frame in (("kpis", kpis), ("monthly", monthly), ("daily", daily), ("staff_utilisation", staff),
                                ("costs", costs), ("budget", budget)):
                frame.to_sql(name, con, index=False)
            run = pd.DataFrame([{k: summary[k] for k in ("kyoten_version", "created", "command", "scenario_file",
                                                         "scenario_name", "title_ja", "title_en", "seed",
                                                         "replications", "threads", "confidence_level")}])
            run["horizon_start"], run["horizon_end"] = start, d_end.isoformat()
            run["scenario"] = json.dumps(scenario, ensure_ascii=False)
            run["settings_used"] = json.dumps(summary["settings_used"], ensure_ascii=False)
            run.to_sql("run", con, index=False)
            ks = pd.DataFrame(kpi_summary)
            ks["headline"] = ks["headline"].astype(int)
            ks.to_sql("kpi_summary", con, index=False)
            con.commit()
        finally:
            con.close()
    return out


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("out")
    p.add_argument("--replications", type=int, default=5)
    p.add_argument("--months", type=int, default=36)
    p.add_argument("--start", default="2024-04-01")
    p.add_argument("--hub-rooms", type=int, default=3)
    p.add_argument("--off-duty-hours", action="store_true")
    a = p.parse_args(argv)
    print(make_fixture(a.out, a.replications, a.months, a.start, a.hub_rooms, off_duty_hours=a.off_duty_hours))
    return 0


if __name__ == "__main__":
    sys.exit(main())
