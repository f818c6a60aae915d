#include "app/common_options.hpp"

#include <fmt/format.h>

#include <iostream>

#include "models/scenario/error_sink.hpp"
#include "models/scenario/folder_name.hpp"
#include "sim/run/replication_runner.hpp"

namespace kyoten::app {

void add_set_option(CLI::App& cmd, std::vector<std::string>& overrides, std::string_view where) {
  cmd.add_option("--set", overrides, fmt::format("Override a value in {}, e.g. --set hub.rooms=2 (repeatable)", where))
      ->type_name("KEY=VALUE")
      ->allow_extra_args(false);
}

void add_seed_and_threads(CLI::App& cmd, CommonOptions& o, std::string_view unit) {
  o.threads = sim::default_thread_count();
  cmd.add_option("--seed", o.seed,
                 fmt::format("Random seed, a whole number: replication r of every {} uses (seed, r), so the same "
                             "seed gives the same results",
                             unit))
      ->check(whole_number_at_least(0))
      ->capture_default_str();
  cmd.add_option("-j,--threads", o.threads, "Worker threads, at least 1 (default: all hardware threads)")
      ->check(whole_number_at_least(1))
      ->capture_default_str();
}

void add_lang_option(CLI::App& cmd, std::string& lang) {
  cmd.add_option("--lang", lang, "Language of the terminal output: ja or en")
      ->check(CLI::IsMember({"ja", "en"}))
      ->capture_default_str();
}

CLI::Validator whole_number_at_least(unsigned long long low) {
  return CLI::Validator(
      [low](std::string& text) {
        unsigned long long x = 0;
        const bool ok = text.find('-') == std::string::npos && CLI::detail::lexical_cast(text, x) && x >= low;
        return ok ? std::string() : fmt::format("must be a whole number >= {} (got {})", low, text);
      },
      "");  // the option's help text states the range
}

void print_input_errors(const InputErrors& e) {
  for (const InputError& error : e.errors()) std::cerr << error.format() << '\n';
}

}  // namespace kyoten::app

namespace kyoten::app {

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
