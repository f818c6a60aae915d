#include "models/output/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <system_error>

namespace kyoten::output {
namespace {

// The data and the directory entry must reach the disk before the rename is relied on (a crash after a
// rename of an unflushed file can leave an empty file under the final name on some file systems).
void sync_path(const std::filesystem::path& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) throw std::system_error(errno, std::generic_category(), "cannot open " + path.string());
  const int rc = ::fsync(fd);
  const int fsync_errno = errno;
  ::close(fd);
  if (rc != 0) throw std::system_error(fsync_errno, std::generic_category(), "cannot flush " + path.string());
}

}  // namespace

StagedDirectory::StagedDirectory(std::filesystem::path dir) : dir_(std::move(dir)) {
  std::filesystem::create_directories(dir_);
}

StagedDirectory::~StagedDirectory() {
  if (committed_) return;
  for (const Staged& s : staged_) {
    std::error_code ignored;  // best effort: a destructor must not throw
    std::filesystem::remove(s.temporary, ignored);
  }
}

std::filesystem::path StagedDirectory::temporary_for(const std::string& name) {
  for (const Staged& s : staged_)
    if (s.name == name) return s.temporary;
  std::filesystem::path temporary = dir_ / (name + ".tmp-" + std::to_string(::getpid()));
  staged_.push_back({name, temporary});
  return temporary;
}

void StagedDirectory::write(const std::string& name, const std::function<void(std::ostream&)>& fill) {
  const std::filesystem::path temporary = temporary_for(name);
  std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
  if (!out) throw std::runtime_error("cannot create " + temporary.string() + ": " + std::strerror(errno));
  fill(out);
  out.close();
  if (!out) throw std::runtime_error("cannot write " + temporary.string());
}

void StagedDirectory::commit() {
  for (const Staged& s : staged_) sync_path(s.temporary, O_RDONLY);
  for (const Staged& s : staged_) std::filesystem::rename(s.temporary, dir_ / s.name);
  committed_ = true;
  sync_path(dir_, O_RDONLY | O_DIRECTORY);
}

void write_file_atomically(const std::filesystem::path& path, const std::function<void(std::ostream&)>& fill) {
  StagedDirectory dir(path.has_parent_path() ? path.parent_path() : std::filesystem::path("."));
  dir.write(path.filename().string(), fill);
  dir.commit();
}

}  // namespace kyoten::output
