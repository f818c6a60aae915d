#pragma once
// The what-if service behind `kyoten serve`: the scenarios it may run (only those loaded at start), their
// levers, and one run per change — the changed scenario through the loader's validation, then the same
// replications (seed, r) of the original and the changed scenario so their paired difference has common random
// numbers. Each browser page is a `client`: a newer run from the same client cancels the older one (a flag
// polled between replications). Runs of different clients share nothing but the baseline cache (behind a
// mutex), so several tabs never see each other's results.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/serve_controls.hpp"
#include "app/serve_structure.hpp"
#include "models/hub/results.hpp"
#include "scenario/loader.hpp"

namespace kyoten::app {

struct ServeConfig {
  std::vector<std::filesystem::path> scenario_files;  // the only scenarios a request may name (by id)
  std::filesystem::path save_dir{};  // saved variants and report folders go here, nowhere else
  std::string kyoten_binary{};     // runs `kyoten run` and `kyoten report` for a report download; empty: none
  unsigned threads = 1;
  std::uint64_t seed = 1;
  std::size_t default_replications = 200;
  std::size_t max_replications = 2000;
  std::size_t max_changes = 200;
};

// A reply: HTTP status and JSON body. 400 malformed request, 404 unknown scenario, 409 cancelled,
// 422 a value the loader refused (body.errors: key, message, hint, as the CLI prints them).
struct Reply {
  int status = 200;
  nlohmann::json body;
};

class WhatIfService {
 public:
  // Loads every scenario (bad ones are skipped with their errors on stderr). Throws if none loads.
  explicit WhatIfService(ServeConfig config);

  [[nodiscard]] const ServeConfig& config() const { return config_; }
  [[nodiscard]] nlohmann::json scenarios() const;
  [[nodiscard]] Reply controls(const std::string& scenario_id) const;
  // {scenario, changes: {key: number, or choice key: option}, replications?, client}
  Reply run(const nlohmann::json& request);
  Reply cancel(const std::string& client);
  [[nodiscard]] nlohmann::json progress(const std::string& client) const;
  // {scenario, changes, name, replications?}: writes save_dir/<name>.toml
  Reply save(const nlohmann::json& request);
  // {scenario, changes, name, replications?, lang}: saves, runs `kyoten run` into save_dir/results/<name>/, then
  // the analysis (app/analysis_child) for `kyoten report` and `kyoten export --xlsx`, and lists the files
  Reply report(const nlohmann::json& request);
  // A file of a report folder written by report(): only report_<ja|en>.<html|pdf> or workbook_<ja|en>.xlsx under
  // a sanitised name.
  [[nodiscard]] std::optional<std::filesystem::path> report_file(const std::string& name, const std::string& file) const;

 private:
  struct Entry {
    std::string id;
    std::filesystem::path file;
    scenario::LoadedScenario loaded;
    std::vector<Control> controls;
    std::vector<Choice> choices;  // structural levers (serve_structure.hpp)
  };
  struct RunState {
    std::atomic<bool> stop{false};
    std::atomic<std::size_t> done{0};
    std::size_t total = 0;
  };
  using Results = std::vector<hub::ReplicationResult>;
  struct Parsed;  // a checked request

  std::optional<Reply> parse(const nlohmann::json& request, Parsed& out) const;
  std::shared_ptr<RunState> begin_run(const std::string& client, std::size_t total);
  void end_run(const std::string& client, const std::shared_ptr<RunState>& state);
  std::shared_ptr<const Results> cached_baseline(const std::string& key) const;
  Reply save_variant(const Parsed& p, std::filesystem::path& written);

  ServeConfig config_;
  std::vector<Entry> entries_;  // fixed after construction: read without a lock

  mutable std::mutex mutex_;  // guards the two maps below
  std::map<std::string, std::shared_ptr<RunState>> running_;  // client → its current run
  std::map<std::string, std::shared_ptr<const Results>> baselines_;
  std::mutex report_mutex_;  // reports are made one at a time
};

}  // namespace kyoten::app
