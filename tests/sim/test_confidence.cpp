// Confidence intervals over groups of replications that share a parameter draw (sim/stats/confidence.hpp): the
// independent units are the group means, worked here by hand.
#include "sim/stats/confidence.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

namespace kyoten::sim {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(GroupedInterval, UsesPairMeansAsTheUnits) {
  // Pairs (1, 3), (5, 9), (4, 6): means 2, 7, 5; their mean 14/3, sample variance 19/3 (= (64 + 49 + 1)/9 / 2).
  const std::vector<double> values{1, 3, 5, 9, 4, 6};
  const ConfidenceInterval ci = grouped_interval(values, 2, 0.95);
  EXPECT_EQ(ci.n, 3u);
  EXPECT_NEAR(ci.mean, 14.0 / 3.0, 1e-12);
  EXPECT_NEAR(ci.stddev, std::sqrt(19.0 / 3.0), 1e-12);
  // t_{2, 0.975} = 4.302653 (tables); half-width = t s / sqrt(3).
  EXPECT_NEAR(ci.half_width, 4.302653 * std::sqrt(19.0 / 3.0) / std::sqrt(3.0), 1e-5);
  // Treating the six as independent would claim a narrower interval from the same data.
  EXPECT_LT(student_t_interval(values, 0.95).half_width, ci.half_width);
}

TEST(GroupedInterval, GroupOfOneIsTheOrdinaryInterval) {
  const std::vector<double> values{1, 3, 5, 9, 4, 6};
  const ConfidenceInterval a = grouped_interval(values, 1, 0.95), b = student_t_interval(values, 0.95);
  EXPECT_EQ(a.n, b.n);
  EXPECT_EQ(a.mean, b.mean);
  EXPECT_EQ(a.half_width, b.half_width);
}

TEST(GroupedInterval, NaNIsLeftOutOfItsGroupAndAnEmptyGroupDropped) {
  // Groups: (2, NaN) -> 2, (NaN, NaN) -> dropped, (4, 6) -> 5.
  const std::vector<double> values{2, kNaN, kNaN, kNaN, 4, 6};
  const std::vector<double> means = group_means(values, 2);
  ASSERT_EQ(means.size(), 3u);
  EXPECT_EQ(means[0], 2.0);
  EXPECT_TRUE(std::isnan(means[1]));
  const ConfidenceInterval ci = grouped_interval(values, 2, 0.95);
  EXPECT_EQ(ci.n, 2u);
  EXPECT_DOUBLE_EQ(ci.mean, 3.5);
}

TEST(GroupedPairedDifference, DifferencesArePairedThenAveragedPerGroup) {
  // a − b = 1, 3, 4, 8; pair means 2 and 6: mean 4, sd 2·sqrt(2); t_{1, 0.975} = 12.7062.
  const std::vector<double> a{1, 3, 5, 9}, b{0, 0, 1, 1};
  const ConfidenceInterval ci = paired_difference_interval(a, b, 0.95, 2);
  EXPECT_EQ(ci.n, 2u);
  EXPECT_DOUBLE_EQ(ci.mean, 4.0);
  EXPECT_NEAR(ci.half_width, 12.7062 * 2.0 * std::sqrt(2.0) / std::sqrt(2.0), 1e-3);
}

}  // namespace
}  // namespace kyoten::sim
