#pragma once
// Specialist supporters / helpers who can be sent to a person's home: a limited number at once, and a
// dispatch may start only at the hours the provider allows.
#include "models/hub/scenario.hpp"

namespace kyoten::hub {

class Supporters {
 public:
  explicit Supporters(const HomeSupport& spec) : spec_(&spec) {}
  [[nodiscard]] int busy() const { return busy_; }
  // Reserves a supporter if one is free and a dispatch may start at this hour of the day.
  bool try_reserve(int hour_of_day) {
    if (busy_ >= spec_->supporters || !spec_->can_start[hour_of_day]) return false;
    ++busy_;
    return true;
  }
  void release() { --busy_; }

 private:
  const HomeSupport* spec_;
  int busy_ = 0;
};

}  // namespace kyoten::hub
