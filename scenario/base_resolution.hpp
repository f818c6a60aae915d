#pragma once
// `base = "other.toml"`: a scenario may start from another file (path relative to itself) and change only what
// differs. The base is read first (it may have a base of its own) and this file's tables are deep-merged over
// it: [tables] merge key by key; anything else — arrays and inline tables { ... } included — is replaced whole
// (a distribution written in the derived file never mixes parameters with the base's). A derived file giving
// `s_curve` drops the base's `expected_registered` and vice versa. Nodes keep the file and
// line they were written at, so later errors point into the right file.
#include <filesystem>
#include <optional>
#include <toml++/toml.h>

#include "scenario/error_sink.hpp"

namespace kyoten::scenario {

// Files in one base chain, the scenario itself included: far more than any real layering (a variant of a
// variant of a municipality's file), and it bounds the recursion.
inline constexpr std::size_t kMaxBaseChain = 16;

// Reads `file` and its chain of bases, merged; nullopt after recording errors (syntax errors, a missing or
// circular base). The key `base` is removed from the result.
std::optional<toml::table> read_with_bases(const std::filesystem::path& file, ErrorSink& sink);

// Merges `over` into `into`: [tables] recursively, everything else replaced. Moves nodes to keep their sources.
void deep_merge(toml::table& into, toml::table&& over);

}  // namespace kyoten::scenario
