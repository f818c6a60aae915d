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

bool Population::assessment_due(std::uint32_t id, double now) {
  Registrant& r = registrants_[id];
  if (r.awaiting_assessment) return false;
  r.awaiting_assessment = true;
  r.assessment_due_at = now;
  ++backlog_;
  return true;
}

Population::Overdue Population::overdue_at(double now) const {
  Overdue o;
  for (const std::uint32_t id : active_) {
    const Registrant& r = registrants_[id];
    if (!r.awaiting_assessment) continue;
    const AssessmentWait wait = assessment_wait(r, now);  // as if it started now: the recorder's rule
    o.past_deadline += wait.late ? 1 : 0;
    o.past_grace += wait.past_grace ? 1 : 0;
  }
  return o;
}

bool Population::start_assessment(std::uint32_t id) {
  Registrant& r = registrants_[id];
  if (!r.awaiting_assessment) return false;  // left the register while waiting
  r.awaiting_assessment = false;
  --backlog_;
  return true;
}

}  // namespace kyoten::hub
