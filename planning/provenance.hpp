#pragma once
// What made a planning result (compare, sweep, optimize), recorded with it so it can be traced and repeated.
#include <cstdint>
#include <string>

namespace kyoten::planning {

struct Provenance {
  std::string kyoten_version;
  std::string created;  // UTC, ISO 8601
  std::string command;  // as typed
  std::uint64_t seed = 0;
  unsigned threads = 0;
};

// Now, UTC, as "2026-11-23T10:00:00Z".
std::string utc_now();

}  // namespace kyoten::planning
