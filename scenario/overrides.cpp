#include "scenario/overrides.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <variant>

#include "scenario/did_you_mean.hpp"
#include "scenario/toml_nesting.hpp"
#include "scenario/toml_values.hpp"

namespace kyoten::scenario {
namespace {

// One step of a path: a key (or element name) or an array index.
using Step = std::variant<std::string, std::size_t>;

const char* kForm = "write --set KEY=VALUE, e.g. --set facilities[2].beds=3";

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t");
  return std::string(s.substr(b, e - b + 1));
}

// "a.b[2].c" → a, b, 2, c; nullopt if malformed.
std::optional<std::vector<Step>> split_path(std::string_view path) {
  std::vector<Step> steps;
  std::size_t i = 0;
  while (i < path.size()) {
    const std::size_t end = path.find_first_of(".[", i);
    const std::string_view name = path.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i);
    if (name.empty()) return std::nullopt;
    steps.emplace_back(std::string(name));
    i = end == std::string_view::npos ? path.size() : end;
    while (i < path.size() && path[i] == '[') {
      const std::size_t close = path.find(']', i);
      if (close == std::string_view::npos) return std::nullopt;
      std::size_t index = 0;
      const auto digits = path.substr(i + 1, close - i - 1);
      const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), index);
      if (digits.empty() || ec != std::errc{} || ptr != digits.data() + digits.size()) return std::nullopt;
      steps.emplace_back(index);
      i = close + 1;
    }
    if (i < path.size()) {
      if (path[i] != '.') return std::nullopt;
      if (++i == path.size()) return std::nullopt;  // trailing dot
    }
  }
  if (steps.empty()) return std::nullopt;
  return steps;
}

std::string show_step(const std::string& so_far, const Step& step) {
  if (const auto* index = std::get_if<std::size_t>(&step)) return element_path(so_far, *index);
  return child_path(so_far, std::get<std::string>(step));
}

// A document whose key "v" holds the value: as TOML, or as a plain string when the text is not valid TOML
// (so --set meta.name=test works). Nodes parsed here carry the source name "--set".
toml::table parse_value(const std::string& text) {
  try {
    return toml::parse(std::string_view{"v = " + text}, kCommandLineSource);
  } catch (const toml::parse_error&) {
    toml::table doc;
    doc.insert("v", text);
    return doc;
  }
}

// Where one --set is going, for its error messages.
struct Target {
  const std::string& key;  // the KEY as written
  ErrorSink& sink;
  void fail(const std::string& message, std::string hint = {}) const {
    sink.at_position("", 0, 0, key, "--set: " + message, std::move(hint));
  }
};

// The array `node` if `index` is inside it; nullptr after an error.
toml::array* array_with(toml::node& node, std::size_t index, const std::string& so_far, const Target& target) {
  auto* array = node.as_array();
  if (!array) {
    target.fail("'" + so_far + "' is a " + type_name(node) + ", not an array");
  } else if (index >= array->size()) {
    target.fail("index " + std::to_string(index) + " is out of range: '" + so_far + "' has " +
                    std::to_string(array->size()) + " elements",
                "indices start at 0");
    return nullptr;
  }
  return array;
}

// The element of an array of tables whose `name` is `name`; nullptr after an error with a did-you-mean.
toml::node* element_named(toml::array& array, const std::string& name, const std::string& so_far, const Target& target) {
  std::vector<std::string> names;
  for (auto& element : array) {
    const auto* t = element.as_table();
    const auto* n = t ? t->get_as<std::string>("name") : nullptr;
    if (!n) continue;
    if (n->get() == name) return &element;
    names.push_back(n->get());
  }
  target.fail("'" + so_far + "' has no element named '" + name + "'", suggestion_hint(name, names));
  return nullptr;
}

// One step down the path, creating a missing table on the way (validation later reports it if unknown).
toml::node* step_into(toml::node& node, const Step& step, const Step& next, const std::string& so_far,
                      const Target& target) {
  if (const auto* index = std::get_if<std::size_t>(&step)) {
    auto* array = array_with(node, *index, so_far, target);
    return array ? array->get(*index) : nullptr;
  }
  const auto& name = std::get<std::string>(step);
  if (auto* array = node.as_array()) return element_named(*array, name, so_far, target);
  auto* table = node.as_table();
  if (!table) {
    target.fail("'" + so_far + "' is a " + type_name(node) + ", which has no keys");
    return nullptr;
  }
  if (!table->contains(name)) {
    if (std::holds_alternative<std::size_t>(next)) {  // an index needs an existing array
      std::vector<std::string> existing;
      for (const auto& [k, v] : *table) existing.emplace_back(k.str());
      target.fail("no array '" + child_path(so_far, name) + "' to index", suggestion_hint(name, existing));
      return nullptr;
    }
    table->insert(name, toml::table{});
  }
  return table->get(name);
}

// Puts the value at the last step.
void assign(toml::node& parent, const Step& step, const std::string& value_text, const std::string& so_far,
            const Target& target) {
  if (const auto* index = std::get_if<std::size_t>(&step)) {
    if (auto* array = array_with(parent, *index, so_far, target)) {
      auto doc = parse_value(value_text);
      array->replace(array->cbegin() + static_cast<std::ptrdiff_t>(*index), std::move(*doc.get("v")));
    }
    return;
  }
  const auto& name = std::get<std::string>(step);
  if (auto* table = parent.as_table()) {
    auto doc = parse_value(value_text);
    table->insert_or_assign(name, std::move(*doc.get("v")));
  } else if (parent.is_array()) {
    target.fail("cannot replace a whole element of '" + so_far + "'", "set one of its keys, e.g. " +
                                                                          child_path(so_far, name) + ".KEY=VALUE");
  } else {
    target.fail("'" + so_far + "' is a " + type_name(parent) + ", which has no keys");
  }
}

void apply_one(toml::table& root, const std::string& text, ErrorSink& sink) {
  const auto eq = text.find('=');
  const std::string key = trim(std::string_view(text).substr(0, eq == std::string::npos ? 0 : eq));
  const Target target{key, sink};
  if (const auto problem = override_text_problem(text)) {
    target.fail(*problem);
    return;
  }
  if (eq == std::string::npos || key.empty()) {
    target.fail("'" + text + "' is not KEY=VALUE", kForm);
    return;
  }
  const auto steps = split_path(key);
  if (!steps) {
    target.fail("malformed key path '" + key + "'",
                "use dots between keys and [N] for array elements, e.g. facilities[2].beds");
    return;
  }
  if (const auto* first = std::get_if<std::string>(&steps->front()); first && *first == "base") {
    target.fail("cannot change `base`: it is resolved before overrides apply",
                "write a small scenario file with base = \"...\" instead");
    return;
  }
  toml::node* current = &root;
  std::string so_far;
  for (std::size_t s = 0; s + 1 < steps->size(); ++s) {
    current = step_into(*current, (*steps)[s], (*steps)[s + 1], so_far, target);
    if (!current) return;
    so_far = show_step(so_far, (*steps)[s]);
  }
  assign(*current, steps->back(), trim(std::string_view(text).substr(eq + 1)), so_far, target);
}

}  // namespace

std::optional<std::string> override_text_problem(std::string_view text) {
  try {
    (void)nlohmann::json(std::string(text)).dump();  // the writer of summary.json refuses invalid UTF-8
  } catch (const nlohmann::json::type_error&) {
    return "the text is not valid UTF-8";
  }
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\t') || u == 0x7f)
      return fmt::format("the text holds a control character (code {:#04x}); write it on one line, without them", u);
  }
  const auto eq = text.find('=');
  const std::string_view key = text.substr(0, eq == std::string_view::npos ? 0 : eq);
  const auto segments = 1 + std::count_if(key.begin(), key.end(), [](char c) { return c == '.' || c == '['; });
  if (segments > kMaxTomlNesting)
    return fmt::format("the key has {} steps; at most {}", segments, kMaxTomlNesting);
  if (eq != std::string_view::npos) {
    if (const auto deep = find_too_deep("v = " + std::string(text.substr(eq + 1))))
      return fmt::format("the value nests {} levels deep; at most {}", deep->depth, kMaxTomlNesting);
  }
  return std::nullopt;
}

void apply_overrides(toml::table& root, const std::vector<std::string>& overrides, ErrorSink& sink) {
  for (const auto& text : overrides) apply_one(root, text, sink);
}

}  // namespace kyoten::scenario
