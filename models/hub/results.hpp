#pragma once
// What one replication of the hub model returns: named scalar KPIs, monthly and daily series, staff
// utilisation by hour of week, and cost by fiscal year and budget line. Writers and aggregation read the
// KPI table below, so adding a KPI is one line here and one assignment in the model.
#include <array>
#include <cstdint>
#include <stdexcept>
#include <string_view>
#include <string>
#include <vector>

#include "sim/time/units.hpp"
#include "models/hub/duties.hpp"

namespace kyoten::hub {

struct KpiInfo {
  const char* key;       // column name in kpis.csv, key in summary.json
  const char* label_ja;  // 表示名
  const char* label_en;
  const char* unit;      // "count", "share", "minutes", "hours", "days", "yen"
  bool headline;         // shown in the terminal table and used by --precision
};

// clang-format off
inline constexpr KpiInfo kKpis[] = {
  {"registrants_end", "期末登録者数", "Registrants at end", "count", true},
  {"registrations", "新規登録", "New registrations", "count", false},
  {"leavers", "登録終了", "Left the register", "count", false},
  {"calls", "相談件数", "Calls", "count", true},
  {"inquiries", "相談・問合せのみ", "Inquiries and advice only", "count", false},
  {"emergencies", "緊急対応件数", "Emergencies", "count", true},
  {"calls_weekday_daytime", "相談（平日日中）", "Calls, weekday daytime", "count", false},
  {"calls_weekday_evening", "相談（平日夜間）", "Calls, weekday evening", "count", false},
  {"calls_weekday_night", "相談（平日深夜）", "Calls, weekday night", "count", false},
  {"calls_weekend_holiday", "相談（土日祝）", "Calls, weekends and holidays", "count", false},
  {"emergencies_weekday_daytime", "緊急（平日日中）", "Emergencies, weekday daytime", "count", false},
  {"emergencies_weekday_evening", "緊急（平日夜間）", "Emergencies, weekday evening", "count", false},
  {"emergencies_weekday_night", "緊急（平日深夜）", "Emergencies, weekday night", "count", false},
  {"emergencies_weekend_holiday", "緊急（土日祝）", "Emergencies, weekends and holidays", "count", false},
  {"hang_ups", "応答前に切れた通話", "Calls hung up before an answer", "count", false},
  {"repeat_calls", "かけ直し", "Repeat calls (call-backs)", "count", false},
  {"callers_retried", "かけ直しが必要だった相談", "Callers who had to call again", "count", false},
  {"callers_abandoned", "つながらずに断念した相談", "Callers who gave up for good", "count", false},
  {"callers_retried_share", "かけ直しが必要だった割合", "Callers who had to call again, share", "share", false},
  {"callers_abandoned_share", "つながらずに断念した割合", "Callers who gave up for good, share", "share", true},
  {"answer_mean_min", "初回応答までの平均時間", "Time to first answer, mean", "minutes", true},
  {"answer_p90_min", "初回応答までの時間（90%点）", "Time to first answer, 90th percentile", "minutes", false},
  {"arrange_mean_h", "安全確保までの平均時間（確保できた事例）", "Time to a safe arrangement, mean (of those the hub arranged)", "hours", true},
  {"arrange_p90_h", "安全確保までの時間（90%点、確保できた事例）", "Time to a safe arrangement, 90th percentile (of those the hub arranged)", "hours", true},
  {"arrange_within_2h", "2時間以内に確保した割合（全緊急対応のうち）", "Arranged within 2 h, of all emergencies", "share", false},
  {"arrange_within_4h", "4時間以内に確保した割合（全緊急対応のうち）", "Arranged within 4 h, of all emergencies", "share", true},
  {"arrange_within_24h", "24時間以内に確保した割合（全緊急対応のうち）", "Arranged within 24 h, of all emergencies", "share", false},
  {"arrange_within_4h_if_arranged", "4時間以内に確保した割合（確保できた事例のうち）", "Arranged within 4 h, of those the hub arranged", "share", false},
  {"arrange_mean_h_weekday_daytime", "安全確保まで（平日日中）", "Time to arrangement, weekday daytime", "hours", false},
  {"arrange_mean_h_weekday_evening", "安全確保まで（平日夜間）", "Time to arrangement, weekday evening", "hours", false},
  {"arrange_mean_h_weekday_night", "安全確保まで（平日深夜）", "Time to arrangement, weekday night", "hours", false},
  {"arrange_mean_h_weekend_holiday", "安全確保まで（土日祝）", "Time to arrangement, weekends and holidays", "hours", false},
  {"outcome_short_stay", "結果：短期入所", "Outcome: short stay", "count", false},
  {"outcome_hub_room", "結果：拠点緊急居室", "Outcome: hub emergency room", "count", false},
  {"outcome_home_help", "結果：在宅支援（ヘルパー・専門サポーター）", "Outcome: help at home", "count", false},
  {"outcome_emergency_place", "結果：緊急一時保護（協定介護施設・空き家等）", "Outcome: emergency place (elderly-care agreement, vacant house, spare room)", "count", false},
  {"outcome_handed_over", "結果：保健福祉課へ引継ぎ", "Outcome: handed over to case workers", "count", false},
  {"outcome_unresolved", "結果：未解決", "Outcome: unresolved", "count", false},
  {"handovers_failed", "引継ぎ先閉庁のため未解決", "Unresolved: case workers' office closed too long", "count", false},
  {"not_arranged_share", "拠点で確保できなかった割合（引継ぎ・未解決）", "Not arranged by the hub (handed over or unresolved)", "share", true},
  {"not_arranged_weekday_daytime", "確保できなかった割合（平日日中）", "Not arranged by the hub, weekday daytime", "share", false},
  {"not_arranged_weekday_evening", "確保できなかった割合（平日夜間）", "Not arranged by the hub, weekday evening", "share", false},
  {"not_arranged_weekday_night", "確保できなかった割合（平日深夜）", "Not arranged by the hub, weekday night", "share", false},
  {"not_arranged_weekend_holiday", "確保できなかった割合（土日祝）", "Not arranged by the hub, weekends and holidays", "share", false},
  {"p_no_bed", "空床が見つからなかった確率", "Probability no bed was found", "share", true},
  {"p_no_bed_weekday_daytime", "空床が見つからなかった確率（平日日中）", "Probability no bed was found, weekday daytime", "share", false},
  {"p_no_bed_weekday_evening", "空床が見つからなかった確率（平日夜間）", "Probability no bed was found, weekday evening", "share", false},
  {"p_no_bed_weekday_night", "空床が見つからなかった確率（平日深夜）", "Probability no bed was found, weekday night", "share", false},
  {"p_no_bed_weekend_holiday", "空床が見つからなかった確率（土日祝）", "Probability no bed was found, weekends and holidays", "share", false},
  {"contacts_per_search", "1件あたりの施設照会数", "Facilities contacted per search", "count", false},
  {"bed_occupancy", "短期入所床稼働率", "Short-stay bed occupancy", "share", false},
  {"emergency_bed_days", "緊急利用延べ日数", "Emergency bed-days", "days", false},
  {"planned_occupancy_realised", "定期利用による稼働率（確保床を除く）", "Ordinary beds filled by planned stays", "share", false},
  {"planned_stays_refused", "定期利用の受入不可", "Planned short stays refused", "count", false},
  {"planned_refused_share", "定期利用の受入不可の割合", "Planned short stays refused, share of requests", "share", false},
  {"neighbour_stays", "近隣市町村による広域床の利用", "Neighbours' stays in wide-area beds", "count", false},
  {"neighbour_stays_refused", "広域床が埋まり受け入れられなかった近隣市町村の利用", "Neighbours' requests refused: wide-area beds full", "count", false},
  {"shared_beds_held_by_neighbours", "広域床が近隣市町村の利用で埋まっていた時間の割合", "Wide-area beds held by neighbours' stays, share of time", "share", false},
  {"searches_met_neighbour_stay", "近隣市町村の利用で満床の施設に当たった照会の割合", "Searches that met a full facility with a bed held by a neighbour's stay", "share", false},
  {"respite_bed_hours", "日中一時に使われた床時間", "Bed-hours used for daytime respite", "hours", false},
  {"respite_shortfall_share", "日中一時の希望床時間のうち確保できなかった割合", "Daytime respite bed-hours wanted but not had, share", "share", false},
  {"searches_met_respite", "日中一時で満床の施設に当たった照会の割合", "Searches that met a full facility with a bed held by daytime respite", "share", false},
  {"bed_days_used", "短期入所延べ利用日数", "Short-stay bed-days used (延べ利用日数)", "days", false},
  {"bed_days_integral", "短期入所床使用量（時間積分）", "Short-stay bed-days, time integral", "days", false},
  {"beds_in_use_census", "短期入所在所者数（調査時刻、日平均）", "Short-stay beds in use at the census hour, mean", "count", false},
  {"bed_days_all_in_use_census", "調査時刻に短期入所床が全て埋まっていた日の割合", "Days with every short-stay bed in use at the census hour", "share", false},
  {"hub_room_days_used", "緊急居室延べ利用日数", "Hub room-days used (延べ利用日数)", "days", false},
  {"hub_room_days_integral", "緊急居室使用量（時間積分）", "Hub room-days, time integral", "days", false},
  {"hub_rooms_in_use_census", "緊急居室在室数（調査時刻、日平均）", "Hub rooms in use at the census hour, mean", "count", false},
  {"hub_days_all_in_use_census", "調査時刻に緊急居室が全て埋まっていた日の割合", "Days with every hub room in use at the census hour", "share", false},
  {"hub_room_occupancy", "緊急居室稼働率", "Hub room occupancy", "share", false},
  {"hub_days_none_in_use", "緊急居室が全て空いていた日の割合", "Days with no hub room in use", "share", false},
  {"hub_days_all_in_use", "緊急居室が全て埋まっていた日の割合", "Days with every hub room in use", "share", true},
  {"staff_utilisation", "コーディネーター稼働率", "Coordinator utilisation", "share", true},
  {"overtime_hours", "時間外勤務（時間）", "Overtime hours", "hours", true},
  {"call_outs", "オンコール出動回数", "On-call call-outs", "count", false},
  {"call_out_hours", "オンコール出動時間", "On-call hours worked", "hours", false},
  {"advance_plans_drafted", "安心支援プランの作成", "Advance plans drafted (安心支援プラン)", "count", false},
  {"assessments_done", "アセスメント実施数", "Assessments done", "count", false},
  {"assessment_backlog_mean", "アセスメント待ち（平均）", "Assessment backlog, mean", "count", false},
  {"assessment_backlog_end", "アセスメント待ち（期末）", "Assessment backlog at end", "count", true},
  {"assessment_wait_days_mean", "アセスメントまでの平均待ち日数", "Wait for an assessment, mean", "days", false},
  {"assessments_late_share", "期限を過ぎたアセスメントの割合", "Assessments past the deadline", "share", false},
  {"assessments_late_past_grace_share", "特例の猶予も過ぎたアセスメントの割合", "Assessments past the deadline and any extra grace", "share", false},
  {"experience_requested", "体験利用の申込", "Experience stays requested", "count", false},
  {"experience_done", "体験利用の実施", "Experience stays done", "count", false},
  {"experience_preempted", "緊急により中止された体験利用", "Experience stays pre-empted by emergencies", "count", false},
  {"experience_rebooked", "再予約して実施した体験利用", "Experience stays rebooked after pre-emption or no bed", "count", false},
  {"experience_lost_capped", "年間上限により断った体験利用", "Experience requests lost: yearly cap", "count", false},
  {"experience_lost_no_bed", "期限内に空床がなかった体験利用", "Experience stays lost: no bed within the window", "count", false},
  {"experience_lost_preempted", "中止後に再予約できなかった体験利用", "Experience stays lost: pre-empted, not rebooked", "count", false},
  {"experience_lost_no_facility", "受入可能な施設がない体験利用", "Experience requests lost: no suitable facility", "count", false},
  {"experience_approvals", "調整会議で承認された初回利用", "First uses approved at the coordination meeting", "count", false},
  {"experience_approval_wait_days_mean", "初回申込から調整会議の承認までの平均日数", "Wait from a first request to the coordination meeting's approval, mean", "days", false},
  {"emergency_place_uses_elderly_care", "緊急一時保護：協定介護施設の利用", "Emergency places: elderly-care agreement uses", "count", false},
  {"emergency_place_uses_vacant_house", "緊急一時保護：空き家の利用", "Emergency places: vacant-house uses", "count", false},
  {"emergency_place_uses_spare_room", "緊急一時保護：空き居室の利用", "Emergency places: spare-room uses", "count", false},
  {"emergency_place_days", "緊急一時保護の延べ日数", "Emergency-place days", "days", false},
  {"emergency_place_none_open", "緊急一時保護：空きのある場所がなかった回数", "Emergency places: none of the kind open", "count", false},
  {"home_help_dispatches", "在宅支援派遣", "Home-help dispatches", "count", false},
  {"care_taxi_trips", "介護タクシー利用", "Care-taxi trips", "count", false},
  {"cost_total_yen", "総費用", "Total cost", "yen", true},
  {"cost_per_emergency_yen", "緊急対応1件あたり費用", "Cost per emergency arranged", "yen", false},
};
// clang-format on
inline constexpr std::size_t kKpiCount = sizeof(kKpis) / sizeof(kKpis[0]);

// Index of a KPI by key, so the model writes kpi[kpi_index("calls")] without magic numbers. constexpr:
// with a literal key it folds to a constant, and an unknown key fails to compile there.
constexpr std::size_t kpi_index(std::string_view key) {
  for (std::size_t i = 0; i < kKpiCount; ++i) {
    if (key == kKpis[i].key) return i;
  }
  throw std::out_of_range("unknown KPI key");
}

// The same, forced to compile time: the model uses this in hot paths so no string is compared at run time.
consteval std::size_t kpi_id(std::string_view key) { return kpi_index(key); }

// Per-band KPIs are laid out in TimeBand order, so the model can index them as first + band.
static_assert(kpi_index("calls_weekday_evening") == kpi_index("calls_weekday_daytime") + 1);
static_assert(kpi_index("calls_weekend_holiday") == kpi_index("calls_weekday_daytime") + 3);
static_assert(kpi_index("emergencies_weekend_holiday") == kpi_index("emergencies_weekday_daytime") + 3);
static_assert(kpi_index("arrange_mean_h_weekend_holiday") == kpi_index("arrange_mean_h_weekday_daytime") + 3);
static_assert(kpi_index("outcome_unresolved") == kpi_index("outcome_short_stay") + 5);
static_assert(kpi_index("not_arranged_weekend_holiday") == kpi_index("not_arranged_weekday_daytime") + 3);
static_assert(kpi_index("p_no_bed_weekend_holiday") == kpi_index("p_no_bed_weekday_daytime") + 3);

// The KPIs also reported per fiscal year (summary.json `fiscal_years`), with the horizon's definitions: a case
// (call, emergency, outcome, answer, search) counts in the fiscal year of its call, so an emergency called on
// 3/31 and arranged on 4/1 is the earlier year's; a registration, an assessment, an experience stay and overtime
// in the year they happen.
inline constexpr std::array kYearKpis{
    kpi_index("registrations"),      kpi_index("calls"),
    kpi_index("emergencies"),        kpi_index("outcome_handed_over"),
    kpi_index("outcome_unresolved"), kpi_index("callers_abandoned"),
    kpi_index("assessments_done"),   kpi_index("experience_done"),
    kpi_index("overtime_hours"),     kpi_index("answer_mean_min"),
    kpi_index("answer_p90_min"),     kpi_index("callers_abandoned_share"),
    kpi_index("arrange_mean_h"),     kpi_index("arrange_within_4h"),
    kpi_index("not_arranged_share"), kpi_index("p_no_bed"),
    kpi_index("assessment_wait_days_mean"),
};
inline constexpr std::size_t kYearKpiCount = kYearKpis.size();

// One fiscal year's values of kYearKpis (same order); NaN where the year had no case to measure.
struct YearRecord {
  int fiscal_year = 0;
  std::array<double, kYearKpiCount> kpi{};
};

struct MonthRecord {
  int year = 0, month = 0;  // calendar month
  int fiscal_year = 0;
  double registrants_end = 0;
  double registrations = 0;
  double calls = 0;
  double emergencies = 0;
  double arranged = 0;       // emergencies that ended in a safe arrangement (not handed over or unresolved)
  double unresolved = 0;
  double assessments = 0;
  double assessment_backlog_end = 0;
  double experience_done = 0;
  double experience_preempted = 0;
  double cost_yen = 0;
};

struct DayRecord {
  int hub_rooms_in_use_max = 0;
  int hub_rooms_in_use_min = 0;
  int emergency_beds_in_use_max = 0;  // facility beds held by emergency stays
  double short_stay_beds_in_use_mean = 0;
};

// Work beyond the schedule at one center, and what it is paid.
struct ExtraWork {
  double overtime_hours = 0;  // scheduled coordinators working on past the end of their shift
  double overtime_yen = 0;
  double call_outs = 0;       // an on-call coordinator called out
  double call_out_hours = 0;  // from the call-out to the end of the case, travel included
  double call_out_yen = 0;    // fees and hours
};

struct OvertimeRecord {
  int fiscal_year = 0;
  int center = 0;  // index into Scenario::centers
  ExtraWork work;
};

// Coordinator-hours at one center on one duty, by hour of the week (0 = Monday 00:00–01:00).
struct StaffRecord {
  int center = 0;
  int duty = 0;  // index into kDutyKeys
  std::array<double, sim::kHoursPerWeek> scheduled_hours{};  // the center's on-duty hours (the same for each of its duties)
  std::array<double, sim::kHoursPerWeek> busy_hours{};       // at work on this duty within the schedule
  std::array<double, sim::kHoursPerWeek> overtime_hours{};   // at work on this duty beyond it, call-outs included
};

struct CostRecord {
  int fiscal_year = 0;
  std::string line;  // "center_staff", "reserved_beds", ...
  double yen = 0;
};

// How the system coped inside one surge's window (Scenario::surges, same order): emergencies whose call came in
// [start, start + days), surge and ordinary alike.
struct SurgeRecord {
  double emergencies = 0;
  double arranged = 0;             // ended in a safe arrangement (not handed over, not unresolved)
  double arrange_hours_mean = 0;   // call to arrangement, over those arranged; NaN when none was
  double unplaced = 0;             // unresolved: no bed, room or help found
  double searches_without_bed = 0; // facility searches that ended without a bed
  double rooms_full_share = 0;     // share of the window's hours with every hub room in use; NaN without rooms
};

struct ReplicationResult {
  std::uint64_t replication = 0;
  std::array<double, kKpiCount> kpi{};
  std::vector<MonthRecord> months;
  std::vector<YearRecord> years;  // per fiscal year the statistics window touches, in order
  std::vector<DayRecord> days;  // one per day from the horizon's start
  // Busy within the schedule / on duty, all centers, by hour of week; NaN where nobody is on duty.
  std::array<double, sim::kHoursPerWeek> staff_utilisation{};
  std::vector<StaffRecord> staff;         // per center and duty
  std::vector<OvertimeRecord> overtime;   // per fiscal year and center
  std::vector<CostRecord> costs;
  std::vector<SurgeRecord> surges;         // per scenario surge, in file order
  // The parameter values this replication drew, in the order of parameter_names(scenario); empty when the
  // scenario has no uncertain parameters.
  std::vector<double> parameters;
};

}  // namespace kyoten::hub
