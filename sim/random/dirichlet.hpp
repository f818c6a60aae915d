#pragma once
// A Dirichlet distribution: a random split of 1 into k shares. Drawn the standard way, as independent
// Gamma(alpha_i, 1) variates divided by their sum (Boost.Random draws the gammas).
#include <span>
#include <vector>

#include "sim/random/stream.hpp"

namespace kyoten::sim {

class Dirichlet {
 public:
  explicit Dirichlet(std::vector<double> alpha);  // throws DistributionError unless every alpha > 0 and k >= 2

  // Writes one draw (shares summing to 1) into `out`, which must have alpha().size() elements.
  void operator()(RandomStream& s, std::span<double> out) const;
  [[nodiscard]] const std::vector<double>& alpha() const { return alpha_; }
  [[nodiscard]] std::vector<double> mean() const;  // alpha_i / sum(alpha)

 private:
  std::vector<double> alpha_;
};

}  // namespace kyoten::sim
