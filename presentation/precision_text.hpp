#pragma once
// What `run --precision` tells the user about replication control: after the first batch, the count the formula
// projects and the KPIs that need the most; at once, when that is more than --max-replications, a cap and a
// precision that would do; at the end, how many replications were used and why it stopped.
#include <cstddef>
#include <string>

#include "output/precision.hpp"
#include "presentation/terminal_table.hpp"

namespace kyoten::presentation {

using output::CapAdvice;
using output::PrecisionDecision;
using output::Projection;
using output::SeriesProjection;

// One line (stderr, beside the progress): "after 10 replications the formula projects about N ...".
std::string format_precision_projection(const Projection& projection, double target, Language language);

// When advice.exceeds: the cap will stop the run short of the target; what would fit instead.
std::string format_precision_cap_notice(const Projection& projection, const CapAdvice& advice, double target,
                                        std::size_t cap, Language language);

// The closing line on stdout: replications used, the precision reached, and either where the target was met and
// confirmed or the KPI that held it back with what would fit.
std::string format_precision_outcome(const PrecisionDecision& decision, const CapAdvice& advice, double target,
                                     std::size_t cap, Language language);

}  // namespace kyoten::presentation
