#pragma once
// Suggestions for misspelled keys and names: "did you mean 'beds'?". Distances count Unicode code points, so a
// one-character slip in a Japanese region name (北沢 / 北澤) is as close as one in an English key.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kyoten::scenario {

// Edit distance (Levenshtein plus swaps of neighbours) between two UTF-8 strings, in code points.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`, if it is close enough to be a plausible misspelling.
[[nodiscard]] std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates);

// "did you mean 'x'? allowed: a, b, c" (or only the allowed list when nothing is close).
[[nodiscard]] std::string suggestion_hint(std::string_view word, const std::vector<std::string>& candidates);

// "a, b, c": a list for messages.
[[nodiscard]] std::string join_names(const std::vector<std::string>& names);

}  // namespace kyoten::scenario
