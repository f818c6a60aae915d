#pragma once
// Distributions as values: a Distribution is built once from its parameters (validated there) and sampled
// many times from a RandomStream. Boost.Random does the drawing; this file only names the families a scenario
// may use and converts planner-friendly parameters (a mean and a standard deviation) to each family's own.
#include <boost/random/beta_distribution.hpp>
#include <boost/random/discrete_distribution.hpp>
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/gamma_distribution.hpp>
#include <boost/random/lognormal_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>
#include <boost/random/weibull_distribution.hpp>
#include <string>
#include <variant>
#include <vector>

#include "sim/random/stream.hpp"

namespace kyoten::sim {

struct Constant {
  double value;
};
struct Exponential {
  double mean;
};
struct LogNormal {  // by the mean and standard deviation of the variable itself, not of its logarithm
  double mean;
  double sd;
};
struct Gamma {
  double shape;
  double scale;
};
struct Weibull {
  double shape;
  double scale;
};
struct Uniform {
  double low;
  double high;
};
struct Beta {  // on [0, 1], density proportional to x^(a-1) (1-x)^(b-1)
  double a;
  double b;
};
struct Empirical {  // a discrete distribution over given values with given (unnormalised) weights
  std::vector<double> values;
  std::vector<double> weights;
};

using DistributionSpec = std::variant<Constant, Exponential, LogNormal, Gamma, Weibull, Uniform, Beta, Empirical>;

// Thrown by Distribution's constructor for parameters outside a family's domain.
struct DistributionError {
  std::string message;
};

class Distribution {
 public:
  Distribution() : Distribution(Constant{0.0}) {}
  explicit Distribution(const DistributionSpec& spec);  // throws DistributionError

  double operator()(RandomStream& s) const;
  [[nodiscard]] double mean() const { return mean_; }
  [[nodiscard]] const DistributionSpec& spec() const { return spec_; }

 private:
  struct EmpiricalSampler {
    std::vector<double> values;
    boost::random::discrete_distribution<std::size_t, double> index;
  };
  using Sampler = std::variant<double, boost::random::exponential_distribution<double>,
                               boost::random::lognormal_distribution<double>, boost::random::gamma_distribution<double>,
                               boost::random::weibull_distribution<double>,
                               boost::random::uniform_real_distribution<double>,
                               boost::random::beta_distribution<double>, EmpiricalSampler>;
  DistributionSpec spec_;
  Sampler sampler_;
  double mean_ = 0.0;
};

// Human-readable family name ("lognormal", ...) as used in scenario files.
std::string family_name(const DistributionSpec& spec);

}  // namespace kyoten::sim
