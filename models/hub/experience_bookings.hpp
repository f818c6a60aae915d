#pragma once
// Experience stays (体験の機会・場) booked ahead: who goes where for how many nights, and the nights each
// facility has promised in each fiscal year against its yearly cap.
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace kyoten::hub {

struct Booking {
  std::int32_t registrant = -1;
  int facility = 0;
  int nights = 0;
};

class ExperienceBookings {
 public:
  explicit ExperienceBookings(std::size_t facilities) : nights_used_(facilities) {}
  // Books the stay if the facility's nights in the fiscal year the stay starts stay within `nights_cap`;
  // returns the booking's id, or nullopt when the cap would be exceeded.
  std::optional<std::uint32_t> book(const Booking& b, int fiscal_year, int nights_cap);
  [[nodiscard]] const Booking& operator[](std::uint32_t id) const { return bookings_[id]; }
  [[nodiscard]] int nights_booked(int facility, int fiscal_year) const;

 private:
  std::vector<Booking> bookings_;
  std::vector<std::vector<std::pair<int, int>>> nights_used_;  // per facility: (fiscal year, nights)
};

}  // namespace kyoten::hub
