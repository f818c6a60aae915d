#include "scenario/base_resolution.hpp"
#include "scenario/toml_file.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "scenario/toml_values.hpp"

namespace kyoten::scenario {
namespace fs = std::filesystem;
namespace {

// The files being read, outermost first, to detect a base that leads back to itself.
struct Chain {
  std::vector<fs::path> canonical;
  std::vector<std::string> shown;
};

fs::path canonical_or_self(const fs::path& p) {
  std::error_code ec;
  auto c = fs::weakly_canonical(p, ec);
  return ec ? p.lexically_normal() : c;
}

std::optional<toml::table> read_layer(const fs::path& file, Chain& chain, ErrorSink& sink) {
  auto table = parse_toml_file(file, "scenario file", sink);
  if (!table) return std::nullopt;
  const toml::node* base_node = table->get("base");
  if (!base_node) return table;

  const auto base_name = read_string(sink, *base_node, "base");
  if (!base_name) return std::nullopt;
  const fs::path base_path = (file.parent_path() / *base_name).lexically_normal();
  std::error_code ec;
  if (!fs::is_regular_file(base_path, ec)) {
    sink.at(*base_node, "base", "base file not found: " + base_path.string(),
            "the path is relative to the directory of " + file.string());
    return std::nullopt;
  }
  const fs::path canonical = canonical_or_self(base_path);
  if (std::find(chain.canonical.begin(), chain.canonical.end(), canonical) != chain.canonical.end()) {
    std::string cycle;
    for (const auto& f : chain.shown) cycle += f + " → ";
    sink.at(*base_node, "base", "circular base: " + cycle + base_path.string(),
            "a base chain must end in a file without `base`");
    return std::nullopt;
  }
  if (chain.canonical.size() >= kMaxBaseChain) {
    sink.at(*base_node, "base",
            "base chain longer than " + std::to_string(kMaxBaseChain) + " files (" + chain.shown.front() + " → … → " +
                base_path.string() + ")",
            "a scenario extends a few others at most; merge some of the files");
    return std::nullopt;
  }
  chain.canonical.push_back(canonical);
  chain.shown.push_back(base_path.string());
  auto merged = read_layer(base_path, chain, sink);
  chain.canonical.pop_back();
  chain.shown.pop_back();
  if (!merged) return std::nullopt;

  table->erase("base");
  deep_merge(*merged, std::move(*table));
  return merged;
}

// Keys that are alternatives to each other: a derived file writing one drops the others it inherits.
const std::vector<std::vector<std::string_view>> kAlternatives = {{"expected_registered", "s_curve"}};

void drop_alternatives(toml::table& into, const toml::table& over, std::string_view key) {
  for (const auto& group : kAlternatives) {
    if (std::find(group.begin(), group.end(), key) == group.end()) continue;
    for (const auto other : group)
      if (other != key && !over.contains(other)) into.erase(other);  // both in one file: the reader objects
  }
}

}  // namespace

void deep_merge(toml::table& into, toml::table&& over) {
  for (auto&& [key, value] : over) {
    drop_alternatives(into, over, key.str());
    // Inline tables ({ dist = ... }, band shares) are values: replaced whole, so parameters never mix.
    auto* over_table = value.as_table();
    auto* into_table = into.get_as<toml::table>(key.str());
    if (over_table && into_table && !over_table->is_inline() && !into_table->is_inline()) {
      deep_merge(*into_table, std::move(*over_table));
    } else {
      into.insert_or_assign(key.str(), std::move(value));
    }
  }
}

std::optional<toml::table> read_with_bases(const fs::path& file, ErrorSink& sink) {
  Chain chain{{canonical_or_self(file)}, {file.string()}};
  return read_layer(file, chain, sink);
}

}  // namespace kyoten::scenario
