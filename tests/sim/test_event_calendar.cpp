#include "sim/event/event_calendar.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <limits>
#include <map>
#include <vector>

#include "sim/random/stream.hpp"

using kyoten::sim::Event;
using kyoten::sim::EventCalendar;

TEST(EventCalendar, PopsEventsInTimeOrder) {
  EventCalendar cal;
  for (double t : {5.0, 1.0, 3.0, 2.0, 4.0}) cal.schedule(t, 0, static_cast<std::uint32_t>(t));
  std::vector<double> seen;
  while (!cal.empty()) seen.push_back(cal.pop().time);
  EXPECT_EQ(seen, (std::vector<double>{1, 2, 3, 4, 5}));
}

TEST(EventCalendar, EqualTimesPopInSchedulingOrder) {
  EventCalendar cal;
  for (std::uint32_t i = 0; i < 100; ++i) cal.schedule(7.0, 0, i);
  for (std::uint32_t i = 0; i < 100; ++i) EXPECT_EQ(cal.pop().subject, i);
}

TEST(EventCalendar, AnEventScheduledFarAheadStillPopsBeforeALaterOneScheduledAtTheSameTime) {
  // The first event at t = 200 is scheduled more than a week ahead (far), the second when the clock has reached
  // 190 (near): equal times still pop in scheduling order, and a cancelled far event never fires.
  EventCalendar cal;
  cal.schedule(200.0, 0, 1);
  const auto far = cal.schedule_cancellable(Event{300.0, 0, 9});
  cal.schedule(190.0, 0, 0);
  EXPECT_EQ(cal.pop().subject, 0U);
  cal.schedule(200.0, 0, 2);
  EXPECT_TRUE(cal.pending(far));
  EXPECT_TRUE(cal.cancel(far));
  EXPECT_EQ(cal.pop().subject, 1U);
  EXPECT_EQ(cal.pop().subject, 2U);
  EXPECT_TRUE(cal.empty());
}

TEST(EventCalendar, TheTwoZerosTieAndPopInSchedulingOrder) {
  // +0.0 and -0.0 compare equal, so they are one time: first scheduled, first popped.
  EventCalendar cal;
  cal.schedule(0.0, 0, 1);
  cal.schedule(-0.0, 0, 2);
  cal.schedule(0.0, 0, 3);
  EXPECT_EQ(cal.pop().subject, 1U);
  EXPECT_EQ(cal.pop().subject, 2U);
  EXPECT_EQ(cal.pop().subject, 3U);
}

TEST(EventCalendar, NextTimeAndSizeHoldBetweenAPopAndTheNextSchedule) {
  // Right after a pop the calendar still answers for what is left, before anything new is scheduled.
  EventCalendar cal;
  for (double t : {5.0, 1.0, 3.0, 4.0, 2.0, 6.0}) cal.schedule(t, 0, 0);
  EXPECT_EQ(cal.pop().time, 1.0);
  EXPECT_EQ(cal.size(), 5U);
  EXPECT_EQ(cal.next_time(), 2.0);
  cal.schedule(2.5, 0, 0);
  EXPECT_EQ(cal.pop().time, 2.0);
  EXPECT_EQ(cal.pop().time, 2.5);
  EXPECT_EQ(cal.next_time(), 3.0);
  EXPECT_EQ(cal.size(), 4U);
}

TEST(EventCalendar, ClockAdvancesToPoppedEvent) {
  EventCalendar cal;
  cal.schedule(2.5, 1);
  EXPECT_EQ(cal.now(), 0.0);
  EXPECT_EQ(cal.next_time(), 2.5);
  cal.pop();
  EXPECT_EQ(cal.now(), 2.5);
}

TEST(EventCalendar, CancelledEventNeverFires) {
  EventCalendar cal;
  cal.schedule(1.0, 0, 1);
  auto h = cal.schedule_cancellable(Event{2.0, 0, 2});
  cal.schedule(3.0, 0, 3);
  EXPECT_TRUE(cal.pending(h));
  EXPECT_TRUE(cal.cancel(h));
  EXPECT_FALSE(cal.pending(h));
  EXPECT_FALSE(cal.cancel(h)) << "a second cancel must be refused";
  EXPECT_EQ(cal.pop().subject, 1u);
  EXPECT_EQ(cal.pop().subject, 3u);
  EXPECT_TRUE(cal.empty());
}

TEST(EventCalendar, HandleOfFiredEventIsStaleEvenAfterSlotReuse) {
  EventCalendar cal;
  auto first = cal.schedule_cancellable(Event{1.0, 0, 1});
  cal.pop();
  auto second = cal.schedule_cancellable(Event{2.0, 0, 2});
  EXPECT_EQ(first.slot, second.slot) << "the freed slot is recycled";
  EXPECT_FALSE(cal.cancel(first)) << "the old handle must not cancel the new event";
  EXPECT_TRUE(cal.pending(second));
}

// Property: against a sorted reference, random schedules and cancellations pop the same sequence.
TEST(EventCalendar, MatchesSortedReferenceUnderRandomCancellation) {
  kyoten::sim::RandomStream rng(42, 0, "calendar-test");
  EventCalendar cal;
  struct Ref {
    double time;
    std::uint32_t id;
    bool cancelled;
  };
  std::vector<Ref> ref;
  std::vector<kyoten::sim::EventHandle> handles;
  for (std::uint32_t id = 0; id < 5000; ++id) {
    // Coarse times so that many ties occur and FIFO order is exercised.
    const double t = static_cast<double>(static_cast<int>(rng.uniform() * 200));
    handles.push_back(cal.schedule_cancellable(Event{t, 0, id}));
    ref.push_back({t, id, false});
  }
  for (std::uint32_t id = 0; id < 5000; id += 3) {
    ASSERT_TRUE(cal.cancel(handles[id]));
    ref[id].cancelled = true;
  }
  std::stable_sort(ref.begin(), ref.end(), [](const Ref& a, const Ref& b) { return a.time < b.time; });
  for (const Ref& r : ref) {
    if (r.cancelled) continue;
    ASSERT_FALSE(cal.empty());
    const Event e = cal.pop();
    ASSERT_EQ(e.subject, r.id);
    ASSERT_EQ(e.time, r.time);
  }
  EXPECT_TRUE(cal.empty());
}

// Property: any sequence of schedules (plain or cancellable, often at equal times), cancellations and pops
// behaves as a std::multimap keyed by time, which keeps equal keys in insertion order (FIFO ties) and from
// which a cancelled event is erased.
RC_GTEST_PROP(EventCalendarProperty, BehavesAsAMultimapByTime, ()) {
  enum Op { Schedule, ScheduleCancellable, Cancel, Pop };
  const auto ops = *rc::gen::container<std::vector<std::pair<int, int>>>(
      rc::gen::pair(rc::gen::inRange(0, 4), rc::gen::inRange(0, 6)));
  EventCalendar cal;
  std::multimap<double, std::uint32_t> oracle;
  std::vector<std::pair<kyoten::sim::EventHandle, std::multimap<double, std::uint32_t>::iterator>> handles;
  std::vector<bool> live;  // by handle index: still pending in the oracle
  std::uint32_t next_id = 0;
  for (const auto& [op, arg] : ops) {
    // Few distinct offsets, so many ties; the last two lie more than a week ahead, in the calendar's far heap.
    static constexpr double kOffsets[] = {0, 1, 2, 3, 200, 400};
    const double t = cal.now() + kOffsets[arg];
    switch (op) {
      case Schedule:
        cal.schedule(t, 0, next_id);
        oracle.emplace(t, next_id++);
        break;
      case ScheduleCancellable:
        handles.emplace_back(cal.schedule_cancellable(Event{t, 0, next_id}), oracle.emplace(t, next_id));
        live.push_back(true);
        ++next_id;
        break;
      case Cancel: {
        if (handles.empty()) break;
        const std::size_t k = static_cast<std::size_t>(arg) * 7919 % handles.size();
        RC_ASSERT(cal.pending(handles[k].first) == live[k]);
        RC_ASSERT(cal.cancel(handles[k].first) == live[k]);
        if (live[k]) oracle.erase(handles[k].second);
        live[k] = false;
        break;
      }
      case Pop: {
        RC_ASSERT(cal.empty() == oracle.empty());
        if (oracle.empty()) break;
        const Event e = cal.pop();
        RC_ASSERT(e.time == oracle.begin()->first);
        RC_ASSERT(e.subject == oracle.begin()->second);
        RC_ASSERT(cal.now() == e.time);
        for (std::size_t k = 0; k < handles.size(); ++k)
          if (live[k] && handles[k].second == oracle.begin()) live[k] = false;
        oracle.erase(oracle.begin());
        break;
      }
    }
    RC_ASSERT(cal.size() == oracle.size());
    RC_ASSERT(cal.next_time() == (oracle.empty() ? std::numeric_limits<double>::infinity() : oracle.begin()->first));
  }
  while (!oracle.empty()) {
    const Event e = cal.pop();
    RC_ASSERT(e.subject == oracle.begin()->second);
    oracle.erase(oracle.begin());
  }
  RC_ASSERT(cal.empty());
}
