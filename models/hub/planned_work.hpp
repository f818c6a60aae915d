#pragma once
// Planned work at each center: the diary its tasks are booked into, the tasks booked and not yet started
// (earliest booked first; visits apart from desk work, since a visit also needs a colleague left at the
// phones), and the interruptible desk work in progress, which a call may interrupt. Tasks are the model's
// case ids; their durations live with the cases.
#include <cstdint>
#include <optional>
#include <queue>
#include <vector>

#include "models/hub/work_diary.hpp"

namespace kyoten::hub {

class PlannedWork {
 public:
  struct Booked {
    double at = 0;           // booked start
    std::uint64_t seq = 0;   // booking order, for equal times
    std::uint32_t task = 0;
  };

  explicit PlannedWork(int centers) : centers_(static_cast<std::size_t>(centers)) {}

  [[nodiscard]] WorkDiary& diary(int center) { return centers_[center].diary; }
  // After a change of plan the hours' capacities may differ: the diaries look at every hour again.
  void recheck_capacity() {
    for (Center& c : centers_) c.diary.recheck();
  }

  // A task booked to start at `at` (an interrupted one keeps its first booked time, so it resumes first).
  void queue(int center, std::uint32_t task, bool visit, double at) { ready(center, visit).push({at, seq_++, task}); }
  // The earliest booked task of the kind, if any.
  [[nodiscard]] std::optional<Booked> next(int center, bool visit) const {
    const auto& q = visit ? centers_[center].visits : centers_[center].desk;
    return q.empty() ? std::nullopt : std::optional(q.top());
  }
  void pop(int center, bool visit) { ready(center, visit).pop(); }
  // Whether a task of either kind is booked to start at or before `now`.
  [[nodiscard]] bool any_due(int center, double now) const {
    const Center& c = centers_[center];
    return (!c.desk.empty() && c.desk.top().at <= now) || (!c.visits.empty() && c.visits.top().at <= now);
  }

  void desk_started(int center, std::uint32_t task) { centers_[center].interruptible.push_back(task); }
  void desk_ended(int center, std::uint32_t task);
  // The interruptible desk work started last at `center`, if any.
  [[nodiscard]] std::optional<std::uint32_t> interruptible(int center) const {
    const auto& v = centers_[center].interruptible;
    return v.empty() ? std::nullopt : std::optional(v.back());
  }

 private:
  struct Later {
    bool operator()(const Booked& a, const Booked& b) const { return a.at != b.at ? a.at > b.at : a.seq > b.seq; }
  };
  using Queue = std::priority_queue<Booked, std::vector<Booked>, Later>;
  struct Center {
    WorkDiary diary;
    Queue desk, visits;
    std::vector<std::uint32_t> interruptible;
  };
  Queue& ready(int center, bool visit) { return visit ? centers_[center].visits : centers_[center].desk; }
  std::vector<Center> centers_;
  std::uint64_t seq_ = 0;
};

}  // namespace kyoten::hub
