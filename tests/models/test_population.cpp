// The register: who is active, leaving, and assessments falling due and the backlog.
#include <gtest/gtest.h>

#include <set>

#include "models/hub/population.hpp"

namespace kyoten::hub {
namespace {

Registrant in_region(int region) {
  Registrant r;
  r.region = static_cast<std::uint16_t>(region);
  return r;
}

TEST(Population, LeavingKeepsTheOthersActiveAndTheRecordOfTheLeaver) {
  Population p;
  const auto a = p.add(in_region(0)), b = p.add(in_region(0)), c = p.add(in_region(0));
  EXPECT_EQ(p.active_count(), 3);
  EXPECT_FALSE(p.leave(a));  // awaited no assessment
  EXPECT_EQ(p.active_count(), 2);
  EXPECT_FALSE(p.is_active(a));
  EXPECT_TRUE(p.is_active(b));
  EXPECT_TRUE(p.is_active(c));
  // The two left are exactly b and c, whichever position each now holds.
  const std::set<std::uint32_t> active{p.active_at(0), p.active_at(1)};
  EXPECT_EQ(active, (std::set<std::uint32_t>{b, c}));
  EXPECT_EQ(p.active_at(99), p.active_at(1));  // a draw at the edge is clamped to the list
  EXPECT_FALSE(p.leave(a));                   // leaving twice changes nothing
  EXPECT_EQ(p.active_count(), 2);
}

TEST(Population, AnAssessmentFallsDueOnceAndLeavesTheBacklogWhenItStarts) {
  Population p;
  const auto a = p.add(in_region(0)), b = p.add(in_region(0));
  EXPECT_TRUE(p.assessment_due(a, 1.0));
  EXPECT_TRUE(p.assessment_due(b, 3.0));
  EXPECT_FALSE(p.assessment_due(a, 4.0));  // already awaited: not due twice, due time kept
  EXPECT_EQ(p.backlog(), 2);
  EXPECT_DOUBLE_EQ(p[a].assessment_due_at, 1.0);
  EXPECT_TRUE(p.start_assessment(b));
  EXPECT_EQ(p.backlog(), 1);
  EXPECT_FALSE(p.start_assessment(b));  // started already
  EXPECT_TRUE(p.start_assessment(a));
  EXPECT_EQ(p.backlog(), 0);
}

TEST(Population, SomeoneWhoLeavesWhileWaitingLeavesTheBacklogAndIsSkipped) {
  Population p;
  const auto a = p.add(in_region(0)), b = p.add(in_region(0));
  p.assessment_due(a, 0.0);
  p.assessment_due(b, 0.0);
  EXPECT_TRUE(p.leave(a));  // an awaited assessment is dropped
  EXPECT_EQ(p.backlog(), 1);
  EXPECT_FALSE(p.start_assessment(a));  // the booked assessment finds them gone
  EXPECT_TRUE(p.start_assessment(b));
  EXPECT_EQ(p.backlog(), 0);
}

TEST(Population, OnlyAwaitedAssessmentsPastTheirDeadlineAreOverdue) {
  Population p;
  const auto waiting_long = p.add(in_region(0)), waiting_short = p.add(in_region(0)), started = p.add(in_region(0)),
             left = p.add(in_region(0)), in_grace = p.add(in_region(0));
  for (const auto id : {waiting_long, waiting_short, started, left, in_grace}) p.assessment_due(id, 0.0);
  // Deadlines in days after falling due at hour 0: 100 hours is 100/24 days.
  const auto deadline = [&](std::uint32_t id, double late_after_hours, double grace_after_hours) {
    p[id].assessment_late_after_days = late_after_hours / 24.0;
    p[id].assessment_grace_after_days = grace_after_hours / 24.0;
  };
  deadline(waiting_long, 100.0, 100.0);
  deadline(waiting_short, 300.0, 300.0);
  deadline(started, 100.0, 100.0);
  deadline(left, 100.0, 100.0);
  deadline(in_grace, 100.0, 500.0);  // past the deadline, within an extra grace
  p.start_assessment(started);
  p.leave(left);
  // At hour 200: the long wait and the one in its grace are past the deadline; only the long one past any grace.
  const Population::Overdue o = p.overdue_at(200.0);
  EXPECT_EQ(o.past_deadline, 2);
  EXPECT_EQ(o.past_grace, 1);
  // Exactly at a deadline is not yet past it.
  EXPECT_EQ(p.overdue_at(100.0).past_deadline, 0);
}

}  // namespace
}  // namespace kyoten::hub
