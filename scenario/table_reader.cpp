#include "scenario/table_reader.hpp"

#include <algorithm>

#include "scenario/did_you_mean.hpp"
#include "scenario/distribution_reader.hpp"
#include "scenario/uncertain_reader.hpp"

namespace kyoten::scenario {

TableReader::TableReader(ErrorSink& sink, const toml::table& table, std::string path)
    : sink_(&sink), layers_{{&table, path}}, logical_(path) {}

TableReader& TableReader::with_fallback(const toml::table& table, std::string path) {
  layers_.push_back({&table, std::move(path)});
  return *this;
}

const TableReader::Layer* TableReader::layer_holding(std::string_view key) const {
  for (const auto& layer : layers_)
    if (layer.table->contains(key)) return &layer;
  return nullptr;
}

const toml::node* TableReader::find(std::string_view key) {
  if (std::find(allowed_.begin(), allowed_.end(), key) == allowed_.end()) allowed_.emplace_back(key);
  const Layer* layer = layer_holding(key);
  return layer ? layer->table->get(key) : nullptr;
}

std::string TableReader::key_path(std::string_view key) {
  const Layer* layer = layer_holding(key);
  return child_path(layer ? layer->path : path(), key);
}

void TableReader::error(std::string_view key, std::string message, std::string hint) {
  const toml::node* node = find(key);
  sink_->at(node ? *node : primary(), key_path(key), std::move(message), std::move(hint));
}

void TableReader::missing(std::string_view key, std::string what_is_allowed) {
  sink_->at(primary(), key_path(key), "required key '" + std::string(key) + "' is missing", std::move(what_is_allowed));
}

double TableReader::number(std::string_view key, const Range& range) {
  if (const auto* node = find(key)) return read_number(*sink_, *node, key_path(key), range).value_or(0.0);
  missing(key, "a number that " + range.describe());
  return 0.0;
}

double TableReader::number_or(std::string_view key, double fallback, const Range& range) {
  if (const auto* node = find(key)) return read_number(*sink_, *node, key_path(key), range).value_or(fallback);
  return fallback;
}

std::optional<double> TableReader::optional_number(std::string_view key, const Range& range) {
  if (const auto* node = find(key)) return read_number(*sink_, *node, key_path(key), range);
  return std::nullopt;
}

int TableReader::integer(std::string_view key, const Range& range) {
  if (const auto* node = find(key)) return read_integer(*sink_, *node, key_path(key), range).value_or(0);
  missing(key, "a whole number that " + range.describe());
  return 0;
}

int TableReader::integer_or(std::string_view key, int fallback, const Range& range) {
  if (const auto* node = find(key)) return read_integer(*sink_, *node, key_path(key), range).value_or(fallback);
  return fallback;
}

bool TableReader::boolean_or(std::string_view key, bool fallback) {
  if (const auto* node = find(key)) return read_boolean(*sink_, *node, key_path(key)).value_or(fallback);
  return fallback;
}

std::string TableReader::string(std::string_view key) {
  if (const auto* node = find(key)) return read_string(*sink_, *node, key_path(key)).value_or("");
  missing(key, "a string");
  return {};
}

std::string TableReader::string_or(std::string_view key, std::string fallback) {
  if (const auto* node = find(key)) return read_string(*sink_, *node, key_path(key)).value_or(fallback);
  return fallback;
}

std::optional<Date> TableReader::date(std::string_view key) {
  if (const auto* node = find(key)) return read_date(*sink_, *node, key_path(key));
  missing(key, "a date as 2022-10-01");
  return std::nullopt;
}

std::optional<Date> TableReader::optional_date(std::string_view key) {
  if (const auto* node = find(key)) return read_date(*sink_, *node, key_path(key));
  return std::nullopt;
}

sim::Distribution TableReader::distribution(std::string_view key) {
  if (const auto* node = find(key)) return read_distribution(*sink_, *node, key_path(key)).value_or(sim::Distribution{});
  missing(key, "a distribution, e.g. { dist = \"lognormal\", mean = 3.5, sd = 1.0 }");
  return {};
}

sim::Distribution TableReader::distribution_or(std::string_view key, const sim::Distribution& fallback) {
  if (const auto* node = find(key)) return read_distribution(*sink_, *node, key_path(key)).value_or(fallback);
  return fallback;
}

void TableReader::add_uncertain(hub::UncertainParameter parameter) {
  if (uncertain_) uncertain_->push_back(std::move(parameter));
}

double TableReader::uncertain_number(std::string_view key, const Range& range, hub::ParameterTarget target) {
  if (!has(key)) {
    missing(key, "a number that " + range.describe() + ", or a distribution over it");
    return 0.0;
  }
  return uncertain_number_or(key, 0.0, range, std::move(target));
}

double TableReader::uncertain_number_or(std::string_view key, double fallback, const Range& range,
                                        hub::ParameterTarget target) {
  const auto* node = find(key);
  if (!node) return fallback;
  auto value = read_uncertain_number(*sink_, *node, key_path(key), range);
  if (!value) return fallback;
  // Named after this table, not the fallback layer: each [[facilities]] entry draws its own value even when
  // the distribution is written once in [facility_defaults].
  const std::string name = child_path(logical_, key);
  if (value->law) add_uncertain({name, {name}, {std::move(target)}, std::move(*value->law), written_at(*node, name)});
  return value->point;
}

const toml::array* TableReader::array(std::string_view key) {
  const auto* node = find(key);
  if (!node) return nullptr;
  if (const auto* a = node->as_array()) return a;
  error(key, "must be an array, got " + type_name(*node) + " " + show_value(*node), "write [ ... ]");
  return nullptr;
}

std::vector<TableReader::ListItem> TableReader::string_list(std::string_view key, bool required) {
  std::vector<ListItem> out;
  const auto* node = find(key);
  if (!node) {
    if (required) missing(key, "a non-empty array of names, e.g. [\"a\", \"b\"]");
    return out;
  }
  const auto* a = array(key);
  if (!a) return out;
  if (a->empty() && required) error(key, "must not be empty", "list at least one name");
  const std::string base = key_path(key);
  for (std::size_t i = 0; i < a->size(); ++i) {
    const toml::node& element = *a->get(i);
    if (auto s = read_string(*sink_, element, element_path(base, i)))
      out.push_back({std::move(*s), &element, element_path(base, i)});
  }
  return out;
}

std::optional<TableReader> TableReader::table(std::string_view key) {
  std::optional<TableReader> sub;
  find(key);
  for (const auto& layer : layers_) {
    const auto* node = layer.table->get(key);
    if (!node) continue;
    const auto* t = node->as_table();
    if (!t) {
      sink_->at(*node, child_path(layer.path, key), "must be a table, got " + type_name(*node) + " " + show_value(*node),
                "write [" + child_path(layer.path, key) + "] or { ... }");
      continue;
    }
    if (!sub) {
      sub.emplace(*sink_, *t, child_path(layer.path, key));
      sub->uncertain_ = uncertain_;
      sub->logical_ = child_path(logical_, key);
    } else {
      sub->with_fallback(*t, child_path(layer.path, key));
    }
  }
  return sub;
}

void TableReader::finish() {
  for (const auto& layer : layers_) {
    for (const auto& [k, v] : *layer.table) {
      if (std::find(allowed_.begin(), allowed_.end(), k.str()) != allowed_.end()) continue;
      sink_->at(v, child_path(layer.path, k.str()), "unknown key '" + std::string(k.str()) + "'",
                suggestion_hint(k.str(), allowed_));
    }
  }
}

}  // namespace kyoten::scenario
