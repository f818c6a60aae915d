// The hub's emergency rooms: held while free, and no more than there are.
#include <gtest/gtest.h>

#include "models/hub/hub_rooms.hpp"

namespace kyoten::hub {
namespace {

TEST(HubRooms, HoldsAtMostTheRoomsThereAre) {
  HubRooms rooms(2);
  EXPECT_TRUE(rooms.try_hold());
  EXPECT_TRUE(rooms.try_hold());
  EXPECT_FALSE(rooms.try_hold());
  EXPECT_EQ(rooms.in_use(), 2);
  rooms.release();
  EXPECT_TRUE(rooms.try_hold());
}

TEST(HubRooms, NoRoomsMeansNoneIsEverHeld) {
  HubRooms rooms(0);
  EXPECT_FALSE(rooms.try_hold());
  EXPECT_EQ(rooms.in_use(), 0);
}

}  // namespace
}  // namespace kyoten::hub
