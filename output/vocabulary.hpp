#pragma once
// The words of a results folder (docs/results-format.md, "vocabulary.json"): every KPI, cost line, time band,
// outcome and duty by key with its Japanese and English label, and how each unit is shown. The report reads
// them from the folder instead of keeping its own copy. Also the settings the run actually used, after the
// loader applied its defaults (`settings_used` in summary.json), so the report never re-derives a default.
#include <iosfwd>
#include <nlohmann/json.hpp>

#include "models/hub/scenario.hpp"

namespace kyoten::output {

inline constexpr const char* kVocabularyJson = "vocabulary.json";

// vocabulary.json: the same for every run of one kyoten version.
nlohmann::ordered_json vocabulary_json();
void write_vocabulary_json(std::ostream& out);

// summary.json `settings_used`: band hours, assessment grace and re-assessment days, experience lead days,
// warm-up, hub rooms and every facility's beds and abilities, as the model ran them.
nlohmann::ordered_json settings_used_json(const hub::Scenario& scenario);

}  // namespace kyoten::output
