#include "models/queueing/ctmc.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace kyoten::queueing {
namespace {

void check_generator(const Eigen::MatrixXd& Q) {
  if (Q.rows() == 0 || Q.rows() != Q.cols()) throw std::invalid_argument("generator must be a non-empty square matrix");
  if (!Q.allFinite()) throw std::invalid_argument("generator must have finite entries");
  const double scale = std::max(1.0, Q.cwiseAbs().maxCoeff());
  for (Eigen::Index i = 0; i < Q.rows(); ++i) {
    for (Eigen::Index j = 0; j < Q.cols(); ++j)
      if (i != j && Q(i, j) < 0.0)
        throw std::invalid_argument("generator off-diagonal rate Q(" + std::to_string(i) + "," + std::to_string(j) +
                                    ") is negative");
    if (std::abs(Q.row(i).sum()) > 1e-9 * scale * static_cast<double>(Q.cols()))
      throw std::invalid_argument("generator row " + std::to_string(i) + " does not sum to 0");
  }
}

}  // namespace

Eigen::VectorXd stationary_distribution(const Eigen::MatrixXd& Q) {
  check_generator(Q);
  const Eigen::Index n = Q.rows();
  // pi Q = 0 is Q^T pi^T = 0; its rank is n - 1 for an irreducible chain, so one balance equation is redundant
  // and is replaced by the normalisation sum(pi) = 1.
  Eigen::MatrixXd A = Q.transpose();
  A.row(n - 1).setOnes();
  Eigen::VectorXd b = Eigen::VectorXd::Zero(n);
  b(n - 1) = 1.0;
  const Eigen::FullPivLU<Eigen::MatrixXd> lu(A);
  if (!lu.isInvertible())
    throw std::invalid_argument("the chain has no unique stationary distribution (it is reducible)");
  Eigen::VectorXd pi = lu.solve(b);
  // Round-off can leave -1e-17 in states of negligible probability; a probability is never negative.
  pi = pi.cwiseMax(0.0);
  return pi / pi.sum();
}

Eigen::MatrixXd mmck_generator(double lambda, double mu, int servers, int capacity) {
  if (!(lambda > 0.0) || !std::isfinite(lambda)) throw std::invalid_argument("arrival rate must be > 0");
  if (!(mu > 0.0) || !std::isfinite(mu)) throw std::invalid_argument("service rate must be > 0");
  if (servers < 1) throw std::invalid_argument("servers must be >= 1");
  if (capacity < servers) throw std::invalid_argument("capacity K must be >= servers c");
  const int n = capacity + 1;
  Eigen::MatrixXd Q = Eigen::MatrixXd::Zero(n, n);
  for (int k = 0; k < n; ++k) {
    if (k < capacity) Q(k, k + 1) = lambda;
    if (k > 0) Q(k, k - 1) = std::min(k, servers) * mu;
    Q(k, k) = -Q.row(k).sum();
  }
  return Q;
}

MmckSolution solve_mmck(double lambda, double mu, int servers, int capacity) {
  MmckSolution s;
  s.distribution = stationary_distribution(mmck_generator(lambda, mu, servers, capacity));
  s.blocking = s.distribution(capacity);
  s.throughput = lambda * (1.0 - s.blocking);
  for (int k = 0; k <= capacity; ++k) {
    s.mean_in_system += k * s.distribution(k);
    s.mean_in_queue += std::max(0, k - servers) * s.distribution(k);
  }
  s.mean_wait_in_queue = s.mean_in_queue / s.throughput;
  s.mean_time_in_system = s.mean_in_system / s.throughput;
  return s;
}

}  // namespace kyoten::queueing
