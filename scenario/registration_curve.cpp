#include "scenario/registration_curve.hpp"

#include <cmath>

#include "sim/time/units.hpp"

namespace kyoten::scenario {
namespace {

double years_between(Date a, Date b) { return static_cast<double>((b - a).count()) / sim::kDaysPerYear; }

}  // namespace

double s_curve_value(const SCurve& c, Date date) {
  const double t = years_between(c.from, date);
  return c.latent_pool / (1.0 + ((c.latent_pool - c.initial) / c.initial) * std::exp(-c.rate_per_year * t));
}

std::vector<std::pair<Date, double>> s_curve_knots(const SCurve& c) {
  using namespace std::chrono;
  std::vector<std::pair<Date, double>> knots{{c.from, c.initial}};
  const year_month_day first{c.from};
  for (year_month month = year_month{first.year(), first.month()} + months{1};; month += months{1}) {
    const Date d{month / day{1}};
    if (d >= c.until) break;
    knots.emplace_back(d, s_curve_value(c, d));
  }
  if (c.until > c.from) knots.emplace_back(c.until, s_curve_value(c, c.until));
  return knots;
}

std::optional<double> s_curve_rate_through(double initial, double latent_pool, Date from, Date date, double count) {
  const double t = years_between(from, date);
  if (!(t > 0) || !(initial > 0) || !(count > initial) || !(count < latent_pool)) return std::nullopt;
  // Odds N / (K − N) grow as exp(r t).
  const double odds_then = count / (latent_pool - count);
  const double odds_now = initial / (latent_pool - initial);
  return std::log(odds_then / odds_now) / t;
}

}  // namespace kyoten::scenario
