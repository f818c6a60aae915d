// The monthly fans compare writes for the comparison report: mean and 5/25/50/75/95% points per month over
// replications (linear between order statistics, as numpy's default), and flow counts summed per fiscal quarter
// before the quantiles are taken — checked against values worked out by hand.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "output/monthly_bands.hpp"

namespace kyoten::output {
namespace {

const SeriesBand& find(const std::vector<SeriesBand>& bands, const std::string& series, const std::string& period,
                       const std::string& start) {
  for (const SeriesBand& b : bands)
    if (b.series == series && b.period == period && b.start == start) return b;
  throw std::runtime_error("no band " + series + " " + period + " " + start);
}

// Five replications over March and April 2024: April's calls 0, 1, 2, 3, 10 (sorted). Type 7: the p-quantile sits
// at position p·(n−1) = 4p between order statistics: q05 at 0.2 → 0.2; q25 at 1 → 1; q50 → 2; q75 → 3;
// q95 at 3.8 → 3 + 0.8·(10 − 3) = 8.6. Mean 16/5 = 3.2.
std::vector<hub::ReplicationResult> five_replications() {
  std::vector<hub::ReplicationResult> results(5);
  const double april_calls[] = {3, 0, 10, 1, 2};
  for (std::size_t r = 0; r < results.size(); ++r) {
    hub::MonthRecord march{.year = 2024, .month = 3, .fiscal_year = 2023};
    march.calls = 1;
    march.emergencies = static_cast<double>(r);
    hub::MonthRecord april{.year = 2024, .month = 4, .fiscal_year = 2024};
    april.calls = april_calls[r];
    april.registrants_end = 100;
    results[r].months = {march, april};
  }
  return results;
}

TEST(MonthlyBands, QuantilesOverReplicationsPerMonth) {
  const auto bands = monthly_bands(five_replications());
  const SeriesBand& april = find(bands, "calls", "month", "2024-04");
  EXPECT_EQ(april.n, 5u);
  EXPECT_DOUBLE_EQ(april.mean, 3.2);
  EXPECT_NEAR(april.q05, 0.2, 1e-12);
  EXPECT_DOUBLE_EQ(april.q25, 1.0);
  EXPECT_DOUBLE_EQ(april.q50, 2.0);
  EXPECT_DOUBLE_EQ(april.q75, 3.0);
  EXPECT_NEAR(april.q95, 8.6, 1e-12);
  const SeriesBand& registrants = find(bands, "registrants_end", "month", "2024-04");
  EXPECT_DOUBLE_EQ(registrants.q05, 100.0);  // the same in every replication: a band of no width
  EXPECT_DOUBLE_EQ(registrants.q95, 100.0);
}

// March is the last month of the January quarter, April the first of the April quarter: each quarter holds one
// of the horizon's months here, and a stock (registrants) gets no quarters.
TEST(MonthlyBands, FlowCountsAlsoPerFiscalQuarter) {
  const auto bands = monthly_bands(five_replications());
  const SeriesBand& winter = find(bands, "emergencies", "quarter", "2024-01");
  EXPECT_EQ(winter.months, 1);
  EXPECT_DOUBLE_EQ(winter.q50, 2.0);  // 0, 1, 2, 3, 4
  EXPECT_DOUBLE_EQ(find(bands, "calls", "quarter", "2024-04").q95, find(bands, "calls", "month", "2024-04").q95);
  for (const SeriesBand& b : bands) EXPECT_FALSE(b.series == "registrants_end" && b.period == "quarter");
  for (const SeriesBand& b : bands) EXPECT_FALSE(b.series == "cost_yen" && b.period == "quarter");
}

// Two months of one quarter are summed per replication before the quantile: (1 + 2) and (3 + 4) → median 5, not
// the sum of the months' medians over differently ordered replications.
TEST(MonthlyBands, AQuartersCountIsTheSumOfItsMonthsPerReplication) {
  std::vector<hub::ReplicationResult> results(2);
  const double april[] = {1, 3}, may[] = {2, 4};
  for (std::size_t r = 0; r < 2; ++r) {
    hub::MonthRecord a{.year = 2024, .month = 4, .fiscal_year = 2024}, m{.year = 2024, .month = 5, .fiscal_year = 2024};
    a.calls = april[r];
    m.calls = may[r];
    results[r].months = {a, m};
  }
  const auto bands = monthly_bands(results);  // kept: `find` returns a reference into it
  const SeriesBand& q = find(bands, "calls", "quarter", "2024-04");
  EXPECT_EQ(q.months, 2);
  EXPECT_DOUBLE_EQ(q.q05, 3.0 + 0.05 * 4.0);  // between 3 and 7
  EXPECT_DOUBLE_EQ(q.q50, 5.0);
  EXPECT_DOUBLE_EQ(q.mean, 5.0);
}

}  // namespace
}  // namespace kyoten::output
