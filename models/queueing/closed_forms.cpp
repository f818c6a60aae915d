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

// The stationary measures of the M/M/c/K+M birth–death chain; capacity < 0 means unlimited (then theta > 0
// or lambda < c mu keeps the series finite).
ImpatientQueue birth_death_queue(double lambda, double mu, int servers, int capacity, double theta) {
  // Unnormalised pi(n) with pi(0) = 1, built term by term: pi(n) = pi(n − 1) lambda / death(n).
  double term = 1.0, total = 1.0, busy_all = 0.0, queue = 0.0, last = 0.0;
  for (int n = 1;; ++n) {
    if (capacity >= 0 && n > capacity) break;
    const double death = n <= servers ? n * mu : servers * mu + (n - servers) * theta;
    term *= lambda / death;
    total += term;
    if (n >= servers) busy_all += term;
    if (n > servers) queue += (n - servers) * term;
    last = term;
    if (capacity < 0 && n > servers && term < 1e-16 * total) break;
    if (n > 100'000'000) throw std::invalid_argument("the queue does not settle: arrival rate too high for the servers");
  }
  ImpatientQueue r;
  r.p_blocked = capacity >= 0 ? last / total : 0.0;
  r.p_wait = busy_all / total - r.p_blocked;
  r.mean_queue = queue / total;
  r.p_abandon = theta * r.mean_queue / lambda;
  r.mean_wait = r.mean_queue / (lambda * (1.0 - r.p_blocked));
  return r;
}

}  // namespace

ImpatientQueue erlang_a(double lambda, double mu, int servers, double patience_rate) {
  require_positive(lambda, "arrival rate");
  require_positive(mu, "service rate");
  require_servers(servers);
  require_positive(patience_rate, "patience rate (1 / mean patience)");
  return birth_death_queue(lambda, mu, servers, -1, patience_rate);
}

ImpatientQueue mmck_product_form(double lambda, double mu, int servers, int capacity) {
  require_positive(lambda, "arrival rate");
  require_positive(mu, "service rate");
  require_servers(servers);
  if (capacity < servers)
    throw std::invalid_argument("capacity K must be >= servers c (got K=" + std::to_string(capacity) +
                                ", c=" + std::to_string(servers) + ")");
  return birth_death_queue(lambda, mu, servers, capacity, 0.0);
}

double erlang_b(double offered_load_erlangs, int servers) {
  require_non_negative(offered_load_erlangs, "offered load (erlangs)");
  require_servers(servers);
  double b = 1.0;
  for (int k = 1; k <= servers; ++k) b = offered_load_erlangs * b / (k + offered_load_erlangs * b);
  return b;
}

double erlang_b_offered_load_for_occupancy(double occupancy, int servers) {
  require_servers(servers);
  if (!(occupancy >= 0.0 && occupancy < 1.0))
    throw std::invalid_argument("occupancy must be in [0, 1) (got " + number(occupancy) +
                                "): a loss system keeps every server busy only under infinite load");
  const auto carried_share = [servers](double a) { return a * (1.0 - erlang_b(a, servers)) / servers; };
  double lo = 0.0, hi = static_cast<double>(servers);
  while (carried_share(hi) < occupancy) {
    lo = hi;
    hi *= 2.0;
  }
  while (hi - lo > 1e-12 * hi) {
    const double mid = 0.5 * (lo + hi);
    (carried_share(mid) < occupancy ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
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
