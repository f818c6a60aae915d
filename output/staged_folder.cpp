#include "output/staged_folder.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string_view>

#include "output/atomic_file.hpp"

namespace kyoten::output {
namespace fs = std::filesystem;
namespace {

// What `kyoten report`, `kyoten export` and `python3 -m kyoten_analysis charts` add to a results folder.
constexpr std::array<std::string_view, 10> kReportNames = {
    "report_ja.html", "report_en.html",    "report_ja.pdf", "report_en.pdf", "charts_ja",
    "charts_en",      "workbook_ja.xlsx", "workbook_en.xlsx", "tables_ja",   "tables_en"};

}  // namespace

bool replaceable_entry(const std::string& entry, const std::vector<std::string>& own_names) {
  std::string_view name = entry;
  // Temporaries of kyoten versions that renamed file by file: `<name>.tmp-<pid>`.
  if (const auto tmp = name.rfind(".tmp-"); tmp != std::string_view::npos) {
    const std::string_view pid = name.substr(tmp + 5);
    if (!pid.empty() && pid.find_first_not_of("0123456789") == std::string_view::npos) name = name.substr(0, tmp);
  }
  return std::find(own_names.begin(), own_names.end(), name) != own_names.end() ||
         std::find(kReportNames.begin(), kReportNames.end(), name) != kReportNames.end();
}

StagedFolder::StagedFolder(const fs::path& target, const std::string& option,
                           const std::vector<std::string>& own_names)
    : path_(prepare_output_path(target, option)) {
  lock_.emplace(path_, option);
  std::error_code ec;
  const fs::file_status status = fs::status(path_.target(), ec);
  if (fs::exists(status) && !fs::is_directory(status))
    refuse_path(path_, option, "exists and is not a folder", "choose a folder name with " + option);
  if (fs::is_directory(status)) {
    std::vector<std::string> foreign;
    for (fs::directory_iterator it(path_.target(), ec), end; !ec && it != end; it.increment(ec))
      if (!replaceable_entry(it->path().filename().string(), own_names)) foreign.push_back(it->path().filename().string());
    if (ec) refuse_path(path_, option, "cannot be read: " + ec.message());
    if (!foreign.empty()) {
      std::sort(foreign.begin(), foreign.end());
      std::string list;
      for (std::size_t i = 0; i < foreign.size() && i < 5; ++i) list += (i ? ", " : "") + foreign[i];
      if (foreign.size() > 5) list += ", … (" + std::to_string(foreign.size()) + " in all)";
      refuse_path(path_, option, "holds files this command does not write (" + list + ")",
                  "kyoten replaces its output folder as a whole: move them away, or choose another " + option);
    }
  }
  removed_ = lock_->remove_leftovers();
  temporary_ = path_.temporary();
  if (!fs::create_directory(temporary_, ec) || ec)
    refuse_path(path_, option,
                "cannot create the temporary folder " + temporary_.string() + ": " +
                    (ec ? ec.message() : std::string("it exists")));
}

StagedFolder::~StagedFolder() {
  if (temporary_.empty()) return;
  std::error_code ignored;  // best effort: a destructor must not throw
  fs::remove_all(temporary_, ignored);  // the unfinished new folder, or after the swap the earlier one
}

fs::path StagedFolder::path_for(const std::string& name) {
  if (std::find(written_.begin(), written_.end(), name) == written_.end()) written_.push_back(name);
  return temporary_ / name;
}

void StagedFolder::write(const std::string& name, const std::function<void(std::ostream&)>& fill) {
  write_through(path_for(name), fill);
}

void StagedFolder::commit() {
  // Data and entries on disk before the rename is relied on: after a crash the folder in place is whole.
  for (const std::string& name : written_) sync_to_disk(temporary_ / name);
  sync_to_disk(temporary_);
  test_hook("before-swap");
  const bool replaced = exchange_paths(temporary_, path_.target());
  if (!replaced && !rename_if_absent(temporary_, path_.target()))
    throw std::runtime_error(path_.target().string() + " appeared while the results were being written");
  sync_to_disk(path_.parent);
  test_hook("after-swap");
  std::error_code ignored;
  if (replaced) fs::remove_all(temporary_, ignored);  // now the earlier folder
}

}  // namespace kyoten::output
