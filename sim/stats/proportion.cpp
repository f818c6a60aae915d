#include "sim/stats/proportion.hpp"

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <limits>

namespace kyoten::sim {

ProportionInterval wilson_interval(double share, double trials, double level) {
  if (!(trials > 0)) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    return {nan, nan, nan};
  }
  const double z = boost::math::quantile(boost::math::normal(), 1.0 - (1.0 - level) / 2.0);
  const double z2n = z * z / trials;
  const double centre = (share + z2n / 2.0) / (1.0 + z2n);
  const double half = z / (1.0 + z2n) * std::sqrt(share * (1.0 - share) / trials + z2n / (4.0 * trials));
  return {share, std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

}  // namespace kyoten::sim
