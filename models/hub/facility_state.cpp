#include "models/hub/facility_state.hpp"

#include <algorithm>
#include <boost/random/exponential_distribution.hpp>
#include <cassert>
#include <functional>
#include <limits>

#include "models/queueing/closed_forms.hpp"
#include "sim/time/civil_calendar.hpp"

namespace kyoten::hub {
namespace {
using sim::kHoursPerDay;
constexpr double kNever = std::numeric_limits<double>::infinity();
}  // namespace

double planned_requests_per_hour(const Facility& spec) {
  const int ordinary_beds = spec.beds - spec.reserved_emergency_beds;
  const double mean_stay_hours = spec.planned_stay_days.mean() * kHoursPerDay;
  if (!spec.in_service || ordinary_beds < 1 || !(mean_stay_hours > 0) || !(spec.planned_occupancy > 0)) return 0.0;
  const double occupancy = std::min(spec.planned_occupancy, kMaxPlannedOccupancy);
  return queueing::erlang_b_offered_load_for_occupancy(occupancy, ordinary_beds) / mean_stay_hours;
}

FacilityState::FacilityState(const Facility& f, sim::RandomStream planned_stream, double planned_arrivals_per_hour)
    : spec_(&f),
      planned_stream_(std::move(planned_stream)),
      planned_arrivals_per_hour_(planned_arrivals_per_hour),
      next_planned_request_(kNever) {
  planned_ends_.reserve(static_cast<std::size_t>(std::max(0, f.beds)));
  if (planned_arrivals_per_hour_ > 0) {
    next_planned_request_ =
        boost::random::exponential_distribution<double>(planned_arrivals_per_hour_)(planned_stream_);
  }
}

void FacilityState::advance_to(double t) {
  assert(t >= now_);
  for (;;) {
    const double next_end = planned_ends_.empty() ? kNever : planned_ends_.front();
    if (next_end <= next_planned_request_) {
      if (next_end > t) break;
      std::pop_heap(planned_ends_.begin(), planned_ends_.end(), std::greater<>{});
      planned_ends_.pop_back();
      planned_level_.add(next_end, -1);
    } else {
      if (next_planned_request_ > t) break;
      on_planned_request(next_planned_request_);
    }
  }
  now_ = t;
}

void FacilityState::on_planned_request(double t) {
  if (counting_refusals_) ++planned_requests_;
  if (has_bed_for_planned()) {
    if (counting_refusals_) ++planned_admitted_;
    planned_ends_.push_back(t + spec_->planned_stay_days(planned_stream_) * kHoursPerDay);
    std::push_heap(planned_ends_.begin(), planned_ends_.end(), std::greater<>{});
    planned_level_.add(t, +1);
  } else if (counting_refusals_) {
    ++planned_refused_;
  }
  next_planned_request_ =
      t + boost::random::exponential_distribution<double>(planned_arrivals_per_hour_)(planned_stream_);
}

void FacilityState::restart_statistics(double t) {
  advance_to(t);
  planned_level_.restart(t);
  planned_requests_ = 0;
  planned_admitted_ = 0;
  planned_refused_ = 0;
  counting_refusals_ = true;
}

void FacilityState::change_plan(const Facility& f, double planned_arrivals_per_hour) {
  spec_ = &f;
  if (planned_arrivals_per_hour == planned_arrivals_per_hour_) return;  // same stream of requests, same draws
  // The next request was drawn at the old rate; a Poisson stream restarted now at the new rate is exact
  // (memorylessness).
  planned_arrivals_per_hour_ = planned_arrivals_per_hour;
  next_planned_request_ =
      planned_arrivals_per_hour_ > 0
          ? now_ + boost::random::exponential_distribution<double>(planned_arrivals_per_hour_)(planned_stream_)
          : kNever;
}

bool FacilityState::has_bed_for_planned() const {
  // Emergency and experience stays sit in reserved beds first; only their excess takes ordinary beds.
  const int overflow_into_ordinary = std::max(0, emergency_ + experience() - spec_->reserved_emergency_beds);
  return in_service() && planned() + overflow_into_ordinary < spec_->beds - spec_->reserved_emergency_beds;
}

bool FacilityState::capable_of(const Registrant& r) const {
  if (r.medical_care && !spec_->medical_care) return false;
  if (r.behavioural && !spec_->behavioural) return false;
  if (r.child && !spec_->children) return false;
  return true;
}

double FacilityState::acceptance_probability(const Registrant& r, int facility_index, TimeBand band) const {
  const Acceptance& a = spec_->acceptance;
  double p = a.base[static_cast<int>(band)];
  if (r.assessed) p *= a.assessed_factor;
  if (r.knows(facility_index)) p *= a.known_factor;
  if (r.advance_plan) p *= a.advance_plan_factor;
  return std::min(1.0, p);
}

void FacilityState::discharge_experience(std::uint32_t booking) {
  auto it = std::find_if(experience_occupants_.begin(), experience_occupants_.end(),
                         [booking](const ExperienceOccupant& o) { return o.booking == booking; });
  assert(it != experience_occupants_.end());
  *it = experience_occupants_.back();
  experience_occupants_.pop_back();
}

ExperienceOccupant FacilityState::preempt_experience() {
  assert(!experience_occupants_.empty());
  const ExperienceOccupant o = experience_occupants_.back();
  experience_occupants_.pop_back();
  return o;
}

}  // namespace kyoten::hub
