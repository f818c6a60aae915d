#include "scenario/did_you_mean.hpp"

#include <algorithm>
#include <limits>

namespace kyoten::scenario {
namespace {

// Splits UTF-8 into code points (as integers); malformed bytes count as one code point each, which is all a
// distance needs.
std::vector<char32_t> code_points(std::string_view s) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    const auto lead = static_cast<unsigned char>(s[i]);
    const std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 1;
    char32_t cp = 0;
    for (std::size_t k = 0; k < length && i + k < s.size(); ++k) cp = (cp << 8) | static_cast<unsigned char>(s[i + k]);
    out.push_back(cp);
    i += length;
  }
  return out;
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Optimal string alignment: insertions, deletions, substitutions and swaps of neighbours each cost 1
  // ("calss" is one slip from "calls").
  const auto x = code_points(a);
  const auto y = code_points(b);
  std::vector<std::vector<std::size_t>> d(x.size() + 1, std::vector<std::size_t>(y.size() + 1));
  for (std::size_t i = 0; i <= x.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= y.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    for (std::size_t j = 1; j <= y.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[x.size()][y.size()];
}

std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  // Close enough: at most 2 edits in 5 characters of the longer name, and fewer edits than the shorter has
  // characters (so two different two-character names, 玉川 and 北沢, are not offered for each other).
  const std::size_t word_length = code_points(word).size();
  std::optional<std::string> best;
  std::size_t best_distance = std::numeric_limits<std::size_t>::max();
  for (const auto& candidate : candidates) {
    const std::size_t candidate_length = code_points(candidate).size();
    const std::size_t longer = std::max(word_length, candidate_length);
    const std::size_t shorter = std::min(word_length, candidate_length);
    const std::size_t limit = std::max<std::size_t>(1, (2 * longer + 2) / 5);
    const std::size_t d = edit_distance(word, candidate);
    if (d <= limit && d < shorter && d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  if (best || code_points(word).size() < 3) return best;
  // A shortened key ("weekend" for "weekend_holiday") is far in edits but plainly meant.
  for (const auto& candidate : candidates)
    if (candidate.rfind(word, 0) == 0 || word.rfind(candidate, 0) == 0) return candidate;
  return best;
}

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

std::string suggestion_hint(std::string_view word, const std::vector<std::string>& candidates) {
  std::string hint;
  if (auto match = closest_match(word, candidates)) hint = "did you mean '" + *match + "'? ";
  return hint + "allowed: " + (candidates.empty() ? std::string("(none)") : join_names(candidates));
}

}  // namespace kyoten::scenario
