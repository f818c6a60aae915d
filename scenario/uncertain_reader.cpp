#include "scenario/uncertain_reader.hpp"

#include <algorithm>
#include <limits>
#include <variant>

#include "scenario/distribution_reader.hpp"

namespace kyoten::scenario {
namespace {

// The smallest interval holding every value the distribution can take; `low_attained` false when the low end
// is only approached (a gamma is > 0), which an open range bound (> 0) then accepts.
struct Support {
  double low = 0;
  double high = std::numeric_limits<double>::infinity();
  bool low_attained = false;
};

Support support_of(const sim::DistributionSpec& spec) {
  if (const auto* c = std::get_if<sim::Constant>(&spec)) return {c->value, c->value, true};
  if (const auto* u = std::get_if<sim::Uniform>(&spec)) return {u->low, u->high, true};
  if (std::get_if<sim::Beta>(&spec)) return {0.0, 1.0, false};
  if (const auto* e = std::get_if<sim::Empirical>(&spec)) {
    const auto [low, high] = std::minmax_element(e->values.begin(), e->values.end());
    return {*low, *high, true};
  }
  return {};  // exponential, lognormal, gamma, weibull: (0, inf)
}

bool inside(const Support& s, double mean, const Range& r) {
  const bool low_ok = s.low > r.min || (s.low == r.min && (!r.min_open || !s.low_attained));
  return low_ok && (s.high <= r.max || (r.max_bounds_mean && mean <= r.max));
}

}  // namespace

std::optional<UncertainNumber> read_uncertain_number(ErrorSink& sink, const toml::node& node, const std::string& key,
                                                     const Range& range) {
  if (!node.is_table()) {
    const auto x = read_number(sink, node, key, range);
    if (!x) return std::nullopt;
    return UncertainNumber{*x, std::nullopt};
  }
  const auto* dist = node.as_table()->get("dist");
  if (dist && dist->value<std::string>() == "dirichlet") {
    sink.at(*dist, child_path(key, "dist"), "a Dirichlet states a split, not a single value",
            "use it for a whole share table (band_share, need_weights, cause_weights); here write a number, or "
            "{ dist = \"beta\", a = ..., b = ... } for a probability, { dist = \"gamma\", shape = ..., rate = ... } "
            "for a rate");
    return std::nullopt;
  }
  auto law = read_distribution(sink, node, key);
  if (!law) return std::nullopt;
  if (!inside(support_of(law->spec()), law->mean(), range)) {
    const bool is_probability = range.min == 0.0 && range.max == 1.0;
    sink.at(node, key,
            "a " + sim::family_name(law->spec()) + " distribution can take values outside the allowed range (" +
                range.describe() + ")",
            is_probability ? "a probability takes { dist = \"beta\", a = ..., b = ... }, a uniform within [0, 1], or "
                             "a constant"
                           : "choose a family whose values all satisfy: " + range.describe());
    return std::nullopt;
  }
  if (std::holds_alternative<sim::Constant>(law->spec())) return UncertainNumber{law->mean(), std::nullopt};
  return UncertainNumber{law->mean(), std::move(law)};
}

}  // namespace kyoten::scenario
