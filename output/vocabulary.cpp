#include "output/vocabulary.hpp"

#include <array>
#include <ostream>
#include <string_view>

#include "models/hub/cost_ledger.hpp"
#include "models/hub/duties.hpp"
#include "models/hub/results.hpp"

namespace kyoten::output {
namespace {

using json = nlohmann::ordered_json;

struct Label {
  const char* ja;
  const char* en;
};

// In the order of hub::kCostLineKeys (the budget lines a scenario may name).
constexpr std::array<Label, hub::kCostLines> kCostLineLabels = {{
    {"拠点・センター運営（人件費・委託）", "Center (staff, on call, contract)"},
    {"空床確保料", "Reserved beds"},
    {"緊急短期入所の上乗せ", "Emergency stays"},
    {"拠点緊急居室", "Hub emergency rooms"},
    {"在宅支援（専門サポーター等）", "Specialist supporters (help at home)"},
    {"介護タクシー", "Care taxi"},
    {"体験利用", "Experience stays"},
    {"アセスメント", "Assessments"},
    {"専門的人材の養成（研修）", "Specialist training"},
    {"体験の機会・場（助言）", "Experience-stay advice"},
    {"緊急一時保護（協定介護施設・空き家等）", "Emergency places (elderly-care agreement, vacant houses, spare rooms)"},
}};

// In the order of hub::kTimeBandKeys.
constexpr std::array<Label, hub::kTimeBands> kTimeBandLabels = {{
    {"平日日中", "Weekday daytime"},
    {"平日夜間", "Weekday evening"},
    {"平日深夜", "Weekday night"},
    {"土日祝", "Weekends & holidays"},
}};

// In the order of hub::kOutcomeKeys.
constexpr std::array<Label, hub::kOutcomes> kOutcomeLabels = {{
    {"短期入所", "Short stay"},
    {"拠点緊急居室", "Hub emergency room"},
    {"在宅支援（ヘルパー等）", "Help at home"},
    {"緊急一時保護（協定介護施設・空き家等）", "Emergency place (elderly-care agreement, vacant house, spare room)"},
    {"保健福祉課へ引継ぎ", "Handed over to case workers"},
    {"未解決", "Unresolved"},
}};

// staff_utilisation.csv's duty `all`, then hub::kDutyKeys in order.
constexpr Label kAllDutiesLabel = {"全業務", "All duties"};
constexpr std::array<Label, hub::kDuties> kDutyLabels = {{
    {"相談・問合せ", "Inquiries"},
    {"緊急時の調整", "Emergency coordination"},
    {"アセスメント", "Assessments"},
    {"利用登録受付（面談）", "Registration intake"},
    {"付添", "Escort to the facility"},
    {"利用開始後の確認連絡", "Follow-up contacts"},
    {"関係機関との連絡・調整", "Liaison with agencies"},
    {"連絡会", "Liaison meeting"},
    {"安心支援プランの作成", "Advance plans (安心支援プラン)"},
}};

// A list longer than its labels compiles with empty entries: a new cost line, outcome or duty must come with its
// words, or the build stops here.
template <std::size_t N>
constexpr bool all_labelled(const std::array<Label, N>& labels) {
  for (const Label& l : labels)
    if (l.ja == nullptr || l.en == nullptr) return false;
  return true;
}
static_assert(all_labelled(kCostLineLabels), "every cost line needs its ja and en label");
static_assert(all_labelled(kTimeBandLabels), "every time band needs its ja and en label");
static_assert(all_labelled(kOutcomeLabels), "every outcome needs its ja and en label");
static_assert(all_labelled(kDutyLabels), "every duty needs its ja and en label");

// How a stored value is shown: multiplied by `scale`, followed by the unit word.
struct UnitDisplay {
  const char* unit;
  double scale;
  Label shown;
};
constexpr std::array<UnitDisplay, 5> kUnitDisplays = {{
    {"share", 100.0, {"%", "%"}},
    {"minutes", 1.0, {"分", "min"}},
    {"hours", 1.0, {"時間", "h"}},
    {"days", 1.0, {"日", "days"}},
    {"yen", 1e-3, {"千円", "thousand yen"}},
}};

// What a "count" KPI counts; any count KPI not listed counts cases (件).
constexpr Label kCases = {"件", "cases"};
constexpr Label kPersons = {"人", "persons"};
struct CountNoun {
  std::size_t kpi;
  Label noun;
};
constexpr std::array<CountNoun, 8> kCountNouns = {{
    {hub::kpi_id("registrants_end"), kPersons},
    {hub::kpi_id("registrations"), kPersons},
    {hub::kpi_id("leavers"), kPersons},
    {hub::kpi_id("assessment_backlog_mean"), kPersons},
    {hub::kpi_id("assessment_backlog_end"), kPersons},
    {hub::kpi_id("contacts_per_search"), {"施設", "facilities"}},
    {hub::kpi_id("home_help_dispatches"), {"回", "dispatches"}},
    {hub::kpi_id("care_taxi_trips"), {"回", "trips"}},
}};

void add_label(json& j, const Label& l) {
  j["label_ja"] = l.ja;
  j["label_en"] = l.en;
}

json shown_unit(std::size_t kpi) {
  const std::string_view unit = hub::kKpis[kpi].unit;
  for (const UnitDisplay& u : kUnitDisplays)
    if (unit == u.unit) return {{"scale", u.scale}, {"ja", u.shown.ja}, {"en", u.shown.en}};
  Label noun = kCases;
  for (const CountNoun& c : kCountNouns)
    if (c.kpi == kpi) noun = c.noun;
  return {{"scale", 1.0}, {"ja", noun.ja}, {"en", noun.en}};
}

template <std::size_t N>
json keyed(const std::array<const char*, N>& keys, const std::array<Label, N>& labels) {
  json list = json::array();
  for (std::size_t i = 0; i < N; ++i) {
    json item = {{"key", keys[i]}};
    add_label(item, labels[i]);
    list.push_back(std::move(item));
  }
  return list;
}

}  // namespace

json vocabulary_json() {
  json j = json::object();
  json kpis = json::array();
  for (std::size_t k = 0; k < hub::kKpiCount; ++k) {
    const hub::KpiInfo& info = hub::kKpis[k];
    kpis.push_back({{"key", info.key},
                    {"label_ja", info.label_ja},
                    {"label_en", info.label_en},
                    {"unit", info.unit},
                    {"headline", info.headline},
                    {"shown", shown_unit(k)}});
  }
  j["kpis"] = std::move(kpis);
  j["cost_lines"] = keyed(hub::kCostLineKeys, kCostLineLabels);
  j["time_bands"] = keyed(hub::kTimeBandKeys, kTimeBandLabels);
  j["outcomes"] = keyed(hub::kOutcomeKeys, kOutcomeLabels);
  json duties = json::array();
  json all = {{"key", "all"}};
  add_label(all, kAllDutiesLabel);
  duties.push_back(std::move(all));
  for (json& d : keyed(hub::kDutyKeys, kDutyLabels)) duties.push_back(std::move(d));
  j["duties"] = std::move(duties);
  json units = json::array();
  // A count without a noun of its own counts cases.
  units.push_back({{"unit", "count"}, {"scale", 1.0}, {"ja", kCases.ja}, {"en", kCases.en}});
  for (const UnitDisplay& u : kUnitDisplays)
    units.push_back({{"unit", u.unit}, {"scale", u.scale}, {"ja", u.shown.ja}, {"en", u.shown.en}});
  j["units"] = std::move(units);
  return j;
}

void write_vocabulary_json(std::ostream& out) { out << vocabulary_json().dump(2) << '\n'; }

json settings_used_json(const hub::Scenario& scenario) {
  const hub::TimeBandHours& bh = scenario.calls.band_hours;
  json facilities = json::array();
  int beds = 0, reserved = 0;
  for (const hub::Facility& f : scenario.facilities) {
    // A facility that joins at a later dated change is listed but not in service at the start.
    if (!f.in_service) continue;
    beds += f.beds;
    reserved += f.reserved_emergency_beds;
    const bool has_region = f.region >= 0 && f.region < static_cast<int>(scenario.regions.size());
    facilities.push_back({{"name", f.name},
                          {"region", has_region ? json(scenario.regions[f.region].name) : json(nullptr)},
                          {"beds", f.beds},
                          {"reserved_emergency_beds", f.reserved_emergency_beds},
                          {"planned_occupancy", f.planned_occupancy},
                          {"medical_care", f.medical_care},
                          {"behavioural", f.behavioural},
                          {"children", f.children},
                          {"experience_stays", f.experience_stays}});
  }
  return {{"band_hours",
           {{"day_start", bh.day_start}, {"evening_start", bh.evening_start}, {"night_start", bh.night_start}}},
          {"warmup_days", scenario.horizon.warmup_days},
          {"assessment",
           {{"grace_days", scenario.assessment.grace_days},
            {"reassessment_interval_days", scenario.assessment.reassessment_interval_days}}},
          {"experience", {{"lead_days", scenario.experience.lead_days}}},
          {"hub_rooms", scenario.hub.rooms},
          {"beds", beds},
          {"reserved_emergency_beds", reserved},
          {"facilities", std::move(facilities)}};
}

}  // namespace kyoten::output
