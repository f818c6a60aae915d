#pragma once
// Small continuous-time Markov chains solved exactly with Eigen: the oracle for models without a textbook formula
// (M/M/c/K here; any small chain through stationary_distribution).
#include <Eigen/Dense>

namespace kyoten::queueing {

// The stationary distribution pi of an irreducible CTMC with generator Q (n x n; off-diagonal rates >= 0,
// rows summing to 0): solves pi Q = 0 with sum(pi) = 1 by a dense LU. Throws std::invalid_argument if Q is not a
// generator or the chain has no unique stationary distribution (it is reducible).
Eigen::VectorXd stationary_distribution(const Eigen::MatrixXd& Q);

// The generator of M/M/c/K: states 0..K customers in the system (K >= c includes those in service).
Eigen::MatrixXd mmck_generator(double lambda, double mu, int servers, int capacity);

struct MmckSolution {
  Eigen::VectorXd distribution;     // pi(k), k = 0..K
  double blocking = 0.0;            // pi(K): an arrival finds the system full (PASTA) and is lost
  double throughput = 0.0;          // accepted arrivals per unit time, lambda (1 - pi(K))
  double mean_in_system = 0.0;      // L
  double mean_in_queue = 0.0;       // Lq
  double mean_wait_in_queue = 0.0;  // Wq = Lq / throughput (Little's law on accepted customers)
  double mean_time_in_system = 0.0; // W = L / throughput
};

// M/M/c/K solved as a CTMC (not by its product form, so the two can check each other).
MmckSolution solve_mmck(double lambda, double mu, int servers, int capacity);

}  // namespace kyoten::queueing
