#pragma once
// Reads one TOML file, reporting a missing file or a syntax error (with its line and column) to the sink.
// Shared by every input kyoten reads as TOML: scenarios and their bases, observation files.
#include <filesystem>
#include <optional>
#include <string_view>
#include <toml++/toml.h>

#include "models/scenario/error_sink.hpp"

namespace kyoten::scenario {

// `what` names the kind of file in the message, e.g. "scenario file".
std::optional<toml::table> parse_toml_file(const std::filesystem::path& file, std::string_view what, ErrorSink& sink);

}  // namespace kyoten::scenario
