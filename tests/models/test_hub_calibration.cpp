// The Setagaya FY2023 scenario reproduces the trial year's observed figures (seed 000, 別紙1: Oct 2022 – Sep 2023):
// each observed count lies inside the central 95% of simulated replications. This is a prediction interval
// for one year's outcome, not a confidence interval of the mean: one real year is one draw.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "models/hub/hub_model.hpp"
#include "scenario/loader.hpp"
#include "sim/run/replication_runner.hpp"

namespace kyoten::hub {
namespace {

struct Observed {
  const char* kpi;
  double value;
  const char* source;
};

// Type-7 quantile of a sorted sample (as numpy's default).
double quantile(const std::vector<double>& sorted, double p) {
  const double h = p * static_cast<double>(sorted.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

TEST(SetagayaCalibration, ObservedTrialYearLiesInsideCentral95PercentOfReplications) {
  const auto loaded = scenario::load_scenario(std::string(KYOTEN_SOURCE_DIR) + "/scenarios/setagaya-fy2023.toml");
  constexpr int kReplications = 400;
  const auto results = sim::run_replications(0, kReplications, 2, [&](std::size_t r) {
    return simulate_replication(loaded.scenario, 20221001, r);
  });

  // Observed figures of the trial year (seed 000, Setagaya: 「障害者の地域生活支援機能の強化について」, 2023-11-15).
  const Observed observed[] = {
      {"registrants_end", 198, "登録者198名 (2023-09-26)"},
      {"calls", 48, "相談等 48件"},
      {"inquiries", 37, "助言・問合せのみ 37件"},
      {"emergencies", 11, "緊急時コーディネート 11件"},
      {"calls_weekday_daytime", 34, "平日日中 48-5-2-7"},
      {"calls_weekday_evening", 5, "平日17:15–22:00 5件"},
      {"calls_weekday_night", 2, "22:00以降 2件"},
      {"calls_weekend_holiday", 7, "土日 7件"},
      {"emergencies_weekday_evening", 0, "17:15以降の緊急 0件"},
      {"emergencies_weekday_night", 0, "17:15以降の緊急 0件"},
      {"emergencies_weekend_holiday", 2, "土日の緊急 2件"},
      // Short stay 5 + both 2: in the model a "both" case ends in a short stay with a supporter dispatched.
      {"outcome_short_stay", 7, "短期入所 5 + 両方 2"},
      {"outcome_home_help", 4, "ヘルパー派遣 4件"},
      {"home_help_dispatches", 3, "専門サポーター派遣 3件"},
      {"care_taxi_trips", 0, "介護タクシー 0件"},
  };
  for (const Observed& o : observed) {
    std::vector<double> v;
    for (const auto& r : results) v.push_back(r.kpi[kpi_index(o.kpi)]);
    std::sort(v.begin(), v.end());
    const double low = quantile(v, 0.025), high = quantile(v, 0.975);
    EXPECT_GE(o.value, low) << o.kpi << " (" << o.source << ") below the central 95% [" << low << ", " << high << "]";
    EXPECT_LE(o.value, high) << o.kpi << " (" << o.source << ") above the central 95% [" << low << ", " << high << "]";
  }
}

}  // namespace
}  // namespace kyoten::hub
