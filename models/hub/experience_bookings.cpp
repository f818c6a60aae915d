#include "models/hub/experience_bookings.hpp"

#include <algorithm>
#include <cassert>

namespace kyoten::hub {

int& ExperienceBookings::count_in(YearCounts& counts, int fiscal_year) {
  auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& p) { return p.first == fiscal_year; });
  if (it == counts.end()) it = counts.insert(counts.end(), {fiscal_year, 0});
  return it->second;
}

int ExperienceBookings::count_of(const YearCounts& counts, int fiscal_year) {
  for (const auto& [fy, n] : counts) {
    if (fy == fiscal_year) return n;
  }
  return 0;
}

std::optional<std::uint32_t> ExperienceBookings::book(int registrant, int facility, int nights, int fiscal_year,
                                                      const Caps& caps) {
  const auto person = static_cast<std::size_t>(registrant);
  if (person >= days_used_.size()) {
    days_used_.resize(person + 1);
    open_bookings_.resize(person + 1);
  }
  int& facility_nights = count_in(nights_used_[facility], fiscal_year);
  int& person_days = count_in(days_used_[person], fiscal_year);
  if (facility_nights + nights > caps.facility_nights_per_year) return std::nullopt;
  if (caps.person_days_per_year > 0 && person_days + days_of_use(nights) > caps.person_days_per_year) return std::nullopt;
  facility_nights += nights;
  person_days += days_of_use(nights);
  open_bookings_[person] += 1;
  Booking b;
  b.registrant = registrant;
  b.facility = facility;
  b.nights = nights;
  b.fiscal_year = fiscal_year;
  bookings_.push_back(b);
  return static_cast<std::uint32_t>(bookings_.size() - 1);
}

int ExperienceBookings::nights_booked(int facility, int fiscal_year) const {
  return count_of(nights_used_[facility], fiscal_year);
}

int ExperienceBookings::days_booked(int registrant, int fiscal_year) const {
  const auto person = static_cast<std::size_t>(registrant);
  return person < days_used_.size() ? count_of(days_used_[person], fiscal_year) : 0;
}

bool ExperienceBookings::holds_open_booking(int registrant) const {
  const auto person = static_cast<std::size_t>(registrant);
  return person < open_bookings_.size() && open_bookings_[person] > 0;
}

bool ExperienceBookings::start(std::uint32_t id) {
  Booking& b = bookings_[id];
  assert(b.open);
  const bool first_restart = b.interrupted && !b.rebooked;
  if (first_restart) b.rebooked = true;
  return first_restart;
}

void ExperienceBookings::interrupt(std::uint32_t id, bool preempted, double rebook_until) {
  Booking& b = bookings_[id];
  assert(b.open);
  b.interrupted = true;
  b.preempted = b.preempted || preempted;
  b.rebook_until = rebook_until;
}

void ExperienceBookings::finish(std::uint32_t id) { close(id); }

ExperienceLoss ExperienceBookings::lose(std::uint32_t id) {
  Booking& b = bookings_[id];
  close(id);
  if (!b.preempted) {  // only a pre-emption ends a stay that had begun
    count_in(nights_used_[b.facility], b.fiscal_year) -= b.nights;
    count_in(days_used_[static_cast<std::size_t>(b.registrant)], b.fiscal_year) -= days_of_use(b.nights);
  }
  return b.preempted ? ExperienceLoss::PreemptedNotRebooked : ExperienceLoss::NoBedWithinWindow;
}

void ExperienceBookings::close(std::uint32_t id) {
  Booking& b = bookings_[id];
  assert(b.open);
  b.open = false;
  open_bookings_[static_cast<std::size_t>(b.registrant)] -= 1;
}

}  // namespace kyoten::hub
