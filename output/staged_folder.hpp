#pragma once
// An output folder written whole (docs/results-format.md): every file goes into a fresh temporary folder beside
// the target (`.NAME.tmp-<pid>`), which replaces the target in one rename once every file is on disk. A reader
// sees the earlier folder, untouched, until that moment, and the complete new one after it — never a mix, even
// if the process is killed at any point. The folder is locked (`.NAME.lock`) from construction to destruction,
// so two processes cannot write it at once.
//
// An existing folder is replaced only if it holds nothing but what the same command writes (and the report and
// charts drawn from it): replacing it must not delete a file of the user's, nor another command's results.
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "output/output_path.hpp"

namespace kyoten::output {

class StagedFolder {
 public:
  // Checks and locks `target`, removes leftovers of runs that died, and creates the empty temporary folder.
  // Throws InputErrors when `target` cannot be used (see output_path.hpp, and: not a folder, holds other files,
  // another process is writing it). `option` names where the path came from, for messages ("--out");
  // `own_names` are the files this command writes, which an existing folder may hold.
  StagedFolder(const std::filesystem::path& target, const std::string& option,
               const std::vector<std::string>& own_names);
  ~StagedFolder();  // an uncommitted temporary folder is removed; the target is untouched
  StagedFolder(const StagedFolder&) = delete;
  StagedFolder& operator=(const StagedFolder&) = delete;

  [[nodiscard]] std::filesystem::path target() const { return path_.target(); }
  // Leftover temporaries of earlier runs removed while preparing, by name (to tell the user).
  [[nodiscard]] const std::vector<std::string>& removed_leftovers() const { return removed_; }

  // Writes `name` in the temporary folder through `fill`; throws std::runtime_error if the stream fails.
  void write(const std::string& name, const std::function<void(std::ostream&)>& fill);
  // Where `name` goes in the temporary folder, for files another library writes itself (SQLite).
  [[nodiscard]] std::filesystem::path path_for(const std::string& name);

  // Flushes every file to disk, puts the folder in place in one rename, then removes the earlier folder.
  void commit();

 private:
  OutputPath path_;
  std::optional<PathLock> lock_;
  std::filesystem::path temporary_;
  std::vector<std::string> written_;
  std::vector<std::string> removed_;
};

// Whether `entry` in an existing output folder may be replaced: one of `own_names`, the report or its charts, or
// the temporary of one of them left by an older kyoten (`<name>.tmp-<pid>`).
bool replaceable_entry(const std::string& entry, const std::vector<std::string>& own_names);

}  // namespace kyoten::output
