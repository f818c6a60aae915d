#pragma once
// "Keep what you tried": a variant written as a readable scenario file — `base = "<the original>"` and only
// the values that differ — that `kyoten validate` accepts and `kyoten run` reproduces. Files go only into the
// folder `kyoten serve` was given, under a sanitised name.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <toml++/toml.h>

namespace kyoten::app {

// The name reduced to ASCII letters, digits, '-' and '_' (anything else becomes '-'; leading and trailing '-'
// dropped; at most 64 characters); nullopt when nothing is left. Never contains '/', '.', or '\0'.
std::optional<std::string> sanitise_file_name(std::string_view name);

// The part of `variant` that differs from `base`: [tables] compared key by key, every other value (arrays and
// inline tables included) whole, as the loader's `base` merge replaces them.
toml::table changed_keys(const toml::table& base, const toml::table& variant);

// The file's text: a comment saying how to reproduce it, `base = "<relative path>"`, then the changed keys.
std::string variant_file_text(const std::filesystem::path& original, const std::filesystem::path& save_dir,
                              const toml::table& changed, const std::string& reproduce_command);

// Writes `text` to `save_dir/<name>.toml` through a temporary and a rename (a reader never sees half a file).
std::filesystem::path write_variant_file(const std::filesystem::path& save_dir, const std::string& name,
                                         const std::string& text);

}  // namespace kyoten::app
