#include "sim/random/distribution.hpp"

#include <cmath>
#include <numeric>

#include "sim/random/dirichlet.hpp"

namespace kyoten::sim {
namespace {

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;  // clang 14 (the fuzz build) lacks aggregate deduction

void require(bool ok, const std::string& message) {
  if (!ok) throw DistributionError{message};
}

}  // namespace

Distribution::Distribution(const DistributionSpec& spec) : spec_(spec) {
  std::visit(
      Overloaded{
          [&](const Constant& c) {
            require(std::isfinite(c.value), "constant: value must be finite");
            sampler_ = c.value;
            mean_ = c.value;
          },
          [&](const Exponential& e) {
            require(e.mean > 0 && std::isfinite(e.mean), "exponential: mean must be > 0");
            sampler_ = boost::random::exponential_distribution<double>(1.0 / e.mean);
            mean_ = e.mean;
          },
          [&](const LogNormal& l) {
            require(l.mean > 0 && std::isfinite(l.mean), "lognormal: mean must be > 0");
            require(l.sd > 0 && std::isfinite(l.sd), "lognormal: sd must be > 0");
            // Moments of the variable -> parameters of its logarithm.
            const double s2 = std::log1p((l.sd * l.sd) / (l.mean * l.mean));
            const double m = std::log(l.mean) - 0.5 * s2;
            require(std::isfinite(s2) && std::isfinite(m), "lognormal: sd / mean too large (its log-variance overflows)");
            sampler_ = boost::random::lognormal_distribution<double>(m, std::sqrt(s2));
            mean_ = l.mean;
          },
          [&](const Gamma& g) {
            require(g.shape > 0 && g.scale > 0 && std::isfinite(g.shape) && std::isfinite(g.scale),
                    "gamma: shape and scale must be > 0");
            sampler_ = boost::random::gamma_distribution<double>(g.shape, g.scale);
            mean_ = g.shape * g.scale;
          },
          [&](const Weibull& w) {
            require(w.shape > 0 && w.scale > 0, "weibull: shape and scale must be > 0");
            sampler_ = boost::random::weibull_distribution<double>(w.shape, w.scale);
            mean_ = w.scale * std::tgamma(1.0 + 1.0 / w.shape);
            require(std::isfinite(mean_), "weibull: shape too small (its mean overflows)");
          },
          [&](const Uniform& u) {
            require(u.low <= u.high && std::isfinite(u.low) && std::isfinite(u.high), "uniform: need low <= high");
            // low == high is a constant: Boost's uniform_real draws until the result is below high, forever.
            if (u.low == u.high) sampler_ = u.low;
            else sampler_ = boost::random::uniform_real_distribution<double>(u.low, u.high);
            mean_ = 0.5 * (u.low + u.high);
          },
          [&](const Beta& b) {
            require(b.a > 0 && b.b > 0 && std::isfinite(b.a) && std::isfinite(b.b), "beta: a and b must be > 0");
            require(b.a >= Dirichlet::kMinAlpha && b.b >= Dirichlet::kMinAlpha,
                    "beta: a and b must be >= 0.1 (smaller ones make draws 0/0)");
            sampler_ = boost::random::beta_distribution<double>(b.a, b.b);
            mean_ = b.a / (b.a + b.b);
          },
          [&](const Empirical& e) {
            require(!e.values.empty(), "empirical: values must not be empty");
            require(e.values.size() == e.weights.size(), "empirical: values and weights must have the same length");
            double total = 0;
            for (double w : e.weights) {
              require(w >= 0 && std::isfinite(w), "empirical: weights must be >= 0");
              total += w;
            }
            require(total > 0, "empirical: weights must not all be zero");
            mean_ = std::inner_product(e.values.begin(), e.values.end(), e.weights.begin(), 0.0) / total;
            sampler_ = EmpiricalSampler{e.values, boost::random::discrete_distribution<std::size_t, double>(
                                                      e.weights.begin(), e.weights.end())};
          },
      },
      spec);
}

double Distribution::operator()(RandomStream& s) const {
  return std::visit(Overloaded{
                        [](double c) { return c; },
                        [&](const EmpiricalSampler& e) { return e.values[e.index(s)]; },
                        // Copied per draw: some Boost samplers are not const-callable, and a Distribution in an
                        // immutable scenario is shared by every thread.
                        [&](auto d) { return d(s); },
                    },
                    sampler_);
}

std::string family_name(const DistributionSpec& spec) {
  return std::visit(Overloaded{
                        [](const Constant&) { return std::string("constant"); },
                        [](const Exponential&) { return std::string("exponential"); },
                        [](const LogNormal&) { return std::string("lognormal"); },
                        [](const Gamma&) { return std::string("gamma"); },
                        [](const Weibull&) { return std::string("weibull"); },
                        [](const Uniform&) { return std::string("uniform"); },
                        [](const Beta&) { return std::string("beta"); },
                        [](const Empirical&) { return std::string("empirical"); },
                    },
                    spec);
}

}  // namespace kyoten::sim
