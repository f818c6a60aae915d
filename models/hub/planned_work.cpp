#include "models/hub/planned_work.hpp"

#include <algorithm>

namespace kyoten::hub {

void PlannedWork::desk_ended(int center, std::uint32_t task) {
  auto& v = centers_[center].interruptible;
  if (const auto it = std::find(v.begin(), v.end(), task); it != v.end()) v.erase(it);
}

}  // namespace kyoten::hub
