#pragma once
// A comparison's result in one plain sentence, for planners who do not read confidence intervals:
//   "Time to first answer, mean: B is 38 min shorter than A (95% CI 31–45)"
//   "初回応答までの平均時間：BはAより38分短い（95%信頼区間 31〜45）"
//   "差は統計的に明確ではない（…）" when the interval contains 0.
#include <string>
#include <string_view>

#include "presentation/terminal_table.hpp"
#include "planning/paired.hpp"

namespace kyoten::presentation {

// `unit` is a hub::KpiInfo unit. `other` and `base` name the two scenarios.
std::string verdict_sentence(std::string_view label, std::string_view unit, const planning::Difference& d,
                             const std::string& other, const std::string& base, Language language);

// Short form for a table column: "B shorter", "no clear difference", "identical", …
std::string verdict_word(std::string_view unit, planning::Verdict verdict, Language language);

// "same", "not_clear", "higher", "lower", "undefined", "no_practical_difference": for JSON and CSV.
const char* verdict_key(planning::Verdict verdict);

}  // namespace kyoten::presentation
