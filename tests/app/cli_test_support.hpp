#pragma once
// Running the built `kyoten` binary from a test: its exit code and what it printed, in a fresh temp directory.
#include <fcntl.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace kyoten::test {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "kyoten-cli-test-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

inline std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::string shell_quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

struct CliResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `kyoten <args>` (args already shell-quoted where needed) with `cwd` as working directory.
inline CliResult run_kyoten(const std::string& args, const fs::path& cwd) {
  const fs::path out = cwd / ".stdout", err = cwd / ".stderr";
  const std::string command = "cd " + shell_quoted(cwd.string()) + " && " + shell_quoted(KYOTEN_BINARY) + " " + args +
                              " >" + shell_quoted(out.string()) + " 2>" + shell_quoted(err.string());
  const int status = std::system(command.c_str());
  CliResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_text(out);
  r.err = read_text(err);
  fs::remove(out);
  fs::remove(err);
  return r;
}

// Starts kyoten in `cwd` without a shell, so the pid is kyoten's own and a signal reaches it directly; its output
// goes to `cwd`/`log`. `hook`, when given, is set as KYOTEN_TEST_SWAP_HOOK (output/output_path.hpp).
inline pid_t spawn_kyoten(const std::vector<std::string>& args, const fs::path& cwd,
                          const std::string& log = "spawned.log", const std::string& hook = "") {
  const pid_t pid = ::fork();
  if (pid == 0) {
    if (::chdir(cwd.c_str()) != 0) ::_exit(127);
    const int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(out, STDOUT_FILENO);
    ::dup2(out, STDERR_FILENO);
    if (!hook.empty()) ::setenv("KYOTEN_TEST_SWAP_HOOK", hook.c_str(), 1);
    std::vector<char*> argv{const_cast<char*>(KYOTEN_BINARY)};
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(KYOTEN_BINARY, argv.data());
    ::_exit(127);
  }
  return pid;
}

// The exit code of a spawned process (128 + signal when a signal ended it).
inline int wait_exit_code(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

inline std::string source_path(const std::string& relative) { return std::string(KYOTEN_SOURCE_DIR) + "/" + relative; }

// A shipped scenario's file, scenarios/NAME.
inline std::filesystem::path scenario_file(const char* name) {
  return std::filesystem::path(KYOTEN_SOURCE_DIR) / "scenarios" / name;
}

}  // namespace kyoten::test
