#include "models/calibration/posterior.hpp"

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

  auto gamma_row = [&](std::string key, const GammaPosterior& g, std::string observed) {
    c.rows.push_back({std::move(key), fmt::format("Gamma({}, {})", num(g.shape), num(g.rate)), std::move(observed),
                      g.mean(), g.interval(level)});
  };
  auto beta_row = [&](std::string key, const BetaPosterior& d, std::string observed) {
    c.rows.push_back({std::move(key), fmt::format("Beta({}, {})", num(d.a), num(d.b)), std::move(observed), d.mean(),
                      d.interval(level)});
  };
  gamma_row("calls.per_registrant_per_year", c.calls_rate,
            fmt::format("{} / {} registrant-years", obs.calls - unregistered, num(obs.registrant_years)));
  if (c.unregistered_rate)
    gamma_row("calls.unregistered_per_year", *c.unregistered_rate,
              fmt::format("{} / {} years", unregistered, num(obs.years())));
  gamma_row("(emergencies per registrant-year)", c.emergency_rate,
            fmt::format("{} / {} registrant-years", obs.emergencies(), num(obs.registrant_years)));
  for (std::size_t b = 0; b < hub::kTimeBands; ++b)
    beta_row(std::string("calls.band_share.") + hub::kTimeBandKeys[b], c.band_share.marginal(b),
             fmt::format("{} / {} calls", obs.calls_by_band[b], obs.calls));
  for (std::size_t b = 0; b < hub::kTimeBands; ++b)
    beta_row(std::string("calls.emergency_share.") + hub::kTimeBandKeys[b], c.emergency_share[b],
             fmt::format("{} / {} calls", obs.emergencies_by_band[b], obs.calls_by_band[b]));
  for (std::size_t i = 0; i < kNeedCount; ++i)
    beta_row(std::string("calls.need_weights.") + kNeedKeys[i] + " (share)", c.need.marginal(i),
             fmt::format("{} / {} emergencies", obs.emergencies_by_need[i], obs.emergencies()));
  return c;
}

std::string format_calibration_table(const Calibration& c, double level) {
  std::size_t w_param = 9, w_dist = 9, w_obs = 8;
  for (const auto& r : c.rows) {
    w_param = std::max(w_param, r.parameter.size());
    w_dist = std::max(w_dist, r.distribution.size());
    w_obs = std::max(w_obs, r.observed.size());
  }
  const std::string ci_head = fmt::format("{:g}% interval", level * 100);
  std::string out = fmt::format("{:<{}}  {:<{}}  {:<{}}  {:>10}  {}\n", "parameter", w_param, "observed", w_obs,
                                "posterior", w_dist, "mean", ci_head);
  for (const auto& r : c.rows)
    out += fmt::format("{:<{}}  {:<{}}  {:<{}}  {:>10.4g}  [{:.4g}, {:.4g}]\n", r.parameter, w_param, r.observed, w_obs,
                       r.distribution, w_dist, r.mean, r.ci.low, r.ci.high);
  return out;
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
       "# NOTE: the hub model currently consumes point values. Rates are stated below as their posterior\n"
       "# distribution, { dist = \"gamma\", shape, rate } with rate per unit of exposure (not the scenario's\n"
       "# shape/scale gamma), which today's scenario loader does not accept: use the posterior mean given next\n"
       "# to it. Drawing the parameters once per replication (so the bands carry parameter uncertainty) is\n"
       "# future work. Splits are given as posterior means, their Dirichlet/Beta posteriors as comments.\n\n";
  f += "[calls]\n";
  f += fmt::format("per_registrant_per_year = {{ dist = \"gamma\", shape = {}, rate = {} }}\n", num(c.calls_rate.shape),
                   num(c.calls_rate.rate));
  const Interval ci = c.calls_rate.interval();
  f += fmt::format("# posterior mean (point value for today's loader): per_registrant_per_year = {}  # 95% [{}, {}]\n",
                   num(c.calls_rate.mean()), num(ci.low), num(ci.high));
  if (c.unregistered_rate) {
    const Interval u = c.unregistered_rate->interval();
    f += fmt::format("unregistered_per_year = {{ dist = \"gamma\", shape = {}, rate = {} }}\n",
                     num(c.unregistered_rate->shape), num(c.unregistered_rate->rate));
    f += fmt::format("# posterior mean: unregistered_per_year = {}  # 95% [{}, {}]\n", num(c.unregistered_rate->mean()),
                     num(u.low), num(u.high));
  } else {
    f += "unregistered_per_year = 0  # every observed call is counted in the registrant rate above\n";
  }

  auto shares = [&](const char* key, auto mean_of, auto comment_of) {
    std::string line = fmt::format("{} = {{ ", key), comment;
    for (std::size_t b = 0; b < hub::kTimeBands; ++b) {
      line += fmt::format("{}{} = {}", b ? ", " : "", hub::kTimeBandKeys[b], num(mean_of(b)));
      comment += fmt::format("{}{} = {}", b ? ", " : "", hub::kTimeBandKeys[b], comment_of(b));
    }
    return std::make_pair(line + " }  # posterior means\n", comment);
  };
  auto [band_line, band_alpha] = shares(
      "band_share", [&](std::size_t b) { return c.band_share.marginal(b).mean(); },
      [&](std::size_t b) { return num(c.band_share.alpha[b]); });
  f += band_line;
  f += "# band_share ~ Dirichlet(" + band_alpha + ")\n";
  auto [em_line, em_beta] = shares(
      "emergency_share", [&](std::size_t b) { return c.emergency_share[b].mean(); },
      [&](std::size_t b) {
        return fmt::format("Beta({}, {})", num(c.emergency_share[b].a), num(c.emergency_share[b].b));
      });
  f += em_line;
  f += "# emergency_share per band ~ " + em_beta + "\n";
  std::string need_line = "need_weights = { ", need_alpha;
  for (std::size_t i = 0; i < kNeedCount; ++i) {
    need_line += fmt::format("{}{} = {}", i ? ", " : "", kNeedKeys[i], num(c.need.marginal(i).mean()));
    need_alpha += fmt::format("{}{} = {}", i ? ", " : "", kNeedKeys[i], num(c.need.alpha[i]));
  }
  f += need_line + " }  # posterior means (shares)\n";
  f += "# need_weights ~ Dirichlet(" + need_alpha + ")\n";
  return f;
}

}  // namespace kyoten::calibration
