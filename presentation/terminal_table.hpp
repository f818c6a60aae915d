#pragma once
// The KPI table printed at the end of a run: label, mean, 95% confidence interval, unit; headline KPIs first.
// Yen are shown in thousands, shares in percent, and each mean gets as many decimals as its interval
// resolves. Columns are aligned by display width, so Japanese labels (two columns per character) line up.
#include <string>

#include "output/summary.hpp"

namespace kyoten::presentation {

enum class Language { Japanese, English };

std::string format_kpi_table(const output::RunSummary& summary, Language language);

// When parameters are drawn (summary.draw_group > 1): what share of each output's variance over replications
// comes from the parameters, and a note that the intervals count pairs of replications. Empty otherwise.
std::string format_variance_split(const output::RunSummary& summary, Language language);

}  // namespace kyoten::presentation
