// [registration] and [registration.attributes]: how many people are registered over time, and who they are.
#include <cmath>

#include "scenario/registration_curve.hpp"
#include "scenario/section_helpers.hpp"
#include "scenario/sections.hpp"
#include "scenario/uncertain_reader.hpp"
#include "sim/time/civil_calendar.hpp"

namespace kyoten::scenario {
namespace {

using Knots = std::vector<std::pair<Date, double>>;

// Where a value of the attribute mix lives in a (copied) Scenario.
auto attribute(double hub::AttributeMix::*member) {
  return [member](hub::Scenario& s) -> double& { return s.registration.attributes.*member; };
}

// expected_registered = [["2022-10-01", 0], ["2023-09-26", 198]]: dates strictly increasing, counts >= 0, each
// count a number or a distribution over it (`uncertain` is then set).
Knots read_knots(TableReader& t, bool& uncertain) {
  Knots knots;
  const auto* array = t.array("expected_registered");
  if (!array) return knots;
  const std::string base = t.key_path("expected_registered");
  const char* form = "each knot is [date, count], e.g. [\"2023-09-26\", 198]";
  if (array->empty()) t.error("expected_registered", "must not be empty", form);
  bool ok = true;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const toml::node& element = *array->get(i);
    const std::string key = element_path(base, i);
    const auto* pair = element.as_array();
    if (!pair || pair->size() != 2) {
      t.sink().at(element, key, "must be a [date, count] pair, got " + show_value(element), form);
      ok = false;
      continue;
    }
    const auto date = read_date(t.sink(), *pair->get(0), key + "[0]");
    // The count may be a distribution (an uncertain growth path): each replication pair draws the knot.
    const auto count = read_uncertain_number(t.sink(), *pair->get(1), key + "[1]", limits::up_to(limits::kRegistrants));
    if (!date || !count) {
      ok = false;
      continue;
    }
    if (count->law) {
      const std::string name = element_path(child_path(t.logical_path(), "expected_registered"), i);
      const std::size_t index = knots.size();
      t.add_uncertain({name, {name}, {[index](hub::Scenario& s) -> double& {
                         return s.registration.expected_registered[index].second;
                       }},
                       *count->law, written_at(*pair->get(1), name)});
      uncertain = true;
    }
    if (!knots.empty() && *date <= knots.back().first) {
      t.sink().at(element, key,
                  "knot dates must increase: " + sim::iso_date(*date) + " is not after " +
                      sim::iso_date(knots.back().first),
                  "list the knots in date order, one per date");
      ok = false;
    }
    knots.emplace_back(*date, count->point);
  }
  if (!ok) knots.clear();
  return knots;
}

// through = ["2025-03-31", 500]: the rate that makes the curve pass through that point.
std::optional<double> rate_through(TableReader& c, const toml::node& through, const SCurve& curve) {
  const std::string key = c.key_path("through");
  const auto* pair = through.as_array();
  if (!pair || pair->size() != 2) {
    c.sink().at(through, key, "must be a [date, count] pair", "e.g. [\"2025-03-31\", 500]");
    return std::nullopt;
  }
  const auto date = read_date(c.sink(), *pair->get(0), key + "[0]");
  const auto count = read_number(c.sink(), *pair->get(1), key + "[1]", limits::positive_up_to(limits::kRegistrants));
  if (!date || !count) return std::nullopt;
  const auto r = s_curve_rate_through(curve.initial, curve.latent_pool, curve.from, *date, *count);
  if (!r)
    c.sink().at(through, key, "no S-curve from `initial` at `from` passes through this point",
                "the date must be after `from` and the count strictly between initial and latent_pool");
  return r;
}

// s_curve = { latent_pool = 2000, initial = 260, rate_per_year = 0.8 } (or through = ["2025-03-31", 500]).
Knots read_s_curve(TableReader& t, const hub::Horizon* horizon) {
  auto c = t.table("s_curve");
  if (!c) return {};
  const std::size_t errors_before = t.sink().size();
  SCurve curve;
  curve.latent_pool = c->number("latent_pool", limits::positive_up_to(limits::kRegistrants));
  curve.initial = c->number("initial", limits::positive_up_to(limits::kRegistrants));
  if (curve.latent_pool > 0 && curve.initial >= curve.latent_pool)
    c->error("initial",
             "initial (" + show_number(curve.initial) + ") must be below latent_pool (" +
                 show_number(curve.latent_pool) + ")",
             "0 < initial < latent_pool");
  const auto from = c->optional_date("from");
  if (horizon) {
    curve.from = from.value_or(horizon->start);
    curve.until = horizon->end;
    if (curve.from >= curve.until)
      c->error("from", "the curve must start before horizon.end", "a date before " + sim::iso_date(curve.until));
  }
  const bool has_rate = c->has("rate_per_year");
  const toml::node* through = c->find("through");
  if (has_rate == (through != nullptr)) {
    c->error(through ? "through" : "rate_per_year", "give exactly one of rate_per_year and through",
             "rate_per_year = 0.8, or through = [\"2025-03-31\", 500] to solve for the rate");
  } else if (has_rate) {
    curve.rate_per_year = c->number("rate_per_year", limits::positive_up_to(limits::kRatePerYear));
  } else if (horizon && t.sink().size() == errors_before) {
    curve.rate_per_year = rate_through(*c, *through, curve).value_or(0.0);
  }
  c->finish();
  const bool usable = horizon && t.sink().size() == errors_before;
  return usable ? s_curve_knots(curve) : Knots{};
}

double value_at(const Knots& knots, Date date) {
  if (date <= knots.front().first) return knots.front().second;
  for (std::size_t i = 1; i < knots.size(); ++i) {
    if (date <= knots[i].first) {
      const double span = static_cast<double>((knots[i].first - knots[i - 1].first).count());
      const double part = static_cast<double>((date - knots[i - 1].first).count());
      return knots[i - 1].second + (knots[i].second - knots[i - 1].second) * part / span;
    }
  }
  return knots.back().second;
}

void read_attributes(TableReader& parent, hub::AttributeMix& mix) {
  with_section(parent, "attributes", false, [&](TableReader& t) {
    // Age bands: name → relative weight. TOML tables are unordered: bands keep the order of their names, so name
    // them to sort ("00-09", "10-19", ..., "65+").
    if (auto bands = t.table("age_bands")) {
      for (const auto& [name, value] : bands->primary()) {
        const double w = bands->number(name.str(), limits::up_to(limits::kWeight));
        mix.age_band_names.emplace_back(name.str());
        mix.age_band_weights.push_back(w);
      }
      if (mix.age_band_names.empty()) t.error("age_bands", "must name at least one band", "e.g. { \"00-09\" = 8, \"10-19\" = 20 }");
      else check_some_positive(t, "age_bands", mix.age_band_weights.data(), mix.age_band_weights.size());
      bands->finish();
    } else {
      mix.age_band_names = {"all"};  // no age structure
      mix.age_band_weights = {1.0};
    }
    for (const auto& item : t.string_list("child_age_bands", false))
      if (auto index = resolve_name(t.sink(), item, "age band", mix.age_band_names)) mix.child_age_bands.push_back(*index);
    mix.p_physical = t.uncertain_number_or("p_physical", 0, probability(), attribute(&hub::AttributeMix::p_physical));
    mix.p_intellectual = t.uncertain_number_or("p_intellectual", 0, probability(), attribute(&hub::AttributeMix::p_intellectual));
    mix.p_mental = t.uncertain_number_or("p_mental", 0, probability(), attribute(&hub::AttributeMix::p_mental));
    mix.p_medical_care = t.uncertain_number_or("p_medical_care", 0, probability(), attribute(&hub::AttributeMix::p_medical_care));
    mix.p_behavioural = t.uncertain_number_or("p_behavioural", 0, probability(), attribute(&hub::AttributeMix::p_behavioural));
    mix.p_ageing_caregiver = t.uncertain_number_or("p_ageing_caregiver", 0, probability(), attribute(&hub::AttributeMix::p_ageing_caregiver));
    mix.p_advance_plan = t.uncertain_number_or("p_advance_plan", 0, probability(), attribute(&hub::AttributeMix::p_advance_plan));
  });
}

}  // namespace

void read_registration(TableReader& root, const hub::Horizon* horizon, hub::Registration& registration) {
  with_section(root, "registration", true, [&](TableReader& t) {
    const bool has_knots = t.has("expected_registered");
    const bool has_curve = t.has("s_curve");
    if (has_knots && has_curve) {
      t.error("s_curve", "give either expected_registered or s_curve, not both");
    } else if (!has_knots && !has_curve) {
      t.missing("expected_registered",
                "expected_registered = [[date, count], ...] or s_curve = { latent_pool = ..., initial = ..., "
                "rate_per_year = ... }");
    }
    bool uncertain_path = false;
    Knots knots = has_curve ? read_s_curve(t, horizon) : read_knots(t, uncertain_path);
    if (has_curve) t.find("expected_registered");  // both are allowed keys
    else t.find("s_curve");
    const char* which = has_curve ? "s_curve" : "expected_registered";
    if (!knots.empty() && horizon) {
      if (knots.front().first > horizon->start)
        t.error(which, "the expected registered count must start by horizon.start " + sim::iso_date(horizon->start) +
                           ", but its first date is " + sim::iso_date(knots.front().first),
                "add a knot on or before the horizon's start");
      else if (knots.back().first < horizon->end)
        t.error(which, "the expected registered count must reach horizon.end " + sim::iso_date(horizon->end) +
                           ", but its last date is " + sim::iso_date(knots.back().first),
                "add a knot on or after the horizon's end");
    }
    // The simulation starts registered people at its origin, warm-up included, so the default is the expected
    // count there; the path's rise after it is then simulated, never counted twice.
    const int expected_at_start =
        knots.empty() || !horizon
            ? 0
            : static_cast<int>(std::lround(value_at(
                  knots, horizon->start - std::chrono::days{static_cast<int>(std::ceil(horizon->warmup_days))})));
    registration.expected_registered = std::move(knots);
    registration.initial_registrants = t.integer_or("initial_registrants", expected_at_start,
                                                          limits::up_to(limits::kRegistrants));
    registration.initial_registrants_follow_path = uncertain_path && !t.has("initial_registrants");
    registration.leave_rate_per_year = t.uncertain_number_or(
        "leave_rate_per_year", 0, limits::up_to(limits::kRatePerYear), field(&hub::Scenario::registration, &hub::Registration::leave_rate_per_year));
    read_attributes(t, registration.attributes);
  });
}

}  // namespace kyoten::scenario
