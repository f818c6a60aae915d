#pragma once
// What the what-if page shows for one change, as JSON: headline KPI cards with intervals, the registrant and
// emergency fan charts, cost by fiscal year against the budget with the probability of overspending, staff
// utilisation by hour of week, and the paired difference against the baseline (common random numbers) with its
// interval and a plain verdict. Everything is computed by models/ (summary, paired); this file only arranges it.
#include <cstddef>
#include <span>

#include <nlohmann/json.hpp>

#include "models/hub/results.hpp"
#include "models/hub/scenario.hpp"
#include "sim/stats/confidence.hpp"

namespace kyoten::app {

inline constexpr double kServeConfidenceLevel = sim::kDefaultConfidenceLevel;

// `base` and `variant` are the same replications (seed, r) of the loaded scenario and of the changed one.
nlohmann::json answer_json(const hub::Scenario& variant_scenario, std::span<const hub::ReplicationResult> base,
                           std::span<const hub::ReplicationResult> variant, std::size_t draw_group);

}  // namespace kyoten::app
