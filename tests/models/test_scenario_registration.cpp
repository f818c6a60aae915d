// Registration growth: the logistic S-curve and its monthly knots (hand-worked: with K = 2000, N0 = 200 and
// r = ln 9 / 4, the curve reaches exactly 1000 after 4 years = 1461 days), the rate solved from a point it
// must pass through, and knots read from a scenario file.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "scenario/loader.hpp"
#include "scenario/registration_curve.hpp"

namespace {

using namespace std::chrono;
using kyoten::scenario::SCurve;

sys_days date(int y, unsigned m, unsigned d) { return sys_days{year{y} / month{m} / day{d}}; }

TEST(RegistrationCurve, HandWorkedLogistic) {
  const SCurve c{date(2024, 1, 1), date(2028, 1, 1), 200, 2000, std::log(9.0) / 4};
  EXPECT_DOUBLE_EQ(kyoten::scenario::s_curve_value(c, date(2024, 1, 1)), 200);
  EXPECT_NEAR(kyoten::scenario::s_curve_value(c, date(2028, 1, 1)), 1000, 1e-9);  // 1461 days = 4 × 365.25
}

TEST(RegistrationCurve, MonthlyKnotsFromStartToEnd) {
  const SCurve c{date(2024, 1, 1), date(2028, 1, 1), 200, 2000, std::log(9.0) / 4};
  const auto knots = kyoten::scenario::s_curve_knots(c);
  ASSERT_EQ(knots.size(), 49u);  // 2024-01-01, the 1st of each month 2024-02 … 2027-12 (47), 2028-01-01
  EXPECT_EQ(knots.front().first, date(2024, 1, 1));
  EXPECT_EQ(knots[1].first, date(2024, 2, 1));
  EXPECT_EQ(knots[47].first, date(2027, 12, 1));
  EXPECT_EQ(knots.back().first, date(2028, 1, 1));
  EXPECT_NEAR(knots.back().second, 1000, 1e-9);
  for (std::size_t i = 1; i < knots.size(); ++i) EXPECT_GT(knots[i].second, knots[i - 1].second);
}

TEST(RegistrationCurve, MidMonthStartGetsItsOwnKnot) {
  const SCurve c{date(2024, 1, 15), date(2024, 4, 1), 100, 1000, 0.5};
  const auto knots = kyoten::scenario::s_curve_knots(c);
  ASSERT_EQ(knots.size(), 4u);
  EXPECT_EQ(knots[1].first, date(2024, 2, 1));
  EXPECT_EQ(knots[3].first, date(2024, 4, 1));
}

TEST(RegistrationCurve, RateThroughAPoint) {
  const auto r = kyoten::scenario::s_curve_rate_through(200, 2000, date(2024, 1, 1), date(2028, 1, 1), 1000);
  ASSERT_TRUE(r.has_value());
  EXPECT_NEAR(*r, std::log(9.0) / 4, 1e-12);
  EXPECT_FALSE(kyoten::scenario::s_curve_rate_through(200, 2000, date(2024, 1, 1), date(2028, 1, 1), 2500));
  EXPECT_FALSE(kyoten::scenario::s_curve_rate_through(200, 2000, date(2024, 1, 1), date(2023, 1, 1), 1000));
}

class ScenarioFile : public ::testing::Test {
 protected:
  std::filesystem::path dir_ = std::filesystem::temp_directory_path() /
                               ("kyoten_registration_" + std::to_string(::getpid()) + "_" +
                                ::testing::UnitTest::GetInstance()->current_test_info()->name());
  void SetUp() override { std::filesystem::create_directories(dir_); }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << "base = \"" << kBase.string() << "\"\n" << text;
    return dir_ / name;
  }
  const std::filesystem::path kBase =
      std::filesystem::path(KYOTEN_SOURCE_DIR) / "tests" / "data" / "bad_scenarios" / "_valid_base.toml";
};

TEST_F(ScenarioFile, SCurveThroughAPointBecomesKnotsOverTheHorizon) {
  // The base's horizon is 2024-04-01 .. 2025-04-01; s_curve replaces the base's expected_registered.
  const auto file = write("s.toml", "[registration]\ns_curve = { latent_pool = 2000, initial = 200, through = [\"2025-04-01\", 1000] }\n");
  const auto s = kyoten::scenario::load_scenario(file).scenario;
  const auto& knots = s.registration.expected_registered;
  ASSERT_EQ(knots.size(), 13u);  // 2024-04-01, 2024-05-01 … 2025-03-01, 2025-04-01
  EXPECT_EQ(knots.front().first, date(2024, 4, 1));
  EXPECT_DOUBLE_EQ(knots.front().second, 200);
  EXPECT_EQ(knots.back().first, date(2025, 4, 1));
  EXPECT_NEAR(knots.back().second, 1000, 1e-9);
  EXPECT_EQ(s.registration.initial_registrants, 200);  // default: the expected count at the horizon's start
}

TEST_F(ScenarioFile, KnotsAreReadAsGivenAndInitialRegistrantsInterpolated) {
  const auto file = write("k.toml",
                          "[horizon]\nstart = 2024-05-01\nend = 2025-04-01\n"
                          "[registration]\nexpected_registered = [[2024-04-01, 100], [\"2024-05-31\", 160], [\"2025-04-01\", 400]]\n");
  const auto s = kyoten::scenario::load_scenario(file).scenario;
  ASSERT_EQ(s.registration.expected_registered.size(), 3u);
  EXPECT_EQ(s.registration.expected_registered[1].first, date(2024, 5, 31));
  EXPECT_DOUBLE_EQ(s.registration.expected_registered[2].second, 400);
  // Default initial_registrants: 2024-05-01 is 30 of the 60 days from 100 to 160.
  EXPECT_EQ(s.registration.initial_registrants, 130);
}

}  // namespace
