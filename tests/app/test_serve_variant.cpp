// The what-if page's pieces without HTTP: the levers' allowed ranges agree with the scenario loader, a saved
// variant loads back to exactly the scenario that was run, file names are sanitised, and the overspending
// probability is the run's own (a year simulated in part against its budget pro-rated; hand-worked).
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>

#include "app/serve_answer.hpp"
#include "app/serve_controls.hpp"
#include "app/serve_save.hpp"
#include "cli_test_support.hpp"
#include "scenario/loader.hpp"

namespace kyoten::test {
namespace {

namespace fs = std::filesystem;

std::string number_text(double v) {
  std::ostringstream out;
  out.precision(17);
  out << v;
  return out.str();
}

// Errors the loader reports at `key` when it is set to `value`.
std::size_t errors_at(const fs::path& file, const std::string& key, double value) {
  try {
    scenario::load_scenario(file, {key + "=" + number_text(value)});
  } catch (const InputErrors& e) {
    std::size_t n = 0;
    for (const auto& err : e.errors()) n += err.key == key ? 1 : 0;
    return n;
  }
  return 0;
}

TEST(ServeControls, EveryLeversAllowedRangeIsWhatTheLoaderAccepts) {
  for (const char* name : {"setagaya-wardwide.toml", "large-city-hub.toml", "itabashi.toml"}) {
    const fs::path file = scenario_file(name);
    const auto controls = app::controls_for(scenario::load_scenario(file));
    ASSERT_FALSE(controls.empty()) << name;
    for (const auto& c : controls) {
      SCOPED_TRACE(std::string(name) + " " + c.key);
      const double below = c.allowed.min_open ? c.allowed.min : c.allowed.min - (c.integer ? 1 : 1e-3);
      ASSERT_TRUE(std::isfinite(c.allowed.min));
      EXPECT_GE(errors_at(file, c.key, below), 1u);
      if (!c.allowed.min_open) {
        EXPECT_EQ(errors_at(file, c.key, c.allowed.min), 0u);
      }
      if (std::isfinite(c.allowed.max)) {
        EXPECT_EQ(errors_at(file, c.key, c.allowed.max), 0u);
        EXPECT_GE(errors_at(file, c.key, c.allowed.max + 1), 1u);
      }
      EXPECT_EQ(errors_at(file, c.key, c.value), 0u);  // the current value is allowed
    }
  }
}

TEST(ServeControls, WardwideOffersItsStaffShiftsWagesBedsAndBudgetLines) {
  const auto controls = app::controls_for(scenario::load_scenario(scenario_file("setagaya-wardwide.toml")));
  const auto find = [&](const std::string& key) {
    return std::find_if(controls.begin(), controls.end(), [&](const app::Control& c) { return c.key == key; });
  };
  // values as written in scenarios/setagaya-wardwide.toml
  ASSERT_NE(find("centers[0].staff[0].count"), controls.end());
  EXPECT_EQ(find("centers[0].staff[0].count")->value, 2);
  EXPECT_EQ(find("centers[0].staff[1].count")->value, 1);
  EXPECT_EQ(find("centers[0].staff_cost_per_hour_yen")->value, 2500);
  EXPECT_EQ(find("budget.lines[0].yen")->value, 59'877'000);
  EXPECT_NE(find("facilities[0].reserved_emergency_beds"), controls.end());
}

TEST(ServeControls, AGrowthPathOffersOneLeverPerKnotAndMovingOneMovesThatKnotOnly) {
  const fs::path file = scenario_file("setagaya-wardwide.toml");
  const auto controls = app::controls_for(scenario::load_scenario(file));
  const auto lever = std::find_if(controls.begin(), controls.end(), [](const app::Control& c) {
    return c.key == "registration.expected_registered[1][1]";
  });
  ASSERT_NE(lever, controls.end());
  // as written in scenarios/setagaya-wardwide.toml: ["2025-03-31", 500] (約５００名程度 at the end of FY2024)
  EXPECT_EQ(lever->value, 500);
  EXPECT_NE(lever->label_ja.find("2025-03-31"), std::string::npos);
  const auto moved = scenario::load_scenario(file, {"registration.expected_registered[1][1]=600"});
  const auto& knots = moved.scenario.registration.expected_registered;
  ASSERT_EQ(knots.size(), 4u);
  EXPECT_EQ(knots[0].second, 300);
  EXPECT_EQ(knots[1].second, 600);
  EXPECT_EQ(knots[2].second, 650);
}

TEST(ServeSave, NamesAreReducedToPlainCharacters) {
  EXPECT_EQ(app::sanitise_file_name("../../etc/passwd"), "etc-passwd");
  EXPECT_EQ(app::sanitise_file_name("night 3 staff"), "night-3-staff");
  EXPECT_EQ(app::sanitise_file_name("a/../b"), "a-b");
  EXPECT_EQ(app::sanitise_file_name("夜間３人"), std::nullopt);
  EXPECT_EQ(app::sanitise_file_name(""), std::nullopt);
  EXPECT_EQ(app::sanitise_file_name("...."), std::nullopt);
  EXPECT_EQ(app::sanitise_file_name(std::string(100, 'x'))->size(), 64u);
}

TEST(ServeSave, ASavedVariantHoldsOnlyTheChangesAndLoadsBackToTheSameScenario) {
  TempDir dir;
  const fs::path original = scenario_file("setagaya-wardwide.toml");
  const auto base = scenario::load_scenario(original);
  const std::vector<std::string> overrides = {"centers[0].staff[0].count=3", "budget.lines[0].yen=70000000",
                                              "meta.name=\"three-at-night\""};
  const auto variant = scenario::load_scenario(original, overrides);
  const toml::table changed = app::changed_keys(base.resolved, variant.resolved);
  // centers is an array (replaced whole by `base`), budget.lines too; meta merges key by key
  EXPECT_TRUE(changed.contains("centers"));
  EXPECT_TRUE(changed.contains("budget"));
  EXPECT_FALSE(changed.contains("facilities"));
  EXPECT_FALSE(changed.contains("calls"));
  ASSERT_TRUE(changed["meta"].as_table());
  EXPECT_EQ(changed["meta"].as_table()->size(), 1u);

  const fs::path save_dir = dir.path() / "kept";
  const std::string text = app::variant_file_text(original, save_dir, changed, "kyoten run …");
  const fs::path file = app::write_variant_file(save_dir, "three-at-night", text);
  EXPECT_EQ(file, save_dir / "three-at-night.toml");
  const std::string written = read_text(file);
  // `base` is relative to the saved file's folder, never absolute, and names the original
  const auto at = written.find("base = '");
  ASSERT_NE(at, std::string::npos) << written;
  const std::string base_path = written.substr(at + 8, written.find('\'', at + 8) - at - 8);
  EXPECT_NE(base_path.front(), '/');
  EXPECT_EQ(fs::canonical(save_dir / base_path), fs::canonical(original));
  EXPECT_EQ(written.find(dir.path().string()), std::string::npos);
  const auto reloaded = scenario::load_scenario(file);
  EXPECT_EQ(scenario::resolved_as_json(reloaded), scenario::resolved_as_json(variant));
}

TEST(ServeSave, ARelativeSaveFolderThatDoesNotExistYetStillGetsAWorkingBase) {
  TempDir dir;
  const fs::path original = scenario_file("setagaya-wardwide.toml");
  const auto base = scenario::load_scenario(original);
  const auto variant = scenario::load_scenario(original, {"hub.rooms=2"});
  const fs::path save_dir = fs::relative(dir.path() / "not-yet", fs::current_path());  // as `--save-dir` is given
  ASSERT_TRUE(save_dir.is_relative());
  const std::string text =
      app::variant_file_text(original, save_dir, app::changed_keys(base.resolved, variant.resolved), "kyoten run …");
  const fs::path file = app::write_variant_file(save_dir, "rooms", text);
  EXPECT_EQ(scenario::resolved_as_json(scenario::load_scenario(file)), scenario::resolved_as_json(variant));
}

TEST(ServeAnswer, OverspendingInAYearSimulatedInPartIsAgainstItsBudgetProRated) {
  // Six months of FY2024 (183 of 365 days) against a year's budget of 3,650,000 yen: the costs are compared with
  // 3,650,000 × 183 / 365 = 1,830,000, as `kyoten run` does. Costs 1.0, 1.5, 2.0 and 2.5 million: 2 of 4 over,
  // p = 0.5, Wilson 95% (z = 1.959964): centre 0.5, half-width z/(1+z²/n)·sqrt(p(1−p)/n + z²/(4n²)) = 0.34996.
  // Against the whole year's budget none would be over.
  using namespace std::chrono;
  hub::Scenario sc;
  sc.horizon = {sys_days{2024y / April / 1}, sys_days{2024y / October / 1}, 0};
  sc.budget.lines = {{2024, "center", 3'650'000}};
  std::vector<hub::ReplicationResult> results(4);
  for (std::size_t r = 0; r < results.size(); ++r) {
    results[r].replication = r;
    results[r].costs = {{2024, "center", 1'000'000 + 500'000 * static_cast<double>(r)}};
  }
  const auto answer = app::answer_json(sc, results, results, 1);
  ASSERT_EQ(answer["costs"].size(), 1u);
  const auto& fy = answer["costs"][0];
  EXPECT_EQ(fy["fiscal_year"], 2024);
  EXPECT_DOUBLE_EQ(fy["budget_yen"].get<double>(), 3'650'000);
  EXPECT_DOUBLE_EQ(fy["budget_compared_yen"].get<double>(), 1'830'000);
  EXPECT_EQ(fy["days_simulated"], 183);
  EXPECT_EQ(fy["days_in_year"], 365);
  EXPECT_DOUBLE_EQ(fy["overspend"]["share"].get<double>(), 0.5);
  EXPECT_NEAR(fy["overspend"]["ci_low"].get<double>(), 0.15004, 1e-4);
  EXPECT_NEAR(fy["overspend"]["ci_high"].get<double>(), 0.84996, 1e-4);
}

TEST(ServeAnswer, AYearWithoutABudgetLineHasNoOverspendFigure) {
  using namespace std::chrono;
  hub::Scenario sc;
  sc.horizon = {sys_days{2024y / April / 1}, sys_days{2025y / April / 1}, 0};
  std::vector<hub::ReplicationResult> results(2);
  for (auto& r : results) r.costs = {{2024, "center", 1'000'000}};
  const auto answer = app::answer_json(sc, results, results, 1);
  ASSERT_EQ(answer["costs"].size(), 1u);
  EXPECT_TRUE(answer["costs"][0]["budget_yen"].is_null());
  EXPECT_TRUE(answer["costs"][0]["overspend"].is_null());
}

}  // namespace
}  // namespace kyoten::test
