#pragma once
// The `precision` block of summary.json for `run --precision` (docs/results-format.md): the rule's decision, the
// formula's projection after the first batch and over the replications kept, and what would fit when the cap
// was too small.
#include <cstddef>
#include <nlohmann/json.hpp>

#include "output/precision.hpp"

namespace kyoten::output {

struct PrecisionRun {
  PrecisionRule rule;
  std::size_t max_replications = 0;
  Projection pilot{};      // the formula after the first batch
  PrecisionDecision decision{};
  CapAdvice advice{};      // over all replications run, when the target was not met
};

nlohmann::ordered_json precision_record(const PrecisionRun& run);

}  // namespace kyoten::output
