#include "scenario/section_helpers.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "scenario/did_you_mean.hpp"
#include "scenario/value_limits.hpp"
#include "sim/time/units.hpp"

namespace kyoten::scenario {

void check_sums_to_one(TableReader& parent, std::string_view key, const double* values, std::size_t count) {
  double total = 0;
  for (std::size_t i = 0; i < count; ++i) total += values[i];
  if (std::abs(total - 1.0) <= kShareTolerance) return;
  std::ostringstream sum;
  sum.precision(10);
  sum << total;
  parent.error(key, "shares sum to " + sum.str() + "; they must sum to 1",
               "tolerance 1e-6; give each share as a fraction of all");
}

void check_some_positive(TableReader& parent, std::string_view key, const double* values, std::size_t count) {
  for (std::size_t i = 0; i < count; ++i)
    if (values[i] > 0) return;
  parent.error(key, "weights are all zero", "give at least one weight > 0");
}

std::optional<std::vector<double>> read_dirichlet(TableReader& table, const std::vector<std::string>& names,
                                                  std::vector<hub::ParameterTarget> targets) {
  const std::string dist = table.string("dist");
  std::vector<double> alpha;
  for (const std::string& name : names) {
    if (!table.has(name))
      table.missing(name, "a Dirichlet split needs an alpha > 0 for every category (" + join_names(names) + ")");
    else
      alpha.push_back(table.number(name, between(sim::Dirichlet::kMinAlpha, limits::kDistributionParameter)));
  }
  table.finish();
  if (dist != "dirichlet") {
    table.error("dist", "a share table takes only a Dirichlet distribution, got '" + dist + "'",
                "write { dist = \"dirichlet\", " + names.front() + " = 34.5, ... } with one alpha > 0 per category");
    return std::nullopt;
  }
  if (alpha.size() != names.size() || std::find(alpha.begin(), alpha.end(), 0.0) != alpha.end()) return std::nullopt;
  sim::Dirichlet law(alpha);
  std::vector<std::string> value_names;
  for (const std::string& name : names) value_names.push_back(child_path(table.logical_path(), name));
  table.add_uncertain({table.logical_path(), std::move(value_names), std::move(targets), law,
                       written_at(table.primary(), table.logical_path())});
  return law.mean();
}

std::optional<int> resolve_name(ErrorSink& sink, const TableReader::ListItem& item, std::string_view what,
                                const std::vector<std::string>& names) {
  if (names.empty()) return std::nullopt;  // nothing to name: the empty list was reported where it is defined
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == item.text) return static_cast<int>(i);
  sink.at(*item.node, item.key, "unknown " + std::string(what) + " '" + item.text + "'",
          suggestion_hint(item.text, names));
  return std::nullopt;
}

std::optional<std::vector<double>> read_numbers(TableReader& t, std::string_view key, std::size_t count,
                                                const Range& range, const std::string& what) {
  const auto* array = t.array(key);
  if (!array) return std::nullopt;
  if (array->size() != count) {
    t.error(key, "must have " + std::to_string(count) + " numbers, has " + std::to_string(array->size()), what);
    return std::nullopt;
  }
  const std::string path = t.key_path(key);
  std::vector<double> values;
  for (std::size_t i = 0; i < count; ++i) {
    const auto v = read_number(t.sink(), *array->get(i), element_path(path, i), range);
    if (!v) return std::nullopt;
    values.push_back(*v);
  }
  return values;
}

sim::Distribution distribution_if(TableReader& t, std::string_view key, bool needed, const std::string& reason,
                                  const sim::Distribution& fallback) {
  if (needed && !t.has(key)) {
    t.missing(key, "needed because " + reason + "; a distribution, e.g. { dist = \"lognormal\", mean = 3, sd = 1 }");
    return fallback;
  }
  return t.distribution_or(key, fallback);
}

std::array<bool, sim::kHoursPerDay> read_hours_of_day(TableReader& t, std::string_view key) {
  using sim::kHoursPerDay;
  std::array<bool, kHoursPerDay> hours{};
  const auto* node = t.find(key);
  const char* form = "\"all\", a list of hours [9, 10, 11], or ranges [[9, 17]] (from, to; may wrap midnight)";
  if (!node) {
    hours.fill(true);  // every hour unless stated (the caller documents the assumption)
    return hours;
  }
  const std::string path = t.key_path(key);
  if (const auto* s = node->as_string()) {
    if (s->get() == "all") hours.fill(true);
    else t.error(key, "unknown value \"" + s->get() + "\"", form);
    return hours;
  }
  const auto* array = t.array(key);
  if (!array) return hours;
  if (array->empty()) t.error(key, "must not be empty", form);
  for (std::size_t i = 0; i < array->size(); ++i) {
    const toml::node& element = *array->get(i);
    const std::string element_key = element_path(path, i);
    if (const auto* range = element.as_array()) {
      if (range->size() != 2) {
        t.sink().at(element, element_key, "a range must be [from, to]", form);
        continue;
      }
      const auto from = read_integer(t.sink(), *range->get(0), element_key + "[0]", between(0, 23));
      const auto to = read_integer(t.sink(), *range->get(1), element_key + "[1]", between(0, 24));
      if (!from || !to) continue;
      if (*from == *to) {
        t.sink().at(element, element_key, "the range is empty", "for all hours write \"all\"");
        continue;
      }
      const int end = *to <= *from ? *to + kHoursPerDay : *to;  // to <= from wraps past midnight
      for (int h = *from; h < end; ++h) hours[static_cast<std::size_t>(h % kHoursPerDay)] = true;
    } else if (auto hour = read_integer(t.sink(), element, element_key, between(0, 23))) {
      hours[static_cast<std::size_t>(*hour)] = true;
    }
  }
  return hours;
}


}  // namespace kyoten::scenario
