#include "scenario/error_sink.hpp"

#include <algorithm>
#include <tuple>

namespace kyoten::scenario {

bool from_command_line(const toml::node& node) {
  const auto& path = node.source().path;
  return !path || *path == kCommandLineSource;
}

void ErrorSink::at(const toml::node& node, std::string key, std::string message, std::string hint) {
  if (from_command_line(node)) {
    errors_.push_back({"", 0, 0, std::move(key), "value given with --set: " + message, std::move(hint)});
    return;
  }
  const auto& src = node.source();
  errors_.push_back({*src.path, static_cast<int>(src.begin.line), static_cast<int>(src.begin.column), std::move(key),
                     std::move(message), std::move(hint)});
}

void ErrorSink::at_position(std::string file, int line, int column, std::string key, std::string message,
                            std::string hint) {
  errors_.push_back({std::move(file), line, column, std::move(key), std::move(message), std::move(hint)});
}

void ErrorSink::throw_if_any() const {
  if (errors_.empty()) return;
  auto sorted = errors_;
  const auto order = [](const InputError& e) { return std::tie(e.file, e.line, e.column, e.key, e.message); };
  std::stable_sort(sorted.begin(), sorted.end(),
                   [&](const InputError& a, const InputError& b) { return order(a) < order(b); });
  // A value shared by several entries (facility_defaults) is checked once per entry: report it once.
  sorted.erase(std::unique(sorted.begin(), sorted.end(),
                           [&](const InputError& a, const InputError& b) {
                             return order(a) == order(b) && a.hint == b.hint;
                           }),
               sorted.end());
  throw InputErrors(std::move(sorted));
}

}  // namespace kyoten::scenario
