#pragma once
// A Dirichlet distribution: a random split of 1 into k shares. Drawn the standard way, as independent
// Gamma(alpha_i, 1) variates divided by their sum (Boost.Random draws the gammas).
#include <span>
#include <vector>

#include "sim/random/stream.hpp"

namespace kyoten::sim {

class Dirichlet {
 public:
  // Below this alpha Boost's gamma draws underflow to exactly 0 often enough that every share can be 0/0 (NaN):
  // for alpha < 1 it returns exp(-E / alpha) with E exponential, which is 0 once E > 745 alpha (never drawn
  // for alpha >= 0.1, since E stays below about 45 with 64-bit uniforms). Beta draws are two such gammas.
  static constexpr double kMinAlpha = 0.1;

  explicit Dirichlet(std::vector<double> alpha);  // throws DistributionError unless every alpha >= kMinAlpha, k >= 2

  // Writes one draw (shares summing to 1) into `out`, which must have alpha().size() elements.
  void operator()(RandomStream& s, std::span<double> out) const;
  [[nodiscard]] const std::vector<double>& alpha() const { return alpha_; }
  [[nodiscard]] std::vector<double> mean() const;  // alpha_i / sum(alpha)

 private:
  std::vector<double> alpha_;
};

}  // namespace kyoten::sim
