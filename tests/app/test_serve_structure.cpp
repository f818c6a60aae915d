// The what-if page's structural levers: which centers are offered the 24 h / day + on-call choice and the
// region routing, and what each choice does to the scenario the loader reads — checked against the shipped
// hand-written plan (setagaya-plan-daytime-oncall) and against staffing counted by hand.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "app/serve_save.hpp"
#include "app/serve_structure.hpp"
#include "cli_test_support.hpp"
#include "scenario/loader.hpp"

namespace kyoten::test {
namespace {

namespace fs = std::filesystem;

// Hour of the week from Monday 00:00.
constexpr int at(int day, int hour) { return day * 24 + hour; }
constexpr int kMonday = 0, kSaturday = 5, kSunday = 6;

// The scenario the loader reads after the page's changes: numeric `--set`s plus the chosen options.
scenario::LoadedScenario with_changes(const fs::path& file, const std::map<std::string, std::string>& chosen,
                                      std::vector<std::string> numeric = {}) {
  const auto loaded = scenario::load_scenario(file);
  const auto structure = app::structure_overrides(loaded, app::choices_for(loaded), numeric, chosen);
  EXPECT_EQ(structure.error, "");
  numeric.insert(numeric.end(), structure.overrides.begin(), structure.overrides.end());
  return scenario::load_scenario(file, numeric);
}

const app::Choice* find(const std::vector<app::Choice>& choices, const std::string& key) {
  for (const auto& c : choices)
    if (c.key == key) return &c;
  return nullptr;
}

TEST(ServeStructure, CentersStaffedAroundTheClockOrOnCallAreOfferedTheScheduleChoice) {
  const auto wardwide = app::choices_for(scenario::load_scenario(scenario_file("setagaya-wardwide.toml")));
  ASSERT_NE(find(wardwide, "centers[0].schedule"), nullptr);
  EXPECT_EQ(find(wardwide, "centers[0].schedule")->value, app::kAllDay);  // staff = all 0–24
  EXPECT_EQ(wardwide.size(), 1u);  // one center: no routing to choose

  // えぽっく: weekdays 9–17 and on call; the two planning offices (weekdays, overflow) are neither
  const auto nishitokyo = app::choices_for(scenario::load_scenario(scenario_file("nishitokyo.toml")));
  ASSERT_NE(find(nishitokyo, "centers[0].schedule"), nullptr);
  EXPECT_EQ(find(nishitokyo, "centers[0].schedule")->value, app::kDayOnCall);
  EXPECT_EQ(find(nishitokyo, "centers[1].schedule"), nullptr);
  EXPECT_EQ(find(nishitokyo, "centers[2].schedule"), nullptr);
  // three regions, each with a select of the three centers, set to the center that serves it
  for (const char* key : {"regions[0].center", "regions[1].center", "regions[2].center"}) {
    ASSERT_NE(find(nishitokyo, key), nullptr) << key;
    EXPECT_EQ(find(nishitokyo, key)->options.size(), 3u) << key;
  }

  // itabashi: weekday offices overflow, the night line leaves Saturday daytime waiting: no schedule choice
  const auto itabashi = app::choices_for(scenario::load_scenario(scenario_file("itabashi.toml")));
  for (const auto& c : itabashi) EXPECT_EQ(c.key.find("schedule"), std::string::npos) << c.key;
}

TEST(ServeStructure, TheScenariosOwnChoicesChangeNothing) {
  const auto loaded = scenario::load_scenario(scenario_file("nishitokyo.toml"));
  const auto choices = app::choices_for(loaded);
  std::map<std::string, std::string> same;
  for (const auto& c : choices) same[c.key] = c.value;
  EXPECT_TRUE(app::structure_overrides(loaded, choices, {}, same).overrides.empty());
}

TEST(ServeStructure, DayAndOnCallGivesTheStaffingOfTheHandWrittenDaytimePlan) {
  // scenarios/setagaya-plan-daytime-oncall.toml was written by hand from setagaya-wardwide: 2 every day and a
  // third on weekdays, 9–18 only; on call otherwise after 1 h at 300 yen an hour.
  const auto switched = with_changes(scenario_file("setagaya-wardwide.toml"), {{"centers[0].schedule", app::kDayOnCall}});
  const auto plan = scenario::load_scenario(scenario_file("setagaya-plan-daytime-oncall.toml"));
  const auto& got = switched.scenario.centers.at(0);
  const auto& want = plan.scenario.centers.at(0);
  EXPECT_EQ(got.staff.hour_of_week, want.staff.hour_of_week);
  EXPECT_EQ(got.staff.holiday, want.staff.holiday);
  EXPECT_EQ(got.on_call_delay_hours, want.on_call_delay_hours);
  EXPECT_EQ(got.on_call_cost_per_hour_yen, want.on_call_cost_per_hour_yen);
  // counted by hand: Monday 10:00 three on site, 20:00 nobody, Sunday 10:00 two, a holiday's 3:00 nobody
  EXPECT_EQ(got.staff.hour_of_week[at(kMonday, 10)], 3);
  EXPECT_EQ(got.staff.hour_of_week[at(kMonday, 20)], 0);
  EXPECT_EQ(got.staff.hour_of_week[at(kSunday, 10)], 2);
  EXPECT_EQ(got.staff.holiday[3], 0);
  // what else the center had stays as it was
  EXPECT_EQ(got.staff_cost_per_hour_yen, 2500);
  EXPECT_EQ(got.min_at_phones, 1);
}

TEST(ServeStructure, ANumericLeverOnAShiftFollowsItIntoTheDaytimeSchedule) {
  const auto switched = with_changes(scenario_file("setagaya-wardwide.toml"), {{"centers[0].schedule", app::kDayOnCall}},
                                     {"centers[0].staff[0].count=3", "centers[0].on_call_delay_hours=0.5"});
  const auto& c = switched.scenario.centers.at(0);
  EXPECT_EQ(c.staff.hour_of_week[at(kMonday, 10)], 4);  // 3 every day + 1 on weekdays
  EXPECT_EQ(c.staff.hour_of_week[at(kSunday, 10)], 3);
  EXPECT_EQ(c.staff.hour_of_week[at(kMonday, 20)], 0);
  EXPECT_EQ(c.on_call_delay_hours, 0.5);  // the planner's own delay, not the default
}

TEST(ServeStructure, AroundTheClockPutsOneCoordinatorOnSiteInEveryHourTheScheduleLeftEmpty) {
  // えぽっく: weekdays 9–17, one coordinator; on call otherwise
  const auto switched = with_changes(scenario_file("nishitokyo.toml"), {{"centers[0].schedule", app::kAllDay}});
  const auto& s = switched.scenario.centers.at(0).staff;
  EXPECT_TRUE(app::every_hour_staffed(s));
  EXPECT_EQ(s.hour_of_week[at(kMonday, 10)], 1);  // the day shift as it was, nobody added
  EXPECT_EQ(s.hour_of_week[at(kMonday, 20)], 1);
  EXPECT_EQ(s.hour_of_week[at(kSaturday, 10)], 1);
  EXPECT_EQ(s.hour_of_week[at(kSunday, 3)], 1);
  EXPECT_EQ(s.holiday[10], 1);
  int staff_hours = 0;
  for (int n : s.hour_of_week) staff_hours += n;
  EXPECT_EQ(staff_hours, 168);  // one person every hour of the week
}

TEST(ServeStructure, RoutingEveryRegionToOneCenterClosesTheOthersButKeepsTheOverflowLine) {
  // five regional offices overflowing to a ward-wide night line; route all five regions to the first office
  const fs::path five = scenario_file("setagaya-plan-five-centers.toml");
  std::map<std::string, std::string> chosen;
  for (int r = 0; r < 5; ++r) chosen[fmt::format("regions[{}].center", r)] = "世田谷地域センター";
  const auto routed = with_changes(five, chosen);
  ASSERT_EQ(routed.scenario.centers.size(), 2u);
  EXPECT_EQ(routed.scenario.centers[0].name, "世田谷地域センター");
  EXPECT_EQ(routed.scenario.centers[0].regions, (std::vector<int>{0, 1, 2, 3, 4}));
  EXPECT_EQ(routed.scenario.centers[1].name, "区全域夜間・休日窓口");  // still the first office's overflow
  EXPECT_TRUE(routed.scenario.centers[1].regions.empty());
}

TEST(ServeStructure, MovingOneRegionChangesOnlyItsCenter) {
  // nishitokyo's regions 北部, 中部, 南部: 中部 → えぽっく, 北部 → the northern office, 南部 → the southern office.
  // Move 北部 to えぽっく.
  const auto moved = with_changes(scenario_file("nishitokyo.toml"), {{"regions[0].center", "基幹相談支援センター（えぽっく）"}});
  const auto& centers = moved.scenario.centers;
  ASSERT_EQ(centers.size(), 2u);  // the northern office serves nothing and nobody overflows to it: closed
  EXPECT_EQ(centers[0].regions, (std::vector<int>{0, 1}));
  EXPECT_EQ(centers[1].name, "計画相談支援事業所（南部）");
  EXPECT_EQ(centers[1].regions, (std::vector<int>{2}));
}

TEST(ServeStructure, ASavedStructuralVariantLoadsBackToTheScenarioThatWasRun) {
  TempDir dir;
  const fs::path original = scenario_file("setagaya-wardwide.toml");
  const auto base = scenario::load_scenario(original);
  const auto structure = app::structure_overrides(base, app::choices_for(base), {"hub.rooms=2"},
                                                  {{"centers[0].schedule", app::kDayOnCall}});
  std::vector<std::string> overrides = {"hub.rooms=2"};
  overrides.insert(overrides.end(), structure.overrides.begin(), structure.overrides.end());
  const auto variant = scenario::load_scenario(original, overrides);
  const std::string text =
      app::variant_file_text(original, dir.path(), app::changed_keys(base.resolved, variant.resolved), "kyoten run …");
  EXPECT_NE(text.find("[[centers]]"), std::string::npos) << text;  // readable blocks, not one long line
  const fs::path file = app::write_variant_file(dir.path(), "on-call", text);
  EXPECT_EQ(scenario::resolved_as_json(scenario::load_scenario(file)), scenario::resolved_as_json(variant));
}

TEST(ServeStructure, InlineTomlReadsBackAsTheSameValue) {
  const toml::table t{{"name", "a \"quoted\" name"},
                      {"weird key", 1},
                      {"list", toml::array{toml::table{{"days", toml::array{"monday", "friday"}}, {"from", 9}}}},
                      {"x", 0.25}};
  const auto back = toml::parse("v = " + app::inline_toml(t));
  EXPECT_EQ(*back["v"].as_table(), t);
}

}  // namespace
}  // namespace kyoten::test
