#include "app/common_options.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cstdint>
#include <iostream>
#include <limits>

#include "scenario/overrides.hpp"

#include "scenario/error_sink.hpp"
#include "scenario/folder_name.hpp"
#include "sim/run/replication_runner.hpp"

namespace kyoten::app {

void add_set_option(CLI::App& cmd, std::vector<std::string>& overrides, std::string_view where) {
  cmd.add_option("--set", overrides, fmt::format("Override a value in {}, e.g. --set hub.rooms=2 (repeatable)", where))
      ->type_name("KEY=VALUE")
      ->allow_extra_args(false)
      ->check(override_text());
}

void add_seed_and_threads(CLI::App& cmd, CommonOptions& o, std::string_view unit) {
  o.threads = sim::default_thread_count();
  cmd.add_option("--seed", o.seed,
                 fmt::format("Random seed, a whole number: replication r of every {} uses (seed, r), so the same "
                             "seed gives the same results",
                             unit))
      ->check(whole_number_in(0, std::numeric_limits<std::uint64_t>::max()))
      ->capture_default_str();
  cmd.add_option("-j,--threads", o.threads,
                 fmt::format("Worker threads, 1 to {} (default: all hardware threads)", kMaxThreads))
      ->check(whole_number_in(1, kMaxThreads))
      ->capture_default_str();
}

void add_lang_option(CLI::App& cmd, std::string& lang) {
  cmd.add_option("--lang", lang, "Language of the terminal output: ja or en")
      ->check(CLI::IsMember({"ja", "en"}))
      ->capture_default_str();
}

CLI::Validator whole_number_in(unsigned long long low, unsigned long long high) {
  return CLI::Validator(
      [low, high](std::string& text) {
        unsigned long long x = 0;
        const char* end = text.data() + text.size();
        const auto [ptr, ec] = std::from_chars(text.data(), end, x);  // digits only: no sign, no blanks
        const bool ok = !text.empty() && ec == std::errc{} && ptr == end && x >= low && x <= high;
        return ok ? std::string() : fmt::format("must be a whole number from {} to {} (got {})", low, high, text);
      },
      "");  // the option's help text states the range
}

CLI::Validator override_text() {
  return CLI::Validator(
      [](std::string& text) {
        const auto problem = scenario::override_text_problem(text);
        return problem ? "--set: " + *problem : std::string();
      },
      "");
}

void print_input_errors(const InputErrors& e) {
  for (const InputError& error : e.errors()) std::cerr << error.format() << '\n';
}

}  // namespace kyoten::app

namespace kyoten::app {

std::string overrides_suffix(const std::vector<std::string>& overrides) {
  std::vector<std::string> model;  // `--set meta.name=…` names the run itself: it takes no hash
  for (const std::string& o : overrides)
    if (!o.starts_with("meta.")) model.push_back(o);
  if (model.empty()) return "";
  std::uint32_t h = 2166136261u;  // FNV-1a: the same name on every machine and build, unlike std::hash
  for (const std::string& o : model)
    for (const char c : o + '\n') {
      h ^= static_cast<unsigned char>(c);
      h *= 16777619u;
    }
  return fmt::format("-{:08x}", h);
}

std::filesystem::path output_named_by_scenario(const scenario::LoadedScenario& loaded, const std::string& suffix,
                                               const std::string& option) {
  const std::string& name = loaded.scenario.meta.name;
  const auto problem = scenario::folder_name_problem(name);
  if (!problem) return std::filesystem::path("results") / (name + suffix);
  const std::string message =
      fmt::format("\"{}\" cannot name the output results/{}{}: {}", name, name, suffix, *problem);
  const std::string hint = fmt::format("{}; or choose the output yourself with {}", scenario::kFolderNameRule, option);
  scenario::ErrorSink sink;
  if (const toml::node* node = loaded.resolved.at_path("meta.name").node())
    sink.at(*node, "meta.name", message, hint);  // at its line, perhaps in a base file or --set
  else
    sink.at_position(loaded.file, 0, 0, "meta.name", message, hint);
  sink.throw_if_any();
  return {};
}

bool prepare_output_folder(std::optional<output::StagedFolder>& folder, const std::filesystem::path& dir,
                           const std::string& option, const std::vector<std::string>& own_names) {
  try {
    folder.emplace(dir, option, own_names);
  } catch (const InputErrors& e) {
    print_input_errors(e);
    return false;
  }
  for (const std::string& leftover : folder->removed_leftovers())
    fmt::print(stderr, "note: removed {} beside {}, left by an interrupted run\n", leftover, dir.string());
  return true;
}

}  // namespace kyoten::app
