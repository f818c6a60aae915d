// Surge windows in the run's summary: each figure summarised over replications, and summary.json's entry.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "models/hub/scenario.hpp"
#include "output/surge_report.hpp"

namespace kyoten::output {
namespace {

TEST(SurgeReport, FiguresAreMeansOverReplicationsAndTheJsonNamesTheSurge) {
  hub::ReplicationResult a, b;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  a.surges = {hub::SurgeRecord{10, 4, 3.0, 6, 5, nan}};
  b.surges = {hub::SurgeRecord{12, 6, nan, 6, 7, nan}};
  const std::vector<hub::ReplicationResult> results = {a, b};
  const std::vector<SurgeSummary> s = summarise_surges(results, 0.95, 1);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_DOUBLE_EQ(s[0].figures[0].mean, 11);  // emergencies (10 + 12) / 2
  EXPECT_DOUBLE_EQ(s[0].figures[1].mean, 5);   // arranged
  EXPECT_DOUBLE_EQ(s[0].figures[2].mean, 3);   // time to arrangement: only the replication that arranged one
  EXPECT_EQ(s[0].figures[2].n, 1u);
  EXPECT_TRUE(std::isnan(s[0].figures[5].mean));  // no hub rooms

  hub::Scenario sc;
  sc.regions = {hub::Region{"北部", 1}};
  sc.surges = {hub::Surge{"台風", std::chrono::sys_days{std::chrono::year{2024} / 9 / 1}, 3, 30, 0}};
  const auto j = surges_json(sc, s);
  ASSERT_EQ(j.size(), 1u);
  EXPECT_EQ(j[0]["name"], "台風");
  EXPECT_EQ(j[0]["start"], "2024-09-01");
  EXPECT_EQ(j[0]["region"], "北部");
  EXPECT_EQ(j[0]["extra_emergencies"], 30);
  EXPECT_EQ(j[0]["figures"][3]["key"], "unplaced");
  EXPECT_DOUBLE_EQ(j[0]["figures"][3]["mean"].get<double>(), 6);
  EXPECT_TRUE(j[0]["figures"][5]["mean"].is_null());
}

}  // namespace
}  // namespace kyoten::output
