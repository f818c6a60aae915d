#pragma once
// Reads one TOML table of a scenario with typed getters. Every key asked for becomes an allowed key, so
// finish() can report the keys nobody asked for as unknown, with a did-you-mean among the allowed ones.
// A reader may have a fallback layer (e.g. [facility_defaults] behind each [[facilities]] entry): a key
// missing from the table is looked up there, and errors point at wherever the value was written.
#include <optional>
#include <string>
#include <string_view>
#include <toml++/toml.h>
#include <vector>

#include "models/hub/uncertain_parameter.hpp"
#include "scenario/error_sink.hpp"
#include "scenario/toml_values.hpp"
#include "sim/random/distribution.hpp"

namespace kyoten::scenario {

class TableReader {
 public:
  TableReader(ErrorSink& sink, const toml::table& table, std::string path);
  // Adds a layer consulted for keys this table lacks.
  TableReader& with_fallback(const toml::table& table, std::string path);

  [[nodiscard]] const std::string& path() const { return layers_.front().path; }
  // Where this table sits in the scenario whichever layer holds it (facilities[2].acceptance even when the
  // values come from [facility_defaults.acceptance]): the name of what is drawn per entry.
  [[nodiscard]] const std::string& logical_path() const { return logical_; }
  [[nodiscard]] ErrorSink& sink() const { return *sink_; }
  [[nodiscard]] const toml::table& primary() const { return *layers_.front().table; }

  // The node for `key` (first layer holding it) or nullptr; marks the key as allowed.
  const toml::node* find(std::string_view key);
  // Dotted path of `key` in the layer that holds it (the first layer when none does).
  std::string key_path(std::string_view key);
  bool has(std::string_view key) { return find(key) != nullptr; }

  // Records an error about `key`, placed at its node if present, else at the table.
  void error(std::string_view key, std::string message, std::string hint = {});
  // Records that a required key is missing.
  void missing(std::string_view key, std::string what_is_allowed);

  // Required getters record "missing" and return a neutral value; *_or getters use the given default.
  double number(std::string_view key, const Range& range);
  double number_or(std::string_view key, double fallback, const Range& range);
  std::optional<double> optional_number(std::string_view key, const Range& range);
  int integer(std::string_view key, const Range& range);
  int integer_or(std::string_view key, int fallback, const Range& range);
  bool boolean_or(std::string_view key, bool fallback);
  std::string string(std::string_view key);
  std::string string_or(std::string_view key, std::string fallback);
  std::optional<Date> date(std::string_view key);
  std::optional<Date> optional_date(std::string_view key);
  sim::Distribution distribution(std::string_view key);
  sim::Distribution distribution_or(std::string_view key, const sim::Distribution& fallback);

  // Values a scenario may state as distributions (uncertain_reader.hpp) are registered in `list`, with `target`
  // saying where a drawn value goes. read_scenario sets the list on the root reader; sub-readers inherit it.
  void collect_uncertain(std::vector<hub::UncertainParameter>& list) { uncertain_ = &list; }
  void add_uncertain(hub::UncertainParameter parameter);
  // A rate or probability that may be a distribution; returns the point value (the number, or the mean).
  double uncertain_number(std::string_view key, const Range& range, hub::ParameterTarget target);
  double uncertain_number_or(std::string_view key, double fallback, const Range& range, hub::ParameterTarget target);
  // Array of strings, each with its node and key path for later errors; `required` makes absence (and
  // emptiness) an error.
  struct ListItem {
    std::string text;
    const toml::node* node;
    std::string key;
  };
  std::vector<ListItem> string_list(std::string_view key, bool required);
  // The array at `key` (type-checked), or nullptr when absent.
  const toml::array* array(std::string_view key);

  // A sub-table (layered like this reader); nullopt when absent in every layer or not a table (error recorded).
  std::optional<TableReader> table(std::string_view key);

  // Calls fn(element_reader, index) for each table of the array of tables at `key`, then checks the element's
  // keys. `required`: absence or an empty array is an error. Returns the array (nullptr if absent or wrong).
  template <class Fn>
  const toml::array* each_table(std::string_view key, bool required, Fn&& fn);

  // Reports keys present in any layer that no getter asked for. Call after reading every key.
  void finish();

 private:
  struct Layer {
    const toml::table* table;
    std::string path;
  };
  const Layer* layer_holding(std::string_view key) const;

  ErrorSink* sink_;
  std::vector<Layer> layers_;
  std::vector<std::string> allowed_;
  std::vector<hub::UncertainParameter>* uncertain_ = nullptr;
  std::string logical_;
};

template <class Fn>
const toml::array* TableReader::each_table(std::string_view key, bool required, Fn&& fn) {
  const toml::node* node = find(key);
  if (!node) {
    if (required) missing(key, "one or more [[" + key_path(key) + "]] entries");
    return nullptr;
  }
  const toml::array* entries = array(key);
  if (!entries) return nullptr;
  if (entries->empty() && required) error(key, "must not be empty", "add at least one entry");
  const std::string base = key_path(key);
  for (std::size_t i = 0; i < entries->size(); ++i) {
    const toml::node& element = *entries->get(i);
    const auto* t = element.as_table();
    if (!t) {
      sink_->at(element, element_path(base, i), "must be a table, got " + type_name(element),
                "write [[" + base + "]] entries or { ... }");
      continue;
    }
    TableReader reader(*sink_, *t, element_path(base, i));
    reader.uncertain_ = uncertain_;
    reader.logical_ = element_path(child_path(logical_, key), i);
    fn(reader, i);
    reader.finish();
  }
  return entries;
}

}  // namespace kyoten::scenario
