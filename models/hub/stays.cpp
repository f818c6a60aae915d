// Beds and the people in them: emergency stays at facilities and in hub rooms (with the exit-support tail), and
// experience stays booked ahead, capped per year and pre-empted by emergencies. Planned short stays run inside
// each FacilityState.
#include <algorithm>
#include <cmath>

#include "models/hub/hub_simulation.hpp"

namespace kyoten::hub {
namespace {
using sim::kHoursPerDay;
constexpr int kRespiteLookaheadDays = 31;
}  // namespace

double HubSimulation::emergency_stay_days(EmergencyCause cause, const Distribution& need,
                                          double exit_delay_probability, const Distribution& exit_delay) {
  const auto& by_cause = sc_.calls.cause_effects[static_cast<int>(cause)].stay_days;
  double days = by_cause ? (*by_cause)(rs_stays_) : need(rs_stays_);
  if (rs_stays_.uniform() < exit_delay_probability) days += exit_delay(rs_stays_);
  return std::max(0.0, days);
}

void HubSimulation::arrange_transport() {
  if (rs_stays_.uniform() < sc_.home_support.p_care_taxi) {
    recorder_.count(kpi_id("care_taxi_trips"));
    recorder_.charge(CostLine::CareTaxi, sc_.home_support.care_taxi_cost_yen);
  }
}

void HubSimulation::place_in_facility(Case& c, int f) {
  FacilityState& fs = facility_now(f);
  fs.admit_emergency();
  set_unplanned_beds_in_use(+1);
  set_emergency_beds(+1);
  const double days = emergency_stay_days(c.cause, sc_.stays.emergency_need_days, sc_.stays.exit_delay_probability,
                                          sc_.stays.exit_delay_days);
  events_.schedule(events_.now() + days * kHoursPerDay, kEmergencyStayEnd, static_cast<std::uint32_t>(f));
  recorder_.charge(CostLine::EmergencyStays, days * fs.spec().emergency_stay_fee_per_day_yen);
  arrange_transport();
  // Having stayed there, the person is now known to the facility.
  if (c.registrant >= 0) population_[static_cast<std::uint32_t>(c.registrant)].known_facilities |= std::uint64_t{1} << f;
}

void HubSimulation::place_in_hub(EmergencyCause cause) {
  const Distribution& need = sc_.hub.need_days ? *sc_.hub.need_days : sc_.stays.emergency_need_days;
  const double days = emergency_stay_days(cause, need, sc_.hub.exit_delay_probability, sc_.hub.exit_delay_days);
  events_.schedule(events_.now() + days * kHoursPerDay, kHubStayEnd);
  arrange_transport();
}

void HubSimulation::place_in_emergency_place(const Case& c) {
  const EmergencyPlace& place = sc_.emergency_places[static_cast<std::size_t>(c.place)];
  const Distribution& need = place.stay_days ? *place.stay_days : sc_.stays.emergency_need_days;
  const double days = emergency_stay_days(c.cause, need, sc_.stays.exit_delay_probability, sc_.stays.exit_delay_days);
  events_.schedule(events_.now() + days * kHoursPerDay, kPlaceStayEnd, static_cast<std::uint32_t>(c.place));
  // Uses, days and cost are counted at admission, for the whole stay (as the facilities' emergency fees are).
  constexpr std::array<std::size_t, kPlaceKinds> kUses = {kpi_id("emergency_place_uses_elderly_care"),
                                                          kpi_id("emergency_place_uses_vacant_house"),
                                                          kpi_id("emergency_place_uses_spare_room")};
  recorder_.count(kUses[static_cast<std::size_t>(place.kind)]);
  recorder_.count(kpi_id("emergency_place_days"), days);
  recorder_.charge(CostLine::EmergencyPlaces, days * place.cost_per_day_yen);
  arrange_transport();
}

void HubSimulation::on_place_stay_end(int place) { places_.release(place); }

void HubSimulation::on_emergency_stay_end(int f) {
  facility_now(f).discharge_emergency();
  set_unplanned_beds_in_use(-1);
  set_emergency_beds(-1);
}

void HubSimulation::preempt_experience_stay(int f) {
  const ExperienceOccupant o = facility_now(f).preempt_experience();
  events_.cancel(o.end);
  set_unplanned_beds_in_use(-1);
  recorder_.experience_preempted();
  wait_or_lose_experience(o.booking, true);
}

void HubSimulation::on_experience_candidate() {
  const double now = events_.now();
  const auto pick = static_cast<std::size_t>(rs_experience_.uniform() * population_.active_count());
  const double nights_drawn = sc_.experience.nights(rs_experience_);
  reschedule_population_processes();
  if (population_.empty()) return;
  const std::uint32_t who = population_.active_at(pick);
  const auto person = static_cast<std::int32_t>(who);
  // One booking at a time: someone who holds one (or waits for the meeting's approval) does not ask for another.
  // A stay that would start after the horizon is outside the run.
  const double start = now + sc_.experience.lead_days * kHoursPerDay;
  if (bookings_.holds_open_booking(person) || population_[who].awaiting_approval || start >= t_end_) return;
  recorder_.count(kpi_id("experience_requested"));
  const int nights = std::max(1, static_cast<int>(std::lround(nights_drawn)));
  if (sc_.experience.approval.required && !population_[who].hub_use_approved) return await_approval(who, nights);
  book_experience(who, nights, start);
}

void HubSimulation::book_experience(std::uint32_t who, int nights, double start) {
  const auto person = static_cast<std::int32_t>(who);
  const Registrant& r = population_[who];
  // The person tries a facility they do not yet know, in their own region if possible.
  int chosen = -1, best_rank = 4;
  for (int f = 0; f < static_cast<int>(facilities_.size()); ++f) {
    if (!sc_.facilities[f].experience_stays || !facilities_[f].in_service() || !facilities_[f].capable_of(r)) continue;
    const int rank = 2 * (r.knows(f) ? 1 : 0) + (sc_.facilities[f].region != r.region ? 1 : 0);
    if (rank < best_rank) best_rank = rank, chosen = f;
  }
  if (chosen < 0) {
    recorder_.count(kpi_id("experience_lost_no_facility"));
    return;
  }
  // Both yearly caps count the fiscal year in which the stay starts.
  const ExperienceBookings::Caps caps{sc_.facilities[chosen].experience_days_per_year,
                                      sc_.experience.days_per_person_per_year};
  const auto booking = bookings_.book(person, chosen, nights, calendar_.fiscal_year(start), caps);
  if (booking) events_.schedule(start, kExperienceStart, *booking);
  else recorder_.count(kpi_id("experience_lost_capped"));
}

void HubSimulation::on_experience_start(std::uint32_t b) {
  const Booking& booking = bookings_[b];
  FacilityState& fs = facility_now(booking.facility);
  if (!fs.has_bed_for_experience()) {
    wait_or_lose_experience(b, false);
    return;
  }
  const double now = events_.now();
  const sim::EventHandle end = events_.schedule_cancellable({now + booking.nights * kHoursPerDay, kExperienceEnd, b});
  fs.admit_experience(ExperienceOccupant{b, end});
  set_unplanned_beds_in_use(+1);
  recorder_.charge(CostLine::ExperienceStays, booking.nights * sc_.experience.cost_per_night_yen);
  if (bookings_.start(b)) recorder_.count(kpi_id("experience_rebooked"));
}

void HubSimulation::wait_or_lose_experience(std::uint32_t b, bool preempted) {
  // The person (or the facility) tries again the next day at the same hour, while within the window counted
  // from the first time the stay was cut short or found no bed.
  const double now = events_.now();
  const Booking& booking = bookings_[b];
  const double until = booking.interrupted ? booking.rebook_until : now + sc_.experience.rebook_within_days * kHoursPerDay;
  const double retry = now + kHoursPerDay;
  if (retry <= until && retry < t_end_) {
    bookings_.interrupt(b, preempted, until);
    events_.schedule(retry, kExperienceStart, b);
    return;
  }
  if (retry <= until) return;  // still waiting when the run ends: neither done nor lost
  bookings_.interrupt(b, preempted, until);
  switch (bookings_.lose(b)) {
    case ExperienceLoss::PreemptedNotRebooked: recorder_.count(kpi_id("experience_lost_preempted")); break;
    case ExperienceLoss::NoBedWithinWindow: recorder_.count(kpi_id("experience_lost_no_bed")); break;
    case ExperienceLoss::Capped: break;  // refused at booking, never here
  }
}

void HubSimulation::on_experience_end(std::uint32_t b) {
  const Booking& booking = bookings_[b];
  facility_now(booking.facility).discharge_experience(b);
  set_unplanned_beds_in_use(-1);
  population_[static_cast<std::uint32_t>(booking.registrant)].known_facilities |= std::uint64_t{1} << booking.facility;
  bookings_.finish(b);
  recorder_.experience_done();
}

void HubSimulation::schedule_respite_changes() {
  respite_changes_.resize(facilities_.size());
  for (std::size_t f = 0; f < facilities_.size(); ++f) {
    events_.cancel(respite_changes_[f]);
    if (sc_.facilities[f].has_daytime_respite() || facilities_[f].respite() > 0)
      respite_changes_[f] = events_.schedule_cancellable({events_.now(), kRespiteChange, static_cast<std::uint32_t>(f)});
  }
}

void HubSimulation::on_respite_change(int f) {
  const double now = events_.now();
  const StaffSchedule& beds = sc_.facilities[f].daytime_respite;
  const auto wanted_at = [&](double t) { return beds.on_duty(calendar_.is_holiday(t), calendar_.hour_of_week(t)); };
  const int wanted = wanted_at(now);
  facility_now(f).set_respite(wanted);
  // The next hour at which respite wants a different number of beds. The schedule repeats weekly but for
  // holidays, and no run of days off is near a month long (the year-end closure with its weekends is nine
  // days), so a schedule the same for 31 days never changes.
  const double hour = std::floor(now);
  for (int h = 1; h <= kRespiteLookaheadDays * kHoursPerDay && hour + h < t_end_; ++h) {
    if (wanted_at(hour + h) != wanted) {
      respite_changes_[f] = events_.schedule_cancellable({hour + h, kRespiteChange, static_cast<std::uint32_t>(f)});
      return;
    }
  }
}

void HubSimulation::note_bed_holders(Case& c, const FacilityState& fs) {
  if (fs.neighbour() > 0 && !c.met_neighbour_stay) {
    c.met_neighbour_stay = true;
    recorder_.search_met_bed_holder(c.call_time, BedHolder::Neighbour);
  }
  if (fs.respite() > 0 && !c.met_respite) {
    c.met_respite = true;
    recorder_.search_met_bed_holder(c.call_time, BedHolder::Respite);
  }
}

void HubSimulation::set_unplanned_beds_in_use(int delta) { recorder_.unplanned_beds_changed(events_.now(), delta); }

FacilityState& HubSimulation::facility_now(int f) {
  facilities_[f].advance_to(events_.now());
  return facilities_[f];
}

double HubSimulation::bed_hours(double now) {
  double hours = recorder_.unplanned_bed_hours(now);
  for (FacilityState& f : facilities_) {
    f.advance_to(now);
    hours += f.planned_bed_hours() + f.neighbour_bed_hours() + f.respite_bed_hours();
  }
  return hours;
}

int HubSimulation::beds_in_use(double now) {
  int n = 0;
  for (FacilityState& f : facilities_) {
    f.advance_to(now);
    n += f.in_use();
  }
  return n;
}

void HubSimulation::set_emergency_beds(int delta) { recorder_.emergency_beds_changed(events_.now(), delta); }

void HubSimulation::release_hub_room() {
  hub_rooms_.release();
  recorder_.hub_rooms_changed(events_.now(), -1, hub_rooms_.in_use());
}

}  // namespace kyoten::hub
