#pragma once
// Typed reading of single TOML values. Each reader records a clear error (what was found, what is allowed) at
// the node's position and returns nullopt, so the caller carries on and more problems can be found.
#include <chrono>
#include <limits>
#include <optional>
#include <string>
#include <toml++/toml.h>

#include "scenario/error_sink.hpp"

namespace kyoten::scenario {

using Date = std::chrono::sys_days;

// The allowed interval of a number and the words for it.
struct Range {
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  bool min_open = false;  // min itself excluded
  // max is a sanity ceiling (value_limits.hpp), not the edge of the quantity's domain: a distribution stated for
  // the value need only have its mean below it (a gamma over a rate is unbounded but fine).
  bool max_bounds_mean = false;
  [[nodiscard]] bool contains(double x) const { return (min_open ? x > min : x >= min) && x <= max; }
  [[nodiscard]] std::string describe() const;  // "must be >= 0", "must be in [0, 1]", ...
};
inline Range non_negative() { return {0.0}; }
inline Range positive() { return {0.0, std::numeric_limits<double>::infinity(), true}; }
inline Range probability() { return {0.0, 1.0}; }
inline Range between(double lo, double hi) { return {lo, hi}; }
inline Range at_least(double lo) { return {lo}; }

// "a.b" from "a" and "b"; "b" when the parent is the root.
[[nodiscard]] std::string child_path(const std::string& parent, std::string_view key);
// "a[3]".
[[nodiscard]] std::string element_path(const std::string& parent, std::size_t index);
// "integer", "string", "table", ... for messages.
[[nodiscard]] std::string type_name(const toml::node& node);
// A number as people write it ("0.1", "2000").
[[nodiscard]] std::string show_number(double x);
// A short rendering of a scalar value for messages ("-1", "\"abc\"").
[[nodiscard]] std::string show_value(const toml::node& node);

// Where a value was written, "file:line:column" (or "--set KEY" for a value from the command line): two
// readings of the same file give the same text for the same written value.
[[nodiscard]] std::string written_at(const toml::node& node, const std::string& key);

// Finite number (integer or float) within the range.
std::optional<double> read_number(ErrorSink& sink, const toml::node& node, const std::string& key, const Range& range);
// Whole number within the range (a float with no fractional part is accepted).
std::optional<int> read_integer(ErrorSink& sink, const toml::node& node, const std::string& key, const Range& range);
std::optional<bool> read_boolean(ErrorSink& sink, const toml::node& node, const std::string& key);
std::optional<std::string> read_string(ErrorSink& sink, const toml::node& node, const std::string& key);
// A TOML date (2022-10-01) or a string "2022-10-01" naming a real date.
std::optional<Date> read_date(ErrorSink& sink, const toml::node& node, const std::string& key);

}  // namespace kyoten::scenario
