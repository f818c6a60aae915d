#include "output/atomic_file.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

#include "output/output_path.hpp"

namespace kyoten::output {

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

void write_through(const std::filesystem::path& file, const std::function<void(std::ostream&)>& fill) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  if (!out) throw std::runtime_error("cannot create " + file.string() + ": " + std::strerror(errno));
  fill(out);
  out.close();
  if (!out) throw std::runtime_error("cannot write " + file.string());
}

void StagedDirectory::write(const std::string& name, const std::function<void(std::ostream&)>& fill) {
  write_through(temporary_for(name), fill);
}

void StagedDirectory::commit() {
  for (const Staged& s : staged_) sync_to_disk(s.temporary);
  for (const Staged& s : staged_) std::filesystem::rename(s.temporary, dir_ / s.name);
  committed_ = true;
  sync_to_disk(dir_);
}

void write_file_atomically(const std::filesystem::path& path, const std::function<void(std::ostream&)>& fill) {
  StagedDirectory dir(path.has_parent_path() ? path.parent_path() : std::filesystem::path("."));
  dir.write(path.filename().string(), fill);
  dir.commit();
}

}  // namespace kyoten::output
