// [assessment] and [calls]: the work registrants bring — assessments, and calls by time band, cause and need.
#include "scenario/section_helpers.hpp"
#include "models/hub/time_bands.hpp"
#include "scenario/sections.hpp"

namespace kyoten::scenario {

void read_assessment(TableReader& root, hub::Assessment& assessment) {
  const hub::Assessment defaults;
  with_section(root, "assessment", true, [&](TableReader& t) {
    assessment.grace_days = t.number_or("grace_days", defaults.grace_days, limits::up_to(limits::kDays));
    assessment.reassessment_interval_days =
        t.number_or("reassessment_interval_days", defaults.reassessment_interval_days, limits::positive_up_to(limits::kDays));
    assessment.visit_hours = t.distribution_or("visit_hours", defaults.visit_hours);
    assessment.staff_hours = t.distribution("staff_hours");
    assessment.initial_registrants_assessed =
        t.boolean_or("initial_registrants_assessed", defaults.initial_registrants_assessed);
  });
}

void read_calls(TableReader& root, hub::Calls& calls) {
  with_section(root, "calls", true, [&](TableReader& t) {
    calls.per_registrant_per_year = t.uncertain_number(
        "per_registrant_per_year", limits::up_to(limits::kPerRegistrantPerYear), field(&hub::Scenario::calls, &hub::Calls::per_registrant_per_year));
    calls.unregistered_per_year = t.uncertain_number_or(
        "unregistered_per_year", 0, limits::up_to(limits::kUnregisteredPerYear), field(&hub::Scenario::calls, &hub::Calls::unregistered_per_year));

    const KeyedTarget<hub::kTimeBands> band_share = field(&hub::Scenario::calls, &hub::Calls::band_share);
    if (auto share = read_keyed(t, "band_share", hub::kTimeBandKeys, probability(), KeyedTable::EveryKeyRequired,
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
  });
}

}  // namespace kyoten::scenario
