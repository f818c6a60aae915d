#pragma once
// `--set KEY=VALUE`: change one value of the resolved scenario from the command line, e.g.
//   --set facilities[2].beds=3   --set centers.main.staff[0].count=3   --set calls.band_share.weekday_night=0.1
// KEY is a dotted path; an array element is chosen by index ([2]) or, in an array of tables, by its `name`.
// VALUE is read as a TOML value (number, boolean, "string", [array], { inline table }, date); text that is not
// valid TOML is taken as a plain string. Keys are created as needed; the full validation that follows reports
// unknown keys with a did-you-mean. Errors have no file and say "--set".
#include <optional>
#include <string>
#include <string_view>
#include <toml++/toml.h>
#include <vector>

#include "scenario/error_sink.hpp"

namespace kyoten::scenario {

// Why the text of one --set cannot be used, or nullopt: it must be valid UTF-8 (results are written as JSON),
// hold no control character but tab (a newline would end the TOML value early and drop the rest silently), and
// nest no deeper than a scenario file may (toml_nesting.hpp). Checked when the command line is parsed and again
// here.
[[nodiscard]] std::optional<std::string> override_text_problem(std::string_view text);

void apply_overrides(toml::table& root, const std::vector<std::string>& overrides, ErrorSink& sink);

}  // namespace kyoten::scenario
