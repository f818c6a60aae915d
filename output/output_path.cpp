#include "output/output_path.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <system_error>

#include "scenario/input_error.hpp"

namespace kyoten::output {
namespace fs = std::filesystem;
namespace {

// NAME_MAX is 255 bytes on Linux file systems; `.NAME.tmp-<pid>` adds at most 1 + 5 + 7 (pid_max 4194304) + 4.
constexpr std::size_t kMaxNameBytes = 255 - 17;

std::string lock_holder(int fd) {
  char buf[32] = {};
  const ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
  std::string pid(buf, n > 0 ? static_cast<std::size_t>(n) : 0);
  while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
  return pid.empty() ? std::string("another kyoten process") : "another kyoten process (pid " + pid + ")";
}

bool is_leftover(std::string_view entry, const std::string& prefix) {
  if (!entry.starts_with(prefix)) return false;
  std::string_view rest = entry.substr(prefix.size());
  if (rest.ends_with(".old")) rest.remove_suffix(4);
  return !rest.empty() && rest.find_first_not_of("0123456789") == std::string_view::npos;
}

[[noreturn]] void fail(const std::string& doing, int error) {
  throw std::system_error(error, std::generic_category(), doing);
}

}  // namespace

void refuse_path(const OutputPath& path, const std::string& option, std::string message, std::string hint) {
  throw InputErrors(
      {{.file = path.given.string(), .key = option, .message = std::move(message), .hint = std::move(hint)}});
}

fs::path temporary_beside(const fs::path& target) {
  return target.parent_path() / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()));
}

fs::path OutputPath::temporary() const { return sibling(".tmp-" + std::to_string(::getpid())); }

OutputPath prepare_output_path(const fs::path& given, const std::string& option) {
  OutputPath p{.given = given, .path = given, .parent = {}, .name = {}};
  if (!p.path.empty() && !p.path.has_filename()) p.path = p.path.parent_path();  // "out/" names "out"
  p.name = p.path.filename().string();
  p.parent = p.path.has_parent_path() ? p.path.parent_path() : fs::path(".");
  if (p.name.empty() || p.name == "." || p.name == "..")
    refuse_path(p, option, "does not name a folder or file of its own",
           "name it, e.g. " + option + " results/run1; kyoten replaces it as a whole");
  if (p.name.size() > kMaxNameBytes)
    refuse_path(p, option, "the name is " + std::to_string(p.name.size()) + " bytes long",
           "at most " + std::to_string(kMaxNameBytes) + " bytes: the system allows 255 and kyoten needs the rest "
           "for the temporary name beside it");
  std::error_code ec;
  fs::create_directories(p.parent, ec);
  if (ec) refuse_path(p, option, "cannot create the folder " + p.parent.string() + ": " + ec.message());
  if (!fs::is_directory(p.parent, ec))
    refuse_path(p, option, p.parent.string() + " is not a folder" + (ec ? ": " + ec.message() : std::string()));
  const fs::file_status status = fs::symlink_status(p.target(), ec);
  if (ec && ec != std::errc::no_such_file_or_directory)
    refuse_path(p, option, "cannot be checked: " + ec.message());
  if (fs::is_symlink(status))
    refuse_path(p, option, "is a symbolic link", "give the folder or file it points to; kyoten replaces it as a whole");
  return p;
}

PathLock::PathLock(const OutputPath& path, const std::string& option) : path_(path) {
  const fs::path lock = path.sibling(".lock");
  // The lock file may be removed by its holder between our open and our flock: then we hold a lock on a file
  // no longer there and must try again with the one now at that name.
  for (int attempt = 0; attempt < 100; ++attempt) {
    const int fd = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (fd < 0)
      refuse_path(path, option, "cannot create the lock file " + lock.string() + ": " + std::strerror(errno));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      const int error = errno;
      const std::string holder = error == EWOULDBLOCK ? lock_holder(fd) : std::string();
      ::close(fd);
      if (error == EWOULDBLOCK)
        refuse_path(path, option, holder + " is writing it now", "wait for it to finish, or choose another " + option);
      refuse_path(path, option, "cannot lock " + lock.string() + ": " + std::strerror(error));
    }
    struct stat held {}, named {};
    if (::fstat(fd, &held) == 0 && ::stat(lock.c_str(), &named) == 0 && held.st_ino == named.st_ino &&
        held.st_dev == named.st_dev) {
      fd_ = fd;
      const std::string pid = std::to_string(::getpid()) + "\n";
      if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, pid.data(), pid.size(), 0) < 0) {
        // The pid is only for the message another process prints; the lock itself holds.
      }
      return;
    }
    ::close(fd);
  }
  refuse_path(path, option, "cannot take the lock " + lock.string() + " (it keeps being replaced)");
}

PathLock::~PathLock() {
  ::unlink(path_.sibling(".lock").c_str());  // while still held, so no one can take a lock on a file now gone
  ::close(fd_);
}

std::vector<std::string> PathLock::remove_leftovers() const {
  std::vector<std::string> removed;
  const std::string prefix = "." + path_.name + ".tmp-";
  std::error_code ec;
  for (fs::directory_iterator it(path_.parent, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string entry = it->path().filename().string();
    if (!is_leftover(entry, prefix)) continue;
    std::error_code ignored;
    if (fs::remove_all(it->path(), ignored) != static_cast<std::uintmax_t>(-1)) removed.push_back(entry);
  }
  return removed;
}

bool exchange_paths(const fs::path& from, const fs::path& to) {
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_EXCHANGE) == 0) return true;
  if (errno == ENOENT) return false;
  if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP) fail("cannot put " + from.string() + " in place", errno);
  // A file system without RENAME_EXCHANGE: three renames; in between, the earlier result is at FROM.old.
  const fs::path old = from.string() + ".old";
  if (::rename(to.c_str(), old.c_str()) != 0) {
    if (errno == ENOENT) return false;
    fail("cannot move " + to.string() + " aside", errno);
  }
  if (::rename(from.c_str(), to.c_str()) != 0) fail("cannot put " + from.string() + " in place", errno);
  if (::rename(old.c_str(), from.c_str()) != 0) fail("cannot move " + old.string() + " back", errno);
  return true;
}

bool rename_if_absent(const fs::path& from, const fs::path& to) {
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return true;
  if (errno == EEXIST) return false;
  if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP) fail("cannot put " + from.string() + " in place", errno);
  // Without RENAME_NOREPLACE: a hard link is created only if the name is free.
  if (::link(from.c_str(), to.c_str()) != 0) {
    if (errno == EEXIST) return false;
    fail("cannot put " + from.string() + " in place", errno);
  }
  ::unlink(from.c_str());
  return true;
}

void sync_to_disk(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) fail("cannot open " + path.string(), errno);
  const int rc = ::fsync(fd);
  const int error = errno;
  ::close(fd);
  if (rc != 0) fail("cannot flush " + path.string() + " to disk", error);
}

void test_hook(const char* moment) {
  const char* hook = std::getenv("KYOTEN_TEST_SWAP_HOOK");
  if (!hook) return;
  const std::string value = hook;
  if (value == std::string("stop-") + moment) std::raise(SIGSTOP);
  if (value == std::string("kill-") + moment) std::raise(SIGKILL);
}

}  // namespace kyoten::output
