// Booking planned work into the coming days' free hours, checked on small schedules worked by hand.
#include <gtest/gtest.h>

#include <rapidcheck/gtest.h>

#include <cstdint>

#include "models/hub/work_diary.hpp"

namespace kyoten::hub {
namespace {

constexpr std::int64_t kDay = 24;
constexpr std::int64_t kSaturday = 5 * kDay, kNextMonday = 7 * kDay, kNextTuesday = 8 * kDay;

// Hour 0 is a Monday 00:00; `staff` coordinators free for planned work on weekdays 9–17.
auto office(double staff) {
  return [staff](std::int64_t hour) {
    const std::int64_t day = hour / kDay, h = hour % kDay;
    return day % 7 < 5 && h >= 9 && h < 17 ? staff : 0.0;
  };
}

TEST(WorkDiary, WorkFallingDueAtTheWeekendIsSpreadOverMondayNotAllStartedAtNine) {
  // One coordinator free: three 3-hour tasks due on Saturday 10:00 start Monday 9:00, 12:00 and 15:00 (the
  // third runs 15–17 and 9–10 on Tuesday); a fourth of 1 hour starts Tuesday 10:00.
  WorkDiary diary;
  const double saturday = kSaturday + 10;
  EXPECT_DOUBLE_EQ(diary.book(saturday, 3, office(1)), kNextMonday + 9);
  EXPECT_DOUBLE_EQ(diary.book(saturday, 3, office(1)), kNextMonday + 12);
  EXPECT_DOUBLE_EQ(diary.book(saturday, 3, office(1)), kNextMonday + 15);
  EXPECT_DOUBLE_EQ(diary.book(saturday, 1, office(1)), kNextTuesday + 10);
  EXPECT_DOUBLE_EQ(diary.booked(kNextMonday + 16), 1.0);
  EXPECT_DOUBLE_EQ(diary.booked(kNextTuesday + 9), 1.0);
  EXPECT_DOUBLE_EQ(diary.booked(kNextTuesday + 11), 0.0);
}

TEST(WorkDiary, APartHourBookedMakesTheNextTaskStartWhenTheCoordinatorIsFree) {
  // Half an hour then an hour on Monday from 8:00: 9:00 and 9:30; the second fills 9:30–10:30.
  WorkDiary diary;
  EXPECT_DOUBLE_EQ(diary.book(8, 0.5, office(1)), 9.0);
  EXPECT_DOUBLE_EQ(diary.book(8, 1.0, office(1)), 9.5);
  EXPECT_DOUBLE_EQ(diary.booked(9), 1.0);
  EXPECT_DOUBLE_EQ(diary.booked(10), 0.5);
}

TEST(WorkDiary, TwoCoordinatorsTakeTwoTasksInTheSameHour) {
  // Two free: two 2-hour tasks both start Monday 9:00; a third starts at 11:00.
  WorkDiary diary;
  EXPECT_DOUBLE_EQ(diary.book(0, 2, office(2)), 9.0);
  EXPECT_DOUBLE_EQ(diary.book(0, 2, office(2)), 9.0);
  EXPECT_DOUBLE_EQ(diary.book(0, 2, office(2)), 11.0);
  EXPECT_DOUBLE_EQ(diary.booked(10), 2.0);
  EXPECT_DOUBLE_EQ(diary.booked(11), 1.0);
}

TEST(WorkDiary, AMeetingAtAFixedTimeTakesItsHourFromLaterBookings) {
  // The meeting Monday 9–11 for the one coordinator: a task booked from Monday 0:00 starts at 11:00.
  WorkDiary diary;
  diary.book_at(9, 2);
  EXPECT_DOUBLE_EQ(diary.book(0, 1, office(1)), 11.0);
}

TEST(WorkDiary, WorkBookedForLaterLeavesTheHoursBeforeItFree) {
  // A follow-up booked from Tuesday does not use Monday; a task booked afterwards from Monday starts Monday 9:00.
  WorkDiary diary;
  EXPECT_DOUBLE_EQ(diary.book(kDay, 1, office(1)), kDay + 9);
  EXPECT_DOUBLE_EQ(diary.book(0, 1, office(1)), 9.0);
}

TEST(WorkDiary, WithNoCapacityAtAllNothingIsBookedAndTheTaskStartsWhenSomeoneIsFree) {
  WorkDiary diary;
  EXPECT_DOUBLE_EQ(diary.book(5.25, 2, [](std::int64_t) { return 0.0; }), 5.25);
}

TEST(WorkDiary, AsksEachHoursCapacityOnceUntilTheCapacitiesMayHaveChanged) {
  // Two tasks due on Saturday scan the same weekend hours; the second booking asks no hour again. After a
  // change of plan (recheck) the capacities are asked anew, and a capacity cut to zero is then respected.
  WorkDiary diary;
  int asked = 0;
  double staff = 1;
  const auto counting = [&](std::int64_t hour) {
    ++asked;
    return office(staff)(hour);
  };
  const double saturday = kSaturday + 10;
  EXPECT_DOUBLE_EQ(diary.book(saturday, 1, counting), kNextMonday + 9);
  const int first = asked;
  EXPECT_EQ(first, static_cast<int>(kNextMonday + 9 - (kSaturday + 10)) + 1);  // Saturday 10:00 to Monday 9:00
  EXPECT_DOUBLE_EQ(diary.book(saturday, 1, counting), kNextMonday + 10);
  EXPECT_EQ(asked, first + 1);  // only Monday 10:00 was new
  staff = 0;
  diary.recheck();
  EXPECT_DOUBLE_EQ(diary.book(saturday, 1, counting), saturday);  // nothing free any more
  EXPECT_GT(asked, first + 1);
}

TEST(WorkDiary, HoursLeftBehindAreForgottenWhileLaterBookingsStay) {
  // One coordinator: a task booked three weeks ahead; then, each weekday at 8:00 for four weeks, the day comes
  // and a 1-hour task is booked, starting at 9:00. The hours held wrap around their storage many times; the
  // far booking is still there when its day comes (so the task that day starts at 10:00), and once past it
  // reads as nothing booked.
  WorkDiary diary;
  const std::int64_t far = 3 * 7 * kDay + 2 * kDay + 9;  // Wednesday of the fourth week, 9:00
  EXPECT_DOUBLE_EQ(diary.book(static_cast<double>(far), 1, office(1)), static_cast<double>(far));
  for (std::int64_t day = 0; day < 28; ++day) {
    if (day % 7 >= 5) continue;
    const double eight = static_cast<double>(day * kDay + 8);
    diary.advance_to(eight);
    const double expected = day * kDay + 9 == far ? static_cast<double>(far) + 1 : static_cast<double>(day * kDay + 9);
    if (day * kDay + 9 == far) {
      EXPECT_DOUBLE_EQ(diary.booked(far), 1.0);
    }
    EXPECT_DOUBLE_EQ(diary.book(eight, 1, office(1)), expected) << "day " << day;
  }
  EXPECT_DOUBLE_EQ(diary.booked(far), 0.0);  // its day has passed
  EXPECT_DOUBLE_EQ(diary.booked(9), 0.0);
}

// The first hour at or after `hour` that is in weekday office hours 9–17 (hour 0 is a Monday 00:00).
std::int64_t next_office_hour(std::int64_t hour) {
  while (office(1)(hour) == 0.0) ++hour;
  return hour;
}

TEST(WorkDiary, LeapsOverNightsAndWeekendsWithoutAskingTheirHours) {
  // Due Friday 17:00: the diary asks Friday 17:00 (closed), leaps to Monday 9:00 and asks that; nothing between.
  WorkDiary diary;
  int asked = 0;
  const auto counting = [&](std::int64_t hour) {
    ++asked;
    return office(1)(hour);
  };
  const double friday_evening = 4 * kDay + 17;
  EXPECT_DOUBLE_EQ(diary.book(friday_evening, 1, counting, next_office_hour), kNextMonday + 9);
  EXPECT_EQ(asked, 2);
  // A second booking from then leaps again, finds Monday 9:00 taken and starts at 10:00.
  EXPECT_DOUBLE_EQ(diary.book(friday_evening, 1, counting, next_office_hour), kNextMonday + 10);
}

RC_GTEST_PROP(WorkDiary, LeapingOverClosedHoursBooksExactlyWhatTheHourByHourSearchBooks, ()) {
  // Any sequence of bookings (due times over three weeks, durations up to two days, one or two coordinators):
  // a diary that leaps over closed hours returns the same starts as one that asks every hour.
  const double staff = *rc::gen::inRange(1, 3);
  const auto n = *rc::gen::inRange(1, 40);
  WorkDiary leaping, stepping;
  double now = 0;
  for (int i = 0; i < n; ++i) {
    now += *rc::gen::inRange(0, 30);
    const double due = now + *rc::gen::inRange(0, 200) / 4.0;
    const double hours = *rc::gen::inRange(1, 64) / 4.0;
    leaping.advance_to(now);
    stepping.advance_to(now);
    const double a = leaping.book(due, hours, office(staff), next_office_hour);
    const double b = stepping.book(due, hours, office(staff));
    RC_ASSERT(a == b);
  }
}

}  // namespace
}  // namespace kyoten::hub
