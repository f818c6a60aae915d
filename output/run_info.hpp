#pragma once
// What was run, recorded with every result so it can be traced and repeated.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/stats/confidence.hpp"

namespace kyoten::output {

struct RunInfo {
  std::string kyoten_version;
  std::string created;        // UTC, ISO 8601: "2026-11-23T10:00:00Z"
  std::string command;        // the command line as typed
  std::string scenario_file;  // as the user named it
  std::string scenario_json;  // the fully resolved scenario (after base and --set), as JSON text
  std::uint64_t seed = 0;
  std::size_t replications = 0;
  unsigned threads = 0;
  double confidence_level = sim::kDefaultConfidenceLevel;
  std::string precision_json;  // `run --precision`: the replication-control record as JSON text; empty otherwise
  std::vector<std::string> overrides;  // the --set KEY=VALUE texts as given (the report lists them in a banner)
};

}  // namespace kyoten::output
