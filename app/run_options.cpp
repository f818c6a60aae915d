#include "app/run_options.hpp"

#include <fmt/format.h>

#include "app/commands.hpp"

namespace kyoten::app {

void add_scenario_options(CLI::App& cmd, RunOptions& o) {
  cmd.add_option("scenario", o.scenario_file, "Scenario file (TOML)")->required();
  add_set_option(cmd, o.overrides, "the scenario");
}

void add_run_options(CLI::App& cmd, RunOptions& o) {
  cmd.add_option("-n,--replications", o.replications, "Independent replications (at least 1)")
      ->check(whole_number_in(1, kMaxReplications))
      ->capture_default_str();
  add_seed_and_threads(cmd, o, "run");
  cmd.add_option("-o,--out", o.out, "Results directory (default: results/<scenario name>)");
  add_lang_option(cmd, o.lang);
  auto* precision = cmd.add_option("--precision", o.precision,
                 "Add replications until every headline KPI's 95% CI half-width is at most this fraction of its "
                 "mean (near zero: its minimum meaningful difference), e.g. 0.05 (docs/uncertainty.md); "
                 "--replications is the first batch (default 10)")
      ->check(CLI::Validator(
          [](std::string& text) {
            double x = 0;
            const bool ok = CLI::detail::lexical_cast(text, x) && x > 0 && x <= 1;
            return ok ? std::string() : fmt::format("must be a number in (0, 1], e.g. 0.05 (got {})", text);
          },
          ""));
  cmd.add_option("--max-replications", o.max_replications, "With --precision: stop at this many replications at most (told at once when the "
                 "formula projects more)")
      ->check(whole_number_in(2, kMaxReplications))
      ->needs(precision)
      ->capture_default_str();
  cmd.add_flag("-q,--quiet", o.quiet, "No progress line and no table; print only the results directory");
}

std::string command_line_text(int argc, const char* const* argv) {
  std::string out;
  for (int i = 0; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (i) out += ' ';
    // Quoted for a POSIX shell only when needed, so the recorded command can be pasted back.
    const bool plain = !arg.empty() && arg.find_first_not_of(
                                           "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                           "0123456789-_./=:,+@%") == std::string_view::npos;
    if (plain) {
      out += arg;
      continue;
    }
    out += '\'';
    for (char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    out += '\'';
  }
  return out;
}

}  // namespace kyoten::app
