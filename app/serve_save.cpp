#include "app/serve_save.hpp"

#include <sstream>

#include "output/atomic_file.hpp"

namespace kyoten::app {
namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMaxNameLength = 64;

std::string as_toml(const toml::node& node) {
  std::ostringstream out;
  node.visit([&out](const auto& n) { out << toml::toml_formatter{n}; });
  return out.str();
}

bool mergeable_table(const toml::node* node) { return node && node->is_table() && !node->as_table()->is_inline(); }

// A top-level array of tables (a `centers` rebuilt by a structural lever arrives as inline tables from `--set`)
// written as [[blocks]], as the shipped scenarios write them; arrays inside an entry stay inline.
toml::table as_blocks(toml::table changed) {
  for (auto&& [key, value] : changed)
    if (auto* array = value.as_array(); array && array->is_array_of_tables())
      for (auto& element : *array) element.as_table()->is_inline(false);
  return changed;
}

}  // namespace

std::optional<std::string> sanitise_file_name(std::string_view name) {
  std::string out;
  for (char ch : name) {
    const bool plain = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
                       ch == '-' || ch == '_';
    if (plain)
      out += ch;
    else if (!out.empty() && out.back() != '-')
      out += '-';
    if (out.size() >= kMaxNameLength) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  if (out.empty()) return std::nullopt;
  return out;
}

toml::table changed_keys(const toml::table& base, const toml::table& variant) {
  toml::table out;
  for (const auto& [key, value] : variant) {
    const toml::node* before = base.get(key.str());
    if (mergeable_table(before) && mergeable_table(&value)) {
      toml::table inner = changed_keys(*before->as_table(), *value.as_table());
      if (!inner.empty()) out.insert_or_assign(key.str(), std::move(inner));
      continue;
    }
    if (before && before->type() == value.type() && as_toml(*before) == as_toml(value)) continue;
    value.visit([&out, &key](const auto& n) { out.insert_or_assign(key.str(), n); });
  }
  return out;
}

std::string variant_file_text(const fs::path& original, const fs::path& save_dir, const toml::table& changed,
                              const std::string& reproduce_command) {
  // Both made absolute first: a relative folder that does not exist yet would otherwise have no common root.
  const fs::path base =
      fs::relative(fs::weakly_canonical(fs::absolute(original)), fs::weakly_canonical(fs::absolute(save_dir)));
  std::ostringstream out;
  out << "# Saved by `kyoten serve`: the values changed on the page; everything else comes from `base`.\n"
      << "# `kyoten serve` で変更した値のみを記録（その他は base のとおり）。\n"
      << "# Reproduce the figures shown / 同じ結果の再現: " << reproduce_command << "\n"
      << "base = " << toml::value<std::string>(base.generic_string()) << "\n\n"
      << toml::toml_formatter{as_blocks(changed)} << "\n";
  return out.str();
}

fs::path write_variant_file(const fs::path& save_dir, const std::string& name, const std::string& text) {
  output::StagedDirectory staged(save_dir);
  const std::string file = name + ".toml";
  staged.write(file, [&text](std::ostream& out) { out << text; });
  staged.commit();
  return save_dir / file;
}

}  // namespace kyoten::app
