#include "models/queueing/closed_forms.hpp"

#include <fmt/format.h>

#include <cmath>
#include <stdexcept>

namespace kyoten::queueing {
namespace {

std::string number(double x) { return fmt::format("{:g}", x); }

void require_servers(int servers) {
  if (servers < 1) throw std::invalid_argument("servers must be >= 1 (got " + std::to_string(servers) + ")");
}

void require_non_negative(double x, const char* name) {
  if (!(x >= 0.0) || !std::isfinite(x))
    throw std::invalid_argument(std::string(name) + " must be a finite number >= 0 (got " + number(x) + ")");
}

void require_positive(double x, const char* name) {
  if (!(x > 0.0) || !std::isfinite(x))
    throw std::invalid_argument(std::string(name) + " must be a finite number > 0 (got " + number(x) + ")");
}

void require_stable(double lambda, double mu, int servers) {
  if (!(lambda < servers * mu))
    throw std::invalid_argument("M/M/c is unstable: arrival rate " + number(lambda) + " must be < servers * service rate = " +
                                number(servers * mu) + " (the queue would grow without bound)");
}

}  // namespace

double erlang_b(double offered_load_erlangs, int servers) {
  require_non_negative(offered_load_erlangs, "offered load (erlangs)");
  require_servers(servers);
  double b = 1.0;
  for (int k = 1; k <= servers; ++k) b = offered_load_erlangs * b / (k + offered_load_erlangs * b);
  return b;
}

double erlang_c(double offered_load_erlangs, int servers) {
  require_non_negative(offered_load_erlangs, "offered load (erlangs)");
  require_servers(servers);
  if (!(offered_load_erlangs < servers))
    throw std::invalid_argument("Erlang C needs offered load " + number(offered_load_erlangs) + " < servers " +
                                std::to_string(servers) + " (otherwise the queue is unstable)");
  // Standard identity linking C to B, which inherits B's stable recursion.
  const double b = erlang_b(offered_load_erlangs, servers);
  return servers * b / (servers - offered_load_erlangs * (1.0 - b));
}

double mmc_mean_wait(double lambda, double mu, int servers) {
  require_non_negative(lambda, "arrival rate");
  require_positive(mu, "service rate");
  require_servers(servers);
  require_stable(lambda, mu, servers);
  return erlang_c(lambda / mu, servers) / (servers * mu - lambda);
}

double mmc_mean_queue_length(double lambda, double mu, int servers) {
  return lambda * mmc_mean_wait(lambda, mu, servers);
}

double engset_time_congestion(int sources, int servers, double alpha_per_idle_source) {
  if (sources < 0) throw std::invalid_argument("sources must be >= 0 (got " + std::to_string(sources) + ")");
  require_servers(servers);
  require_non_negative(alpha_per_idle_source, "offered traffic per idle source (erlangs)");
  if (servers > sources) return 0.0;  // the state "all servers busy" cannot be reached
  // Same shape as Erlang B's recursion: p(k) / p(k-1) = (N - k + 1) alpha / k.
  double e = 1.0;
  for (int k = 1; k <= servers; ++k) {
    const double up = (sources - k + 1) * alpha_per_idle_source * e;
    e = up / (k + up);
  }
  return e;
}

EngsetBlocking engset_blocking(int sources, int servers, double alpha_per_idle_source) {
  if (sources < 1) throw std::invalid_argument("sources must be >= 1 (got " + std::to_string(sources) + ")");
  return EngsetBlocking{engset_time_congestion(sources, servers, alpha_per_idle_source),
                        engset_time_congestion(sources - 1, servers, alpha_per_idle_source)};
}

}  // namespace kyoten::queueing
