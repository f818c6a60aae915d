#pragma once
// One output path (a results folder or a sweep database) used by one process at a time, and replaced in one step.
//
// Beside `DIR/NAME` live, while a process writes it (docs/results-format.md):
//   DIR/.NAME.lock          the lock: flock(2) held for the whole write, with the holder's pid inside
//   DIR/.NAME.tmp-<pid>     the new folder or database being written, put in place by one rename
// A lock that is not held belongs to no one (the kernel drops a dead process's lock), so the holder may remove
// every `.NAME.tmp-<pid>` it finds: they are the leftovers of runs that died.
//
// A path that cannot be used (a symbolic-link loop, a name too long, permission denied, a file where a folder
// should be, another kyoten process writing it) is bad input: InputErrors naming the path as the user gave it.
#include <filesystem>
#include <string>
#include <vector>

namespace kyoten::output {

// Where an output goes, as the user named it and split into its folder and its last component.
struct OutputPath {
  std::filesystem::path given;   // as typed (for messages)
  std::filesystem::path path;    // as typed, without a trailing "/"
  std::filesystem::path parent;  // the folder that holds it ("." when none was given)
  std::string name;              // the last component: never empty, ".", ".." or too long for its siblings

  [[nodiscard]] const std::filesystem::path& target() const { return path; }
  [[nodiscard]] std::filesystem::path sibling(const std::string& suffix) const { return parent / ("." + name + suffix); }
  // `.NAME.tmp-<pid>`: where this process writes before putting the result in place.
  [[nodiscard]] std::filesystem::path temporary() const;
};

// `DIR/.NAME.tmp-<pid>` for `target` DIR/NAME.
std::filesystem::path temporary_beside(const std::filesystem::path& target);

// Splits and checks `given` and creates its parent folder. `option` names where the path came from ("--out").
// Throws InputErrors when the path cannot be an output.
OutputPath prepare_output_path(const std::filesystem::path& given, const std::string& option);

// Throws InputErrors saying that `path` (given with `option`) cannot be used: `message`, and what to do (`hint`).
[[noreturn]] void refuse_path(const OutputPath& path, const std::string& option, std::string message,
                              std::string hint = "");

// Exclusive use of an output path: flock on `.NAME.lock`. Throws InputErrors when another process holds it.
class PathLock {
 public:
  PathLock(const OutputPath& path, const std::string& option);
  ~PathLock();  // removes the lock file, then releases the lock
  PathLock(const PathLock&) = delete;
  PathLock& operator=(const PathLock&) = delete;

  // Removes the `.NAME.tmp-<pid>` entries beside the path (left by runs that died: only the lock holder writes
  // them) and returns what was removed, for a note to the user.
  [[nodiscard]] std::vector<std::string> remove_leftovers() const;

 private:
  OutputPath path_;
  int fd_ = -1;
};

// Renames `from` to `to` in one step; `to` is replaced only when `exchange` is true, and then `from` holds what
// was at `to` afterwards (Linux renameat2 RENAME_EXCHANGE). Returns false when `to` does not exist (nothing was
// done) for an exchange, or when it exists (nothing was done) for a plain rename. Throws std::system_error.
bool exchange_paths(const std::filesystem::path& from, const std::filesystem::path& to);
bool rename_if_absent(const std::filesystem::path& from, const std::filesystem::path& to);

// Flushes a file or a folder's entries to disk (fsync); throws std::system_error.
void sync_to_disk(const std::filesystem::path& path);

// Test-only (docs/results-format.md): when KYOTEN_TEST_SWAP_HOOK is `<action>-<moment>` with action `stop` (the
// process stops itself with SIGSTOP) or `kill` (SIGKILL), the process does so at `moment` ("before-swap",
// "after-swap"). Used by the tests that kill a run while it puts its results in place.
void test_hook(const char* moment);

}  // namespace kyoten::output
