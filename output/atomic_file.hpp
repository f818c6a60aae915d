#pragma once
// Writing results so that a reader never sees half a file: each file is written under a temporary name in the
// target directory (`name.tmp-<pid>`), flushed to disk and renamed over the final name only once every file is
// complete. A failure before commit() removes the temporaries and leaves the final names untouched.
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace kyoten::output {

class StagedDirectory {
 public:
  // Creates `dir` (and its parents) if it does not exist.
  explicit StagedDirectory(std::filesystem::path dir);
  ~StagedDirectory();  // removes every temporary not yet committed
  StagedDirectory(const StagedDirectory&) = delete;
  StagedDirectory& operator=(const StagedDirectory&) = delete;

  [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }

  // Writes the temporary for `name` through `fill`; throws std::runtime_error if the stream fails.
  void write(const std::string& name, const std::function<void(std::ostream&)>& fill);

  // The temporary path for `name`, for files another library writes itself (SQLite). The caller writes it.
  [[nodiscard]] std::filesystem::path temporary_for(const std::string& name);

  // Flushes every temporary to disk, renames each over its final name, then flushes the directory entry.
  void commit();

 private:
  struct Staged {
    std::string name;
    std::filesystem::path temporary;
  };
  std::filesystem::path dir_;
  std::vector<Staged> staged_;
  bool committed_ = false;
};

// Writes `file` through `fill` (created or truncated); throws std::runtime_error if the stream fails.
void write_through(const std::filesystem::path& file, const std::function<void(std::ostream&)>& fill);

// One file on its own, by the same rule.
void write_file_atomically(const std::filesystem::path& path, const std::function<void(std::ostream&)>& fill);

}  // namespace kyoten::output
