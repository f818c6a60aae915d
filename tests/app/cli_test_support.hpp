#pragma once
// Running the built `kyoten` binary from a test: its exit code and what it printed, in a fresh temp directory.
#include <stdlib.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

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

inline std::string source_path(const std::string& relative) { return std::string(KYOTEN_SOURCE_DIR) + "/" + relative; }

}  // namespace kyoten::test
