#pragma once
// Small pieces shared by the section readers: tables keyed by a fixed set of names (time bands, causes, needs),
// name → index resolution with did-you-mean, and "required when" checks.
#include <algorithm>
#include <array>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/hub/scenario.hpp"
#include "scenario/table_reader.hpp"

namespace kyoten::scenario {

// Shares (e.g. of calls by time band) must add up to 1 within this tolerance.
inline constexpr double kShareTolerance = 1e-6;

enum class KeyedTable {
  EveryKeyRequired,  // each name must be given (shares, probabilities by band)
  MissingIsZero,     // names left out weigh 0 (relative weights)
};

// Where a value of a top-level section lives in a (copied) Scenario: field(&hub::Scenario::calls,
// &hub::Calls::p_handover) is a hub::ParameterTarget; for an array member, a KeyedTarget.
template <class Section, class Value>
auto field(Section hub::Scenario::*section, Value Section::*member) {
  return [section, member](hub::Scenario& s) -> Value& { return (s.*section).*member; };
}

// How the values of a keyed table may be uncertain (with a KeyedTarget).
enum class Drawn {
  Split,  // shares or weights of one split: the table may be a Dirichlet as a whole, each value a number only
  Each,   // independent probabilities (e.g. by band): each value may be a distribution of its own
};

// Where a keyed table lives in a (copied) Scenario, for tables whose values may be uncertain.
template <std::size_t N>
using KeyedTarget = std::function<std::array<double, N>&(hub::Scenario&)>;

// Reads a Dirichlet split `{ dist = "dirichlet", name = alpha, ... }` (every name, each alpha > 0) and registers
// it; returns the shares' means alpha_i / sum(alpha). Call when the table has a `dist` key.
std::optional<std::vector<double>> read_dirichlet(TableReader& table, const std::vector<std::string>& names,
                                                  std::vector<hub::ParameterTarget> targets);

// Reads `parent.key` = { name = number, ... } for the fixed `names`. Returns nullopt when the table is absent
// (the caller decides whether that is an error); unknown names are reported with a did-you-mean.
// With a `target`, a Split table may instead be a Dirichlet (read_dirichlet), and each value of an Each table may
// be a distribution (uncertain_reader.hpp); both are registered for per-replication draws.
template <std::size_t N>
std::optional<std::array<double, N>> read_keyed(TableReader& parent, std::string_view key,
                                                const std::array<const char*, N>& names, const Range& range,
                                                KeyedTable mode, KeyedTarget<N> target = {},
                                                Drawn drawn = Drawn::Each) {
  auto t = parent.table(key);
  if (!t) return std::nullopt;
  std::array<double, N> values{};
  const auto element = [&](std::size_t i) -> hub::ParameterTarget {
    return [target, i](hub::Scenario& s) -> double& { return target(s)[i]; };
  };
  if (target && drawn == Drawn::Split && t->has("dist")) {
    std::vector<hub::ParameterTarget> targets;
    for (std::size_t i = 0; i < N; ++i) targets.push_back(element(i));
    const auto shares = read_dirichlet(*t, std::vector<std::string>(names.begin(), names.end()), std::move(targets));
    if (!shares) return std::nullopt;
    std::copy(shares->begin(), shares->end(), values.begin());
    return values;
  }
  for (std::size_t i = 0; i < N; ++i) {
    if (target && drawn == Drawn::Each) {
      values[i] = mode == KeyedTable::EveryKeyRequired ? t->uncertain_number(names[i], range, element(i))
                                                       : t->uncertain_number_or(names[i], 0.0, range, element(i));
    } else {
      values[i] = mode == KeyedTable::EveryKeyRequired ? t->number(names[i], range)
                                                       : t->number_or(names[i], 0.0, range);
    }
  }
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

// An array of exactly `count` numbers in `range` at `key`; nullopt when absent or wrong (the error recorded,
// with `what` saying what the numbers are).
std::optional<std::vector<double>> read_numbers(TableReader& t, std::string_view key, std::size_t count,
                                                const Range& range, const std::string& what);

// Hours of the day at `key`: "all" | [9, 10, 11] | [[9, 17], 20] (an hour, or a [from, to) range that may wrap
// midnight); absent = every hour (a written assumption wherever it is used).
std::array<bool, 24> read_hours_of_day(TableReader& t, std::string_view key);

// A distribution that must be given when `needed` (the reason is said in the error), else may default.
sim::Distribution distribution_if(TableReader& t, std::string_view key, bool needed, const std::string& reason,
                                  const sim::Distribution& fallback);

}  // namespace kyoten::scenario
