#include "calibration/observations.hpp"

#include <fstream>
#include <numeric>
#include <sstream>
#include <string_view>

#include "scenario/error_sink.hpp"
#include "sim/time/units.hpp"
#include "scenario/toml_file.hpp"
#include "scenario/table_reader.hpp"

namespace kyoten::calibration {
namespace {

using scenario::ErrorSink;
using scenario::TableReader;

template <std::size_t N>
std::string key_list(const std::array<const char*, N>& keys) {
  std::string out;
  for (const char* k : keys) out += (out.empty() ? "" : ", ") + std::string(k);
  return out;
}

// Every key of `keys` required, each a whole number >= 0; unknown keys reported with a did-you-mean.
template <std::size_t N>
std::optional<std::array<int, N>> read_counts(TableReader& parent, std::string_view key,
                                              const std::array<const char*, N>& keys) {
  auto t = parent.table(key);
  if (!t) {
    if (!parent.has(key)) parent.missing(key, "a table of counts: " + key_list(keys) + " (write 0 for none)");
    return std::nullopt;
  }
  std::array<int, N> out{};
  for (std::size_t i = 0; i < N; ++i) out[i] = t->integer(keys[i], scenario::non_negative());
  t->finish();
  return out;
}

void read_priors(TableReader& root, Priors& p) {
  auto priors = root.table("priors");
  if (!priors) return;
  if (auto rate = priors->table("rate")) {
    p.rate_shape = rate->number_or("shape", p.rate_shape, scenario::positive());
    p.rate_rate = rate->number_or("rate", p.rate_rate, scenario::non_negative());
    rate->finish();
  }
  if (auto split = priors->table("split")) {
    p.split_alpha = split->number_or("alpha", p.split_alpha, scenario::positive());
    split->finish();
  }
  if (auto prob = priors->table("probability")) {
    p.probability_a = prob->number_or("a", p.probability_a, scenario::positive());
    p.probability_b = prob->number_or("b", p.probability_b, scenario::positive());
    prob->finish();
  }
  priors->finish();
}

}  // namespace

double Observations::years() const { return static_cast<double>((end - start).count()) / sim::kDaysPerYear; }

int Observations::emergencies() const { return std::accumulate(emergencies_by_band.begin(), emergencies_by_band.end(), 0); }

Observations read_observations(const std::filesystem::path& file) {
  ErrorSink sink;
  Observations obs;
  obs.file = file.string();
  const auto document = scenario::parse_toml_file(file, "observations file", sink);
  if (!document) sink.throw_if_any();
  TableReader root(sink, *document, "");

  if (auto period = root.table("period")) {
    const auto start = period->date("start");
    const auto end = period->date("end");
    if (start) obs.start = *start;
    if (end) obs.end = *end;
    if (start && end && *end <= *start) period->error("end", "must be after period.start", "a date after the start");
    period->finish();
  } else if (!root.has("period")) {
    root.missing("period", "[period] with start and end dates, e.g. start = 2022-10-01");
  }

  if (auto calls = root.table("calls")) {
    obs.calls = calls->integer("count", scenario::non_negative());
    obs.registrant_years = calls->number("registrant_years", scenario::positive());
    if (calls->has("unregistered")) {
      obs.unregistered = calls->integer("unregistered", scenario::non_negative());
      if (*obs.unregistered > obs.calls)
        calls->error("unregistered", "must not exceed calls.count (" + std::to_string(obs.calls) + ")",
                     "the calls from people not registered, counted among calls.count");
    }
    if (auto by_band = read_counts(*calls, "by_band", hub::kTimeBandKeys)) {
      obs.calls_by_band = *by_band;
      const int total = std::accumulate(by_band->begin(), by_band->end(), 0);
      if (total != obs.calls)
        calls->error("by_band", "the bands add up to " + std::to_string(total) + ", not calls.count = " +
                                    std::to_string(obs.calls), "every call falls in exactly one band");
    }
    calls->finish();
  } else if (!root.has("calls")) {
    root.missing("calls", "[calls] with count, registrant_years and by_band");
  }

  if (auto em = root.table("emergencies")) {
    if (auto by_band = read_counts(*em, "by_band", hub::kTimeBandKeys)) {
      obs.emergencies_by_band = *by_band;
      for (std::size_t b = 0; b < hub::kTimeBands; ++b)
        if ((*by_band)[b] > obs.calls_by_band[b])
          em->error("by_band", std::string("more emergencies than calls in ") + hub::kTimeBandKeys[b] + " (" +
                                   std::to_string((*by_band)[b]) + " > " + std::to_string(obs.calls_by_band[b]) + ")",
                    "each band's emergencies are among that band's calls (calls.by_band)");
    }
    if (em->has("count")) {
      const int count = em->integer("count", scenario::non_negative());
      if (count != obs.emergencies())
        em->error("count", "is " + std::to_string(count) + " but by_band adds up to " + std::to_string(obs.emergencies()),
                  "state the same total, or leave count out");
    }
    if (auto by_need = read_counts(*em, "by_need", kNeedKeys)) {
      obs.emergencies_by_need = *by_need;
      const int total = std::accumulate(by_need->begin(), by_need->end(), 0);
      if (total != obs.emergencies())
        em->error("by_need", "adds up to " + std::to_string(total) + ", not to the " +
                                 std::to_string(obs.emergencies()) + " emergencies of by_band",
                  "every emergency needs exactly one of short_stay, home_help, both");
    }
    em->finish();
  } else if (!root.has("emergencies")) {
    root.missing("emergencies", "[emergencies] with by_band and by_need counts");
  }

  read_priors(root, obs.priors);
  root.finish();
  sink.throw_if_any();
  return obs;
}

}  // namespace kyoten::calibration
