#include "output/precision_record.hpp"

#include <fmt/format.h>

namespace kyoten::output {
namespace {

using json = nlohmann::ordered_json;

json projection_record(const Projection& p) {
  json kpis = json::array();
  for (const SeriesProjection& s : p.series)
    kpis.push_back({{"key", s.key},
                    {"mean", s.mean},
                    {"sd", s.projected ? json(s.sd) : json(nullptr)},
                    {"tolerance", s.tolerance},
                    {"needed", s.projected ? json(s.needed) : json(nullptr)}});
  return {{"from_replications", p.from},
          {"needed", p.complete ? json(p.needed) : json(nullptr)},
          {"with_look_ahead", p.complete ? json(p.with_look_ahead) : json(nullptr)},
          {"limiting_kpi", p.limiting},
          {"kpis", std::move(kpis)}};
}

json optional_number(const std::optional<double>& x) { return x ? json(*x) : json(nullptr); }

}  // namespace

json precision_record(const PrecisionRun& run) {
  const PrecisionDecision& d = run.decision;
  const bool short_of_target = !d.satisfied;
  return {{"target", run.rule.target},
          {"reached", d.reached},
          {"replications", d.keep},
          {"solution", d.satisfied ? json(d.solution) : json(nullptr)},
          {"limited_by_max", short_of_target},
          {"max_replications", run.max_replications},
          {"skipped", d.skipped},
          {"limiting_kpi", d.limiting},
          {"pilot", projection_record(run.pilot)},
          {"formula", projection_record(d.projection)},
          {"suggested_max_replications",
           short_of_target && run.advice.max_replications ? json(run.advice.max_replications) : json(nullptr)},
          {"precision_within_max", short_of_target ? optional_number(run.advice.precision) : json(nullptr)},
          {"rule", fmt::format("Hoad, Robinson & Davies (2010): every headline KPI's half-width within "
                               "max(P x |mean|, its minimum meaningful difference), look-ahead k_limit = {}",
                               run.rule.k_limit)}};
}

}  // namespace kyoten::output
