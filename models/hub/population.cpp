#include "models/hub/population.hpp"

namespace kyoten::hub {

std::uint32_t Population::add(const Registrant& person) {
  const auto id = static_cast<std::uint32_t>(registrants_.size());
  registrants_.push_back(person);
  registrants_.back().active_position = static_cast<std::int32_t>(active_.size());
  active_.push_back(id);
  return id;
}

bool Population::leave(std::uint32_t id) {
  Registrant& r = registrants_[id];
  if (r.active_position < 0) return false;
  const auto pos = static_cast<std::size_t>(r.active_position);
  active_[pos] = active_.back();
  registrants_[active_[pos]].active_position = static_cast<std::int32_t>(pos);
  active_.pop_back();
  r.active_position = -1;
  if (!r.awaiting_assessment) return false;
  r.awaiting_assessment = false;
  --backlog_;
  return true;
}

bool Population::assessment_due(std::uint32_t id, double now, int center) {
  Registrant& r = registrants_[id];
  if (r.awaiting_assessment) return false;
  r.awaiting_assessment = true;
  r.assessment_due_at = now;
  ++backlog_;
  assessment_queue_[center].push_back(id);
  return true;
}

std::optional<std::uint32_t> Population::next_assessment(int center) {
  auto& queue = assessment_queue_[center];
  while (!queue.empty()) {
    const std::uint32_t id = queue.front();
    queue.pop_front();
    if (!registrants_[id].awaiting_assessment) continue;  // left the register while waiting
    registrants_[id].awaiting_assessment = false;
    --backlog_;
    return id;
  }
  return std::nullopt;
}

}  // namespace kyoten::hub
