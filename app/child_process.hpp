#pragma once
// Runs another program and waits for it: `kyoten report` hands over to Python, `kyoten serve` runs
// `kyoten run` and `kyoten report` for a report download. No shell is involved, so no argument is interpreted.
#include <string>
#include <utility>
#include <vector>

namespace kyoten::app {

inline constexpr int kCannotStart = 127;  // as a POSIX shell reports it

struct ChildOptions {
  std::vector<std::pair<std::string, std::string>> environment{};  // set in the child only
  bool quiet = false;  // send the child's stdout and stderr to /dev/null
};

// The child's exit code; 1 if it did not exit normally, 127 if it could not be started (the caller says so).
int run_child(const std::string& program, const std::vector<std::string>& args, const ChildOptions& options = {});

}  // namespace kyoten::app
