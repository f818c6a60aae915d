// vocabulary.json and summary.json `settings_used` (output/vocabulary.hpp): every key the results use, with
// its two labels and shown unit, in the order the results use them; and the settings as the model ran them.
#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <string>

#include "models/hub/cost_ledger.hpp"
#include "models/hub/duties.hpp"
#include "models/hub/results.hpp"
#include "output/vocabulary.hpp"

namespace kyoten::output {
namespace {

using json = nlohmann::ordered_json;

const json& entry(const json& list, const std::string& key) {
  for (const json& e : list)
    if (e["key"] == key) return e;
  throw std::out_of_range("no entry " + key);
}

TEST(Vocabulary, ListsEveryKpiOnceInTheOrderOfTheKpiColumns) {
  const json v = vocabulary_json();
  ASSERT_EQ(v["kpis"].size(), hub::kKpiCount);
  for (std::size_t k = 0; k < hub::kKpiCount; ++k) {
    EXPECT_EQ(v["kpis"][k]["key"], hub::kKpis[k].key);
    EXPECT_FALSE(v["kpis"][k]["label_ja"].get<std::string>().empty());
    EXPECT_FALSE(v["kpis"][k]["label_en"].get<std::string>().empty());
  }
}

TEST(Vocabulary, ShowsSharesInPercentYenInThousandsAndSaysWhatACountCounts) {
  const json v = vocabulary_json();
  // docs/results-format.md: shares are stored in [0, 1] and shown in %, yen shown in 千円.
  EXPECT_EQ(entry(v["kpis"], "p_no_bed")["shown"], (json{{"scale", 100.0}, {"ja", "%"}, {"en", "%"}}));
  EXPECT_EQ(entry(v["kpis"], "cost_total_yen")["shown"], (json{{"scale", 0.001}, {"ja", "千円"}, {"en", "thousand yen"}}));
  EXPECT_EQ(entry(v["kpis"], "registrants_end")["shown"]["ja"], "人");
  EXPECT_EQ(entry(v["kpis"], "calls")["shown"]["en"], "cases");
  EXPECT_EQ(entry(v["kpis"], "care_taxi_trips")["shown"]["en"], "trips");
  EXPECT_EQ(entry(v["kpis"], "arrange_mean_h")["shown"]["ja"], "時間");
}

TEST(Vocabulary, LabelsEveryCostLineBandOutcomeAndDutyKeyTheResultsUse) {
  const json v = vocabulary_json();
  auto keys = [](const json& list) {
    std::vector<std::string> out;
    for (const json& e : list) {
      EXPECT_NE(e["label_ja"], e["label_en"]) << e["key"];
      out.push_back(e["key"]);
    }
    return out;
  };
  EXPECT_EQ(keys(v["cost_lines"]), std::vector<std::string>(hub::kCostLineKeys.begin(), hub::kCostLineKeys.end()));
  EXPECT_EQ(keys(v["time_bands"]), std::vector<std::string>(hub::kTimeBandKeys.begin(), hub::kTimeBandKeys.end()));
  EXPECT_EQ(keys(v["outcomes"]), std::vector<std::string>(hub::kOutcomeKeys.begin(), hub::kOutcomeKeys.end()));
  // staff_utilisation.csv writes the duty `all` before the duties (docs/results-format.md).
  std::vector<std::string> duties{"all"};
  duties.insert(duties.end(), hub::kDutyKeys.begin(), hub::kDutyKeys.end());
  EXPECT_EQ(keys(v["duties"]), duties);
  EXPECT_EQ(entry(v["time_bands"], "weekend_holiday")["label_ja"], "土日祝");
}

TEST(SettingsUsed, WritesTheDefaultsTheScenarioLeftUnstatedAndOnlyTheFacilitiesInService) {
  hub::Scenario s;  // nothing stated: scenarios/README.md gives 9/17/22, 90 and 365 days, 14 days
  s.regions = {{"north", 1}, {"south", 1}};
  auto facility = [](const char* name, int region, int beds, int reserved) {
    hub::Facility f;
    f.name = name;
    f.region = region;
    f.beds = beds;
    f.reserved_emergency_beds = reserved;
    return f;
  };
  s.facilities = {facility("A", 1, 6, 1), facility("B", 0, 4, 2), facility("later", 0, 10, 5)};
  s.facilities[0].planned_occupancy = 0.8;
  s.facilities[2].in_service = false;  // joins at a dated change
  s.hub.rooms = 3;
  const json u = settings_used_json(s);
  EXPECT_EQ(u["band_hours"], (json{{"day_start", 9}, {"evening_start", 17}, {"night_start", 22}}));
  EXPECT_EQ(u["assessment"]["grace_days"], 30.0);  // the documented default deadline (scenarios/README.md)
  EXPECT_EQ(u["assessment"]["reassessment_interval_days"], 365.0);
  EXPECT_EQ(u["experience"]["lead_days"], 14.0);
  EXPECT_EQ(u["hub_rooms"], 3);
  EXPECT_EQ(u["beds"], 10);  // 6 + 4; the facility not yet in service is left out
  EXPECT_EQ(u["reserved_emergency_beds"], 3);
  ASSERT_EQ(u["facilities"].size(), 2U);
  EXPECT_EQ(u["facilities"][0]["region"], "south");
  EXPECT_EQ(u["facilities"][0]["planned_occupancy"], 0.8);
  EXPECT_EQ(u["facilities"][1]["children"], true);
}

}  // namespace
}  // namespace kyoten::output
