#include "sim/random/dirichlet.hpp"

#include <boost/random/gamma_distribution.hpp>
#include <cmath>
#include <numeric>

#include "sim/random/distribution.hpp"

namespace kyoten::sim {

Dirichlet::Dirichlet(std::vector<double> alpha) : alpha_(std::move(alpha)) {
  if (alpha_.size() < 2) throw DistributionError{"dirichlet: needs at least two categories"};
  for (double a : alpha_)
    if (!(a >= kMinAlpha) || !std::isfinite(a))
      throw DistributionError{"dirichlet: every alpha must be >= 0.1 (smaller ones make the shares 0/0)"};
}

void Dirichlet::operator()(RandomStream& s, std::span<double> out) const {
  double total = 0;
  for (std::size_t i = 0; i < alpha_.size(); ++i) {
    out[i] = boost::random::gamma_distribution<double>(alpha_[i], 1.0)(s);
    total += out[i];
  }
  for (double& x : out) x /= total;
}

std::vector<double> Dirichlet::mean() const {
  const double total = std::accumulate(alpha_.begin(), alpha_.end(), 0.0);
  std::vector<double> m;
  for (double a : alpha_) m.push_back(a / total);
  return m;
}

}  // namespace kyoten::sim
