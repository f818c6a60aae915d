"""Every word a reader sees, in Japanese (default) and English.

KPI labels mirror models/hub/results.hpp (a test keeps them in step); chart texts give each chart its
title, axis labels with units and a one-line reading (読み方 / How to read).
"""
from __future__ import annotations

import math

LANGS = ("ja", "en")

# (key, label_ja, label_en, unit, headline) — the same table as kKpis in models/hub/results.hpp.
KPIS = [
    ("registrants_end", "期末登録者数", "Registrants at end", "count", True),
    ("registrations", "新規登録", "New registrations", "count", False),
    ("leavers", "登録終了", "Left the register", "count", False),
    ("calls", "相談件数", "Calls", "count", True),
    ("inquiries", "相談・問合せのみ", "Inquiries and advice only", "count", False),
    ("emergencies", "緊急対応件数", "Emergencies", "count", True),
    ("calls_weekday_daytime", "相談（平日日中）", "Calls, weekday daytime", "count", False),
    ("calls_weekday_evening", "相談（平日夜間）", "Calls, weekday evening", "count", False),
    ("calls_weekday_night", "相談（平日深夜）", "Calls, weekday night", "count", False),
    ("calls_weekend_holiday", "相談（土日祝）", "Calls, weekends and holidays", "count", False),
    ("emergencies_weekday_daytime", "緊急（平日日中）", "Emergencies, weekday daytime", "count", False),
    ("emergencies_weekday_evening", "緊急（平日夜間）", "Emergencies, weekday evening", "count", False),
    ("emergencies_weekday_night", "緊急（平日深夜）", "Emergencies, weekday night", "count", False),
    ("emergencies_weekend_holiday", "緊急（土日祝）", "Emergencies, weekends and holidays", "count", False),
    ("hang_ups", "応答前に切れた通話", "Calls hung up before an answer", "count", False),
    ("repeat_calls", "かけ直し", "Repeat calls (call-backs)", "count", False),
    ("callers_retried", "かけ直しが必要だった相談", "Callers who had to call again", "count", False),
    ("callers_abandoned", "つながらずに断念した相談", "Callers who gave up for good", "count", False),
    ("callers_retried_share", "かけ直しが必要だった割合", "Callers who had to call again, share", "share", False),
    ("callers_abandoned_share", "つながらずに断念した割合", "Callers who gave up for good, share", "share", True),
    ("answer_mean_min", "初回応答までの平均時間", "Time to first answer, mean", "minutes", True),
    ("answer_p90_min", "初回応答までの時間（90%点）", "Time to first answer, 90th percentile", "minutes", False),
    ("arrange_mean_h", "安全確保までの平均時間（確保できた事例）", "Time to a safe arrangement, mean (of those the hub arranged)", "hours", True),
    ("arrange_p90_h", "安全確保までの時間（90%点、確保できた事例）", "Time to a safe arrangement, 90th percentile (of those the hub arranged)", "hours", True),
    ("arrange_within_2h", "2時間以内に確保した割合（全緊急対応のうち）", "Arranged within 2 h, of all emergencies", "share", False),
    ("arrange_within_4h", "4時間以内に確保した割合（全緊急対応のうち）", "Arranged within 4 h, of all emergencies", "share", True),
    ("arrange_within_24h", "24時間以内に確保した割合（全緊急対応のうち）", "Arranged within 24 h, of all emergencies", "share", False),
    ("arrange_within_4h_if_arranged", "4時間以内に確保した割合（確保できた事例のうち）", "Arranged within 4 h, of those the hub arranged", "share", False),
    ("arrange_mean_h_weekday_daytime", "安全確保まで（平日日中）", "Time to arrangement, weekday daytime", "hours", False),
    ("arrange_mean_h_weekday_evening", "安全確保まで（平日夜間）", "Time to arrangement, weekday evening", "hours", False),
    ("arrange_mean_h_weekday_night", "安全確保まで（平日深夜）", "Time to arrangement, weekday night", "hours", False),
    ("arrange_mean_h_weekend_holiday", "安全確保まで（土日祝）", "Time to arrangement, weekends and holidays", "hours", False),
    ("outcome_short_stay", "結果：短期入所", "Outcome: short stay", "count", False),
    ("outcome_hub_room", "結果：拠点緊急居室", "Outcome: hub emergency room", "count", False),
    ("outcome_home_help", "結果：在宅支援（ヘルパー・専門サポーター）", "Outcome: help at home", "count", False),
    ("outcome_elderly_care", "結果：介護施設（協定）", "Outcome: elderly-care facility", "count", False),
    ("outcome_handed_over", "結果：保健福祉課へ引継ぎ", "Outcome: handed over to case workers", "count", False),
    ("outcome_unresolved", "結果：未解決", "Outcome: unresolved", "count", False),
    ("handovers_failed", "引継ぎ先閉庁のため未解決", "Unresolved: case workers' office closed too long", "count", False),
    ("not_arranged_share", "拠点で確保できなかった割合（引継ぎ・未解決）", "Not arranged by the hub (handed over or unresolved)", "share", True),
    ("not_arranged_weekday_daytime", "確保できなかった割合（平日日中）", "Not arranged by the hub, weekday daytime", "share", False),
    ("not_arranged_weekday_evening", "確保できなかった割合（平日夜間）", "Not arranged by the hub, weekday evening", "share", False),
    ("not_arranged_weekday_night", "確保できなかった割合（平日深夜）", "Not arranged by the hub, weekday night", "share", False),
    ("not_arranged_weekend_holiday", "確保できなかった割合（土日祝）", "Not arranged by the hub, weekends and holidays", "share", False),
    ("p_no_bed", "空床が見つからなかった確率", "Probability no bed was found", "share", True),
    ("p_no_bed_weekday_daytime", "空床が見つからなかった確率（平日日中）", "Probability no bed was found, weekday daytime", "share", False),
    ("p_no_bed_weekday_evening", "空床が見つからなかった確率（平日夜間）", "Probability no bed was found, weekday evening", "share", False),
    ("p_no_bed_weekday_night", "空床が見つからなかった確率（平日深夜）", "Probability no bed was found, weekday night", "share", False),
    ("p_no_bed_weekend_holiday", "空床が見つからなかった確率（土日祝）", "Probability no bed was found, weekends and holidays", "share", False),
    ("contacts_per_search", "1件あたりの施設照会数", "Facilities contacted per search", "count", False),
    ("bed_occupancy", "短期入所床稼働率", "Short-stay bed occupancy", "share", False),
    ("emergency_bed_days", "緊急利用延べ日数", "Emergency bed-days", "days", False),
    ("planned_occupancy_realised", "定期利用による稼働率（確保床を除く）", "Ordinary beds filled by planned stays", "share", False),
    ("planned_stays_refused", "定期利用の受入不可", "Planned short stays refused", "count", False),
    ("planned_refused_share", "定期利用の受入不可の割合", "Planned short stays refused, share of requests", "share", False),
    ("bed_days_used", "短期入所延べ利用日数", "Short-stay bed-days used (延べ利用日数)", "days", False),
    ("bed_days_integral", "短期入所床使用量（時間積分）", "Short-stay bed-days, time integral", "days", False),
    ("beds_in_use_census", "短期入所在所者数（調査時刻、日平均）", "Short-stay beds in use at the census hour, mean", "count", False),
    ("bed_days_all_in_use_census", "調査時刻に短期入所床が全て埋まっていた日の割合", "Days with every short-stay bed in use at the census hour", "share", False),
    ("hub_room_days_used", "緊急居室延べ利用日数", "Hub room-days used (延べ利用日数)", "days", False),
    ("hub_room_days_integral", "緊急居室使用量（時間積分）", "Hub room-days, time integral", "days", False),
    ("hub_rooms_in_use_census", "緊急居室在室数（調査時刻、日平均）", "Hub rooms in use at the census hour, mean", "count", False),
    ("hub_days_all_in_use_census", "調査時刻に緊急居室が全て埋まっていた日の割合", "Days with every hub room in use at the census hour", "share", False),
    ("hub_room_occupancy", "緊急居室稼働率", "Hub room occupancy", "share", False),
    ("hub_days_none_in_use", "緊急居室が全て空いていた日の割合", "Days with no hub room in use", "share", False),
    ("hub_days_all_in_use", "緊急居室が全て埋まっていた日の割合", "Days with every hub room in use", "share", True),
    ("staff_utilisation", "コーディネーター稼働率", "Coordinator utilisation", "share", True),
    ("overtime_hours", "時間外勤務（時間）", "Overtime hours", "hours", True),
    ("call_outs", "オンコール出動回数", "On-call call-outs", "count", False),
    ("call_out_hours", "オンコール出動時間", "On-call hours worked", "hours", False),
    ("assessments_done", "アセスメント実施数", "Assessments done", "count", False),
    ("assessment_backlog_mean", "アセスメント待ち（平均）", "Assessment backlog, mean", "count", False),
    ("assessment_backlog_end", "アセスメント待ち（期末）", "Assessment backlog at end", "count", True),
    ("assessment_wait_days_mean", "アセスメントまでの平均待ち日数", "Wait for an assessment, mean", "days", False),
    ("assessments_late_share", "期限を過ぎたアセスメントの割合", "Assessments started after the deadline", "share", False),
    ("assessments_late_past_grace_share", "特例の猶予も過ぎたアセスメントの割合", "Assessments started after the deadline and any extra grace", "share", False),
    ("experience_requested", "体験利用の申込", "Experience stays requested", "count", False),
    ("experience_done", "体験利用の実施", "Experience stays done", "count", False),
    ("experience_preempted", "緊急により中止された体験利用", "Experience stays pre-empted by emergencies", "count", False),
    ("experience_rebooked", "再予約して実施した体験利用", "Experience stays rebooked after pre-emption or no bed", "count", False),
    ("experience_lost_capped", "年間上限により断った体験利用", "Experience requests lost: yearly cap", "count", False),
    ("experience_lost_no_bed", "期限内に空床がなかった体験利用", "Experience stays lost: no bed within the window", "count", False),
    ("experience_lost_preempted", "中止後に再予約できなかった体験利用", "Experience stays lost: pre-empted, not rebooked", "count", False),
    ("experience_lost_no_facility", "受入可能な施設がない体験利用", "Experience requests lost: no suitable facility", "count", False),
    ("home_help_dispatches", "在宅支援派遣", "Home-help dispatches", "count", False),
    ("care_taxi_trips", "介護タクシー利用", "Care-taxi trips", "count", False),
    ("cost_total_yen", "総費用", "Total cost", "yen", True),
    ("cost_per_emergency_yen", "緊急対応1件あたり費用", "Cost per emergency arranged", "yen", False),
]
KPI_KEYS = [k[0] for k in KPIS]
KPI_INFO = {k[0]: {"label_ja": k[1], "label_en": k[2], "unit": k[3], "headline": k[4]} for k in KPIS}

# What a "count" counts, for the unit column and axis labels (results.hpp only says "count").
_COUNT_NOUN = {
    "registrants_end": "persons", "registrations": "persons", "leavers": "persons",
    "assessment_backlog_mean": "persons", "assessment_backlog_end": "persons",
    "contacts_per_search": "facilities", "home_help_dispatches": "dispatches", "care_taxi_trips": "trips",
}
_NOUNS = {
    "cases": {"ja": "件", "en": "cases"},
    "persons": {"ja": "人", "en": "persons"},
    "facilities": {"ja": "施設", "en": "facilities"},
    "dispatches": {"ja": "回", "en": "dispatches"},
    "trips": {"ja": "回", "en": "trips"},
}

# Display of each unit: (scale factor applied to the value, ja, en).
UNITS = {
    "share": (100.0, "%", "%"),
    "minutes": (1.0, "分", "min"),
    "hours": (1.0, "時間", "h"),
    "days": (1.0, "日", "days"),
    "yen": (1e-3, "千円", "thousand yen"),
}

TIME_BANDS = ["weekday_daytime", "weekday_evening", "weekday_night", "weekend_holiday"]
TIME_BAND_LABELS = {
    "weekday_daytime": {"ja": "平日日中", "en": "Weekday daytime"},
    "weekday_evening": {"ja": "平日夜間", "en": "Weekday evening"},
    "weekday_night": {"ja": "平日深夜", "en": "Weekday night"},
    "weekend_holiday": {"ja": "土日祝", "en": "Weekends & holidays"},
}

OUTCOMES = ["short_stay", "hub_room", "home_help", "elderly_care", "handed_over", "unresolved"]
OUTCOME_LABELS = {
    "short_stay": {"ja": "短期入所", "en": "Short stay"},
    "hub_room": {"ja": "拠点緊急居室", "en": "Hub emergency room"},
    "home_help": {"ja": "在宅支援（ヘルパー等）", "en": "Help at home"},
    "elderly_care": {"ja": "介護施設（協定）", "en": "Elderly-care facility"},
    "handed_over": {"ja": "保健福祉課へ引継ぎ", "en": "Handed over to case workers"},
    "unresolved": {"ja": "未解決", "en": "Unresolved"},
}

DUTIES = {
    "ja": {"all": "全業務", "inquiry": "相談・問合せ", "emergency": "緊急時の調整", "assessment": "アセスメント",
           "intake": "利用登録受付（面談）", "escort": "付添", "follow_up": "利用開始後の確認連絡",
           "liaison": "関係機関との連絡・調整", "meeting": "連絡会"},
    "en": {"all": "All duties", "inquiry": "Inquiries", "emergency": "Emergency coordination",
           "assessment": "Assessments", "intake": "Registration intake", "escort": "Escort to the facility",
           "follow_up": "Follow-up contacts", "liaison": "Liaison with agencies", "meeting": "Liaison meeting"},
}


def duty_label(key: str, lang: str) -> str:
    return DUTIES[lang].get(key, key)


WEEKDAYS = {"ja": ["月", "火", "水", "木", "金", "土", "日"], "en": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]}

# Cost lines of costs.csv, which are also the allowed budget lines (docs/results-format.md), in drawing order.
COST_LINES = ["center", "reserved_beds", "emergency_stays", "hub", "specialist_supporters", "care_taxi",
              "experience_stays", "assessments", "training", "experience_advice"]
COST_LINE_LABELS = {
    "center": {"ja": "拠点・センター運営（人件費・委託）", "en": "Center (staff, on call, contract)"},
    "reserved_beds": {"ja": "空床確保料", "en": "Reserved beds"},
    "emergency_stays": {"ja": "緊急短期入所の上乗せ", "en": "Emergency stays"},
    "hub": {"ja": "拠点緊急居室", "en": "Hub emergency rooms"},
    "specialist_supporters": {"ja": "在宅支援（専門サポーター等）", "en": "Specialist supporters (help at home)"},
    "care_taxi": {"ja": "介護タクシー", "en": "Care taxi"},
    "experience_stays": {"ja": "体験利用", "en": "Experience stays"},
    "assessments": {"ja": "アセスメント", "en": "Assessments"},
    "training": {"ja": "専門的人材の養成（研修）", "en": "Specialist training"},
    "experience_advice": {"ja": "体験の機会・場（助言）", "en": "Experience-stay advice"},
}


def budget_line_costs(line: str, cost_lines) -> list[str]:
    """The cost lines (among `cost_lines`) that a budget line is compared with: the one of the same name."""
    return [line] if line in list(cost_lines) else []


BUDGET_LINE_LABELS = COST_LINE_LABELS  # the budget lines are the cost lines


# Monthly series of monthly.csv that get a fan chart: (column, chart id).
FAN_SERIES = {
    "registrants_end": "fan_registrants",
    "calls": "fan_calls",
    "emergencies": "fan_emergencies",
    "cost_yen": "fan_cost",
}

_FAN_READING = {
    "ja": "線は反復の中央値、濃い帯は反復の中央50%、薄い帯は中央90%が入る範囲。帯が広いほど見通しの不確かさが大きい。",
    "en": "Line: median over replications; dark band: middle 50%, light band: middle 90% of replications. "
          "A wider band means a less certain forecast.",
}

# Chart texts: id → lang → title, xlabel, ylabel, reading (and extras some charts need).
CHARTS = {
    "fan_registrants": {
        "ja": {"title": "登録者数の見通し（月末）", "xlabel": "月", "ylabel": "登録者数（人）", "reading": _FAN_READING["ja"]},
        "en": {"title": "Registrants forecast (end of month)", "xlabel": "Month", "ylabel": "Registrants (persons)",
               "reading": _FAN_READING["en"]},
    },
    "fan_calls": {
        "ja": {"title": "相談件数の見通し（月別）", "xlabel": "月", "ylabel": "相談件数（件／月）", "ylabel_quarter": "相談件数（件／四半期）",
               "reading": _FAN_READING["ja"]},
        "en": {"title": "Calls forecast (per month)", "xlabel": "Month", "ylabel": "Calls (per month)",
               "ylabel_quarter": "Calls (per quarter)", "reading": _FAN_READING["en"]},
    },
    "fan_emergencies": {
        "ja": {"title": "緊急対応件数の見通し（月別）", "xlabel": "月", "ylabel": "緊急対応件数（件／月）",
               "ylabel_quarter": "緊急対応件数（件／四半期）", "reading": _FAN_READING["ja"]},
        "en": {"title": "Emergencies forecast (per month)", "xlabel": "Month", "ylabel": "Emergencies (per month)",
               "ylabel_quarter": "Emergencies (per quarter)", "reading": _FAN_READING["en"]},
    },
    "fan_cost": {
        "ja": {"title": "費用の見通し（月別）", "xlabel": "月", "ylabel": "費用（千円／月）", "reading": _FAN_READING["ja"]},
        "en": {"title": "Cost forecast (per month)", "xlabel": "Month", "ylabel": "Cost (thousand yen per month)",
               "reading": _FAN_READING["en"]},
    },
    "arrange_by_band": {
        "ja": {"title": "時間帯別 安全確保までの平均時間", "xlabel": "緊急連絡を受けた時間帯",
               "ylabel": "安全確保までの平均時間（時間）",
               "reading": "棒は反復の平均、ひげは平均の95%信頼区間。棒が高い時間帯ほど、受入先の確保に時間がかかっている。",
               "n_note": "反復数"},
        "en": {"title": "Time to a safe arrangement by time band", "xlabel": "Time band of the emergency call",
               "ylabel": "Mean time to a safe arrangement (hours)",
               "reading": "Bars: mean over replications; whiskers: 95% confidence interval of the mean. "
                          "Taller bars: arrangements take longer in that time band.",
               "n_note": "replications"},
    },
    "outcome_mix": {
        "ja": {"title": "緊急対応の結果の内訳", "xlabel": "件数（件）", "ylabel": "結果",
               "reading": "期間中の緊急対応がどう決着したか（反復平均、ひげは95%信頼区間、右の数字は構成比）。"
                          "「引継ぎ」「未解決」が多いほど受入先が足りない。"},
        "en": {"title": "Outcome of emergencies", "xlabel": "Emergencies (count)", "ylabel": "Outcome",
               "reading": "How emergencies ended (mean over replications, whiskers: 95% CI, figures: share). "
                          "Many hand-overs or unresolved cases mean too few places to go."},
    },
    "bed_occupancy": {
        "ja": {"title": "短期入所床の使用状況（週平均）", "xlabel": "日付", "ylabel": "使用中の床数（週平均、床）",
               "reading": "階段状の線は各週の使用床数（日平均の週平均）の反復平均、帯は反復の中央90%の範囲、破線は短期入所床の総数。破線に近い日ほど、緊急時に空床が見つかりにくい。",
               "capacity": "床の総数", "mean": "平均", "band90": "中央90%"},
        "en": {"title": "Short-stay beds in use (weekly mean)", "xlabel": "Date", "ylabel": "Beds in use (weekly mean, beds)",
               "reading": "Steps: beds in use each week (mean of the days), mean over replications; band: middle 90%; "
                          "dashed line: all short-stay beds. "
                          "Days near the dashed line are days when an emergency bed is hard to find.",
               "capacity": "All beds", "mean": "Mean", "band90": "Middle 90%"},
    },
    "hub_rooms": {
        "ja": {"title": "拠点緊急居室の使用状況（週ごとの最大）", "xlabel": "日付", "ylabel": "使用中の居室数（室）",
               "ylabel_share": "日数の割合（%）",
               "reading": "左：各週に同時に使われた最大の室数（反復の平均と中央90%）。右：1室も使われなかった日と全室が埋まった日の割合"
                          "（95%信頼区間）。全室使用の日が多いほど、次の緊急を受けられない日が多い。",
               "none": "全室空き", "all": "全室使用", "capacity": "居室数", "mean": "平均", "band90": "中央90%"},
        "en": {"title": "Hub emergency rooms in use (weekly maximum)", "xlabel": "Date", "ylabel": "Rooms in use (rooms)",
               "ylabel_share": "Share of days (%)",
               "reading": "Left: most rooms in use at once each week (mean and middle 90% of replications). Right: share of days with no room "
                          "in use and with every room in use (95% CI). Many full days: a next emergency cannot be taken.",
               "none": "No room in use", "all": "All rooms in use", "capacity": "Rooms", "mean": "Mean",
               "band90": "Middle 90%"},
    },
    "emergency_beds": {
        "ja": {"title": "緊急利用中の短期入所床（週ごとの最大）", "xlabel": "日付", "ylabel": "緊急利用中の床数（床）",
               "ylabel_share": "日数の割合（%）", "xlabel_share": "緊急利用中の床数（日別最大）",
               "reading": "このシナリオには拠点の緊急居室がない（hub.rooms = 0）ため、代わりに緊急利用で使われた短期入所床を示す。"
                          "左：週ごとの最大（反復の平均と中央90%）、右：その床数だった日の割合（95%信頼区間）。",
               "note": "緊急居室なし：緊急利用の短期入所床を表示", "reserved": "空床確保数", "mean": "平均",
               "band90": "中央90%"},
        "en": {"title": "Short-stay beds held by emergencies (weekly maximum)", "xlabel": "Date",
               "ylabel": "Beds held by emergencies (beds)", "ylabel_share": "Share of days (%)",
               "xlabel_share": "Beds held by emergencies (daily maximum)",
               "reading": "This scenario has no hub emergency rooms (hub.rooms = 0), so the chart shows short-stay beds "
                          "held by emergency stays instead. Left: weekly maximum (mean, middle 90%); right: share of "
                          "days with that many beds (95% CI).",
               "note": "No hub rooms: short-stay beds held by emergencies shown instead", "reserved": "Reserved beds",
               "mean": "Mean", "band90": "Middle 90%"},
    },
    "staff_heatmap": {
        "ja": {"title": "コーディネーター稼働率（時刻×曜日）", "xlabel": "曜日", "ylabel": "時刻（時）",
               "colorbar": "稼働率（%）",
               "reading": "色が濃いほど、その時間の勤務予定時間のうち、相談・緊急時の調整・付添・アセスメント・登録面談・"
                          "関係機関との連絡調整・連絡会などの業務に従事していた割合が高い（全拠点・全反復の合計の比）。勤務終了後に続いた業務（時間外）は含まない。"
                          "灰色は勤務者がいない時間。",
               "off_duty": "勤務者なし"},
        "en": {"title": "Coordinator utilisation (hour × weekday)", "xlabel": "Weekday", "ylabel": "Hour of day (h)",
               "colorbar": "Utilisation (%)",
               "reading": "Darker: a larger share of the coordinators' scheduled time in that hour went on duties — "
                          "calls, emergency coordination and escort, assessments, intake, follow-up, liaison and the "
                          "liaison meeting (Σ busy ÷ Σ scheduled over centers and "
                          "replications). Work running on past a shift (overtime) is not in it. Grey: nobody on duty.",
               "off_duty": "Nobody on duty"},
    },
    "cost_vs_budget": {
        "ja": {"title": "年度別の費用と予算", "xlabel": "年度", "ylabel": "費用（百万円）",
               "reading": "積み上げ棒は費用の内訳（反復平均）、ひげは合計の95%信頼区間、◆は予算額（記載のある年度のみ）。"
                          "棒が◆より高ければ予算超過の見込み。",
               "budget": "予算", "total": "合計", "months": "か月", "fy_format": "{fy}年度"},
        "en": {"title": "Cost and budget by fiscal year", "xlabel": "Fiscal year (April–March)",
               "ylabel": "Cost (million yen)",
               "reading": "Stacked bars: cost by line (mean over replications); whisker: 95% CI of the total; "
                          "diamond: budget (where stated). A bar above its diamond is a likely overspend.",
               "budget": "Budget", "total": "Total", "months": " months", "fy_format": "FY{fy}"},
    },
    "scenario_comparison": {
        "ja": {"title": "シナリオ比較（平均と95%信頼区間）", "xlabel": "", "ylabel": "シナリオ",
               "reading": "点は平均、横線は95%信頼区間。差の大きさを確かめるには、共通乱数による対比較（kyoten compare）がより精確。"},
        "en": {"title": "Scenario comparison (mean and 95% CI)", "xlabel": "", "ylabel": "Scenario",
               "reading": "Dots: mean; lines: 95% confidence interval. For the size of a difference, the paired "
                          "comparison under common random numbers (kyoten compare) is sharper."},
    },
    "frontier": {
        "ja": {"title": "費用とサービス水準（効率的な選択肢）", "xlabel": "総費用（千円）", "ylabel": "サービス水準",
               "reading": "各点が1つの構成（十字は95%信頼区間）。線で結んだ点は、より安くて同等以上のサービスの構成が他にない"
                          "「効率的な」選択肢。",
               "frontier": "効率的な選択肢", "others": "その他の構成", "target": "目標"},
        "en": {"title": "Cost and service (efficient options)", "xlabel": "Total cost (thousand yen)",
               "ylabel": "Service level",
               "reading": "Each dot is one configuration (crosses: 95% CI). Joined dots are efficient: no other "
                          "configuration is both cheaper and at least as good.",
               "frontier": "Efficient options", "others": "Other configurations", "target": "Target"},
    },
}

# Texts of the report around the charts.
REPORT = {
    "ja": {
        "html_lang": "ja",
        "report": "シミュレーション結果報告書",
        "reading": "読み方",
        "toc": "目次",
        "headline": "主要指標（95%信頼区間）",
        "headline_intro": "反復（独立なシミュレーション試行）の平均と、その95%信頼区間。「1期間の幅」は反復の中央95%が入る範囲"
                          "（ある1期間の実績がとりうる幅の目安）で、信頼区間とは別物。",
        "all_kpis": "全指標の一覧",
        "col_kpi": "指標", "col_mean": "平均", "col_ci": "95%信頼区間", "col_range": "1期間の幅（中央95%）",
        "col_unit": "単位", "col_n": "反復数",
        "charts": "図表",
        "budget_table": "予算との比較（年度・予算科目別）",
        "budget_intro": "予算科目ごとに、同じ費用項目の費用（反復平均と95%信頼区間）を予算額と比べる。単位：千円。",
        "col_fy": "年度", "col_budget_line": "予算科目", "col_cost_lines": "対応する費用項目", "col_budget": "予算額",
        "col_cost": "費用（平均）", "col_cost_ci": "95%信頼区間", "col_diff": "差（費用−予算）",
        "no_budget": "このシナリオには予算額の記載がない。",
        "staff_table": "コーディネーターの稼働率と時間外勤務（拠点・業務別）",
        "staff_intro": "稼働率は勤務予定時間のうち業務に従事した時間の割合（勤務時間外の業務は含まない）。"
                       "時間外は勤務終了後も続いた業務とオンコール出動の時間で、1年あたりの反復平均。",
        "col_center": "拠点", "col_duty": "業務", "col_utilisation": "稼働率",
        "col_overtime_per_year": "時間外（時間／年）",
        "unbudgeted": "予算科目なし",
        "budget_risk": "予算超過のリスク",
        "budget_risk_intro": "平均だけでは超過の頻度は分からない。1反復（模擬した1年分）ごとに費用が予算を超えた割合"
                             "（95%区間はWilsonスコア法）と、費用の90%範囲（5〜95パーセンタイル）。年度の一部だけを"
                             "模擬した年は予算を日数で按分して比べる。単位：千円。",
        "col_budget_compared": "比較する予算", "col_cost_range": "費用の90%範囲", "col_p_over": "予算超過の確率 [95%区間]",
        "col_flag": "注意", "total_line": "合計",
        "net_cost_intro": "特定財源を差し引いた区の純費用（年度別、反復平均と90%範囲、千円）。",
        "col_revenue": "特定財源", "col_net": "純費用（平均）",
        "assumptions": "前提条件（シナリオの主な設定）",
        "assumptions_intro": "シミュレーションに使った設定（base と --set を反映した後の値）。全項目は付録に掲載。",
        "col_item": "項目", "col_value": "設定値", "col_content": "内容",
        "all_parameters": "付録：全設定値",
        "stress": "STRESS-DES に基づくモデルの概要",
        "stress_intro": "Monks ほか（2019）「STRESS」ガイドライン（離散事象シミュレーション用）の項目に沿って、本シミュレーションの概要を記す。",
        "generated": "作成",
        "version": "kyoten バージョン",
        "no_data": "データなし",
        "yes": "あり", "no": "なし",
        "median": "中央値", "band50": "中央50%", "band90": "中央90%", "mean": "平均", "ci95": "95%信頼区間",
        "omitted_zero": "全反復で0件の結果は省略",
        "per_quarter_note": "1か月あたりの件数が少ないため、四半期（3か月）ごとの合計で示す。",
        "variance_split": "ばらつきの内訳（偶然とパラメータの不確かさ）",
        "variance_split_intro": "読み方：反復間のばらつき（分散）を、同じパラメータでも偶然に生じる部分と、実績件数が少ないため"
                                "率や割合自体が確かでないことによる部分に分ける。「パラメータの割合」が大きい指標は、反復を"
                                "増やしても幅が縮まず、観測（期間・件数）を増やさないと狭められない。反復2回ずつの組が同じ"
                                "パラメータを使い、組内の差から偶然の分を、残りからパラメータの分を推定する。",
        "variance_split_na": "このシナリオのパラメータはすべて固定値のため、ばらつきはすべて偶然によるもの（パラメータの分は"
                             "定義上0）。",
        "col_param_share": "パラメータの割合", "col_sd_total": "標準偏差（全体）", "col_sd_stochastic": "うち偶然",
        "col_sd_parameter": "うちパラメータ",
        "fan_with_parameters": "本シナリオでは率・割合を分布で与えており、反復の組ごとに抽出するため、扇形図の幅には"
                               "偶然のばらつきとパラメータの不確かさの両方が含まれる。",
    },
    "en": {
        "html_lang": "en",
        "report": "Simulation report",
        "reading": "How to read",
        "toc": "Contents",
        "headline": "Headline indicators (95% confidence intervals)",
        "headline_intro": "Mean over replications (independent simulation runs) with its 95% confidence interval. "
                          "\"One-period range\" is the middle 95% of replications — how much one period's actual "
                          "outcome may vary — and is not a confidence interval.",
        "all_kpis": "All indicators",
        "col_kpi": "Indicator", "col_mean": "Mean", "col_ci": "95% CI", "col_range": "One-period range (middle 95%)",
        "col_unit": "Unit", "col_n": "Replications",
        "charts": "Charts",
        "budget_table": "Cost against budget (by fiscal year and budget line)",
        "budget_intro": "For each budget line, the simulated cost of that line (mean over replications, 95% CI) "
                        "against the budget. Thousand yen.",
        "col_fy": "Fiscal year", "col_budget_line": "Budget line", "col_cost_lines": "Cost lines",
        "col_budget": "Budget", "col_cost": "Cost (mean)", "col_cost_ci": "95% CI", "col_diff": "Cost − budget",
        "no_budget": "The scenario states no budget.",
        "staff_table": "Coordinator utilisation and overtime (by center and duty)",
        "staff_intro": "Utilisation is the share of scheduled hours spent working a duty (work past the end of a "
                       "shift is not in it). Overtime is work that ran on past a shift plus on-call call-outs, in "
                       "hours a year, mean over replications.",
        "col_center": "Center", "col_duty": "Duty", "col_utilisation": "Utilisation",
        "col_overtime_per_year": "Overtime (hours a year)",
        "unbudgeted": "No budget line",
        "budget_risk": "Risk of overspending",
        "budget_risk_intro": "The mean does not say how often a year overspends. For each budget line: the share of "
                             "replications (one simulated year each) whose cost exceeds the budget (95% Wilson "
                             "interval), and the 90% range of cost (5th–95th percentile). A fiscal year simulated in "
                             "part is compared with its budget pro-rated by days. Thousand yen.",
        "col_budget_compared": "Budget compared", "col_cost_range": "90% range of cost",
        "col_p_over": "P(over budget) [95% CI]", "col_flag": "Note", "total_line": "Total",
        "net_cost_intro": "Net cost to the municipality after revenue (特定財源), by fiscal year: mean and 90% range, "
                          "thousand yen.",
        "col_revenue": "Revenue", "col_net": "Net cost (mean)",
        "assumptions": "Assumptions (main scenario settings)",
        "assumptions_intro": "The settings used (after `base` and --set were applied). Every value is listed in the appendix.",
        "col_item": "Setting", "col_value": "Value", "col_content": "Content",
        "all_parameters": "Appendix: every setting",
        "stress": "Model summary following STRESS-DES",
        "stress_intro": "The simulation described under the headings of the STRESS guidelines for discrete-event "
                        "simulation (Monks et al. 2019).",
        "generated": "Generated",
        "version": "kyoten version",
        "no_data": "no data",
        "yes": "yes", "no": "no",
        "median": "Median", "band50": "Middle 50%", "band90": "Middle 90%", "mean": "Mean", "ci95": "95% CI",
        "omitted_zero": "outcomes that were 0 in every replication are left out",
        "per_quarter_note": " Few cases a month: shown as totals per quarter (three months).",
        "variance_split": "Where the spread comes from (chance and parameter uncertainty)",
        "variance_split_intro": "How to read: the variance across replications split into the part chance alone "
                                "would give with the parameters fixed, and the part due to rates and shares being "
                                "estimated from few counts. Where the parameter share is large, more replications "
                                "will not narrow the band; only more observation (a longer period, more cases) "
                                "will. Pairs of replications share a parameter draw: the difference within a pair "
                                "measures chance, the rest is the parameters'.",
        "variance_split_na": "Every parameter of this scenario is a fixed number, so all of the spread is chance "
                             "(the parameter part is 0 by construction).",
        "col_param_share": "Parameter share", "col_sd_total": "SD (total)", "col_sd_stochastic": "of which chance",
        "col_sd_parameter": "of which parameters",
        "fan_with_parameters": "This scenario states rates and shares as distributions, drawn once per pair of "
                               "replications, so the fan charts' bands include both chance and parameter uncertainty.",
    },
}


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"language must be one of {', '.join(LANGS)}, not {lang!r}")
    return lang


def chart_text(chart_id: str, lang: str) -> dict:
    """Title, axis labels and reading of a chart in one language."""
    return CHARTS[chart_id][check_lang(lang)]


def text(key: str, lang: str) -> str:
    """A report text."""
    return REPORT[check_lang(lang)][key]


def kpi_label(key: str, lang: str, summary_kpis: dict | None = None) -> str:
    """Label of a KPI: from summary.json when given (the run's own words), else from the table above."""
    check_lang(lang)
    if summary_kpis and key in summary_kpis and summary_kpis[key].get(f"label_{lang}"):
        return summary_kpis[key][f"label_{lang}"]
    info = KPI_INFO.get(key)
    return info[f"label_{lang}"] if info else key


def kpi_unit(key: str, unit: str | None, lang: str) -> str:
    """Displayed unit of a KPI (after `kpi_scale`): %, 分, 時間, 千円, or what a count counts."""
    check_lang(lang)
    unit = unit or KPI_INFO.get(key, {}).get("unit", "count")
    if unit in UNITS:
        return UNITS[unit][1 if lang == "ja" else 2]
    return _NOUNS[_COUNT_NOUN.get(key, "cases")][lang]


def kpi_scale(unit: str | None) -> float:
    """Factor from the stored value to the displayed one (share → %, yen → thousand yen)."""
    return UNITS[unit][0] if unit in UNITS else 1.0


def band_label(band: str, lang: str) -> str:
    return TIME_BAND_LABELS[band][check_lang(lang)]


def outcome_label(outcome: str, lang: str) -> str:
    return OUTCOME_LABELS[outcome][check_lang(lang)]


def cost_line_label(line: str, lang: str) -> str:
    return COST_LINE_LABELS.get(line, {}).get(check_lang(lang), line)


def budget_line_label(line: str, lang: str) -> str:
    return BUDGET_LINE_LABELS.get(line, {}).get(check_lang(lang), line)


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
    """True for a KPI summed over the whole horizon (calls, emergencies, overtime hours, total cost…)."""
    unit = unit or KPI_INFO.get(key, {}).get("unit")
    return unit in ("count", "hours", "days", "yen") and not any(m in key for m in _NOT_TOTAL_MARKERS)


def period_text(start: str, end: str, lang: str) -> str:
    """The horizon [start, end) as a reader says it: '2024年4月1日〜2027年3月31日（36か月）' /
    '1 April 2024 – 31 March 2027 (36 months)' (the end date itself is not simulated)."""
    import datetime as dt
    a = dt.date.fromisoformat(str(start)[:10])
    b = dt.date.fromisoformat(str(end)[:10]) - dt.timedelta(days=1)
    months = (b.year - a.year) * 12 + b.month - a.month + 1
    whole = a.day == 1 and (b + dt.timedelta(days=1)).day == 1
    if check_lang(lang) == "ja":
        span = f"{a.year}年{a.month}月{a.day}日〜{b.year}年{b.month}月{b.day}日"
        return f"{span}（{months}か月）" if whole else span
    span = f"{a.day} {a:%B} {a.year} – {b.day} {b:%B} {b.year}"
    return f"{span} ({months} months)" if whole else span


def period_total_label(start: str, end: str, lang: str) -> str:
    """'期間合計（2024年4月1日〜2027年3月31日、36か月）' / 'period total, 1 April 2024 – 31 March 2027 (36 months)'."""
    p = period_text(start, end, lang)
    if lang == "ja":
        return "期間合計（" + p.replace("（", "、").replace("）", "") + "）"
    return f"period total, {p}"


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
    return f"{foreign}（英語のみ）" if lang == "ja" else f"{foreign} (in Japanese only)"


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
