// Specialist supporters sent home: limited in number and in the hours a dispatch may start.
#include <gtest/gtest.h>

#include "models/hub/supporters.hpp"

namespace kyoten::hub {
namespace {

TEST(Supporters, ReservedOnlyWhileOneIsFreeAndAtAnAllowedHour) {
  HomeSupport spec;
  spec.supporters = 1;
  spec.can_start.fill(false);
  spec.can_start[9] = true;
  Supporters s(spec);
  EXPECT_FALSE(s.try_reserve(8));  // not an hour the provider starts
  EXPECT_TRUE(s.try_reserve(9));
  EXPECT_FALSE(s.try_reserve(9));  // the only supporter is out
  EXPECT_EQ(s.busy(), 1);
  s.release();
  EXPECT_TRUE(s.try_reserve(9));
}

}  // namespace
}  // namespace kyoten::hub
