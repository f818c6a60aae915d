#include "models/hub/caller_patience.hpp"

#include <algorithm>

namespace kyoten::hub {
namespace {
constexpr double kMinutesPerHour = 60.0;
}

std::optional<double> CallerPatience::hold_hours(TimeBand band) {
  if (!calls_->patience.stated) return std::nullopt;
  return std::max(0.0, calls_->patience.minutes[static_cast<int>(band)](stream_)) / kMinutesPerHour;
}

std::optional<double> CallerPatience::call_back_after_hours(int tries_so_far) {
  const Patience& p = calls_->patience;
  if (tries_so_far >= p.max_tries) return std::nullopt;
  // Drawn whatever the answer, so the delays of later callers do not depend on this caller's choice.
  const bool calls_back = stream_.uniform() < p.call_back_probability;
  const double minutes = p.call_back_minutes(stream_);
  if (!calls_back) return std::nullopt;
  return minutes / kMinutesPerHour;
}

}  // namespace kyoten::hub
