#include "calibration/posterior.hpp"

#include <fmt/format.h>

#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/gamma.hpp>
#include <chrono>
#include <numeric>

namespace kyoten::calibration {
namespace {

std::string iso(scenario::Date d) {
  const std::chrono::year_month_day ymd{d};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

// Shortest text that reads back as the same double for these magnitudes.
std::string num(double x) { return fmt::format("{:.6g}", x); }

}  // namespace

Interval GammaPosterior::interval(double level) const {
  const boost::math::gamma_distribution<double> g(shape, 1.0 / rate);
  const double tail = (1.0 - level) / 2.0;
  return {boost::math::quantile(g, tail), boost::math::quantile(g, 1.0 - tail)};
}

Interval BetaPosterior::interval(double level) const {
  const boost::math::beta_distribution<double> d(a, b);
  const double tail = (1.0 - level) / 2.0;
  return {boost::math::quantile(d, tail), boost::math::quantile(d, 1.0 - tail)};
}

GammaPosterior rate_posterior(int count, double exposure, const Priors& p) {
  return {p.rate_shape + count, p.rate_rate + exposure};
}

BetaPosterior probability_posterior(int successes, int trials, const Priors& p) {
  return {p.probability_a + successes, p.probability_b + (trials - successes)};
}

double DirichletPosterior::total() const { return std::accumulate(alpha.begin(), alpha.end(), 0.0); }

BetaPosterior DirichletPosterior::marginal(std::size_t i) const { return {alpha[i], total() - alpha[i]}; }

DirichletPosterior split_posterior(const std::vector<int>& counts, const Priors& p) {
  DirichletPosterior d;
  for (int c : counts) d.alpha.push_back(p.split_alpha + c);
  return d;
}

Calibration calibrate(const Observations& obs, double level) {
  Calibration c;
  const int unregistered = obs.unregistered.value_or(0);
  c.calls_rate = rate_posterior(obs.calls - unregistered, obs.registrant_years, obs.priors);
  if (obs.unregistered) c.unregistered_rate = rate_posterior(*obs.unregistered, obs.years(), obs.priors);
  c.emergency_rate = rate_posterior(obs.emergencies(), obs.registrant_years, obs.priors);
  c.band_share = split_posterior({obs.calls_by_band.begin(), obs.calls_by_band.end()}, obs.priors);
  for (std::size_t b = 0; b < hub::kTimeBands; ++b)
    c.emergency_share[b] = probability_posterior(obs.emergencies_by_band[b], obs.calls_by_band[b], obs.priors);
  c.need = split_posterior({obs.emergencies_by_need.begin(), obs.emergencies_by_need.end()}, obs.priors);

  // The observed counts and their exposure, in English and Japanese: "48 / 99 registrant-years".
  struct Observed {
    std::string en, ja;
  };
  const auto observed = [](auto count, auto exposure, const char* en, const char* ja) {
    return Observed{fmt::format("{} / {} {}", count, exposure, en), fmt::format("{} / {} {}", count, exposure, ja)};
  };
  auto gamma_row = [&](std::string key, const GammaPosterior& g, Observed o, std::string key_ja = {}) {
    c.rows.push_back({std::move(key), fmt::format("Gamma({}, {})", num(g.shape), num(g.rate)), std::move(o.en),
                      std::move(o.ja), std::move(key_ja), g.mean(), g.interval(level)});
  };
  auto beta_row = [&](std::string key, const BetaPosterior& d, Observed o) {
    c.rows.push_back({std::move(key), fmt::format("Beta({}, {})", num(d.a), num(d.b)), std::move(o.en),
                      std::move(o.ja), {}, d.mean(), d.interval(level)});
  };
  gamma_row("calls.per_registrant_per_year", c.calls_rate,
            observed(obs.calls - unregistered, num(obs.registrant_years), "registrant-years", "登録者・年"));
  if (c.unregistered_rate)
    gamma_row("calls.unregistered_per_year", *c.unregistered_rate,
              observed(unregistered, num(obs.years()), "years", "年"));
  gamma_row("(emergencies per registrant-year)", c.emergency_rate,
            observed(obs.emergencies(), num(obs.registrant_years), "registrant-years", "登録者・年"),
            "（登録者1人・1年あたりの緊急対応）");
  for (std::size_t b = 0; b < hub::kTimeBands; ++b)
    beta_row(std::string("calls.band_share.") + hub::kTimeBandKeys[b], c.band_share.marginal(b),
             observed(obs.calls_by_band[b], obs.calls, "calls", "件の相談"));
  for (std::size_t b = 0; b < hub::kTimeBands; ++b)
    beta_row(std::string("calls.emergency_share.") + hub::kTimeBandKeys[b], c.emergency_share[b],
             observed(obs.emergencies_by_band[b], obs.calls_by_band[b], "calls", "件の相談"));
  for (std::size_t i = 0; i < kNeedCount; ++i)
    beta_row(std::string("calls.need_weights.") + kNeedKeys[i] + " (share)", c.need.marginal(i),
             observed(obs.emergencies_by_need[i], obs.emergencies(), "emergencies", "件の緊急対応"));
  return c;
}

std::string scenario_fragment(const Observations& obs, const Calibration& c) {
  const Priors& p = obs.priors;
  std::string f;
  f += fmt::format("# Scenario fragment written by `kyoten calibrate {}` (docs/uncertainty.md).\n", obs.file);
  f += fmt::format("# Observed {} to {} ({} years): {} calls over {} registrant-years, {} emergencies.\n", iso(obs.start),
                   iso(obs.end), num(obs.years()), obs.calls, num(obs.registrant_years), obs.emergencies());
  f += fmt::format(
      "# Priors: rates Gamma(shape {}, rate {}); splits Dirichlet(alpha {} each); probabilities Beta({}, {}).\n",
      num(p.rate_shape), num(p.rate_rate), num(p.split_alpha), num(p.probability_a), num(p.probability_b));
  f += "#\n"
       "# Each value is its posterior distribution: the scenario holds its mean, and every pair of replications\n"
       "# draws a fresh value from it, so the forecast bands carry this parameter uncertainty as well as chance\n"
       "# (docs/uncertainty.md). Rates are { dist = \"gamma\", shape, rate } with rate per unit of exposure;\n"
       "# splits are Dirichlet (one alpha per category); probabilities Beta(a, b). Mean and 95 % interval in the\n"
       "# comment beside each.\n\n";
  const auto gamma = [&](const char* key, const GammaPosterior& g) {
    const Interval i = g.interval();
    return fmt::format("{} = {{ dist = \"gamma\", shape = {}, rate = {} }}  # mean {}, 95% [{}, {}]\n", key,
                       num(g.shape), num(g.rate), num(g.mean()), num(i.low), num(i.high));
  };
  const auto dirichlet = [&](const char* key, const DirichletPosterior& d, const auto& names) {
    std::string line = fmt::format("{} = {{ dist = \"dirichlet\"", key), means;
    for (std::size_t i = 0; i < d.alpha.size(); ++i) {
      line += fmt::format(", {} = {}", names[i], num(d.alpha[i]));
      means += fmt::format("{}{} {}", i ? ", " : "", names[i], num(d.marginal(i).mean()));
    }
    return line + " }  # means: " + means + "\n";
  };
  f += "[calls]\n";
  f += gamma("per_registrant_per_year", c.calls_rate);
  if (c.unregistered_rate)
    f += gamma("unregistered_per_year", *c.unregistered_rate);
  else
    f += "unregistered_per_year = 0  # every observed call is counted in the registrant rate above\n";
  f += dirichlet("band_share", c.band_share, hub::kTimeBandKeys);
  f += dirichlet("need_weights", c.need, kNeedKeys);
  f += "\n[calls.emergency_share]  # P(emergency | call in band)\n";
  for (std::size_t b = 0; b < hub::kTimeBands; ++b) {
    const BetaPosterior& e = c.emergency_share[b];
    const Interval i = e.interval();
    f += fmt::format("{} = {{ dist = \"beta\", a = {}, b = {} }}  # mean {}, 95% [{}, {}]\n", hub::kTimeBandKeys[b],
                     num(e.a), num(e.b), num(e.mean()), num(i.low), num(i.high));
  }
  return f;
}

}  // namespace kyoten::calibration
