#include "models/hub/facility_state.hpp"

#include <algorithm>
#include <boost/random/exponential_distribution.hpp>
#include <cassert>
#include <initializer_list>
#include <limits>

#include "models/queueing/closed_forms.hpp"
#include "sim/time/civil_calendar.hpp"

namespace kyoten::hub {
namespace {
using sim::kHoursPerDay;
constexpr double kNever = std::numeric_limits<double>::infinity();
using sim::kHoursPerYear;

double neighbour_requests_per_hour(const Facility& spec) {
  return spec.wide_area.beds > 0 ? spec.wide_area.neighbour_stays_per_year / kHoursPerYear : 0.0;
}

double first_request(double now, double rate_per_hour, sim::RandomStream& stream) {
  return rate_per_hour > 0 ? now + boost::random::exponential_distribution<double>(rate_per_hour)(stream) : kNever;
}

// The neighbours' stream is keyed off the facility's planned-stay stream, so each facility has its own and a
// scenario without wide-area beds draws exactly what it drew before.
sim::RandomStream neighbour_stream_of(const sim::RandomStream& planned) {
  const sim::StreamKey k = planned.key();
  return sim::RandomStream(sim::StreamKey{k.seed, k.replication, k.purpose ^ sim::purpose_code("neighbour-stays")});
}

// End times of the stays in progress, kept sorted latest first: the earliest is the last, taken off in one step,
// and a new end moves past the few (a facility has a handful of beds) that end sooner.
inline double earliest_end(const std::vector<double>& ends) { return ends.empty() ? kNever : ends.back(); }
inline void insert_end(std::vector<double>& ends, double end) {
  ends.push_back(end);
  std::size_t i = ends.size() - 1;
  for (; i > 0 && ends[i - 1] < end; --i) ends[i] = ends[i - 1];
  ends[i] = end;
}
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
      next_planned_request_(kNever),
      neighbour_stream_(neighbour_stream_of(planned_stream_)),
      neighbour_arrivals_per_hour_(neighbour_requests_per_hour(f)),
      next_neighbour_request_(first_request(0.0, neighbour_arrivals_per_hour_, neighbour_stream_)) {
  planned_ends_.reserve(static_cast<std::size_t>(std::max(0, f.beds)));
  if (planned_arrivals_per_hour_ > 0) {
    next_planned_request_ =
        boost::random::exponential_distribution<double>(planned_arrivals_per_hour_)(planned_stream_);
  }
}

void FacilityState::advance_to(double t) {
  assert(t >= now_);
  // The earliest of the four: a planned stay ends, a neighbour's stay ends, a planned request, a neighbour's
  // request (at a tie, in that order: a bed freed at the instant of a request is free for it).
  for (;;) {
    const double planned_end = earliest_end(planned_ends_);
    const double neighbour_end = earliest_end(neighbour_ends_);
    const double next = std::min({planned_end, neighbour_end, next_planned_request_, next_neighbour_request_});
    if (next > t) break;
    if (next == planned_end) {
      planned_ends_.pop_back();
      planned_level_.add(next, -1);
    } else if (next == neighbour_end) {
      neighbour_ends_.pop_back();
      neighbour_level_.add(next, -1);
    } else if (next == next_planned_request_) {
      on_planned_request(next);
    } else {
      on_neighbour_request(next);
    }
  }
  now_ = t;
}

void FacilityState::on_neighbour_request(double t) {
  // A neighbour's stay takes a wide-area bed while fewer than the shared beds are theirs and any bed is free
  // (the reserved bed first, as an emergency would); else it goes elsewhere.
  const bool admitted = neighbour() < spec_->wide_area.beds && has_bed_for_emergency();
  if (admitted) {
    insert_end(neighbour_ends_, t + spec_->wide_area.neighbour_stay_days(neighbour_stream_) * kHoursPerDay);
    neighbour_level_.add(t, +1);
  }
  if (counting_refusals_) ++(admitted ? neighbour_admitted_ : neighbour_refused_);
  next_neighbour_request_ =
      t + boost::random::exponential_distribution<double>(neighbour_arrivals_per_hour_)(neighbour_stream_);
}

int FacilityState::free_ordinary_beds() const {
  // Emergency, experience and neighbours' stays sit in reserved beds first; only their excess takes ordinary beds.
  const int overflow_into_ordinary =
      std::max(0, emergency_ + experience() + neighbour() - spec_->reserved_emergency_beds);
  return spec_->beds - spec_->reserved_emergency_beds - planned() - respite_ - overflow_into_ordinary;
}

void FacilityState::set_respite(int beds) {
  respite_wanted_level_.add(now_, beds - respite_wanted_);
  respite_wanted_ = beds;
  const int held = beds <= respite_ ? beds : respite_ + std::clamp(free_ordinary_beds(), 0, beds - respite_);
  const int taken = in_service() ? held : std::min(held, respite_);
  respite_level_.add(now_, taken - respite_);
  respite_ = taken;
}

void FacilityState::on_planned_request(double t) {
  if (counting_refusals_) ++planned_requests_;
  if (has_bed_for_planned()) {
    if (counting_refusals_) ++planned_admitted_;
    insert_end(planned_ends_, t + spec_->planned_stay_days(planned_stream_) * kHoursPerDay);
    planned_level_.add(t, +1);
  } else if (counting_refusals_) {
    ++planned_refused_;
  }
  next_planned_request_ =
      t + boost::random::exponential_distribution<double>(planned_arrivals_per_hour_)(planned_stream_);
}

void FacilityState::restart_statistics(double t) {
  advance_to(t);
  for (sim::TimeWeighted* level : {&planned_level_, &neighbour_level_, &respite_level_, &respite_wanted_level_})
    level->restart(t);
  planned_requests_ = 0;
  planned_admitted_ = 0;
  planned_refused_ = 0;
  neighbour_admitted_ = 0;
  neighbour_refused_ = 0;
  counting_refusals_ = true;
}

void FacilityState::change_plan(const Facility& f, double planned_arrivals_per_hour) {
  spec_ = &f;
  if (const double rate = neighbour_requests_per_hour(f); rate != neighbour_arrivals_per_hour_) {
    neighbour_arrivals_per_hour_ = rate;  // restarted at the new rate (memoryless), as the planned stream below
    next_neighbour_request_ = first_request(now_, rate, neighbour_stream_);
  }
  if (planned_arrivals_per_hour == planned_arrivals_per_hour_) return;  // same stream of requests, same draws
  // The next request was drawn at the old rate; a Poisson stream restarted now at the new rate is exact
  // (memorylessness).
  planned_arrivals_per_hour_ = planned_arrivals_per_hour;
  next_planned_request_ =
      planned_arrivals_per_hour_ > 0
          ? now_ + boost::random::exponential_distribution<double>(planned_arrivals_per_hour_)(planned_stream_)
          : kNever;
}

bool FacilityState::has_bed_for_planned() const { return in_service() && free_ordinary_beds() > 0; }

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
