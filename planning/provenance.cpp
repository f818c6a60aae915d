#include "planning/provenance.hpp"

#include <fmt/chrono.h>

#include <ctime>

namespace kyoten::planning {

std::string utc_now() { return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::time(nullptr))); }

}  // namespace kyoten::planning
