#pragma once
// The whole command's work checked before anything runs: every scenario times its replications, against
// scenario::kMaxEventsPerRun (scenario/work_estimate.hpp). One replication's own ceiling is checked when
// the scenario is loaded.
#include <cstddef>
#include <span>

#include "models/hub/scenario.hpp"

namespace kyoten::app {

// True, after printing the estimate on stderr, when `replications` of each of `scenarios` are too much work.
[[nodiscard]] bool refuse_too_much_work(std::span<const hub::Scenario* const> scenarios, std::size_t replications);

}  // namespace kyoten::app
