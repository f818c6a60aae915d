// `kyoten optimize` on a case whose answer is known by hand. With every call an emergency needing a bed, a facility
// that always says yes when a bed is free, no planned load, no fallback and instant coordination, the facility is an
// M/G/c/c loss system: the share of emergencies finding no bed is Erlang B(a, c) for offered load a = λ × mean stay,
// whatever the stay's distribution. So "the fewest beds with P(no bed) <= 5%" is the smallest c with
// B(a, c) <= 0.05 (models/queueing/closed_forms.hpp).
//
// Cost: every bed is reserved for emergencies (reserved_emergency_beds = beds) at a daily fee, so the total cost is
// exactly fee × beds × days: "cheapest" means "fewest beds", with no noise. The search space moves beds and reserved
// beds together (`--space 'beds=…;reserved=…'`). The load a = 1.15 erlangs puts the answer at c = 4 away from a
// knife-edge: B(1.15, 3) = 0.083 and B(1.15, 4) = 0.023 are both far from 0.05 for 2-year replications.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_test_support.hpp"
#include "models/queueing/closed_forms.hpp"

namespace kyoten::test {
namespace {

constexpr double kCallsPerYear = 120;
constexpr double kStayDays = 3.5;
constexpr int kMaxBeds = 8;
constexpr double kTarget = 0.05;

// One region, one center with far more staff than calls, one facility; Erlang B's assumptions and nothing else.
constexpr const char* kLossSystem = R"(
[meta]
name = "erlang-b-beds"

[horizon]
start = 2024-04-01
end = 2026-04-01
warmup_days = 28  # stays last 3.5 days: the beds reach their stationary load well within 4 weeks

[[regions]]
name = "A"

[registration]
expected_registered = [["2024-01-01", 0], ["2026-04-01", 0]]  # nobody registered: all calls come from outside

[assessment]
staff_hours = 1

[calls]
per_registrant_per_year = 0
unregistered_per_year = 120
# Shares proportional to each band's weekly hours (40, 25, 55, 48 of 168): a flat arrival rate.
band_share = { weekday_daytime = 0.238095, weekday_evening = 0.148810, weekday_night = 0.327381, weekend_holiday = 0.285714 }
emergency_share = { weekday_daytime = 1, weekday_evening = 1, weekday_night = 1, weekend_holiday = 1 }
inquiry_minutes = 10
need_weights = { short_stay = 1 }

[[centers]]
name = "center"
regions = ["A"]
staff = [ { days = "all", from = 0, to = 24, count = 50 } ]
staff_cost_per_hour_yen = 0

[[facilities]]
name = "F"
region = "A"
beds = 8
reserved_emergency_beds = 8
reserved_bed_fee_per_day_yen = 10_000
planned_occupancy = 0
acceptance = { base = { weekday_daytime = 1, weekday_evening = 1, weekday_night = 1, weekend_holiday = 1 } }
contact_minutes_day = 0
contact_minutes_other = 0

[stays]
emergency_need_days = 3.5

[search]
fallbacks = []
)";

std::string beds_space() {
  std::string beds, reserved;
  for (int c = 1; c <= kMaxBeds; ++c) {
    beds += (c > 1 ? "," : "") + std::to_string(c);
    reserved += (c > 1 ? "," : "") + std::to_string(c);
  }
  return shell_quoted("facilities[0].beds=" + beds + ";facilities[0].reserved_emergency_beds=" + reserved);
}

TEST(CliOptimize, FindsTheFewestBedsThatErlangBSays) {
  const double a = kCallsPerYear / 365.25 * kStayDays;
  int expected = 0;
  for (int c = 1; c <= kMaxBeds && !expected; ++c)
    if (queueing::erlang_b(a, c) <= kTarget) expected = c;
  ASSERT_EQ(expected, 4);
  // Not a knife-edge: the neighbours are clearly on their sides of 5%.
  ASSERT_GT(queueing::erlang_b(a, expected - 1), kTarget + 0.025);
  ASSERT_LT(queueing::erlang_b(a, expected), kTarget - 0.02);

  TempDir tmp;
  std::ofstream(tmp.path() / "loss.toml") << kLossSystem;
  const CliResult r = run_kyoten(
      "optimize loss.toml --space " + beds_space() + " --target 'p_no_bed<=0.05' --seed 2 -j 2 --out out --lang en",
      tmp.path());
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_NE(r.out.find("Choice: #3 facilities[0].beds=4"), std::string::npos) << r.out;

  const auto j = nlohmann::json::parse(read_text(tmp.path() / "out" / "optimize.json"));
  ASSERT_FALSE(j.at("choice").is_null());
  const auto& choice = j.at("configurations").at(j.at("choice").get<std::size_t>());
  EXPECT_EQ(choice.at("settings").at("facilities[0].beds"), expected);
  EXPECT_EQ(j.at("cost_kpi"), "cost_total_yen");
  EXPECT_TRUE(j.at("choice_clearly_cheapest").get<bool>());
  ASSERT_FALSE(choice.at("cost_by_fiscal_year").empty());
  EXPECT_TRUE(choice.at("cost_per_emergency_yen").at("mean").is_number());

  // Every decision agrees with Erlang B, and each estimate's bounds hold the closed form.
  for (const auto& cfg : j.at("configurations")) {
    const int c = cfg.at("settings").at("facilities[0].beds").get<int>();
    const double b = queueing::erlang_b(a, c);
    const std::string status = cfg.at("status");
    if (status == "feasible") {
      EXPECT_LE(b, kTarget) << cfg.dump();
    } else if (status == "infeasible") {
      EXPECT_GT(b, kTarget) << cfg.dump();
    }
    EXPECT_NE(status, "undecided") << "far from the edge, every configuration is decided: " << cfg.dump();
    const auto& t = cfg.at("targets").at(0);
    if (t.at("lower_bound").is_number() && t.at("upper_bound").get<double>() > t.at("lower_bound").get<double>()) {
      EXPECT_LE(t.at("lower_bound").get<double>(), b) << cfg.dump();
      EXPECT_GE(t.at("upper_bound").get<double>(), b) << cfg.dump();
    }
    // Cost is the reserved-bed fee for every bed and day: exact.
    EXPECT_DOUBLE_EQ(cfg.at("cost").at("mean").get<double>(), 10'000.0 * c * 730) << cfg.dump();
  }
}

TEST(CliOptimize, BadTargetsAndSpacesExitTwoBeforeRunning) {
  TempDir tmp;
  std::ofstream(tmp.path() / "loss.toml") << kLossSystem;
  const CliResult typo =
      run_kyoten("optimize loss.toml --space 'facilities[0].beds=8' --target 'p_no_bedz<=0.05' --out out", tmp.path());
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_NE(typo.err.find("did you mean 'p_no_bed'"), std::string::npos) << typo.err;
  const CliResult percent =
      run_kyoten("optimize loss.toml --space 'facilities[0].beds=8' --target 'arrange_within_4h>=95' --cost-kpi costs",
                 tmp.path());
  EXPECT_EQ(percent.exit_code, 2);
  EXPECT_NE(percent.err.find("0.95"), std::string::npos) << percent.err;
  EXPECT_NE(percent.err.find("--cost-kpi"), std::string::npos) << "every mistake at once: " << percent.err;
  const CliResult no_target = run_kyoten("optimize loss.toml --space 'facilities[0].beds=8'", tmp.path());
  EXPECT_EQ(no_target.exit_code, 2);
  EXPECT_FALSE(fs::exists(tmp.path() / "out"));
}

TEST(CliOptimize, NoFeasibleConfigurationExitsOne) {
  TempDir tmp;
  std::ofstream(tmp.path() / "loss.toml") << kLossSystem;
  const CliResult r = run_kyoten(
      "optimize loss.toml --space 'facilities[0].beds=1;facilities[0].reserved_emergency_beds=1'"
      " --target 'p_no_bed<=0.05' --lang en -j 2",
      tmp.path());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("No configuration was shown to meet the targets"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace kyoten::test
