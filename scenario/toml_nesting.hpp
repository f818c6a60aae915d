#pragma once
// How deeply a TOML text nests, measured before parsing: TOML++ parses dotted keys (a.b.c = 1) and the nodes'
// destructors recursively, so a key 40,000 levels deep (an 80 KB file) overflows the stack. Nesting counts
// table-header segments, dotted-key segments and open inline tables and arrays; it overestimates slightly
// (an array's element counts as one more level), which only matters near the limit.
#include <optional>
#include <string_view>

namespace kyoten::scenario {

// Far above any scenario ([facility_defaults.acceptance] base = { ... } is 4 deep, registration knots 3).
inline constexpr int kMaxTomlNesting = 32;

struct TooDeep {
  int line;  // 1-based line where the nesting first exceeds the limit
  int depth;
};

// The first place where `text` nests deeper than `limit`, if any. Strings and comments are skipped.
[[nodiscard]] std::optional<TooDeep> find_too_deep(std::string_view text, int limit = kMaxTomlNesting);

}  // namespace kyoten::scenario
