#pragma once
// The hub's own emergency rooms (拠点の緊急居室): a room is held from the moment a coordinator decides on it,
// so nobody else takes it while the placement is arranged, until the stay ends.
namespace kyoten::hub {

class HubRooms {
 public:
  explicit HubRooms(int rooms) : rooms_(rooms) {}
  [[nodiscard]] int rooms() const { return rooms_; }
  [[nodiscard]] int in_use() const { return in_use_; }
  // Holds a room if one is free.
  bool try_hold() {
    if (in_use_ >= rooms_) return false;
    ++in_use_;
    return true;
  }
  void release() { --in_use_; }
  // A dated change of plan: fewer rooms than are held takes nobody new until enough are free.
  void set_rooms(int rooms) { rooms_ = rooms; }

 private:
  int rooms_;
  int in_use_ = 0;
};

}  // namespace kyoten::hub
