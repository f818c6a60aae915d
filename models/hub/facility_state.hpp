#pragma once
// A short-stay facility's beds during a run. Planned (regular) stays may use only the beds not reserved for
// emergencies; emergencies and experience stays take reserved beds first, then ordinary ones. A Facility
// accepts or refuses an emergency: it needs a free bed and then says yes with a probability that depends on
// the hour and on what it knows of the person.
//
// Planned stays run lazily. They are a Poisson stream of requests, each admitted when an ordinary bed is free
// and held for a drawn length, and they touch the rest of the model only through this facility's beds. So
// rather than putting their arrivals and departures on the event calendar (over half a million events in a
// ward-wide decade), the facility replays them up to `t` whenever the model is about to look at or change its
// beds: advance_to(t). The draws, their order and the resulting trajectory are those of the eager version.
// The neighbouring municipalities' stays in wide-area beds (Facility::wide_area) run the same way, from a stream
// of their own; daytime respite is set by the model on the hour (set_respite).
#include <cassert>
#include <vector>

#include "models/hub/registrant.hpp"
#include "models/hub/scenario.hpp"
#include "sim/event/event_calendar.hpp"
#include "sim/random/stream.hpp"
#include "sim/stats/tally.hpp"

namespace kyoten::hub {

struct ExperienceOccupant {
  std::uint32_t booking = 0;
  sim::EventHandle end;  // cancelled if an emergency pre-empts the stay
};

// The rate of planned requests that keeps, on average, the facility's `planned_occupancy` share of its ordinary
// (non-reserved) beds filled by planned stays. Requests that find no ordinary bed are refused and lost, so the
// ordinary beds are an M/G/c/c loss system for them: the rate is the offered load that carries that share
// (Erlang B inverted), not the share itself — which would fill fewer beds. Emergency and experience stays that
// take ordinary beds are not in this balance; they lower the realised share a little (docs/model.md §2.5.9).
// A drawn share above kMaxPlannedOccupancy is taken as that.
[[nodiscard]] double planned_requests_per_hour(const Facility& spec);

class FacilityState {
 public:
  // `planned_stream` is this facility's own stream, so adding a facility shifts no other facility's draws.
  FacilityState(const Facility& f, sim::RandomStream planned_stream, double planned_arrivals_per_hour);

  [[nodiscard]] const Facility& spec() const { return *spec_; }
  // Occupancy as of the last advance_to().
  [[nodiscard]] int in_use() const { return planned() + emergency_ + experience() + neighbour() + respite_; }
  [[nodiscard]] int planned() const { return static_cast<int>(planned_ends_.size()); }
  [[nodiscard]] int emergency() const { return emergency_; }
  [[nodiscard]] int experience() const { return static_cast<int>(experience_occupants_.size()); }
  [[nodiscard]] int neighbour() const { return static_cast<int>(neighbour_ends_.size()); }  // neighbours' stays
  [[nodiscard]] int respite() const { return respite_; }  // beds taken for daytime respite

  // A facility out of service takes nobody; one with fewer beds than occupants (after a dated change) takes
  // nobody until enough have left.
  [[nodiscard]] bool in_service() const { return spec_->in_service; }
  [[nodiscard]] bool has_bed_for_emergency() const { return in_service() && in_use() < spec_->beds; }
  [[nodiscard]] bool has_bed_for_experience() const { return in_service() && in_use() < spec_->beds; }
  [[nodiscard]] bool has_bed_for_planned() const;
  // A reserved bed (空床確保) that nobody holds: the municipality pays for it so that an emergency is taken.
  [[nodiscard]] bool has_free_reserved_bed() const {
    return emergency_ + experience() + neighbour() < spec_->reserved_emergency_beds && has_bed_for_emergency();
  }

  // Whether this facility can care for the person at all (medical care, behavioural support, children).
  [[nodiscard]] bool capable_of(const Registrant& r) const;
  // P(yes | a free bed), asked in `band`.
  [[nodiscard]] double acceptance_probability(const Registrant& r, int facility_index, TimeBand band) const;

  // Plays the planned stays forward to time t (never backwards). Call before reading or changing the beds.
  void advance_to(double t);
  // Planned bed-hours since restart_statistics(), up to the last advance_to().
  [[nodiscard]] double planned_bed_hours() const { return planned_level_.integral(now_); }
  // Planned requests, and those refused for want of a bed, counting those made at or after restart_statistics().
  [[nodiscard]] int planned_requests() const { return planned_requests_; }
  [[nodiscard]] int planned_admitted() const { return planned_admitted_; }
  [[nodiscard]] int planned_refused() const { return planned_refused_; }
  // The same for the neighbours' stays in wide-area beds, and the bed-hours they and daytime respite held.
  [[nodiscard]] double neighbour_bed_hours() const { return neighbour_level_.integral(now_); }
  [[nodiscard]] int neighbour_admitted() const { return neighbour_admitted_; }
  [[nodiscard]] int neighbour_refused() const { return neighbour_refused_; }
  [[nodiscard]] double respite_bed_hours() const { return respite_level_.integral(now_); }
  [[nodiscard]] double respite_wanted_bed_hours() const { return respite_wanted_level_.integral(now_); }
  // Drops the warm-up: advances to t and starts the bed-hours and refusal counts afresh.
  void restart_statistics(double t);
  // A dated change of plan (call after advance_to(now)): beds, reserved beds and the rate of planned requests
  // (and of the neighbours' ones) from now on; the people in the beds stay. `f` must outlive this state.
  void change_plan(const Facility& f, double planned_arrivals_per_hour);
  // Daytime respite wants `beds` beds from now (call after advance_to(now)). More than it holds: it takes what
  // ordinary beds are free, and keeps to that until its next change; fewer: it gives the rest back.
  void set_respite(int beds);

  // Admitting needs a free bed as of now: a caller that forgot advance_to(now) may have seen a stale free bed.
  void admit_emergency() {
    assert(has_bed_for_emergency());
    ++emergency_;
  }
  void discharge_emergency() { --emergency_; }
  void admit_experience(ExperienceOccupant o) {
    assert(has_bed_for_experience());
    experience_occupants_.push_back(o);
  }
  void discharge_experience(std::uint32_t booking);
  // Removes one experience stay to make room for an emergency; returns it so its end event can be cancelled.
  ExperienceOccupant preempt_experience();

 private:
  void on_planned_request(double t);
  void on_neighbour_request(double t);
  [[nodiscard]] int free_ordinary_beds() const;

  const Facility* spec_;
  sim::RandomStream planned_stream_;
  double planned_arrivals_per_hour_;
  double next_planned_request_;
  std::vector<double> planned_ends_;  // end times of the planned stays in progress, latest first
  sim::TimeWeighted planned_level_;
  double now_ = 0;
  bool counting_refusals_ = false;
  int planned_requests_ = 0;
  int planned_admitted_ = 0;
  int planned_refused_ = 0;
  int emergency_ = 0;
  std::vector<ExperienceOccupant> experience_occupants_;
  sim::RandomStream neighbour_stream_;
  double neighbour_arrivals_per_hour_ = 0;
  double next_neighbour_request_;
  std::vector<double> neighbour_ends_;  // latest first, as planned_ends_
  sim::TimeWeighted neighbour_level_;
  int neighbour_admitted_ = 0;
  int neighbour_refused_ = 0;
  int respite_ = 0;
  int respite_wanted_ = 0;
  sim::TimeWeighted respite_level_, respite_wanted_level_;
};

}  // namespace kyoten::hub
