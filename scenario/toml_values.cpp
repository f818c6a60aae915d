#include "scenario/toml_values.hpp"

#include <cmath>
#include <sstream>

#include "sim/time/civil_calendar.hpp"

namespace kyoten::scenario {
std::string show_number(double x) {
  std::ostringstream out;
  out << x;  // six significant digits: "0.1", not "0.10000000000000001"
  return out.str();
}

std::string Range::describe() const {
  const bool has_min = std::isfinite(min);
  const bool has_max = std::isfinite(max);
  if (has_min && has_max) return "must be in " + std::string(min_open ? "(" : "[") + show_number(min) + ", " + show_number(max) + "]";
  if (has_min) return std::string("must be ") + (min_open ? "> " : ">= ") + show_number(min);
  if (has_max) return "must be <= " + show_number(max);
  return "must be finite";
}

std::string child_path(const std::string& parent, std::string_view key) {
  return parent.empty() ? std::string(key) : parent + "." + std::string(key);
}

std::string element_path(const std::string& parent, std::size_t index) {
  return parent + "[" + std::to_string(index) + "]";
}

std::string type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table: return "table";
    case toml::node_type::array: return "array";
    case toml::node_type::string: return "string";
    case toml::node_type::integer: return "integer";
    case toml::node_type::floating_point: return "float";
    case toml::node_type::boolean: return "boolean";
    case toml::node_type::date: return "date";
    case toml::node_type::time: return "time";
    case toml::node_type::date_time: return "date-time";
    case toml::node_type::none: break;
  }
  return "nothing";
}

std::string written_at(const toml::node& node, const std::string& key) {
  const auto& source = node.source();
  if (!source.path || *source.path == kCommandLineSource) return std::string(kCommandLineSource) + " " + key;
  return *source.path + ":" + std::to_string(source.begin.line) + ":" + std::to_string(source.begin.column);
}

std::string show_value(const toml::node& node) {
  if (const auto* s = node.as_string()) return "\"" + s->get() + "\"";
  if (node.is_table() || node.is_array()) return "a " + type_name(node);
  if (const auto* f = node.as_floating_point()) return show_number(f->get());
  std::ostringstream out;
  node.visit([&](const auto& v) {
    if constexpr (toml::is_value<decltype(v)>) out << v;
  });
  return out.str();
}

std::optional<double> read_number(ErrorSink& sink, const toml::node& node, const std::string& key, const Range& range) {
  double x = 0;
  if (const auto* i = node.as_integer()) {
    x = static_cast<double>(i->get());
  } else if (const auto* f = node.as_floating_point()) {
    x = f->get();
  } else {
    sink.at(node, key, "must be a number, got " + type_name(node) + " " + show_value(node), range.describe());
    return std::nullopt;
  }
  if (!std::isfinite(x)) {
    sink.at(node, key, "must be a finite number, got " + show_value(node), range.describe());
    return std::nullopt;
  }
  if (!range.contains(x)) {
    sink.at(node, key, "is " + show_value(node) + ", out of range", range.describe());
    return std::nullopt;
  }
  return x;
}

std::optional<int> read_integer(ErrorSink& sink, const toml::node& node, const std::string& key, const Range& range) {
  const auto x = read_number(sink, node, key, range);
  if (!x) return std::nullopt;
  if (std::floor(*x) != *x || std::abs(*x) > 1e9) {
    sink.at(node, key, "must be a whole number, got " + show_value(node), range.describe());
    return std::nullopt;
  }
  return static_cast<int>(*x);
}

std::optional<bool> read_boolean(ErrorSink& sink, const toml::node& node, const std::string& key) {
  if (const auto* b = node.as_boolean()) return b->get();
  sink.at(node, key, "must be true or false, got " + type_name(node) + " " + show_value(node));
  return std::nullopt;
}

std::optional<std::string> read_string(ErrorSink& sink, const toml::node& node, const std::string& key) {
  if (const auto* s = node.as_string()) return s->get();
  sink.at(node, key, "must be a string, got " + type_name(node) + " " + show_value(node), "put text in quotes");
  return std::nullopt;
}

std::optional<Date> read_date(ErrorSink& sink, const toml::node& node, const std::string& key) {
  const std::string hint = "a date as 2022-10-01 or \"2022-10-01\"";
  if (const auto* d = node.as_date()) {
    const auto& v = d->get();
    const std::chrono::year_month_day ymd{std::chrono::year{v.year}, std::chrono::month{v.month},
                                          std::chrono::day{v.day}};
    if (ymd.ok()) return Date{ymd};
  } else if (const auto* s = node.as_string()) {
    if (auto parsed = sim::parse_iso_date(s->get())) return *parsed;
    sink.at(node, key, "is not a valid date: " + show_value(node), hint);
    return std::nullopt;
  }
  sink.at(node, key, "must be a date, got " + type_name(node) + " " + show_value(node), hint);
  return std::nullopt;
}

}  // namespace kyoten::scenario
