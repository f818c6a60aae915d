#pragma once
// Experience stays (体験の機会・場) booked ahead: who goes where for how many nights, the days each facility has
// promised in each fiscal year against its yearly cap, the days each person has booked against theirs, and
// what became of each booking (done, cut short by an emergency, waiting to be rebooked, lost and why).
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace kyoten::hub {

// Why a request or booking came to nothing.
enum class ExperienceLoss : std::uint8_t {
  Capped,                // the person's or the facility's yearly days would be exceeded
  NoBedWithinWindow,     // no bed at the booked start, nor within the rebooking window
  PreemptedNotRebooked,  // cut short by an emergency and not restarted within the rebooking window
};

struct Booking {
  std::int32_t registrant = -1;
  int facility = 0;
  int nights = 0;
  int fiscal_year = 0;             // of the first booked start: both caps count the stay there
  bool preempted = false;          // an emergency has cut it short at least once
  bool interrupted = false;        // pre-empted, or found no bed at its start, at least once
  bool rebooked = false;           // restarted after an interruption (counted once per booking)
  bool open = true;                // not yet done or lost
  double rebook_until = 0;         // while waiting to restart: the end of the window (model hours)
};

// The days of use a stay of `nights` nights takes: the short-stay benefit counts the day of arrival and the day
// of departure, so a one-week stay of 6 nights takes 7 days.
constexpr int days_of_use(int nights) { return nights + 1; }

class ExperienceBookings {
 public:
  struct Caps {
    int facility_nights_per_year = 0;  // Facility::experience_days_per_year, counted in nights
    int person_days_per_year = 0;      // ExperienceStays::days_per_person_per_year; 0 = no limit
  };

  explicit ExperienceBookings(std::size_t facilities) : nights_used_(facilities) {}
  // Books the stay if the facility's nights and the person's days in `fiscal_year` stay within their caps;
  // returns the booking's id, or nullopt when a cap would be exceeded (the request is lost as Capped).
  std::optional<std::uint32_t> book(int registrant, int facility, int nights, int fiscal_year, const Caps& caps);
  [[nodiscard]] const Booking& operator[](std::uint32_t id) const { return bookings_[id]; }
  [[nodiscard]] int nights_booked(int facility, int fiscal_year) const;
  [[nodiscard]] int days_booked(int registrant, int fiscal_year) const;
  // Whether the person holds a booking not yet done or lost (one booking at a time).
  [[nodiscard]] bool holds_open_booking(int registrant) const;

  // The stay begins; true when this is its restart after an interruption, the first such (counted as rebooked).
  bool start(std::uint32_t id);
  // The stay was cut short by an emergency (`preempted`) or found no bed at its start; it may restart until
  // `rebook_until`.
  void interrupt(std::uint32_t id, bool preempted, double rebook_until);
  // The stay ended normally.
  void finish(std::uint32_t id);
  // No restart within the window: the booking is lost, and the reason returned. A booking that never began
  // gives its days back to both caps; one cut short keeps them (they were set aside for the person).
  ExperienceLoss lose(std::uint32_t id);

 private:
  using YearCounts = std::vector<std::pair<int, int>>;  // (fiscal year, nights or days)
  static int& count_in(YearCounts& counts, int fiscal_year);
  static int count_of(const YearCounts& counts, int fiscal_year);
  void close(std::uint32_t id);

  std::vector<Booking> bookings_;
  std::vector<YearCounts> nights_used_;  // per facility
  std::vector<YearCounts> days_used_;    // per registrant (grown on demand)
  std::vector<int> open_bookings_;       // per registrant
};

}  // namespace kyoten::hub
