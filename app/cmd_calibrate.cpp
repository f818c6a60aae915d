// `kyoten calibrate OBSERVATIONS.toml [--out FRAGMENT.toml]`: conjugate posteriors for the call rate, the time-band
// split, the per-band emergency probabilities and the need split from small counts (docs/uncertainty.md).
// Prints a table (posterior mean, 95% equal-tailed interval) and writes a scenario fragment stating the posteriors.
// A bad observations file is reported in the scenario loader's style (file:line:col: key: message (allowed)),
// exit 2, and nothing is written.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <ostream>

#include "app/commands.hpp"
#include "app/common_options.hpp"
#include "calibration/observations.hpp"
#include "calibration/posterior.hpp"
#include "output/atomic_file.hpp"
#include "presentation/display.hpp"
#include "scenario/input_error.hpp"

namespace kyoten::app {
namespace {

namespace fs = std::filesystem;

struct CalibrateOptions {
  std::string observations;
  std::string out;
  std::string lang = "ja";
  [[nodiscard]] presentation::Language language() const {
    return lang == "en" ? presentation::Language::English : presentation::Language::Japanese;
  }
};

// Posterior mean and 95% equal-tailed interval per parameter, aligned by display width.
std::string calibration_table(const calibration::Calibration& c, presentation::Language language) {
  const bool ja = language == presentation::Language::Japanese;
  const double percent = sim::kDefaultConfidenceLevel * 100;
  std::vector<std::vector<std::string>> rows{
      ja ? std::vector<std::string>{"パラメータ", "観測", "事後分布", "平均", fmt::format("{:g}%区間", percent)}
         : std::vector<std::string>{"parameter", "observed", "posterior", "mean", fmt::format("{:g}% interval", percent)}};
  for (const calibration::PosteriorRow& r : c.rows)
    rows.push_back({ja && !r.parameter_ja.empty() ? r.parameter_ja : r.parameter, ja ? r.observed_ja : r.observed,
                    r.distribution, fmt::format("{:.4g}", r.mean), fmt::format("[{:.4g}, {:.4g}]", r.ci.low, r.ci.high)});
  return presentation::render_table(rows, {false, false, false, true, false});
}

int calibrate(const CalibrateOptions& o) {
  calibration::Observations obs;
  try {
    obs = calibration::read_observations(o.observations);
  } catch (const InputErrors& e) {
    print_input_errors(e);
    return kBadInput;
  }
  std::error_code ec;
  if (!o.out.empty() && fs::is_directory(o.out, ec)) {
    fmt::print(stderr, "--out: {} is a directory (give a file name, e.g. fragment.toml)\n", o.out);
    return kBadInput;
  }
  const calibration::Calibration c = calibration::calibrate(obs);
  const std::string fragment = calibration::scenario_fragment(obs, c);
  fmt::print("{}", calibration_table(c, o.language()));
  if (o.out.empty()) {
    fmt::print("\n{}", fragment);
    return 0;
  }
  try {
    output::write_file_atomically(o.out, [&fragment](std::ostream& out) { out << fragment; });
  } catch (const std::exception& e) {
    fmt::print(stderr, "kyoten calibrate: cannot write {}: {}\n", o.out, e.what());
    return 1;
  }
  fmt::print("{} {}\n", o.language() == presentation::Language::Japanese ? "シナリオ断片の保存先:" : "Scenario fragment:", o.out);
  return 0;
}

}  // namespace

void add_calibrate_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand(
      "calibrate", "Posterior call rate, band split and emergency probabilities from observed counts (docs/uncertainty.md)");
  auto options = std::make_shared<CalibrateOptions>();
  cmd->add_option("observations", options->observations, "Observations file (TOML)")->required();
  cmd->add_option("-o,--out", options->out, "Write the scenario fragment here (default: print it)");
  add_lang_option(*cmd, options->lang);
  cmd->callback([options, &exit_code] { exit_code = calibrate(*options); });
}

}  // namespace kyoten::app
