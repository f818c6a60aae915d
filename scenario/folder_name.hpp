#pragma once
// Whether a scenario's meta.name can name its output (results/<name>, results/<name>-sweep.db): one path
// component that can never lead outside results/ or hide itself (scenarios/README.md, "meta.name").
//   allowed: ASCII letters and digits, "-", "_", "." and characters beyond ASCII such as Japanese,
//            except spaces, invisible and direction-changing ones (U+0080–U+00BF, U+2000–U+206F, U+3000,
//            U+FE00–U+FE0F, U+FEFF, U+FFF0–U+FFFF);
//   not:     a leading "." or "-", invalid UTF-8, more than kMaxFolderNameBytes bytes.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kyoten::scenario {

inline constexpr std::size_t kMaxFolderNameBytes = 200;

// What is wrong with `name` as a folder name, in plain words, or nullopt if it is fine.
std::optional<std::string> folder_name_problem(std::string_view name);

// The rule above in one line, for messages.
inline constexpr const char* kFolderNameRule =
    "allowed: letters (Japanese too), digits, \"-\", \"_\" and \".\", not first \".\" or \"-\", at most 200 bytes";

}  // namespace kyoten::scenario
