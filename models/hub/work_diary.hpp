#pragma once
// The diary a center books its planned work into: coordinator-hours booked per clock hour. A task is booked
// into the first hours at or after its earliest start that have free capacity, one coordinator working it,
// so work that falls due over a weekend is spread over the coming days instead of all starting on Monday at
// 9:00. The capacity of an hour (coordinators free for planned work then) is the caller's: the diary knows no
// schedule.
#include <algorithm>
#include <boost/circular_buffer.hpp>
#include <cmath>
#include <cstdint>
#include <limits>

namespace kyoten::hub {

class WorkDiary {
 public:
  // Hours ahead searched for free capacity; beyond that a task is not booked and starts when someone is free.
  static constexpr std::int64_t kLookaheadHours = 366 * 24;

  // Books `hours` of one coordinator's work into the free hours from `earliest` on (whole hours from the next
  // clock hour). `capacity(hour)` gives the coordinator-hours available for planned work in clock hour `hour`
  // (hour h runs from h to h + 1). Returns the booked start: the moment within the first hour with free
  // capacity at which a coordinator is free, or `earliest` when nothing could be booked.
  // `may_have_capacity_from(hour)`, if given, names the first hour at or after `hour` whose capacity may be more
  // than zero (every hour before it must have none): the search then leaps over nights and weekends.
  template <class Capacity>
  double book(double earliest, double hours, Capacity&& capacity) {
    return book(earliest, hours, capacity, [](std::int64_t hour) { return hour; });
  }
  template <class Capacity, class MayHaveCapacityFrom>
  double book(double earliest, double hours, Capacity&& capacity, MayHaveCapacityFrom&& may_have_capacity_from) {
    const auto first = static_cast<std::int64_t>(std::ceil(earliest - kEpsilon));
    // Hours before full_until_ are known to have no free capacity; the search may skip them, and move the
    // mark on while it finds only full hours from it.
    const bool from_mark = first <= full_until_;
    double start = -1, remaining = hours;
    const std::int64_t end = first + kLookaheadHours;
    for (std::int64_t h = std::max(first, full_until_); h < end && remaining > kEpsilon;) {
      Hour& hour = slot(h);
      if (std::isnan(hour.capacity)) hour.capacity = capacity(h);
      const double cap = hour.capacity;
      const double free = cap - hour.booked;
      if (free <= kEpsilon) {
        const std::int64_t next = cap > 0 ? h + 1 : std::max(h + 1, may_have_capacity_from(h));
        if (from_mark && full_until_ == h) full_until_ = next;
        h = next;
        continue;
      }
      double& booked_h = hour.booked;
      // One coordinator works the task: within the first hour it starts when the last free colleague is free.
      const double offset = start < 0 ? std::max(0.0, booked_h - (cap - 1.0)) : 0.0;
      if (start < 0) start = static_cast<double>(h) + offset;
      const double take = std::min({free, remaining, 1.0 - offset});
      booked_h += take;
      remaining -= take;
      if (from_mark && booked_h >= cap - kEpsilon && full_until_ == h) full_until_ = h + 1;
      ++h;
    }
    return start < 0 ? earliest : std::max(start, earliest);
  }

  // Books `hours` of one coordinator's work at a fixed time (a meeting), whatever else is booked then.
  void book_at(double t, double hours) {
    for (auto h = static_cast<std::int64_t>(std::floor(t)); hours > kEpsilon; ++h) {
      const double take = std::min(hours, 1.0);
      slot(h).booked += take;
      hours -= take;
    }
  }

  // The capacities may have changed (a change of plan): every hour's capacity is asked again, and hours passed
  // over as full are looked at again.
  void recheck() {
    full_until_ = std::numeric_limits<std::int64_t>::min();
    for (Hour& h : hours_) h.capacity = kUnknown;
  }
  // Clock hours before this one have no free capacity (or are past), as far as the diary knows.
  [[nodiscard]] std::int64_t full_until() const { return full_until_; }

  // Coordinator-hours booked in clock hour `hour`.
  [[nodiscard]] double booked(std::int64_t hour) const {
    const std::int64_t i = hour - first_hour_;
    return i >= 0 && i < static_cast<std::int64_t>(hours_.size()) ? hours_[static_cast<std::size_t>(i)].booked : 0.0;
  }

 private:
  static constexpr double kEpsilon = 1e-9;
  static constexpr double kUnknown = std::numeric_limits<double>::quiet_NaN();
  // A clock hour: the coordinator-hours booked in it, and its capacity once asked (asked once until a change of
  // plan, since a booking may scan weeks of nights and weekends).
  struct Hour {
    double booked = 0.0;
    double capacity = kUnknown;
  };
  // The hours from first_hour_ on, in a ring (hours dropped at the front are reused at the back); its capacity
  // doubles when it must grow, so a booking that scans far ahead does not reallocate hour by hour.
  Hour& slot(std::int64_t hour) {
    if (hours_.empty()) first_hour_ = hour;
    if (hour < first_hour_) {
      const auto size = hours_.size() + static_cast<std::size_t>(first_hour_ - hour);
      make_room(size);
      hours_.rresize(size);
      first_hour_ = hour;
    } else if (const auto i = static_cast<std::size_t>(hour - first_hour_); i >= hours_.size()) {
      make_room(i + 1);
      while (hours_.size() <= i) hours_.push_back(Hour{});
    }
    return hours_[static_cast<std::size_t>(hour - first_hour_)];
  }
  void make_room(std::size_t size) {
    if (size > hours_.capacity()) hours_.set_capacity(std::max({size, 2 * hours_.capacity(), std::size_t{64}}));
  }

 public:
  // Time has come to `now`: nothing can be booked before it any more (bookings start on whole hours).
  void advance_to(double now) {
    const auto hour = static_cast<std::int64_t>(std::floor(now));
    full_until_ = std::max(full_until_, static_cast<std::int64_t>(std::ceil(now - kEpsilon)));
    if (hours_.empty() || hour <= first_hour_) return;
    const auto passed = std::min(hours_.size(), static_cast<std::size_t>(hour - first_hour_));
    hours_.erase_begin(passed);
    first_hour_ += static_cast<std::int64_t>(passed);
  }

 private:
  std::int64_t first_hour_ = 0;  // clock hour of the first hour held
  std::int64_t full_until_ = std::numeric_limits<std::int64_t>::min();
  boost::circular_buffer<Hour> hours_;
};

}  // namespace kyoten::hub
