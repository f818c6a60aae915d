#include "scenario/distribution_reader.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

#include "scenario/did_you_mean.hpp"
#include "scenario/toml_values.hpp"
#include "scenario/value_limits.hpp"

namespace kyoten::scenario {
namespace {

struct Family {
  std::string_view name;
  std::vector<std::string> parameters;  // all required, except empirical's weights
};

const std::array<Family, 8>& families() {
  static const std::array<Family, 8> all = {{
      {"constant", {"value"}},
      {"exponential", {"mean"}},
      {"lognormal", {"mean", "sd"}},
      {"gamma", {"shape", "scale", "rate"}},  // scale, or its inverse rate (as calibrate writes it)
      {"weibull", {"shape", "scale"}},
      {"uniform", {"low", "high"}},
      {"beta", {"a", "b"}},
      {"empirical", {"values", "weights"}},
  }};
  return all;
}

std::vector<std::string> family_names() {
  std::vector<std::string> names;
  for (const auto& f : families()) names.emplace_back(f.name);
  return names;
}

// Every parameter and value, in the unit of the key: finite and bounded (value_limits.hpp) so that no draw or
// derived parameter (a lognormal's log-variance, a weibull's mean) overflows.
Range parameter_range() { return limits::up_to(limits::kDistributionParameter); }

const char* kForm = "e.g. { dist = \"lognormal\", mean = 3.5, sd = 1.0 } or a bare number for a constant";

// Reads a list of numbers (empirical values or weights).
std::optional<std::vector<double>> read_number_list(ErrorSink& sink, const toml::node& node, const std::string& key,
                                                    const Range& range) {
  const auto* array = node.as_array();
  if (!array) {
    sink.at(node, key, "must be an array of numbers, got " + type_name(node));
    return std::nullopt;
  }
  std::vector<double> out;
  bool ok = true;
  for (std::size_t i = 0; i < array->size(); ++i) {
    if (auto x = read_number(sink, *array->get(i), element_path(key, i), range)) {
      out.push_back(*x);
    } else {
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return out;
}

// A gamma's scale, given as `scale` or as `rate` (= 1 / scale, per unit of exposure); exactly one of them.
double gamma_scale(ErrorSink& sink, const toml::table& table, const std::string& key, bool& ok) {
  const auto* scale = table.get("scale");
  const auto* rate = table.get("rate");
  if ((scale == nullptr) == (rate == nullptr)) {
    sink.at(table, child_path(key, scale ? "rate" : "scale"),
            scale ? "gamma takes 'scale' or 'rate', not both" : "gamma needs 'scale' (or its inverse, 'rate')",
            "e.g. { dist = \"gamma\", shape = 2, scale = 1.5 } or { dist = \"gamma\", shape = 48.5, rate = 99 }");
    ok = false;
    return 0.0;
  }
  const auto x = scale ? read_number(sink, *scale, child_path(key, "scale"), limits::positive_up_to(limits::kDistributionParameter))
                       : read_number(sink, *rate, child_path(key, "rate"),
                                     between(1 / limits::kDistributionParameter, limits::kDistributionParameter));
  ok = ok && x.has_value();
  if (!x) return 0.0;
  return scale ? *x : 1.0 / *x;
}

// Builds the family's spec from the table's parameters; nullopt after recording errors.
std::optional<sim::DistributionSpec> read_spec(ErrorSink& sink, const toml::table& table, const Family& family,
                                               const std::string& key) {
  bool ok = true;
  const auto required = [&](std::string_view p) -> const toml::node* {
    const auto* n = table.get(p);
    if (!n) {
      sink.at(table, child_path(key, p), std::string(family.name) + " needs '" + std::string(p) + "'", kForm);
      ok = false;
    }
    return n;
  };
  // Durations and counts cannot be negative; the family's own domain (e.g. sd > 0) is checked by Distribution.
  const auto number = [&](std::string_view p) {
    const auto* n = required(p);
    if (!n) return 0.0;
    const auto x = read_number(sink, *n, child_path(key, p), parameter_range());
    ok = ok && x.has_value();
    return x.value_or(0.0);
  };
  sim::DistributionSpec spec;
  if (family.name == "constant") spec = sim::Constant{number("value")};
  else if (family.name == "exponential") spec = sim::Exponential{number("mean")};
  else if (family.name == "lognormal") spec = sim::LogNormal{number("mean"), number("sd")};
  else if (family.name == "gamma") spec = sim::Gamma{number("shape"), gamma_scale(sink, table, key, ok)};
  else if (family.name == "weibull") spec = sim::Weibull{number("shape"), number("scale")};
  else if (family.name == "uniform") spec = sim::Uniform{number("low"), number("high")};
  else if (family.name == "beta") spec = sim::Beta{number("a"), number("b")};
  else {
    sim::Empirical e;
    if (const auto* values = required("values")) {
      auto v = read_number_list(sink, *values, child_path(key, "values"), parameter_range());
      ok = ok && v.has_value();
      if (v) e.values = std::move(*v);
    }
    if (const auto* weights = table.get("weights")) {
      auto w = read_number_list(sink, *weights, child_path(key, "weights"), parameter_range());
      ok = ok && w.has_value();
      if (w) e.weights = std::move(*w);
    } else {
      e.weights.assign(e.values.size(), 1.0);  // no weights: every value equally likely
    }
    spec = std::move(e);
  }
  if (!ok) return std::nullopt;
  return spec;
}

}  // namespace

std::optional<sim::Distribution> read_distribution(ErrorSink& sink, const toml::node& node, const std::string& key) {
  if (node.is_number()) {
    auto x = read_number(sink, node, key, parameter_range());
    if (!x) return std::nullopt;
    return sim::Distribution(sim::Constant{*x});
  }
  const auto* table = node.as_table();
  if (!table) {
    sink.at(node, key, "must be a distribution, got " + type_name(node) + " " + show_value(node), kForm);
    return std::nullopt;
  }
  const auto* dist = table->get("dist");
  if (!dist) {
    sink.at(node, child_path(key, "dist"), "distribution needs 'dist' naming its family",
            "allowed: " + join_names(family_names()));
    return std::nullopt;
  }
  const auto name = read_string(sink, *dist, child_path(key, "dist"));
  if (!name) return std::nullopt;
  const Family* family = nullptr;
  for (const auto& f : families())
    if (f.name == *name) family = &f;
  if (!family) {
    sink.at(*dist, child_path(key, "dist"), "unknown distribution family '" + *name + "'",
            suggestion_hint(*name, family_names()));
    return std::nullopt;
  }
  bool unknown = false;
  for (const auto& [k, v] : *table) {
    if (k == "dist") continue;
    if (std::find(family->parameters.begin(), family->parameters.end(), k.str()) == family->parameters.end()) {
      sink.at(v, child_path(key, k.str()), "unknown parameter '" + std::string(k.str()) + "' for " + *name,
              suggestion_hint(k.str(), family->parameters));
      unknown = true;
    }
  }
  auto spec = read_spec(sink, *table, *family, key);
  if (!spec || unknown) return std::nullopt;
  try {
    return sim::Distribution(*spec);
  } catch (const sim::DistributionError& e) {
    sink.at(node, key, "bad distribution parameters: " + e.message, kForm);
    return std::nullopt;
  }
}

}  // namespace kyoten::scenario
