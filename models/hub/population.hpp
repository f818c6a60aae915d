#pragma once
// The people on the register during a run: everyone ever registered (so a case can still refer to someone who
// has left), the active list that calls and experience requests are drawn from, and the assessments that have
// fallen due and not yet started (the backlog).
#include <algorithm>
#include <cstdint>
#include <deque>
#include <optional>
#include <vector>

#include "models/hub/registrant.hpp"

namespace kyoten::hub {

class Population {
 public:
  Population() = default;

  // Adds a person to the register and the active list; returns their id.
  std::uint32_t add(const Registrant& person);
  // Takes the person off the active list. Returns true if an assessment they awaited is dropped with them
  // (its queue entry is skipped when reached).
  bool leave(std::uint32_t id);

  [[nodiscard]] Registrant& operator[](std::uint32_t id) { return registrants_[id]; }
  [[nodiscard]] const Registrant& operator[](std::uint32_t id) const { return registrants_[id]; }
  [[nodiscard]] bool is_active(std::uint32_t id) const { return registrants_[id].active_position >= 0; }
  [[nodiscard]] int active_count() const { return static_cast<int>(active_.size()); }
  [[nodiscard]] bool empty() const { return active_.empty(); }
  // The active person at `position` (clamped to the list), for draws that pick someone uniformly.
  [[nodiscard]] std::uint32_t active_at(std::size_t position) const {
    return active_[std::min(position, active_.size() - 1)];
  }

  // An assessment falls due for the person at `now`. Returns false if one is already awaited (nothing changes).
  bool assessment_due(std::uint32_t id, double now);
  // The person's awaited assessment starts: true, and off the backlog, unless they left the register meanwhile.
  bool start_assessment(std::uint32_t id);
  // Assessments fallen due and not yet started.
  [[nodiscard]] int backlog() const { return backlog_; }
  // Of those, the ones already past their deadline at `now`, and past the deadline plus any extra grace.
  struct Overdue {
    int past_deadline = 0;
    int past_grace = 0;
  };
  [[nodiscard]] Overdue overdue_at(double now) const;

 private:
  std::vector<Registrant> registrants_;
  std::vector<std::uint32_t> active_;
  int backlog_ = 0;
};

}  // namespace kyoten::hub
