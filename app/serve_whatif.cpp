#include "app/serve_whatif.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <set>

#include "app/analysis_child.hpp"
#include "app/child_process.hpp"
#include "app/serve_answer.hpp"
#include "app/serve_save.hpp"
#include "app/serve_structure.hpp"
#include "models/hub/parameter_draws.hpp"
#include "planning/batch_runner.hpp"
#include "scenario/input_error.hpp"

namespace kyoten::app {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr std::size_t kBaselineCacheSize = 32;  // (scenario, replications) pairs kept; cleared when full

Reply bad_request(const std::string& key, const std::string& message, const std::string& hint = {}) {
  return {400, {{"errors", json::array({{{"key", key}, {"message", message}, {"hint", hint}}})}}};
}

Reply input_errors_reply(const InputErrors& e) {
  json errors = json::array();
  for (const auto& err : e.errors())
    errors.push_back({{"key", err.key}, {"message", err.message}, {"hint", err.hint}, {"text", err.format()}});
  return {422, {{"errors", errors}}};
}

// A number as TOML text for `--set`: whole numbers without a fraction (integer keys need them), others in the
// shortest form that reads back exactly.
std::string toml_number(double v) {
  if (std::trunc(v) == v && std::abs(v) < 1e15) return fmt::format("{}", static_cast<long long>(v));
  return fmt::format("{}", v);
}

std::string title_of(const scenario::LoadedScenario& loaded, const char* key) {
  const auto* meta = loaded.resolved["meta"].as_table();
  if (!meta) return "";
  const auto title = meta->get_as<std::string>(key);
  return title ? title->get() : "";
}

}  // namespace

struct WhatIfService::Parsed {
  const Entry* entry = nullptr;
  std::vector<std::string> overrides;
  json changes = json::object();
  std::size_t replications = 0;
  std::string client;
  std::string name;  // save and report
  std::string lang = "ja";
};

WhatIfService::WhatIfService(ServeConfig config) : config_(std::move(config)) {
  std::set<std::string> ids;
  for (const auto& file : config_.scenario_files) {
    try {
      Entry e{.id = file.stem().string(), .file = file, .loaded = scenario::load_scenario(file), .controls = {}, .choices = {}};
      e.controls = controls_for(e.loaded);
      e.choices = choices_for(e.loaded);
      for (int n = 2; !ids.insert(e.id).second; ++n) e.id = file.stem().string() + "-" + std::to_string(n);
      entries_.push_back(std::move(e));
    } catch (const InputErrors& e) {
      for (const auto& err : e.errors()) fmt::print(stderr, "kyoten serve: skipped: {}\n", err.format());
    }
  }
  if (entries_.empty()) throw std::runtime_error("no scenario could be loaded");
}

json WhatIfService::scenarios() const {
  json out = json::array();
  for (const auto& e : entries_)
    out.push_back({{"id", e.id},
                   {"file", e.file.filename().string()},
                   {"title_ja", title_of(e.loaded, "title_ja")},
                   {"title_en", title_of(e.loaded, "title_en")}});
  return out;
}

Reply WhatIfService::controls(const std::string& scenario_id) const {
  for (const auto& e : entries_)
    if (e.id == scenario_id)
      return {200,
              {{"scenario", e.id},
               {"controls", controls_json(e.controls)},
               {"choices", choices_json(e.choices)},
               {"replications", config_.default_replications},
               {"max_replications", config_.max_replications},
               {"seed", config_.seed}}};
  return {404, {{"errors", json::array({{{"key", "scenario"}, {"message", "unknown scenario"}, {"hint", ""}}})}}};
}

std::optional<Reply> WhatIfService::parse(const json& request, Parsed& out) const {
  if (!request.is_object()) return bad_request("", "the request must be a JSON object");
  const auto id = request.find("scenario");
  if (id == request.end() || !id->is_string()) return bad_request("scenario", "missing scenario id");
  for (const auto& e : entries_)
    if (e.id == id->get<std::string>()) out.entry = &e;
  if (!out.entry) return Reply{404, {{"errors", json::array({{{"key", "scenario"}, {"message", "unknown scenario"}}})}}};

  out.replications = config_.default_replications;
  if (const auto r = request.find("replications"); r != request.end()) {
    if (!r->is_number_unsigned() || r->get<std::size_t>() < 2 || r->get<std::size_t>() > config_.max_replications)
      return bad_request("replications", "must be a whole number from 2 to " + std::to_string(config_.max_replications),
                         "the limit is `kyoten serve --max-replications`");
    out.replications = r->get<std::size_t>();
  }

  if (const auto c = request.find("changes"); c != request.end()) {
    if (!c->is_object()) return bad_request("changes", "must be an object of key: number");
    if (c->size() > config_.max_changes)
      return bad_request("changes", "too many changes", "at most " + std::to_string(config_.max_changes));
    std::map<std::string, std::string> chosen;
    for (const auto& [key, value] : c->items()) {
      const auto& choices = out.entry->choices;
      if (const auto choice = std::ranges::find(choices, key, &Choice::key); choice != choices.end()) {
        if (!value.is_string() || std::ranges::find(choice->options, value.get<std::string>(), &ChoiceOption::value) ==
                                      choice->options.end())
          return bad_request(key, "not one of this choice's options", "the page's controls list them");
        chosen.emplace(key, value.get<std::string>());
        continue;
      }
      const auto known = std::ranges::find(out.entry->controls, key, &Control::key);
      if (known == out.entry->controls.end())
        return bad_request(key, "not a lever of this scenario", "the page's controls list the keys");
      if (!value.is_number()) return bad_request(key, "must be a number");
      out.overrides.push_back(key + "=" + toml_number(value.get<double>()));
    }
    const auto structure = structure_overrides(out.entry->loaded, out.entry->choices, out.overrides, chosen);
    if (!structure.error.empty()) return bad_request(structure.error_key, structure.error);
    out.overrides.insert(out.overrides.end(), structure.overrides.begin(), structure.overrides.end());
    out.changes = *c;
  }

  const auto text = [&request](const char* key) {
    const auto it = request.find(key);
    return it != request.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  out.client = text("client");
  if (!out.client.empty() && sanitise_file_name(out.client) != out.client)
    return bad_request("client", "must be letters, digits, '-' or '_'");
  if (const std::string lang = text("lang"); !lang.empty()) {
    if (lang != "ja" && lang != "en") return bad_request("lang", "must be \"ja\" or \"en\"");
    out.lang = lang;
  }
  if (const std::string name = text("name"); !name.empty()) {
    const auto clean = sanitise_file_name(name);
    if (!clean) return bad_request("name", "needs at least one letter or digit", "letters, digits, '-' and '_'");
    out.name = *clean;
  }
  return std::nullopt;
}

std::shared_ptr<WhatIfService::RunState> WhatIfService::begin_run(const std::string& client, std::size_t total) {
  auto state = std::make_shared<RunState>();
  state->total = total;
  if (client.empty()) return state;
  std::lock_guard lock(mutex_);
  auto& slot = running_[client];
  if (slot) slot->stop = true;  // a newer request from the same page supersedes the older
  slot = state;
  return state;
}

void WhatIfService::end_run(const std::string& client, const std::shared_ptr<RunState>& state) {
  std::lock_guard lock(mutex_);
  if (const auto it = running_.find(client); it != running_.end() && it->second == state) running_.erase(it);
}

std::shared_ptr<const WhatIfService::Results> WhatIfService::cached_baseline(const std::string& key) const {
  std::lock_guard lock(mutex_);
  const auto it = baselines_.find(key);
  return it == baselines_.end() ? nullptr : it->second;
}

Reply WhatIfService::run(const json& request) {
  Parsed p;
  if (auto bad = parse(request, p)) return *bad;
  scenario::LoadedScenario variant;
  try {
    variant = scenario::load_scenario(p.entry->file, p.overrides);
  } catch (const InputErrors& e) {
    return input_errors_reply(e);
  }
  const hub::Scenario& original = p.entry->loaded.scenario;
  const std::size_t group =
      std::max(hub::replications_per_draw(original), hub::replications_per_draw(variant.scenario));
  const std::size_t replications = (p.replications + group - 1) / group * group;  // whole draws

  const auto started = std::chrono::steady_clock::now();
  const std::string key = fmt::format("{}#{}", p.entry->id, replications);
  std::shared_ptr<const Results> base = cached_baseline(key);
  std::vector<planning::BatchJob> jobs;
  if (!base) jobs.push_back({.scenario = &original, .first_replication = 0, .count = replications, .keep_months = true});
  const bool unchanged = p.overrides.empty();
  if (!unchanged)
    jobs.push_back({.scenario = &variant.scenario, .first_replication = 0, .count = replications, .keep_months = true});

  const auto state = begin_run(p.client, jobs.size() * replications);
  std::vector<Results> out(jobs.size());
  bool finished = true;
  try {
    finished = planning::run_batch(
        jobs, config_.seed, config_.threads,
        {.job_done = [&out](std::size_t j, Results&& r) { out[j] = std::move(r); },
         .replication_done = [&state](std::size_t done) { state->done = done; },
         .stop = &state->stop});
  } catch (const std::exception& e) {
    end_run(p.client, state);
    return {500, {{"errors", json::array({{{"key", ""}, {"message", std::string("the simulation failed: ") + e.what()}}})}}};
  }
  end_run(p.client, state);
  if (!finished) return {409, {{"cancelled", true}}};
  if (!base) {
    base = std::make_shared<const Results>(std::move(out.front()));
    std::lock_guard lock(mutex_);
    if (baselines_.size() >= kBaselineCacheSize) baselines_.clear();
    baselines_.emplace(key, base);
  }
  const Results& changed = unchanged ? *base : out.back();
  json answer = answer_json(variant.scenario, *base, changed, group);
  answer["scenario"] = p.entry->id;
  answer["seed"] = config_.seed;
  answer["changes"] = p.changes;
  answer["elapsed_ms"] =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return {200, answer};
}

Reply WhatIfService::cancel(const std::string& client) {
  std::lock_guard lock(mutex_);
  const auto it = running_.find(client);
  if (it == running_.end()) return {200, {{"cancelled", false}}};
  it->second->stop = true;
  return {200, {{"cancelled", true}}};
}

json WhatIfService::progress(const std::string& client) const {
  std::lock_guard lock(mutex_);
  const auto it = running_.find(client);
  if (it == running_.end()) return {{"running", false}};
  return {{"running", true}, {"done", it->second->done.load()}, {"total", it->second->total}};
}

Reply WhatIfService::save_variant(const Parsed& p, fs::path& written) {
  if (p.name.empty()) return bad_request("name", "a file name is needed", "letters, digits, '-' and '_'");
  std::vector<std::string> overrides = p.overrides;
  overrides.push_back("meta.name=\"" + p.name + "\"");  // the name is sanitised: nothing to escape
  scenario::LoadedScenario variant;
  try {
    variant = scenario::load_scenario(p.entry->file, overrides);
  } catch (const InputErrors& e) {
    return input_errors_reply(e);
  }
  const fs::path file = config_.save_dir / (p.name + ".toml");
  const std::string command =
      fmt::format("kyoten run {} --seed {} --replications {}", file.generic_string(), config_.seed, p.replications);
  const std::string text = variant_file_text(p.entry->file, config_.save_dir,
                                             changed_keys(p.entry->loaded.resolved, variant.resolved), command);
  try {
    written = write_variant_file(config_.save_dir, p.name, text);
    // The file must load back to exactly the scenario that was run; never leave one that does not.
    if (scenario::resolved_as_json(scenario::load_scenario(written)) != scenario::resolved_as_json(variant)) {
      fs::remove(written);
      return {500, {{"errors", json::array({{{"key", "name"}, {"message", "the saved file did not reproduce the scenario"}}})}}};
    }
  } catch (const std::exception& e) {
    std::error_code ignored;
    if (!written.empty()) fs::remove(written, ignored);
    return {500, {{"errors", json::array({{{"key", "name"}, {"message", std::string("cannot save: ") + e.what()}}})}}};
  }
  return {200, {{"file", p.name + ".toml"}, {"path", written.generic_string()}, {"command", command}}};
}

Reply WhatIfService::save(const json& request) {
  Parsed p;
  if (auto bad = parse(request, p)) return *bad;
  fs::path written;
  return save_variant(p, written);
}

Reply WhatIfService::report(const json& request) {
  if (config_.kyoten_binary.empty()) return bad_request("", "reports are not available in this server");
  Parsed p;
  if (auto bad = parse(request, p)) return *bad;
  // One report at a time: two tabs naming the same variant would otherwise write one folder at once, and each
  // report already keeps both cores busy.
  std::lock_guard one_at_a_time(report_mutex_);
  fs::path written;
  Reply saved = save_variant(p, written);
  if (saved.status != 200) return saved;
  const fs::path dir = config_.save_dir / "results" / p.name;
  const std::vector<std::string> run = {"run",       written.string(), "--seed", std::to_string(config_.seed),
                                        "--replications", std::to_string(p.replications), "--out", dir.string(),
                                        "--quiet", "--threads", std::to_string(config_.threads)};
  if (run_child(config_.kyoten_binary, run, {.quiet = true}) != 0)
    return {500, {{"errors", json::array({{{"key", ""}, {"message", "kyoten run failed for the report"}}})}}};
  // The report and the workbook as `kyoten report` and `kyoten export --xlsx` make them (analysis/, Python).
  if (run_analysis("report", {"report", dir.string(), "--lang", p.lang}) != 0)
    return {500, {{"errors", json::array({{{"key", ""}, {"message", "kyoten report failed"}}})}}};
  if (run_analysis("export", {"export", dir.string(), "--lang", p.lang, "--xlsx"}) != 0)
    return {500, {{"errors", json::array({{{"key", ""}, {"message", "kyoten export --xlsx failed"}}})}}};
  json files = json::array();
  for (const std::string& f : {"report_" + p.lang + ".html", "report_" + p.lang + ".pdf", "workbook_" + p.lang + ".xlsx"})
    if (fs::is_regular_file(dir / f)) files.push_back(f);
  saved.body["name"] = p.name;
  saved.body["report_files"] = files;
  return saved;
}

std::optional<fs::path> WhatIfService::report_file(const std::string& name, const std::string& file) const {
  static const std::set<std::string> kAllowed = {"report_ja.html",   "report_en.html",   "report_ja.pdf",
                                                 "report_en.pdf",    "workbook_ja.xlsx", "workbook_en.xlsx"};
  if (sanitise_file_name(name) != name || !kAllowed.contains(file)) return std::nullopt;
  const fs::path path = config_.save_dir / "results" / name / file;
  if (!fs::is_regular_file(path)) return std::nullopt;
  return path;
}

}  // namespace kyoten::app
