#pragma once
// Small pieces shared by the section readers: tables keyed by a fixed set of names (time bands, causes, needs),
// name → index resolution with did-you-mean, and "required when" checks.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/scenario/table_reader.hpp"

namespace kyoten::scenario {

// Shares (e.g. of calls by time band) must add up to 1 within this tolerance.
inline constexpr double kShareTolerance = 1e-6;

enum class KeyedTable {
  EveryKeyRequired,  // each name must be given (shares, probabilities by band)
  MissingIsZero,     // names left out weigh 0 (relative weights)
};

// Reads `parent.key` = { name = number, ... } for the fixed `names`. Returns nullopt when the table is absent
// (the caller decides whether that is an error); unknown names are reported with a did-you-mean.
template <std::size_t N>
std::optional<std::array<double, N>> read_keyed(TableReader& parent, std::string_view key,
                                                const std::array<const char*, N>& names, const Range& range,
                                                KeyedTable mode) {
  auto t = parent.table(key);
  if (!t) return std::nullopt;
  std::array<double, N> values{};
  for (std::size_t i = 0; i < N; ++i)
    values[i] = mode == KeyedTable::EveryKeyRequired ? t->number(names[i], range) : t->number_or(names[i], 0.0, range);
  t->finish();
  return values;
}

// Records an error at `parent.key` unless the values sum to 1 (within kShareTolerance).
void check_sums_to_one(TableReader& parent, std::string_view key, const double* values, std::size_t count);
// Records an error at `parent.key` unless some value is positive.
void check_some_positive(TableReader& parent, std::string_view key, const double* values, std::size_t count);

// The index of `item.text` among `names`, or nullopt after recording "unknown <what>" with a did-you-mean.
std::optional<int> resolve_name(ErrorSink& sink, const TableReader::ListItem& item, std::string_view what,
                                const std::vector<std::string>& names);

// A distribution that must be given when `needed` (the reason is said in the error), else may default.
sim::Distribution distribution_if(TableReader& t, std::string_view key, bool needed, const std::string& reason,
                                  const sim::Distribution& fallback);

}  // namespace kyoten::scenario
