#include "models/hub/experience_bookings.hpp"

#include <algorithm>

namespace kyoten::hub {

std::optional<std::uint32_t> ExperienceBookings::book(const Booking& b, int fiscal_year, int nights_cap) {
  auto& used = nights_used_[b.facility];
  auto it = std::find_if(used.begin(), used.end(), [&](const auto& p) { return p.first == fiscal_year; });
  if (it == used.end()) it = used.insert(used.end(), {fiscal_year, 0});
  if (it->second + b.nights > nights_cap) return std::nullopt;
  it->second += b.nights;
  bookings_.push_back(b);
  return static_cast<std::uint32_t>(bookings_.size() - 1);
}

int ExperienceBookings::nights_booked(int facility, int fiscal_year) const {
  for (const auto& [fy, nights] : nights_used_[facility]) {
    if (fy == fiscal_year) return nights;
  }
  return 0;
}

}  // namespace kyoten::hub
