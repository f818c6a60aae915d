#pragma once
// Reads one TOML file, reporting a missing file or a syntax error (with its line and column) to the sink.
// Shared by every input kyoten reads as TOML: scenarios and their bases, observation files. Only regular files
// up to kMaxScenarioFileBytes are read (a FIFO or /dev/zero would block or never end), and text nesting deeper
// than kMaxTomlNesting is refused before the parser sees it (toml_nesting.hpp).
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string_view>
#include <toml++/toml.h>

#include "scenario/error_sink.hpp"

namespace kyoten::scenario {

// Scenario files are a few kilobytes; a mebibyte holds thousands of facilities and shifts.
inline constexpr std::uintmax_t kMaxScenarioFileBytes = std::uintmax_t{1} << 20;

// `what` names the kind of file in the message, e.g. "scenario file".
std::optional<toml::table> parse_toml_file(const std::filesystem::path& file, std::string_view what, ErrorSink& sink);
// The same for text already read; `shown` names its source in messages.
std::optional<toml::table> parse_toml_text(std::string_view text, const std::string& shown, ErrorSink& sink);

}  // namespace kyoten::scenario
