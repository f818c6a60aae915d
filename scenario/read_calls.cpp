// [assessment] and [calls]: the work registrants bring — assessments, and calls by time band, cause and need.
#include <algorithm>

#include "scenario/section_helpers.hpp"
#include "models/hub/time_bands.hpp"
#include "scenario/sections.hpp"

namespace kyoten::scenario {
namespace {

// [calls.patience]: one distribution for every band (`minutes`), and any band stated apart in `by_band`.
void read_patience(TableReader& t, hub::Patience& p) {
  p.stated = true;
  const bool every_band = t.has("minutes");
  const sim::Distribution all = every_band ? t.distribution("minutes") : sim::Distribution{};
  std::array<bool, hub::kTimeBands> stated{};
  if (auto by_band = t.table("by_band")) {
    for (int b = 0; b < hub::kTimeBands; ++b) {
      if (!by_band->has(hub::kTimeBandKeys[b])) continue;
      p.minutes[b] = by_band->distribution(hub::kTimeBandKeys[b]);
      stated[b] = true;
    }
    by_band->finish();
  }
  for (int b = 0; b < hub::kTimeBands; ++b) {
    if (stated[b]) continue;
    if (every_band) {
      p.minutes[b] = all;
    } else {
      t.missing("minutes", std::string("the patience of a caller in band ") + hub::kTimeBandKeys[b] +
                               ": give `minutes` (every band) or by_band." + hub::kTimeBandKeys[b]);
      break;
    }
  }
  p.call_back_probability = t.number_or("call_back_probability", 0, probability());
  p.call_back_minutes = distribution_if(t, "call_back_minutes", p.call_back_probability > 0,
                                        "call_back_probability > 0", sim::Distribution(sim::Constant{0}));
  p.max_tries = t.integer_or("max_tries", hub::kDefaultMaxTries, limits::whole_up_to(1, limits::kTries));
}

}  // namespace

void read_assessment(TableReader& root, hub::Assessment& assessment) {
  const hub::Assessment defaults;
  with_section(root, "assessment", true, [&](TableReader& t) {
    assessment.grace_days = t.number_or("grace_days", defaults.grace_days, limits::up_to(limits::kDays));
    assessment.extra_grace_days =
        t.number_or("extra_grace_days", defaults.extra_grace_days, limits::up_to(limits::kDays));
    assessment.reassessment_interval_days =
        t.number_or("reassessment_interval_days", defaults.reassessment_interval_days, limits::positive_up_to(limits::kDays));
    assessment.visit_hours = t.distribution_or("visit_hours", defaults.visit_hours);
    assessment.staff_hours = t.distribution("staff_hours");
    assessment.initial_registrants_assessed =
        t.boolean_or("initial_registrants_assessed", defaults.initial_registrants_assessed);
  });
}

namespace {

// [calls.cause_effects.<cause>]: need_weights and stay_days that replace the general ones for that cause.
void read_cause_effects(TableReader& calls, std::array<hub::CauseEffect, hub::kEmergencyCauses>& effects) {
  auto t = calls.table("cause_effects");
  if (!t) return;
  for (int c = 0; c < hub::kEmergencyCauses; ++c) {
    auto cause = t->table(hub::kEmergencyCauseKeys[c]);
    if (!cause) continue;
    if (auto w = read_keyed<hub::kNeeds>(*cause, "need_weights", hub::kNeedKeys, limits::up_to(limits::kWeight),
                                         KeyedTable::MissingIsZero)) {
      check_some_positive(*cause, "need_weights", w->data(), w->size());
      effects[c].need_weights = *w;
    }
    if (cause->has("stay_days")) effects[c].stay_days = cause->distribution("stay_days");
    cause->finish();
  }
  t->finish();
}

}  // namespace

void read_calls(TableReader& root, hub::Calls& calls) {
  with_section(root, "calls", true, [&](TableReader& t) {
    calls.per_registrant_per_year = t.uncertain_number(
        "per_registrant_per_year", limits::up_to(limits::kPerRegistrantPerYear), field(&hub::Scenario::calls, &hub::Calls::per_registrant_per_year));
    calls.unregistered_per_year = t.uncertain_number_or(
        "unregistered_per_year", 0, limits::up_to(limits::kUnregisteredPerYear), field(&hub::Scenario::calls, &hub::Calls::unregistered_per_year));

    if (auto weights = read_numbers(t, "hour_of_week_profile", sim::kHoursPerWeek, limits::up_to(limits::kWeight),
                                    "relative call rates for the 168 hours of the week, Monday 0:00 first")) {
      calls.hour_of_week_profile.emplace();
      std::copy(weights->begin(), weights->end(), calls.hour_of_week_profile->begin());
      check_some_positive(t, "hour_of_week_profile", weights->data(), weights->size());
      if (t.has("band_share"))
        t.error("band_share", "give band_share or hour_of_week_profile, not both",
                "hour_of_week_profile sets the pattern of calls over the week; band_share then has nothing to do");
    }
    if (auto factors = read_numbers(t, "month_factor", 12, limits::positive_up_to(limits::kFactor),
                                    "relative call rates for the 12 months, January first")) {
      std::copy(factors->begin(), factors->end(), calls.month_factor.begin());
    }
    const KeyedTarget<hub::kTimeBands> band_share = field(&hub::Scenario::calls, &hub::Calls::band_share);
    if (calls.hour_of_week_profile) {
      // The pattern is the profile's; band_share is refused above.
    } else if (auto share = read_keyed(t, "band_share", hub::kTimeBandKeys, probability(), KeyedTable::EveryKeyRequired,
                                band_share, Drawn::Split)) {
      calls.band_share = *share;
      check_sums_to_one(t, "band_share", calls.band_share.data(), calls.band_share.size());
    } else if (!t.has("band_share")) {
      t.missing("band_share", "{ weekday_daytime = ..., weekday_evening = ..., weekday_night = ..., weekend_holiday = ... }");
    }
    const KeyedTarget<hub::kTimeBands> emergency_share = field(&hub::Scenario::calls, &hub::Calls::emergency_share);
    if (auto p = read_keyed(t, "emergency_share", hub::kTimeBandKeys, probability(), KeyedTable::EveryKeyRequired,
                            emergency_share))
      calls.emergency_share = *p;
    else if (!t.has("emergency_share"))
      t.missing("emergency_share", "P(emergency | call in band) for each of the four bands");

    if (auto hours = t.table("band_hours")) {
      const hub::TimeBandHours d;
      calls.band_hours.day_start = hours->integer_or("day_start", d.day_start, between(0, 23));
      calls.band_hours.evening_start = hours->integer_or("evening_start", d.evening_start, between(1, 24));
      calls.band_hours.night_start = hours->integer_or("night_start", d.night_start, between(1, 24));
      const auto& h = calls.band_hours;
      if (!(h.day_start < h.evening_start && h.evening_start <= h.night_start))
        t.error("band_hours", "hours must satisfy day_start < evening_start <= night_start",
                "e.g. { day_start = 9, evening_start = 17, night_start = 22 }");
      hours->finish();
    }
    // A band with no hours cannot receive its share of calls: they would silently vanish.
    const auto band_hours = hub::band_hours_per_week(calls.band_hours);
    for (int b = 0; b < hub::kTimeBands; ++b) {
      if (band_hours[b] == 0 && calls.band_share[b] > 0)
        t.error("band_share", std::string("band ") + hub::kTimeBandKeys[b] + " has a share of calls but no hours",
                "widen it in [calls.band_hours] or set its share to 0");
    }
    calls.inquiry_minutes = t.distribution("inquiry_minutes");

    calls.cause_weights.fill(1.0);  // no seed counts the causes: equally likely unless stated
    const KeyedTarget<hub::kEmergencyCauses> causes = field(&hub::Scenario::calls, &hub::Calls::cause_weights);
    if (auto w = read_keyed(t, "cause_weights", hub::kEmergencyCauseKeys, limits::up_to(limits::kWeight), KeyedTable::MissingIsZero,
                            causes, Drawn::Split)) {
      calls.cause_weights = *w;
      check_some_positive(t, "cause_weights", w->data(), w->size());
    }
    const KeyedTarget<hub::kNeeds> needs = field(&hub::Scenario::calls, &hub::Calls::need_weights);
    if (auto w = read_keyed(t, "need_weights", hub::kNeedKeys, limits::up_to(limits::kWeight), KeyedTable::MissingIsZero, needs,
                            Drawn::Split)) {
      calls.need_weights = *w;
      check_some_positive(t, "need_weights", w->data(), w->size());
    } else if (!t.has("need_weights")) {
      t.missing("need_weights", "{ short_stay = ..., home_help = ..., both = ... } (relative weights)");
    }
    calls.p_handover =
        t.uncertain_number_or("p_handover", 0, probability(), field(&hub::Scenario::calls, &hub::Calls::p_handover));
    calls.handover_minutes = distribution_if(t, "handover_minutes", calls.p_handover > 0, "p_handover > 0", {});
    if (auto office = t.table("handover_office")) {
      const hub::HandoverOffice d;
      hub::HandoverOffice& o = calls.handover_office;
      o.open_hour = office->number_or("open_hour", d.open_hour, between(0, 24));
      o.close_hour = office->number_or("close_hour", d.close_hour, between(0, 24));
      o.max_wait_hours = office->number_or("max_wait_hours", d.max_wait_hours, limits::up_to(limits::kHours));
      o.every_day = office->boolean_or("every_day", d.every_day);
      if (!(o.open_hour < o.close_hour))
        t.error("handover_office", "open_hour must come before close_hour",
                "e.g. { open_hour = 8.5, close_hour = 17.25 } (8:30 to 17:15)");
      office->finish();
    }
    if (auto patience = t.table("patience")) {
      read_patience(*patience, calls.patience);
      patience->finish();
    }
    read_cause_effects(t, calls.cause_effects);
    const hub::Calls d;
    calls.ageing_caregiver_emergency_factor = t.number_or(
        "ageing_caregiver_emergency_factor", d.ageing_caregiver_emergency_factor, limits::up_to(limits::kFactor));
    calls.ageing_caregiver_factor_growth_per_year = t.number_or(
        "ageing_caregiver_factor_growth_per_year", d.ageing_caregiver_factor_growth_per_year, limits::up_to(limits::kRatePerYear));
  });
}

}  // namespace kyoten::scenario
