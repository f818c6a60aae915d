#pragma once
// What the simulating commands (run, compare, sweep, optimize) share on the command line — --set, --seed,
// --threads, --lang, --quiet — declared once so their names, checks and help read the same everywhere, and how
// they report bad input (exit 2, every error on stderr, nothing written).
#include <CLI/CLI.hpp>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "output/staged_folder.hpp"
#include "presentation/terminal_table.hpp"
#include "scenario/input_error.hpp"
#include "scenario/loader.hpp"

namespace kyoten::app {

inline constexpr int kFailed = 1;    // the run or a check failed
inline constexpr int kBadInput = 2;  // bad input: nothing ran, nothing was written

struct CommonOptions {
  std::vector<std::string> overrides;  // --set key=value, applied in order after the file and its base
  std::uint64_t seed = 1;
  unsigned threads = 0;  // set to all hardware threads when the options are declared
  std::string lang = "ja";
  bool quiet = false;

  [[nodiscard]] presentation::Language language() const {
    return lang == "en" ? presentation::Language::English : presentation::Language::Japanese;
  }
};

// `--set`, applied to `where` ("the scenario", "every scenario", "every point", …).
void add_set_option(CLI::App& cmd, std::vector<std::string>& overrides, std::string_view where);
// "" without overrides (or with `meta.*` ones only, which name the run), else "-" and 8 hex digits of a hash
// (FNV-1a, 32 bits) of the other --set texts in order: the default folder of a --set run differs from the
// baseline's and from other overrides' (results/<name>-1a2b3c4d).
std::string overrides_suffix(const std::vector<std::string>& overrides);
// `--seed` and `-j,--threads`; replication r of each `unit` ("scenario", "point", …) uses (seed, r).
void add_seed_and_threads(CLI::App& cmd, CommonOptions& o, std::string_view unit);
// `--lang ja|en` for what is printed.
void add_lang_option(CLI::App& cmd, std::string& lang);

// Replications of one scenario or point: a 95% interval from 10,000 is 2% of a standard deviation wide, and
// the kept results (daily series included) of that many stay within a couple of gigabytes.
inline constexpr unsigned long long kMaxReplications = 10'000;
// Worker threads: far above any machine kyoten runs on.
inline constexpr unsigned long long kMaxThreads = 1'024;

// A CLI11 check accepting whole numbers in [low, high] written as plain digits, with a message that says so.
// Out-of-range text is refused, never capped (a seed beyond 2^64 - 1 is an error, not 2^64 - 1).
CLI::Validator whole_number_in(unsigned long long low, unsigned long long high);

// A CLI11 check for --set KEY=VALUE text: valid UTF-8 without control characters (a newline would silently
// drop the rest of a TOML value).
CLI::Validator override_text();

// Every error, one per line (file:line:col: key: message, hint), on stderr.
void print_input_errors(const InputErrors& e);

// results/<meta.name><suffix>, the output when the user names none with `option`; throws InputErrors (at
// meta.name's line) when the name cannot name a folder (scenario/folder_name.hpp).
std::filesystem::path output_named_by_scenario(const scenario::LoadedScenario& loaded, const std::string& suffix,
                                               const std::string& option);

// Locks and prepares the output folder `dir` before anything runs (output/staged_folder.hpp). On bad input
// prints why and returns false; leftovers of interrupted runs that it removed are noted on stderr.
// `own_names`: the files the command writes (an existing folder holding only these may be replaced).
bool prepare_output_folder(std::optional<output::StagedFolder>& folder, const std::filesystem::path& dir,
                           const std::string& option, const std::vector<std::string>& own_names);

}  // namespace kyoten::app
