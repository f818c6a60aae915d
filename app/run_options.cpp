#include "app/run_options.hpp"

#include <fmt/format.h>

#include "app/commands.hpp"
#include "sim/run/replication_runner.hpp"

namespace kyoten::app {

CLI::Validator whole_number_at_least(unsigned long long low) {
  return CLI::Validator(
      [low](std::string& text) {
        unsigned long long x = 0;
        const bool ok = text.find('-') == std::string::npos && CLI::detail::lexical_cast(text, x) && x >= low;
        return ok ? std::string() : fmt::format("must be a whole number >= {} (got {})", low, text);
      },
      "");  // the option's help text states the range
}

void add_scenario_options(CLI::App& cmd, RunOptions& o) {
  cmd.add_option("scenario", o.scenario_file, "Scenario file (TOML)")->required();
  cmd.add_option("--set", o.overrides, "Override a scenario value, e.g. --set hub.rooms=2 (repeatable)")
      ->type_name("KEY=VALUE")
      ->allow_extra_args(false);
}

void add_run_options(CLI::App& cmd, RunOptions& o) {
  o.threads = sim::default_thread_count();
  cmd.add_option("-n,--replications", o.replications, "Independent replications (at least 1)")
      ->check(whole_number_at_least(1))
      ->capture_default_str();
  cmd.add_option("--seed", o.seed, "Random seed (a whole number): the same seed gives the same results")
      ->check(whole_number_at_least(0))
      ->capture_default_str();
  cmd.add_option("-j,--threads", o.threads, "Worker threads, at least 1 (default: all hardware threads)")
      ->check(whole_number_at_least(1))
      ->capture_default_str();
  cmd.add_option("-o,--out", o.out, "Results directory (default: results/<scenario name>)");
  cmd.add_option("--lang", o.lang, "Language of the terminal table: ja or en")
      ->check(CLI::IsMember({"ja", "en"}))
      ->capture_default_str();
  auto* precision = cmd.add_option("--precision", o.precision,
                 "Add replications until every headline KPI's 95% CI half-width is at most this fraction of its "
                 "mean, e.g. 0.05 (docs/uncertainty.md); --replications is the first batch (default 10)")
      ->check(CLI::Validator(
          [](std::string& text) {
            double x = 0;
            const bool ok = CLI::detail::lexical_cast(text, x) && x > 0 && x <= 1;
            return ok ? std::string() : fmt::format("must be a number in (0, 1], e.g. 0.05 (got {})", text);
          },
          ""));
  cmd.add_option("--max-replications", o.max_replications, "With --precision: stop at this many replications at most")
      ->check(whole_number_at_least(2))
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
