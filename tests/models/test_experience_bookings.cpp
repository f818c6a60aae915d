// Experience-stay bookings against each facility's yearly cap of nights and each person's yearly cap of days,
// by the fiscal year a stay starts in, and what becomes of a booking that is cut short or finds no bed.
#include <gtest/gtest.h>

#include "models/hub/experience_bookings.hpp"

namespace kyoten::hub {
namespace {

constexpr ExperienceBookings::Caps kFacilityCap5{5, 0};

TEST(ExperienceBookings, YearlyCapCountsNightsPerFacilityAndFiscalYear) {
  ExperienceBookings b(2);
  // Cap 5 nights: 3 + 2 fit, a further night does not; another year and another facility start afresh.
  const auto first = b.book(1, 0, 3, 2024, kFacilityCap5);
  ASSERT_TRUE(first.has_value());
  EXPECT_TRUE(b.book(2, 0, 2, 2024, kFacilityCap5).has_value());
  EXPECT_FALSE(b.book(3, 0, 1, 2024, kFacilityCap5).has_value());
  EXPECT_EQ(b.nights_booked(0, 2024), 5);
  EXPECT_TRUE(b.book(3, 0, 1, 2025, kFacilityCap5).has_value());
  EXPECT_TRUE(b.book(3, 1, 5, 2024, kFacilityCap5).has_value());
  EXPECT_EQ(b.nights_booked(1, 2024), 5);
  EXPECT_EQ(b[*first].registrant, 1);
  EXPECT_EQ(b[*first].nights, 3);
}

TEST(ExperienceBookings, RefusedBookingTakesNoNights) {
  ExperienceBookings b(1);
  EXPECT_FALSE(b.book(1, 0, 4, 2024, {3, 0}).has_value());
  EXPECT_EQ(b.nights_booked(0, 2024), 0);
  EXPECT_TRUE(b.book(1, 0, 3, 2024, {3, 0}).has_value());
}

// Seed 001: about 30 days a year, one week a time. A one-week stay is 6 nights and 7 days of use (arrival and
// departure days both count): 4 × 7 = 28 ≤ 30, a fifth would make 35 > 30. The next fiscal year starts afresh.
TEST(ExperienceBookings, FifthOneWeekStayInAYearIsRefusedByThePersonsThirtyDayCap) {
  ExperienceBookings b(1);
  const ExperienceBookings::Caps caps{100000, 30};
  for (int week = 0; week < 4; ++week) {
    const auto id = b.book(7, 0, 6, 2024, caps);
    ASSERT_TRUE(id.has_value()) << "week " << week;
    b.start(*id);
    b.finish(*id);
  }
  EXPECT_EQ(b.days_booked(7, 2024), 28);
  EXPECT_FALSE(b.book(7, 0, 6, 2024, caps).has_value());
  EXPECT_TRUE(b.book(8, 0, 6, 2024, caps).has_value());  // another person has their own 30 days
  EXPECT_TRUE(b.book(7, 0, 6, 2025, caps).has_value());  // and the next fiscal year is new
  EXPECT_EQ(days_of_use(6), 7);
}

TEST(ExperienceBookings, PersonHoldsOneOpenBookingUntilItIsDoneOrLost) {
  ExperienceBookings b(1);
  const auto id = b.book(3, 0, 2, 2024, {100, 0});
  ASSERT_TRUE(id.has_value());
  EXPECT_TRUE(b.holds_open_booking(3));
  EXPECT_FALSE(b.holds_open_booking(4));
  b.interrupt(*id, false, 48.0);
  EXPECT_TRUE(b.holds_open_booking(3));  // still waiting to be rebooked
  b.lose(*id);
  EXPECT_FALSE(b.holds_open_booking(3));
}

// A stay pre-empted twice and restarted twice was rebooked once: the KPI counts bookings, not restarts.
TEST(ExperienceBookings, PreemptedStayRestartedIsCountedOnceAsRebooked) {
  ExperienceBookings b(1);
  const auto id = b.book(1, 0, 6, 2024, {100, 30});
  ASSERT_TRUE(id.has_value());
  EXPECT_FALSE(b.start(*id));  // the first start is no rebooking
  b.interrupt(*id, true, 240.0);
  EXPECT_TRUE(b.start(*id));   // restarted within the window: rebooked
  b.interrupt(*id, true, 240.0);
  EXPECT_FALSE(b.start(*id));  // restarted again: already counted
  b.finish(*id);
  EXPECT_TRUE(b[*id].rebooked);
  EXPECT_FALSE(b[*id].open);
}

// A booking lost before it began gives its days back to both caps; one cut short by an emergency keeps them.
TEST(ExperienceBookings, LossReasonAndDaysGivenBack) {
  ExperienceBookings b(1);
  const ExperienceBookings::Caps caps{100, 30};
  const auto never_began = b.book(1, 0, 6, 2024, caps);
  ASSERT_TRUE(never_began.has_value());
  b.interrupt(*never_began, false, 0.0);
  EXPECT_EQ(b.lose(*never_began), ExperienceLoss::NoBedWithinWindow);
  EXPECT_EQ(b.days_booked(1, 2024), 0);
  EXPECT_EQ(b.nights_booked(0, 2024), 0);

  const auto cut_short = b.book(1, 0, 6, 2024, caps);
  ASSERT_TRUE(cut_short.has_value());
  b.start(*cut_short);
  b.interrupt(*cut_short, true, 0.0);
  EXPECT_EQ(b.lose(*cut_short), ExperienceLoss::PreemptedNotRebooked);
  EXPECT_EQ(b.days_booked(1, 2024), 7);
  EXPECT_EQ(b.nights_booked(0, 2024), 6);
}

}  // namespace
}  // namespace kyoten::hub
