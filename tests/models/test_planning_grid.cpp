// The --vary/--space grammar and the grid: values split only at top-level commas, keys joined by ';' move together,
// the product keeps a fixed order (a resumed sweep finds its points by index), and malformed text is bad input.
#include <gtest/gtest.h>

#include "planning/grid.hpp"
#include "scenario/input_error.hpp"

namespace kyoten::planning {
namespace {

TEST(PlanningGrid, OneKeyManyValues) {
  const Dimension d = parse_dimension("facilities[0].beds = 4, 6 ,8", "--vary");
  ASSERT_EQ(d.keys, std::vector<std::string>{"facilities[0].beds"});
  EXPECT_EQ(d.values[0], (std::vector<std::string>{"4", "6", "8"}));
  EXPECT_EQ(d.size(), 3u);
}

TEST(PlanningGrid, CommasInsideArraysTablesAndStringsDoNotSplit) {
  const Dimension d = parse_dimension(
      R"(search.fallbacks=["home_help", "hand_over"],[],"a,b",{ dist = "constant", value = 3 })", "--vary");
  EXPECT_EQ(d.values[0], (std::vector<std::string>{R"(["home_help", "hand_over"])", "[]", R"("a,b")",
                                                   R"({ dist = "constant", value = 3 })"}));
}

TEST(PlanningGrid, KeysJoinedBySemicolonMoveTogether) {
  const Dimension d = parse_dimension("facilities[0].beds=1,2;facilities[0].reserved_emergency_beds=1,2", "--space");
  ASSERT_EQ(d.keys.size(), 2u);
  const auto points = cartesian_product({d});
  ASSERT_EQ(points.size(), 2u);
  EXPECT_EQ(overrides_of(points[1]),
            (std::vector<std::string>{"facilities[0].beds=2", "facilities[0].reserved_emergency_beds=2"}));
}

TEST(PlanningGrid, ProductHasEveryCombinationLastDimensionFastest) {
  const auto points = cartesian_product({parse_dimension("a=1,2", "--vary"), parse_dimension("b=x,y,z", "--vary")});
  ASSERT_EQ(points.size(), 6u);
  EXPECT_EQ(point_label(points[0]), "a=1, b=x");
  EXPECT_EQ(point_label(points[1]), "a=1, b=y");
  EXPECT_EQ(point_label(points[3]), "a=2, b=x");
  EXPECT_EQ(point_label(points[5]), "a=2, b=z");
}

TEST(PlanningGrid, PointJsonKeepsNumbersAndBooleansTyped) {
  const auto points = cartesian_product({parse_dimension("n=3", "--vary"), parse_dimension("x=0.5", "--vary"),
                                         parse_dimension("f=true", "--vary"), parse_dimension("s=plain", "--vary"),
                                         parse_dimension(R"(q="quoted")", "--vary")});
  const auto j = point_json(points.at(0));
  EXPECT_EQ(j["n"], 3);
  EXPECT_DOUBLE_EQ(j["x"].get<double>(), 0.5);
  EXPECT_EQ(j["f"], true);
  EXPECT_EQ(j["s"], "plain");
  EXPECT_EQ(j["q"], "quoted");
}

TEST(PlanningGrid, MalformedTextIsBadInputNamingTheOption) {
  for (const char* bad : {"facilities[0].beds", "=1,2", "a=1,,2", "a=1,2;b=1", "a=1;a=2"}) {
    try {
      parse_dimension(bad, "--vary");
      ADD_FAILURE() << bad << " was accepted";
    } catch (const InputErrors& e) {
      ASSERT_EQ(e.errors().size(), 1u);
      EXPECT_EQ(e.errors()[0].key, "--vary") << bad;
    }
  }
}

TEST(PlanningGrid, DimensionsJsonRecordsTheGridAsGiven) {
  const auto j = dimensions_json({parse_dimension("a=1,2;b=3,4", "--vary"), parse_dimension("c=x", "--vary")});
  EXPECT_EQ(j.dump(), R"([{"a":["1","2"],"b":["3","4"]},{"c":["x"]}])");
}

}  // namespace
}  // namespace kyoten::planning
