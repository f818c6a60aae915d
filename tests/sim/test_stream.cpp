// Random-number streams keyed by (seed, replication, purpose): the same key gives the same sequence, different
// keys give different sequences, and neighbouring keys are uncorrelated.
#include "sim/random/stream.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <set>
#include <vector>

using kyoten::sim::purpose_code;
using kyoten::sim::RandomStream;
using kyoten::sim::StreamKey;

namespace {

std::vector<std::uint64_t> first_words(RandomStream s, int n) {
  std::vector<std::uint64_t> out;
  for (int i = 0; i < n; ++i) out.push_back(s());
  return out;
}

// Pearson correlation of the uniforms two streams produce side by side.
double correlation(RandomStream a, RandomStream b, int n) {
  double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
  for (int i = 0; i < n; ++i) {
    const double x = a.uniform(), y = b.uniform();
    sa += x, sb += y, saa += x * x, sbb += y * y, sab += x * y;
  }
  const double cov = sab / n - sa / n * sb / n;
  return cov / std::sqrt((saa / n - sa / n * sa / n) * (sbb / n - sb / n * sb / n));
}

}  // namespace

TEST(PurposeCode, IsTheFnv1aHashOfTheName) {
  // Published FNV-1a 64-bit values: the offset basis for "", 0xaf63dc4c8601ec8c for "a".
  EXPECT_EQ(purpose_code(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(purpose_code("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_NE(purpose_code("arrivals"), purpose_code("services"));
}

TEST(RandomStream, SameKeyGivesTheSameSequence) {
  EXPECT_EQ(first_words(RandomStream(7, 3, "calls"), 100), first_words(RandomStream(7, 3, "calls"), 100));
  // Naming the purpose or giving its code is the same key.
  EXPECT_EQ(first_words(RandomStream(7, 3, "calls"), 10),
            first_words(RandomStream(StreamKey{7, 3, purpose_code("calls")}), 10));
}

TEST(RandomStream, EveryPartOfTheKeyChangesTheSequence) {
  const auto base = first_words(RandomStream(7, 3, "calls"), 4);
  EXPECT_NE(base, first_words(RandomStream(8, 3, "calls"), 4));
  EXPECT_NE(base, first_words(RandomStream(7, 4, "calls"), 4));
  EXPECT_NE(base, first_words(RandomStream(7, 3, "stays"), 4));
  // Seed and replication are not interchangeable (replication 7 of seed 3 is not replication 3 of seed 7).
  EXPECT_NE(first_words(RandomStream(3, 7, "calls"), 4), base);
}

TEST(RandomStream, ThousandsOfNeighbouringKeysStartDifferently) {
  std::set<std::uint64_t> firsts;
  for (std::uint64_t r = 0; r < 2000; ++r) firsts.insert(RandomStream(1, r, "calls")());
  for (std::uint64_t seed = 2; seed < 2002; ++seed) firsts.insert(RandomStream(seed, 0, "calls")());
  EXPECT_EQ(firsts.size(), 4000u);
}

TEST(RandomStream, NeighbouringKeysAreUncorrelated) {
  // Independent uniforms: the sample correlation of n pairs has sd 1/√n; allow 4 sd.
  constexpr int n = 20000;
  const double limit = 4 / std::sqrt(static_cast<double>(n));
  EXPECT_LT(std::abs(correlation(RandomStream(1, 7, "calls"), RandomStream(1, 8, "calls"), n)), limit);
  EXPECT_LT(std::abs(correlation(RandomStream(1, 7, "calls"), RandomStream(2, 7, "calls"), n)), limit);
  EXPECT_LT(std::abs(correlation(RandomStream(1, 7, "calls"), RandomStream(1, 7, "stays"), n)), limit);
}

TEST(RandomStream, UniformsLieInTheHalfOpenUnitIntervalWithMeanOneHalf) {
  RandomStream s(5, 0, "u");
  constexpr int n = 100000;
  double sum = 0;
  for (int i = 0; i < n; ++i) {
    const double u = s.uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
  }
  EXPECT_NEAR(sum / n, 0.5, 4 * std::sqrt(1.0 / 12 / n));
}
