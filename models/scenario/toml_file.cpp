#include "models/scenario/toml_file.hpp"

#include <fstream>
#include <sstream>
#include <string>

namespace kyoten::scenario {

std::optional<toml::table> parse_toml_file(const std::filesystem::path& file, std::string_view what, ErrorSink& sink) {
  const std::string shown = file.string();
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    sink.at_position(shown, 0, 0, "", "cannot open the " + std::string(what), "check the path and permissions");
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  const std::string document = text.str();
  try {
    return toml::parse(std::string_view{document}, std::string_view{shown});
  } catch (const toml::parse_error& e) {
    sink.at_position(shown, static_cast<int>(e.source().begin.line), static_cast<int>(e.source().begin.column), "",
                     "TOML syntax error: " + std::string(e.description()), "see https://toml.io/en/v1.0.0");
    return std::nullopt;
  }
}

}  // namespace kyoten::scenario
