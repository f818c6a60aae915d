#pragma once
// Verification of the engine against queueing theory: each point names a reference model, its parameters and
// one output; it is simulated over independent replications, a Student t interval is put around the simulated
// mean, and the point passes when the closed form lies inside the interval.
//
// Over several points the family-wise confidence is kept by Bonferroni: with n points at family level 0.99,
// each interval is built at 1 - 0.01 / n, so with a correct engine all points pass with probability >= 99%.
#include <cstdint>
#include <string>
#include <vector>

#include "models/queueing/reference_models.hpp"

namespace kyoten::queueing {

enum class ModelKind { Mmc, Loss, Engset, ErlangA, Mmck };

enum class Quantity {
  MeanWait,              // M/M/c: Wq, against Erlang C / (c mu - lambda); Erlang A and M/M/c/K: mean wait of
                         // admitted arrivals (those who gave up included), against the product form
  ProbabilityOfWaiting,  // M/M/c: P(wait), against Erlang C; Erlang A: the same with impatient customers
  Blocking,              // M/G/c/c: share of arrivals lost, against Erlang B; M/M/c/K: share finding it full
  Abandonment,           // Erlang A: share of arrivals that gave up waiting
  CallCongestion,        // Engset: share of requests lost
  TimeCongestion,        // Engset: share of time with every server busy
};

struct Point {
  ModelKind model = ModelKind::Mmc;
  Quantity quantity = Quantity::MeanWait;
  double arrival_rate = 1.0;  // lambda; for Engset the request rate of one idle source
  double service_rate = 1.0;  // mu of one server
  int servers = 1;
  int sources = 0;            // Engset only
  double service_cv = 1.0;    // M/G/c/c only: coefficient of variation of the lognormal holding time
  RunLength run{};            // a zero horizon means default_run_length(*this)
  int capacity = 0;           // M/M/c/K only: K, customers in the system at most (>= servers)
  double patience_rate = 0.0; // Erlang A only: theta = 1 / mean patience (> 0)
};

struct VerificationRow {
  std::string model;       // "M/M/c", "M/G/c/c", "Engset", "Erlang A", "M/M/c/K"
  std::string quantity;    // "Wq", "P(wait)", ...
  std::string parameters;  // e.g. "c=2 λ=1.6 μ=1"
  double simulated_mean = 0.0;
  double ci_low = 0.0;
  double ci_high = 0.0;
  double level = 0.0;      // confidence level of [ci_low, ci_high]
  double closed_form = 0.0;
  bool pass = false;       // closed_form inside [ci_low, ci_high] (within 1e-6 when all replications agree)
  int replications = 0;
  std::uint64_t events = 0;  // summed over replications
};

// The built-in points: at least six each for Erlang C, Erlang B (lognormal service, cv 0.5 to 2) and Engset;
// at least three each for Erlang A and M/M/c/K.
std::vector<Point> builtin_points();

// The outputs a model can be verified on (M/M/c: Wq and P(wait); M/G/c/c: blocking; Engset: both congestions;
// Erlang A: P(wait), P(abandon) and the mean wait; M/M/c/K: blocking and the mean wait).
std::vector<Quantity> quantities_of(ModelKind model);

// A problem with a point's parameters, tied to the parameter so that callers can name their own option or key.
enum class Field { ArrivalRate, ServiceRate, Servers, Sources, ServiceCv, Capacity, PatienceRate, Quantity };
struct PointProblem {
  Field field;
  std::string message;  // what is wrong and what is allowed
};
// Every problem found; empty when the point can be verified (positive rates, c >= 1, a stable M/M/c, ...).
std::vector<PointProblem> check_point(const Point& point);

// Warm-up and horizon long enough for the model to forget its empty start and give a usable interval.
RunLength default_run_length(const Point& point);

// The closed-form value of the point's quantity.
double closed_form_value(const Point& point);

// Per-point level that keeps family-wise confidence `family_level` over `points` points (Bonferroni).
double bonferroni_level(double family_level, std::size_t points);

// Simulates `replications` replications (0 .. replications-1 of `seed`) on `threads` threads and compares the
// Student t interval at `level` with the closed form. Throws std::invalid_argument if check_point finds problems.
VerificationRow verify_point(const Point& point, int replications, std::uint64_t seed, unsigned threads,
                             double level);

// verify_point over every point at the Bonferroni level for `family_level`.
std::vector<VerificationRow> verify_points(const std::vector<Point>& points, int replications, std::uint64_t seed,
                                           unsigned threads, double family_level = 0.99);

}  // namespace kyoten::queueing
