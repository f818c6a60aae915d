#include "scenario/toml_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "scenario/toml_nesting.hpp"

namespace kyoten::scenario {
namespace {

// Closes the descriptor however reading ends.
struct Descriptor {
  int fd;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

std::string kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a named pipe (FIFO)";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

// The whole file, or nullopt after an error. Opened without blocking (a FIFO would wait for a writer) and
// checked on the open descriptor, so what is checked is what is read.
std::optional<std::string> read_regular_file(const std::string& shown, std::string_view what, ErrorSink& sink) {
  const auto fail = [&](const std::string& message, const std::string& hint) {
    sink.at_position(shown, 0, 0, "", message, hint);
    return std::nullopt;
  };
  const Descriptor file{::open(shown.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)};
  if (file.fd < 0)
    return fail("cannot open the " + std::string(what) + ": " + std::strerror(errno), "check the path and permissions");
  struct stat info {};
  if (::fstat(file.fd, &info) != 0) return fail("cannot read the " + std::string(what), std::strerror(errno));
  if (!S_ISREG(info.st_mode))
    return fail("the " + std::string(what) + " is " + kind_of(info.st_mode) + ", not a regular file",
                "name a .toml file");
  const auto too_large = [&] {
    return fail("the " + std::string(what) + " is larger than " + std::to_string(kMaxScenarioFileBytes / 1024) +
                    " KiB",
                "a scenario is a few kilobytes; split a large one with `base`");
  };
  if (static_cast<std::uintmax_t>(info.st_size) > kMaxScenarioFileBytes) return too_large();
  std::string text;
  char buffer[65536];
  for (;;) {
    const ssize_t n = ::read(file.fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return fail("cannot read the " + std::string(what) + ": " + std::strerror(errno), "");
    if (n == 0) break;
    text.append(buffer, static_cast<std::size_t>(n));
    if (text.size() > kMaxScenarioFileBytes) return too_large();  // it grew while being read
  }
  return text;
}

}  // namespace

std::optional<toml::table> parse_toml_text(std::string_view text, const std::string& shown, ErrorSink& sink) {
  if (const auto deep = find_too_deep(text)) {
    sink.at_position(shown, deep->line, 1, "",
                     "nested " + std::to_string(deep->depth) + " levels deep (table headers, dotted keys, inline "
                         "tables and arrays); at most " + std::to_string(kMaxTomlNesting),
                     "a scenario nests a few levels; flatten the keys");
    return std::nullopt;
  }
  try {
    return toml::parse(text, std::string_view{shown});
  } catch (const toml::parse_error& e) {
    sink.at_position(shown, static_cast<int>(e.source().begin.line), static_cast<int>(e.source().begin.column), "",
                     "TOML syntax error: " + std::string(e.description()), "see https://toml.io/en/v1.0.0");
    return std::nullopt;
  }
}

std::optional<toml::table> parse_toml_file(const std::filesystem::path& file, std::string_view what, ErrorSink& sink) {
  const std::string shown = file.string();
  const auto text = read_regular_file(shown, what, sink);
  if (!text) return std::nullopt;
  return parse_toml_text(*text, shown, sink);
}

}  // namespace kyoten::scenario
