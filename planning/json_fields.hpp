#pragma once
// JSON pieces shared by the planning outputs; non-finite numbers become null so every file is valid JSON.
#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>

#include "output/summary.hpp"
#include "planning/paired.hpp"
#include "planning/provenance.hpp"

namespace kyoten::planning {

using json = nlohmann::ordered_json;

inline json number_or_null(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }
inline json number_or_null(const std::optional<double>& v) { return v ? number_or_null(*v) : json(nullptr); }

inline void add_statistic(json& j, const output::Statistic& s) {
  j["mean"] = number_or_null(s.mean);
  j["ci_low"] = number_or_null(s.ci_low);
  j["ci_high"] = number_or_null(s.ci_high);
  j["sd"] = number_or_null(s.sd);
  j["n"] = s.n;
}

inline void add_difference(json& j, const Difference& d) {
  j["mean_versus"] = number_or_null(d.mean_base);
  j["mean_scenario"] = number_or_null(d.mean_other);
  j["difference"] = number_or_null(d.ci.mean);
  j["ci_low"] = number_or_null(d.ci.low());
  j["ci_high"] = number_or_null(d.ci.high());
  j["n"] = d.ci.n;
}

inline void add_provenance(json& j, const Provenance& p) {
  j["kyoten_version"] = p.kyoten_version;
  j["created"] = p.created;
  j["command"] = p.command;
  j["seed"] = p.seed;
  j["threads"] = p.threads;
}

}  // namespace kyoten::planning
