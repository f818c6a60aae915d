// Service targets: the text form, bad input with a did-you-mean, and the three-way decision by one-sided bounds.
#include <gtest/gtest.h>

#include "models/hub/results.hpp"
#include "models/planning/targets.hpp"
#include "models/scenario/input_error.hpp"

namespace kyoten::planning {
namespace {

TEST(PlanningTargets, ParsesBothRelations) {
  const Target a = parse_target("p_no_bed<=0.05");
  EXPECT_EQ(a.kpi, hub::kpi_index("p_no_bed"));
  EXPECT_EQ(a.relation, Relation::AtMost);
  EXPECT_DOUBLE_EQ(a.bound, 0.05);
  const Target b = parse_target(" arrange_within_4h >= 0.95 ");
  EXPECT_EQ(b.kpi, hub::kpi_index("arrange_within_4h"));
  EXPECT_EQ(b.relation, Relation::AtLeast);
  EXPECT_EQ(b.text, "arrange_within_4h>=0.95");
}

TEST(PlanningTargets, UnknownKpiSuggestsTheClosest) {
  try {
    parse_target("p_no_beds<=0.05");
    FAIL() << "accepted";
  } catch (const InputErrors& e) {
    EXPECT_NE(e.errors()[0].hint.find("did you mean 'p_no_bed'"), std::string::npos) << e.what();
  }
}

TEST(PlanningTargets, MalformedTargetsAreBadInput) {
  for (const char* bad : {"p_no_bed<0.05", "p_no_bed", "p_no_bed<=", "p_no_bed<=five", "p_no_bed<=5", "calls=>3"})
    EXPECT_THROW(parse_target(bad), InputErrors) << bad;
}

TEST(PlanningTargets, DecidesByOneSidedBounds) {
  const Target at_most = parse_target("p_no_bed<=0.05");
  const std::vector<double> low{0.01, 0.02, 0.01, 0.02, 0.015}, high{0.20, 0.21, 0.19, 0.2, 0.22},
      near{0.04, 0.06, 0.05, 0.045, 0.055};
  EXPECT_EQ(check_target(low, at_most, 0.001).status, Status::Feasible);
  EXPECT_EQ(check_target(high, at_most, 0.001).status, Status::Infeasible);
  EXPECT_EQ(check_target(near, at_most, 0.001).status, Status::Undecided);
  const Target at_least = parse_target("arrange_within_4h>=0.5");
  EXPECT_EQ(check_target(high, at_least, 0.001).status, Status::Infeasible);
  EXPECT_EQ(check_target(std::vector<double>{0.9, 0.95, 0.92}, at_least, 0.001).status, Status::Feasible);
}

TEST(PlanningTargets, FewerThanTwoValuesIsUndecided) {
  const Target t = parse_target("p_no_bed<=0.05");
  EXPECT_EQ(check_target(std::vector<double>{0.0}, t, 0.01).status, Status::Undecided);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(check_target(std::vector<double>{nan, nan, 0.0}, t, 0.01).status, Status::Undecided);
}

TEST(PlanningTargets, ZeroSpreadDecidesByTheMean) {
  const Target t = parse_target("p_no_bed<=0.05");
  EXPECT_EQ(check_target(std::vector<double>{0, 0, 0}, t, 0.001).status, Status::Feasible);
  EXPECT_EQ(check_target(std::vector<double>{0.06, 0.06}, t, 0.001).status, Status::Infeasible);
}

}  // namespace
}  // namespace kyoten::planning
