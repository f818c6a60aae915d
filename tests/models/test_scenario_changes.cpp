// Plans that change by date ([[changes]], scenario/plan_changes.hpp): how a change merges over the plan
// before it, which plan each date gets, facilities and emergency places joining and changing at stable indices,
// the run's budget,
// `--set` on the plan and on a change, and uncertain values shared or drawn anew. Each expectation is worked
// out by hand from the small files written here.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "models/hub/parameter_draws.hpp"
#include "scenario/loader.hpp"
#include "scenario/plan_changes.hpp"

namespace {

namespace fs = std::filesystem;
using kyoten::scenario::load_scenario;
using kyoten::hub::Scenario;

class PlanChanges : public ::testing::Test {
 protected:
  fs::path dir_ = fs::temp_directory_path() / ("kyoten_changes_" + std::to_string(::getpid()) + "_" +
                                               ::testing::UnitTest::GetInstance()->current_test_info()->name());
  const fs::path valid_base_ = fs::path(KYOTEN_SOURCE_DIR) / "tests" / "data" / "bad_scenarios" / "_valid_base.toml";
  void SetUp() override { fs::create_directories(dir_); }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path write(const std::string& text) {
    const fs::path file = dir_ / "scenario.toml";
    std::ofstream(file) << "base = \"" << valid_base_.string() << "\"\n" << text;
    return file;
  }
};

// Weekday 10:00 (Monday is hour 0 of the week).
constexpr int kMonday10 = 10;

TEST(ApplyChange, MatchesNamedEntriesAndBudgetLinesAndMergesTablesKeyByKey) {
  auto plan = toml::parse(std::string_view{
      "[calls]\nper_registrant_per_year = 0.5\nunregistered_per_year = 4\n"
      "[[centers]]\nname = \"a\"\nstaff_cost_per_hour_yen = 2500\nstaff = [1, 2]\n"
      "[[centers]]\nname = \"b\"\nstaff_cost_per_hour_yen = 2000\n"
      "[[budget.lines]]\nfiscal_year = 2023\nline = \"center\"\nyen = 1\n"});
  auto change = toml::parse(std::string_view{
      "[calls]\nper_registrant_per_year = 0.8\n"
      "[[centers]]\nname = \"b\"\nstaff = [3]\n"
      "[[budget.lines]]\nfiscal_year = 2023\nline = \"center\"\nyen = 2\n"
      "[[budget.lines]]\nfiscal_year = 2024\nline = \"center\"\nyen = 3\n"});
  kyoten::scenario::apply_change(plan, std::move(change));
  EXPECT_EQ(plan["calls"]["per_registrant_per_year"].value<double>(), 0.8);
  EXPECT_EQ(plan["calls"]["unregistered_per_year"].value<int>(), 4);  // kept: tables merge key by key
  const auto* centers = plan["centers"].as_array();
  ASSERT_EQ(centers->size(), 2u);                                      // matched by name, none added
  EXPECT_EQ(plan["centers"][0]["staff"].as_array()->size(), 2u);       // center a untouched
  EXPECT_EQ(plan["centers"][1]["staff"].as_array()->size(), 1u);       // b's staff replaced whole
  EXPECT_EQ(plan["centers"][1]["staff_cost_per_hour_yen"].value<int>(), 2000);  // b's wage kept
  const auto* lines = plan["budget"]["lines"].as_array();
  ASSERT_EQ(lines->size(), 2u);  // FY2023 center restated, FY2024 added
  EXPECT_EQ(plan["budget"]["lines"][0]["yen"].value<int>(), 2);
  EXPECT_EQ(plan["budget"]["lines"][1]["fiscal_year"].value<int>(), 2024);
}

TEST_F(PlanChanges, EachChangeGetsTheWholePlanInForceFromItsDate) {
  const auto file = write(
      "[[changes]]\nfrom = 2024-07-01\nreason = \"wage rise\"\n"
      "[[changes.centers]]\nname = \"main\"\nstaff_cost_per_hour_yen = 2800\n"
      "[[changes]]\nfrom = 2024-10-01\nreason = \"second coordinator by day\"\n"
      "[[changes.centers]]\nname = \"main\"\n"
      "staff = [ { days = \"all\", from = 0, to = 24, count = 1 }, { days = \"weekdays\", from = 9, to = 17, count = 1 } ]\n"
      "[changes.calls]\nper_registrant_per_year = 0.8\n");
  const Scenario s = load_scenario(file).scenario;
  ASSERT_EQ(s.changes.size(), 2u);
  EXPECT_EQ(s.changes[0].from, kyoten::hub::Date{std::chrono::year{2024} / 7 / 1});
  EXPECT_EQ(s.changes[0].reason, "wage rise");
  // From the start: the base's one coordinator at 2,500 yen and 0.5 calls per registrant-year.
  EXPECT_EQ(s.centers[0].staff.on_duty(false, kMonday10), 1);
  EXPECT_EQ(s.centers[0].staff_cost_per_hour_yen, 2500);
  // From 2024-07-01: the wage changes, nothing else.
  EXPECT_EQ(s.changes[0].plan.centers[0].staff_cost_per_hour_yen, 2800);
  EXPECT_EQ(s.changes[0].plan.centers[0].staff.on_duty(false, kMonday10), 1);
  EXPECT_EQ(s.changes[0].plan.calls.per_registrant_per_year, 0.5);
  // From 2024-10-01: the second change over the first — the 2,800 yen wage carries on.
  EXPECT_EQ(s.changes[1].plan.centers[0].staff_cost_per_hour_yen, 2800);
  EXPECT_EQ(s.changes[1].plan.centers[0].staff.on_duty(false, kMonday10), 2);
  EXPECT_EQ(s.changes[1].plan.centers[0].staff.on_duty(false, 2), 1);  // Monday 02:00
  EXPECT_EQ(s.changes[1].plan.calls.per_registrant_per_year, 0.8);
  // Fixed for the run: the later plans keep the horizon and regions.
  EXPECT_EQ(s.changes[1].plan.horizon.end, s.horizon.end);
  EXPECT_EQ(s.changes[1].plan.regions.size(), 2u);
  EXPECT_TRUE(s.changes[1].plan.changes.empty());
}

TEST_F(PlanChanges, FacilitiesJoinAndLeaveAtTheSameIndexInEveryPlan) {
  const auto file = write(
      "[[changes]]\nfrom = 2024-07-01\nreason = \"D joins, A has fewer beds\"\n"
      "[[changes.facilities]]\nname = \"D\"\nregion = \"世田谷\"\nbeds = 5\n"
      "[[changes.facilities]]\nname = \"A\"\nbeds = 2\n"
      "[[changes]]\nfrom = 2025-01-01\nreason = \"B leaves\"\n"
      "[[changes.facilities]]\nname = \"B\"\nleaves = true\n");
  const Scenario s = load_scenario(file).scenario;
  // The base lists A (4 beds), B (6), C (3); D joins as the fourth.
  ASSERT_EQ(s.facilities.size(), 4u);
  EXPECT_EQ(s.facilities[3].name, "D");
  EXPECT_FALSE(s.facilities[3].in_service);  // not yet joined
  EXPECT_EQ(s.facilities[3].beds, 5);        // as it will be when it joins
  EXPECT_TRUE(s.facilities[0].in_service);
  EXPECT_EQ(s.facilities[0].beds, 4);
  const auto& mid = s.changes[0].plan.facilities;
  ASSERT_EQ(mid.size(), 4u);
  EXPECT_TRUE(mid[3].in_service);
  EXPECT_EQ(mid[0].beds, 2);
  EXPECT_EQ(mid[0].planned_occupancy, 0.8);  // A's other values, [facility_defaults] included, are kept
  EXPECT_TRUE(mid[1].in_service);
  const auto& last = s.changes[1].plan.facilities;
  ASSERT_EQ(last.size(), 4u);
  EXPECT_FALSE(last[1].in_service);  // B left
  EXPECT_EQ(last[1].name, "B");
  EXPECT_EQ(last[0].beds, 2);  // A's reduction carries on
  EXPECT_TRUE(last[3].in_service);
}

TEST_F(PlanChanges, EmergencyPlacesJoinChangeAndLeaveAtTheSameIndexInEveryPlan) {
  // A spare room from the start; a vacant house joins on 2024-10-01, when the room grows to two places; on
  // 2025-01-01 the room leaves. Before it joins, the house is listed out of service (taking nobody, costing
  // nothing) as it will be when it joins, so every plan has both at the same index.
  const auto file = write(
      "[[emergency_places]]\nname = \"room\"\nkind = \"spare_room\"\nplaces = 1\ncontact_minutes = 10\n"
      "[[changes]]\nfrom = 2024-10-01\nreason = \"the ward rents a vacant house\"\n"
      "[[changes.emergency_places]]\nname = \"house\"\nkind = \"vacant_house\"\nplaces = 3\ncontact_minutes = 20\n"
      "fixed_cost_per_year_yen = 1200000\n"
      "[[changes.emergency_places]]\nname = \"room\"\nplaces = 2\n"
      "[[changes]]\nfrom = 2025-01-01\nreason = \"the room is needed for residents\"\n"
      "[[changes.emergency_places]]\nname = \"room\"\nleaves = true\n");
  const Scenario s = load_scenario(file).scenario;
  ASSERT_EQ(s.emergency_places.size(), 2u);
  EXPECT_TRUE(s.emergency_places[0].in_service);
  EXPECT_EQ(s.emergency_places[0].places, 1);
  EXPECT_EQ(s.emergency_places[1].name, "house");
  EXPECT_FALSE(s.emergency_places[1].in_service);  // not yet joined
  EXPECT_EQ(s.emergency_places[1].places, 3);      // as it will be when it joins
  const auto& mid = s.changes[0].plan.emergency_places;
  ASSERT_EQ(mid.size(), 2u);
  EXPECT_EQ(mid[0].places, 2);
  EXPECT_EQ(mid[0].kind, kyoten::hub::PlaceKind::SpareRoom);
  EXPECT_EQ(mid[0].contact_minutes.mean(), 10);  // the room's other values are kept
  EXPECT_TRUE(mid[1].in_service);
  EXPECT_EQ(mid[1].fixed_cost_per_year_yen, 1'200'000);
  const auto& last = s.changes[1].plan.emergency_places;
  ASSERT_EQ(last.size(), 2u);
  EXPECT_FALSE(last[0].in_service);  // the room left
  EXPECT_EQ(last[0].places, 2);
  EXPECT_TRUE(last[1].in_service);   // the house carries on
}

TEST_F(PlanChanges, TheRunsBudgetIsEveryLineStatedWithALaterStatementWinning) {
  const auto file = write(
      "[[budget.lines]]\nfiscal_year = 2024\nline = \"center\"\nyen = 100\n"
      "[[changes]]\nfrom = 2024-10-01\nreason = \"supplementary budget\"\n"
      "[[changes.budget.lines]]\nfiscal_year = 2024\nline = \"center\"\nyen = 150\n"
      "[[changes.budget.lines]]\nfiscal_year = 2025\nline = \"center\"\nyen = 160\n");
  const Scenario s = load_scenario(file).scenario;
  ASSERT_EQ(s.budget.lines.size(), 2u);
  EXPECT_EQ(s.budget.lines[0].fiscal_year, 2024);
  EXPECT_EQ(s.budget.lines[0].yen, 150);
  EXPECT_EQ(s.budget.lines[1].fiscal_year, 2025);
  EXPECT_EQ(s.budget.lines[1].yen, 160);
}

TEST_F(PlanChanges, SetChangesThePlanAndWhatInheritsItOrOneChangeOnly) {
  const auto file = write(
      "[[changes]]\nfrom = 2024-07-01\nreason = \"more calls\"\n"
      "[changes.calls]\nper_registrant_per_year = 0.8\n"
      "[[changes]]\nfrom = 2024-10-01\nreason = \"wage rise\"\n"
      "[[changes.centers]]\nname = \"main\"\nstaff_cost_per_hour_yen = 2800\n");
  const Scenario plan = load_scenario(file, {"centers[0].on_call_cost_per_hour_yen=300"}).scenario;
  EXPECT_EQ(plan.centers[0].on_call_cost_per_hour_yen, 300);
  EXPECT_EQ(plan.changes[0].plan.centers[0].on_call_cost_per_hour_yen, 300);  // inherited
  EXPECT_EQ(plan.changes[1].plan.centers[0].on_call_cost_per_hour_yen, 300);
  const Scenario one = load_scenario(file, {"changes[1].centers.main.staff_cost_per_hour_yen=3000"}).scenario;
  EXPECT_EQ(one.centers[0].staff_cost_per_hour_yen, 2500);
  EXPECT_EQ(one.changes[0].plan.centers[0].staff_cost_per_hour_yen, 2500);
  EXPECT_EQ(one.changes[1].plan.centers[0].staff_cost_per_hour_yen, 3000);
  const Scenario moved = load_scenario(file, {"changes[0].from=2024-08-01"}).scenario;
  EXPECT_EQ(moved.changes[0].from, kyoten::hub::Date{std::chrono::year{2024} / 8 / 1});
}

TEST_F(PlanChanges, AnInheritedDistributionSharesItsDrawAndARestatedOneIsDrawnOnItsOwn) {
  const auto file = write(
      "[calls]\nunregistered_per_year = { dist = \"gamma\", shape = 4, rate = 1 }\n"
      "p_handover = { dist = \"beta\", a = 2, b = 8 }\nhandover_minutes = 30\n"
      "[[changes]]\nfrom = 2024-10-01\nreason = \"rollout\"\n"
      "[changes.calls]\np_handover = { dist = \"beta\", a = 8, b = 2 }\n");
  const Scenario s = load_scenario(file).scenario;
  // unregistered_per_year (inherited), p_handover (initial plan) and changes[0].calls.p_handover (restated).
  ASSERT_EQ(s.uncertain.size(), 3u);
  std::vector<std::string> names = kyoten::hub::parameter_names(s);
  EXPECT_NE(std::find(names.begin(), names.end(), "changes[0].calls.p_handover"), names.end());
  std::vector<double> drawn;
  const Scenario d = kyoten::hub::draw_parameters(s, 7, 0, drawn);
  ASSERT_EQ(drawn.size(), 3u);
  EXPECT_EQ(d.changes[0].plan.calls.unregistered_per_year, d.calls.unregistered_per_year);  // one draw
  EXPECT_NE(d.changes[0].plan.calls.p_handover, d.calls.p_handover);  // two draws
  const auto restated = std::find(names.begin(), names.end(), "changes[0].calls.p_handover") - names.begin();
  EXPECT_EQ(d.changes[0].plan.calls.p_handover, drawn[static_cast<std::size_t>(restated)]);
}

TEST(ShippedChanges, SetagayaTrialToWardWideIsThreePlansInOneRun) {
  const auto file = fs::path(KYOTEN_SOURCE_DIR) / "scenarios" / "setagaya-fy2023-to-fy2026.toml";
  const Scenario s = load_scenario(file).scenario;
  ASSERT_EQ(s.changes.size(), 2u);
  EXPECT_EQ(s.changes[0].from, kyoten::hub::Date{std::chrono::year{2024} / 1 / 1});
  EXPECT_EQ(s.changes[1].from, kyoten::hub::Date{std::chrono::year{2024} / 4 / 1});
  // 常時2名体制 throughout; a third coordinator on weekday daytime from April 2024 (seed 000 3.).
  EXPECT_EQ(s.centers[0].staff.on_duty(false, kMonday10), 2);
  EXPECT_EQ(s.changes[0].plan.centers[0].staff.on_duty(false, kMonday10), 2);
  EXPECT_EQ(s.changes[1].plan.centers[0].staff.on_duty(false, kMonday10), 3);
  EXPECT_EQ(s.changes[1].plan.centers[0].staff.on_duty(false, 2), 2);
  // Ward-wide call shares from January 2024 (as setagaya-wardwide.toml).
  EXPECT_NEAR(s.calls.band_share[0], 0.708333, 1e-9);
  EXPECT_NEAR(s.changes[0].plan.calls.band_share[0], 0.66, 1e-9);
  // FY2023 and FY2024 budget lines (seed 000 5.): center 53,532 and 59,877 thousand yen.
  double center_2023 = 0, center_2024 = 0;
  for (const auto& line : s.budget.lines) {
    if (line.line == "center" && line.fiscal_year == 2023) center_2023 = line.yen;
    if (line.line == "center" && line.fiscal_year == 2024) center_2024 = line.yen;
  }
  EXPECT_EQ(center_2023, 53'532'000);
  EXPECT_EQ(center_2024, 59'877'000);
}

}  // namespace
