// Experience-stay bookings against each facility's yearly cap of nights, by the fiscal year a stay starts in.
#include <gtest/gtest.h>

#include "models/hub/experience_bookings.hpp"

namespace kyoten::hub {
namespace {

TEST(ExperienceBookings, YearlyCapCountsNightsPerFacilityAndFiscalYear) {
  ExperienceBookings b(2);
  // Cap 5 nights: 3 + 2 fit, a further night does not; another year and another facility start afresh.
  const auto first = b.book({1, 0, 3}, 2024, 5);
  ASSERT_TRUE(first.has_value());
  EXPECT_TRUE(b.book({2, 0, 2}, 2024, 5).has_value());
  EXPECT_FALSE(b.book({3, 0, 1}, 2024, 5).has_value());
  EXPECT_EQ(b.nights_booked(0, 2024), 5);
  EXPECT_TRUE(b.book({3, 0, 1}, 2025, 5).has_value());
  EXPECT_TRUE(b.book({3, 1, 5}, 2024, 5).has_value());
  EXPECT_EQ(b.nights_booked(1, 2024), 5);
  EXPECT_EQ(b[*first].registrant, 1);
  EXPECT_EQ(b[*first].nights, 3);
}

TEST(ExperienceBookings, RefusedBookingTakesNoNights) {
  ExperienceBookings b(1);
  EXPECT_FALSE(b.book({1, 0, 4}, 2024, 3).has_value());
  EXPECT_EQ(b.nights_booked(0, 2024), 0);
  EXPECT_TRUE(b.book({1, 0, 3}, 2024, 3).has_value());
}

}  // namespace
}  // namespace kyoten::hub
