#pragma once
// Collects every problem found while loading a scenario, each placed at the TOML node it concerns, so the user
// sees all of them at once. Nodes that came from `--set` (or were created by it) have no file position: their
// errors get an empty file and say "--set".
#include <string>
#include <string_view>
#include <toml++/toml.h>
#include <vector>

#include "scenario/input_error.hpp"

namespace kyoten::scenario {

// The source name given to values parsed from `--set KEY=VALUE`.
inline constexpr std::string_view kCommandLineSource = "--set";

// True if the node was written on the command line rather than read from a file.
[[nodiscard]] bool from_command_line(const toml::node& node);

class ErrorSink {
 public:
  // An error about `node` (its file, line and column), at dotted key path `key`.
  void at(const toml::node& node, std::string key, std::string message, std::string hint = {});
  // An error with an explicit position (syntax errors, missing files); line/column 0 when unknown.
  void at_position(std::string file, int line, int column, std::string key, std::string message,
                   std::string hint = {});
  void add(InputError error) { errors_.push_back(std::move(error)); }

  [[nodiscard]] bool empty() const { return errors_.empty(); }
  [[nodiscard]] std::size_t size() const { return errors_.size(); }
  [[nodiscard]] const std::vector<InputError>& recorded() const { return errors_; }
  // Throws InputErrors (sorted by file and position, duplicates removed) if anything was recorded.
  void throw_if_any() const;

 private:
  std::vector<InputError> errors_;
};

}  // namespace kyoten::scenario
