// [budget]: budget lines per fiscal year and line, and the fixed yearly lines.
#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "models/hub/cost_ledger.hpp"
#include "scenario/did_you_mean.hpp"

#include "scenario/scenario_defaults.hpp"
#include "scenario/sections.hpp"

namespace kyoten::scenario {

void read_budget(TableReader& root, hub::Budget& budget) {
  with_section(root, "budget", false, [&](TableReader& t) {
    std::set<std::pair<int, std::string>> seen;
    t.each_table("lines", false, [&](TableReader& line, std::size_t) {
      hub::Budget::Line l;
      l.fiscal_year = line.integer("fiscal_year", between(sim::kFirstHolidayYear, sim::kLastHolidayYear));
      l.line = line.string("line");
      if (line.has("line") && l.line.empty()) line.error("line", "must not be empty", "e.g. \"center\"");
      const std::vector<std::string> known(hub::kCostLineKeys.begin(), hub::kCostLineKeys.end());
      if (!l.line.empty() && std::find(known.begin(), known.end(), l.line) == known.end())
        line.error("line", "unknown budget line '" + l.line + "'", suggestion_hint(l.line, known));
      l.yen = line.number("yen", limits::up_to(limits::kYen));
      if (!seen.insert({l.fiscal_year, l.line}).second)
        line.error("line", "budget line '" + l.line + "' is given twice for FY" + std::to_string(l.fiscal_year),
                   "one entry per fiscal year and line");
      budget.lines.push_back(std::move(l));
    });
    t.each_table("revenue", false, [&](TableReader& entry, std::size_t) {
      hub::Budget::Revenue r;
      r.name = entry.string("name");
      r.fiscal_year = entry.integer_or("fiscal_year", 0, between(sim::kFirstHolidayYear, sim::kLastHolidayYear));
      const std::optional<double> share = entry.optional_number("share", between(0, 1));
      const std::optional<double> amount = entry.optional_number("yen_per_year", limits::up_to(limits::kYen));
      if (share.has_value() == amount.has_value())
        entry.error(share ? "yen_per_year" : "share", "give either share (with line) or yen_per_year, not both",
                    "share = 0.5 with line = \"center\", or yen_per_year = 1_200_000");
      if (share) {
        r.share = *share;
        r.line = entry.string("line");
        const std::vector<std::string> known(hub::kCostLineKeys.begin(), hub::kCostLineKeys.end());
        if (!r.line.empty() && std::find(known.begin(), known.end(), r.line) == known.end())
          entry.error("line", "unknown cost line '" + r.line + "'", suggestion_hint(r.line, known));
      }
      r.yen_per_year = amount.value_or(0);
      budget.revenue.push_back(std::move(r));
    });
    budget.training_per_year_yen = t.number_or("training_per_year_yen", 0, limits::up_to(limits::kYen));
    budget.advice_per_year_yen = t.number_or("advice_per_year_yen", 0, limits::up_to(limits::kYen));
    budget.assessment_cost_yen = t.number_or("assessment_cost_yen", 0, limits::up_to(limits::kYen));
  });
}

}  // namespace kyoten::scenario
