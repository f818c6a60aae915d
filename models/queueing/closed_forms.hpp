#pragma once
// Closed forms of classic queueing models: the oracles the simulation engine is checked against.
//
// Notation: lambda = arrival rate, mu = service rate of one server, c = number of servers,
// a = lambda / mu = offered load in erlangs. Every function validates its arguments and throws
// std::invalid_argument with a message naming the argument and the allowed range.
#include <string>

namespace kyoten::queueing {

// Erlang B: blocking probability of M/G/c/c (insensitive: holds for any service-time distribution with mean 1/mu).
// Uses the recursion B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)), which never overflows (a^c / c! would).
double erlang_b(double offered_load_erlangs, int servers);

// The inverse planners need: the offered load a at which M/G/c/c keeps, on average, the given share of its c
// servers busy, a (1 − B(a, c)) / c = occupancy. The carried load rises strictly with a towards c, so each
// occupancy in [0, 1) has exactly one answer (found by bisection to a relative 1e-12).
double erlang_b_offered_load_for_occupancy(double occupancy, int servers);

// Erlang C: probability that an arrival to M/M/c has to wait. Requires a < c (a stable queue).
double erlang_c(double offered_load_erlangs, int servers);

// Mean waiting time in queue Wq of M/M/c (not counting service): C(a, c) / (c mu - lambda). Requires lambda < c mu.
double mmc_mean_wait(double lambda, double mu, int servers);

// Mean number waiting in queue Lq of M/M/c: lambda * Wq (Little's law). Requires lambda < c mu.
double mmc_mean_queue_length(double lambda, double mu, int servers);

// M/M/c/K+M: Poisson arrivals (lambda), c exponential servers (mu), room for `capacity` customers in the
// system (an arrival finding it full is lost), and exponential patience with rate theta: a customer still
// waiting when its patience runs out leaves unserved. The number present is a birth–death chain with death rate
// n mu up to c and c mu + (n − c) theta above, whose product-form stationary distribution gives:
struct ImpatientQueue {
  double p_blocked = 0;  // an arrival finds the system full and is lost (PASTA)
  double p_wait = 0;     // an arrival is admitted but finds every server busy
  double p_abandon = 0;  // an arrival gives up waiting: theta E[queue] / lambda
  double mean_queue = 0; // E[number waiting]
  // Mean time waiting per admitted arrival, those who gave up included (their wait until they hung up):
  // E[queue] / (lambda (1 − p_blocked)), Little's law on the queue.
  double mean_wait = 0;
};

// Erlang A (M/M/c+M; Palm 1943, Garnett, Mandelbaum & Reiman 2002): unlimited room, patience rate theta > 0
// (the series is summed until its terms fall below 1e-16 of the total; it converges for any load).
ImpatientQueue erlang_a(double lambda, double mu, int servers, double patience_rate);

// M/M/c/K by its product form (Kleinrock 1975, §3.7): patience unlimited, capacity K >= c. Independent of
// solve_mmck (ctmc.hpp), which solves the same chain numerically.
ImpatientQueue mmck_product_form(double lambda, double mu, int servers, int capacity);

// The Engset (finite-source loss) model: `sources` sources, each idle source asks for a server at rate gamma;
// a request that finds all `servers` busy is lost and its source goes back to idle; holding times have mean 1/mu.
// `alpha_per_idle_source` is the offered traffic of one idle source in erlangs, gamma / mu (dimensionless).
//
// Two different probabilities are called "Engset blocking":
//   time_congestion: the share of TIME all servers are busy, E(N, c) = C(N,c) alpha^c / sum_{i<=c} C(N,i) alpha^i.
//   call_congestion: the share of REQUESTS that are blocked. An arriving request sees the system as it would be
//                    with its own source removed (arrival theorem for finite sources), so it equals the time
//                    congestion with N - 1 sources: B = E(N - 1, c). Call congestion < time congestion, because
//                    when all servers are busy fewer sources are idle and able to ask.
// With servers >= sources nothing is ever blocked (call congestion 0); time congestion is 0 if servers > sources.
struct EngsetBlocking {
  double time_congestion = 0.0;
  double call_congestion = 0.0;
};
EngsetBlocking engset_blocking(int sources, int servers, double alpha_per_idle_source);

// Time congestion E(N, c) of the Engset model, as above (exposed for E(N - 1, c) and for tests).
double engset_time_congestion(int sources, int servers, double alpha_per_idle_source);

}  // namespace kyoten::queueing
