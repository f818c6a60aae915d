#pragma once
// The immutable description of one hub system, as a scenario file states it (after `base` and `--set`).
// Plain structs only: the loader (scenario/) fills them and checks every value; the model reads them.
// Units are in the names: *_hours, *_days, *_per_year, *_yen. Probabilities are in [0, 1].
#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/hub/uncertain_parameter.hpp"
#include "sim/random/distribution.hpp"
#include "sim/time/units.hpp"

namespace kyoten::hub {

using sim::Distribution;
using Date = std::chrono::sys_days;

// The time bands in which planners count calls (the seeds report calls this way).
enum class TimeBand : int { WeekdayDaytime = 0, WeekdayEvening = 1, WeekdayNight = 2, WeekendHoliday = 3 };
inline constexpr int kTimeBands = 4;
inline constexpr std::array<const char*, kTimeBands> kTimeBandKeys = {"weekday_daytime", "weekday_evening",
                                                                      "weekday_night", "weekend_holiday"};

// Hours at which a weekday's bands begin (the evening band begins when office hours end, etc.).
struct TimeBandHours {
  int day_start = 9;       // weekday daytime begins
  int evening_start = 17;  // weekday evening begins (Setagaya counts from 17:15)
  int night_start = 22;    // weekday night begins; ends at day_start the next morning
};

// The six emergency situations of seed 000 (①–⑥).
enum class EmergencyCause : int {
  HealthFails = 0,        // ① the person's own health fails
  LivingBaseLost = 1,     // ② food or shelter lost
  CommunicationLost = 2,  // ③ contact with the supporters lost
  CannotLeaveHome = 3,    // ④ cannot leave home
  CaregiverIll = 4,       // ⑤ caregiver ill or injured
  CaregiverAway = 5,      // ⑥ caregiver suddenly away (e.g. a funeral)
};
inline constexpr int kEmergencyCauses = 6;
inline constexpr std::array<const char*, kEmergencyCauses> kEmergencyCauseKeys = {
    "health_fails", "living_base_lost", "communication_lost", "cannot_leave_home", "caregiver_ill", "caregiver_away"};

// What an emergency needs arranged.
enum class Need : int { ShortStay = 0, HomeHelp = 1, Both = 2 };
inline constexpr int kNeeds = 3;
inline constexpr std::array<const char*, kNeeds> kNeedKeys = {"short_stay", "home_help", "both"};

// How an emergency ended.
enum class Outcome : int {
  ShortStay = 0,    // a bed at a short-stay facility
  HubRoom = 1,      // a dedicated emergency room at the hub
  HomeHelp = 2,     // helpers / specialist supporters at home
  EmergencyPlace = 3,  // an emergency place: an elderly-care facility under agreement, a vacant house, a spare room
  HandedOver = 4,   // handed over to the municipality's case workers (family-wide problems)
  Unresolved = 5,
};
inline constexpr int kOutcomes = 6;
inline constexpr std::array<const char*, kOutcomes> kOutcomeKeys = {"short_stay",      "hub_room",    "home_help",
                                                                    "emergency_place", "handed_over", "unresolved"};

// Places kept for emergencies outside the short-stay system (緊急一時保護), by what they are.
enum class PlaceKind : int {
  ElderlyCare = 0,  // an elderly-care facility under an acceptance agreement (介護施設との受入協定, seed 002)
  VacantHouse = 1,  // a vacant house made ready for emergencies (空き家の活用, seed 003)
  SpareRoom = 2,    // a room an elderly-care or other facility has free at times (空き時間のある居室, seed 003)
};
inline constexpr int kPlaceKinds = 3;
inline constexpr std::array<const char*, kPlaceKinds> kPlaceKindKeys = {"elderly_care", "vacant_house", "spare_room"};

// What the coordinator tries, in order, once the facility-by-facility search found no bed. The three place
// kinds try the scenario's emergency places of that kind, in file order.
enum class Fallback : int { HubRoom = 0, HomeHelp = 1, ElderlyCare = 2, VacantHouse = 3, SpareRoom = 4, HandOver = 5 };
inline constexpr int kFallbacks = 6;
inline constexpr std::array<const char*, kFallbacks> kFallbackKeys = {"hub_room",     "home_help",  "elderly_care",
                                                                      "vacant_house", "spare_room", "hand_over"};
// The place kind a fallback tries, if it is one.
inline std::optional<PlaceKind> place_kind_of(Fallback f) {
  switch (f) {
    case Fallback::ElderlyCare: return PlaceKind::ElderlyCare;
    case Fallback::VacantHouse: return PlaceKind::VacantHouse;
    case Fallback::SpareRoom: return PlaceKind::SpareRoom;
    default: return std::nullopt;
  }
}

// Staff on duty by hour: 168 hours of the week (0 = Monday 00:00) and 24 hours of a public holiday.
struct StaffSchedule {
  std::array<int, sim::kHoursPerWeek> hour_of_week{};
  std::array<int, sim::kHoursPerDay> holiday{};
  // Coordinators on duty in an hour of the week; a public holiday follows the holiday schedule all day.
  [[nodiscard]] int on_duty(bool is_holiday, int week_hour) const {
    return is_holiday ? holiday[week_hour % sim::kHoursPerDay] : hour_of_week[week_hour];
  }
};

struct Meta {
  std::string name;  // short identifier, e.g. "setagaya-fy2023"
  std::string title_ja;
  std::string title_en;
  std::string description;
  std::string source;  // where the figures come from
};

// Days the municipal offices keep besides the public holidays.
struct CalendarRules {
  // 年末年始 29 December – 3 January counted as holidays (行政機関の休日に関する法律 第1条; municipalities keep the
  // same days by their own holiday ordinances under 地方自治法 第4条の2).
  bool year_end_closure = true;
  // The hour of the day at which daily counts of beds and rooms in use are taken (在所者数), 0 = midnight.
  int census_hour = 0;
};

struct Horizon {
  Date start;              // statistics and monthly series begin here (00:00)
  Date end;                // exclusive
  double warmup_days = 0;  // simulated before `start`, statistics discarded (beds fill with planned stays)
};

// Registrant regions are drawn from a fixed buffer of this size (registrant.cpp) to avoid allocating; the
// loader refuses more.
inline constexpr int kMaxRegions = 64;

struct Region {
  std::string name;
  double registrant_weight = 1;  // share of new registrants living here (relative)
};

struct AttributeMix {
  std::vector<double> age_band_weights;  // relative, one per age band name
  std::vector<std::string> age_band_names;
  double p_physical = 0, p_intellectual = 0, p_mental = 0;  // disability certificates (may overlap)
  double p_medical_care = 0;                                // 医療的ケア
  double p_behavioural = 0;                                 // 強度行動障害
  double p_ageing_caregiver = 0;                            // 8050 risk
  double p_advance_plan = 0;                                // 安心支援プラン held at registration
  std::vector<int> child_age_bands;                         // indices of age bands that are children (<18)
};

struct Registration {
  int initial_registrants = 0;
  // True when the path's knots are drawn per replication pair and the file left initial_registrants to its
  // default: the model then starts with the drawn path's count at its origin, rounded.
  bool initial_registrants_follow_path = false;
  // Expected registered count over time as (date, count) knots, linear between; the arrival intensity is its
  // slope plus the expected leavers. A logistic S-curve toward a latent pool is converted to knots on load.
  std::vector<std::pair<Date, double>> expected_registered;
  double leave_rate_per_year = 0;  // hazard of leaving the register (moved, died, entered residential care)
  AttributeMix attributes;
};

struct Assessment {
  // An assessment should start within grace_days of falling due (the standard deadline); extra_grace_days is a
  // temporary grace (一定の猶予) on top, for the assessments that fall due while it is in force (set by a dated
  // change). Both only classify: an assessment gets no priority by its deadline.
  double grace_days = 30;
  double extra_grace_days = 0;
  double reassessment_interval_days = 365; // a re-assessment falls due this long after the last one
  // An assessment is a home visit (travel included; zero = none, the whole assessment is desk work) and then
  // desk work: the write-up.
  Distribution visit_hours{sim::Constant{0}};
  Distribution staff_hours;                // desk time per assessment (the write-up)
  bool initial_registrants_assessed = true;
};

// The municipal case workers' office (保健福祉課) that receives hand-overs. It answers on working days
// (not weekends or public holidays, unless every_day) from open_hour to close_hour. A hand-over made while it
// is closed waits for the next opening, or fails (unresolved) when that is more than max_wait_hours away.
struct HandoverOffice {
  double open_hour = 8.5;       // 8:30
  double close_hour = 17.25;    // 17:15
  double max_wait_hours = 16;   // a night's wait; a weekend's is longer
  bool every_day = false;       // weekends and holidays too (an office with duty staff every day)
};

// Callers who are not answered: each waits up to a drawn patience (by the time band of the call), then hangs
// up; a caller who hung up calls back after a drawn delay with probability call_back_probability, up to
// max_tries calls in all. Absent (`stated` false): every caller waits until answered.
inline constexpr int kDefaultMaxTries = 3;  // a written assumption (scenarios/README.md)

struct Patience {
  bool stated = false;
  std::array<Distribution, kTimeBands> minutes;  // patience by the band in which the call is placed
  double call_back_probability = 0;
  Distribution call_back_minutes{sim::Constant{0}};
  int max_tries = kDefaultMaxTries;  // calls in all, the first included
};

// One kind of planned staff work in the duty catalogue. Planned work is done in weekday office hours (the
// weekday-daytime band), booked into the coming days' free hours at its center.
struct DutyWork {
  Distribution hours{sim::Constant{0}};  // coordinator time per task; zero = the duty is not on the clock
  bool visit = false;          // away from the office (travel included): taken only while min_at_phones stay
  bool interruptible = false;  // desk work a call may interrupt; it resumes later with its remaining time
};

// The duty catalogue beyond calls, emergencies and assessments (those are in Calls, Search and Assessment).
struct Duties {
  DutyWork intake;     // per new registrant (面談), before the first assessment is booked
  DutyWork liaison;    // per emergency case not handed over, with case workers and consultation agencies
  DutyWork follow_up;  // per emergency short stay, a contact once the stay has started
  double follow_up_after_days = 1;
  DutyWork escort;     // the coordinator working the case escorts the person to the facility (付添); a visit
  double escort_share = 0;  // share of emergency short stays escorted
  // A re-assessment (再アセスメント): its own home visit (travel included) and write-up; unset, those of the
  // first assessment ([assessment] visit_hours and staff_hours).
  std::optional<Distribution> reassessment_visit_hours;
  std::optional<Distribution> reassessment_staff_hours;
  DutyWork meeting;    // the liaison meeting (連絡会), per attendee
  int meeting_every_months = 0;  // 0 = none; held on the first weekday of the month that is not a holiday
  int meeting_start_hour = 14;
  int meeting_attendees = 1;     // coordinators of each center who attend
  // 安心支援プラン (seed 002): after an assessment of a registrant who holds no plan, one is drafted with this
  // probability; once done, the person holds a plan (facilities accept them by Acceptance::advance_plan_factor).
  DutyWork advance_plan;
  double advance_plan_share = 0;
};

// What an emergency's cause (①–⑥) decides, where the scenario says so; unset, the general value holds.
struct CauseEffect {
  std::optional<std::array<double, kNeeds>> need_weights;  // replaces Calls::need_weights for this cause
  std::optional<Distribution> stay_days;                   // replaces Stays::emergency_need_days
};

struct Calls {
  double per_registrant_per_year = 0;  // calls from registered people
  double unregistered_per_year = 0;    // calls from people not on the register
  std::array<double, kTimeBands> band_share{};      // share of calls in each band (sums to 1)
  std::array<double, kTimeBands> emergency_share{}; // P(emergency | call in band)
  TimeBandHours band_hours;
  Distribution inquiry_minutes;                      // coordinator time for an inquiry or advice
  std::array<double, kEmergencyCauses> cause_weights{};
  std::array<double, kNeeds> need_weights{};
  double p_handover = 0;  // emergency that is a family-wide problem: handed over to case workers
  Distribution handover_minutes;
  HandoverOffice handover_office;
  Patience patience;
  // Relative call rate by calendar month (January first); the yearly number of calls stays as stated.
  std::array<double, 12> month_factor = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
  // Relative call rate by hour of the week (Monday 0:00 first) instead of the four bands' shares; a public
  // holiday follows Sunday's hours.
  std::optional<std::array<double, sim::kHoursPerWeek>> hour_of_week_profile;
  std::array<CauseEffect, kEmergencyCauses> cause_effects{};
  // 8050: a call from someone whose caregiver is ageing is an emergency with P = the band's share × factor ×
  // (1 + growth)^(years since the person registered), at most 1.
  double ageing_caregiver_emergency_factor = 1;
  double ageing_caregiver_factor_growth_per_year = 0;
};

struct Center {
  std::string name;
  std::vector<int> regions;  // indices into Scenario::regions
  StaffSchedule staff;
  // When nobody is on duty: an on-call coordinator answers after this delay (hours); nullopt = nobody answers
  // until the next staffed hour (or an overflow center answers).
  std::optional<double> on_call_delay_hours;
  std::vector<int> overflow;  // indices of centers tried, in order, when all here are busy or off duty
  // Coordinators who must stay in the office (at the phones) while colleagues are out on visits: with 1,
  // a coordinator alone on duty never leaves (常時2名体制).
  int min_at_phones = 0;
  // Costs
  double staff_cost_per_hour_yen = 0;
  double night_premium = 0.25;     // extra share for hours 22–5 (労働基準法 37条4項: at least 25%)
  double holiday_premium = 0.35;   // extra share on Sundays and public holidays (37条1項 and 割増賃金令: ≥ 35%)
  double overtime_premium = 0.25;  // extra share for work past the end of a shift (37条1項 and 割増賃金令: ≥ 25%)
  double call_out_fee_yen = 0;     // paid per call-out of the on-call coordinator, on top of the hours worked
  double fixed_cost_per_year_yen = 0;  // contract overhead beyond staff hours
  double on_call_cost_per_hour_yen = 0;
};

struct Acceptance {
  // P(a facility with a free bed agrees), by the band in which it is asked.
  std::array<double, kTimeBands> base{};
  double assessed_factor = 1;    // multiplier when the person has been assessed
  double known_factor = 1;       // multiplier when the person has stayed here before
  double advance_plan_factor = 1;
};

// The fullest planned occupancy a scenario may ask for: a loss system fills every bed only under infinite load,
// and on 10 beds 99% already takes an offered load of 108 erlangs (nine requests in ten refused).
inline constexpr double kMaxPlannedOccupancy = 0.99;

// Beds of a facility shared with the neighbouring municipalities (広域で利用できる緊急受け入れ先, seed 003): the
// neighbours' own stays arrive as a Poisson stream and take one of these beds while one is free, so a bed a
// neighbour holds is not there for the town. 0 beds = not shared.
struct WideArea {
  int beds = 0;                          // of the facility's beds, how many neighbours' stays may hold at once
  double neighbour_stays_per_year = 0;   // the neighbours' requests for these beds
  Distribution neighbour_stay_days{sim::Constant{0}};
};

struct Facility {
  std::string name;
  int region = 0;
  int beds = 0;                   // short-stay beds in all
  int reserved_emergency_beds = 0;// of which held free for emergencies (空床確保)
  double planned_occupancy = 0;   // target share of the non-reserved beds filled by planned short stays
  Distribution planned_stay_days; // length of a planned short stay
  bool medical_care = false;      // can take people needing medical care
  bool behavioural = false;       // can take people with intense behavioural support needs
  bool children = true;           // takes children
  Acceptance acceptance;
  Distribution contact_minutes_day;   // a call to this facility in weekday daytime
  Distribution contact_minutes_other; // evenings, nights, weekends
  // Experience stays (体験の機会・場)
  bool experience_stays = false;
  int experience_days_per_year = 0;  // yearly cap
  double reserved_bed_fee_per_day_yen = 0;
  double emergency_stay_fee_per_day_yen = 0;  // paid by the municipality on top of the regular benefit
  WideArea wide_area;
  // 短期入所施設を日中一時として利用 (seed 003): ordinary beds taken for daytime respite, by hour of the week and on
  // public holidays (the numbers are beds, not staff); all zero = none. Respite takes only beds free when its
  // hours begin and gives them back when they end.
  StaffSchedule daytime_respite;
  [[nodiscard]] bool has_daytime_respite() const {
    for (int n : daytime_respite.hour_of_week)
      if (n > 0) return true;
    for (int n : daytime_respite.holiday)
      if (n > 0) return true;
    return false;
  }
  // False while the facility is not part of the plan in force (it joins or leaves at a dated change): it is
  // never called, takes no new stay of any kind and costs nothing; people already in its beds stay until done.
  bool in_service = true;
};

struct Hub {
  int rooms = 0;  // dedicated emergency rooms; 0 = no hub
  std::string name = "hub";
  double fixed_cost_per_year_yen = 0;
  Distribution contact_minutes;       // coordinator time to place someone in a hub room
  std::optional<Distribution> need_days;  // the stay before any exit delay; nullopt = Stays::emergency_need_days
  double exit_delay_probability = 0;  // chance that the stay is stretched by slow exit support (出口支援)
  Distribution exit_delay_days;
};

struct Stays {
  Distribution emergency_need_days;   // the period life must be kept going (seed 000: 3–4 days)
  double exit_delay_probability = 0;  // at ordinary facilities
  Distribution exit_delay_days;
};

// People an escalation rule is for (any of the listed; none listed = everyone).
struct PeopleFilter {
  bool medical_care = false;  // 医療的ケア
  bool behavioural = false;   // 強度行動障害
  bool children = false;
  [[nodiscard]] bool everyone() const { return !medical_care && !behavioural && !children; }
};

// An escalation rule ([[search.rules]]): for emergencies whose search starts in one of `bands`, that need one of
// `needs`, from one of `people`, the search takes this shape instead of [search]'s. The loader fills every value
// the rule leaves out from [search], so a rule is complete.
struct SearchRule {
  std::string name;
  std::array<bool, kTimeBands> bands{true, true, true, true};
  std::array<bool, kNeeds> needs{true, true, true};
  PeopleFilter people;
  int max_contacts = 10;        // 0: no facility is called, the fallbacks are tried at once
  double max_search_hours = 6;
  std::vector<Fallback> fallbacks;
  std::vector<bool> facilities;  // by facility index: may be called; empty = every facility
};

struct Search {
  int max_contacts = 10;             // the coordinator stops the facility search after this many refusals
  double max_search_hours = 6;       // or after this long
  bool prefer_known = true;          // facilities where the person stayed before are called first
  bool prefer_same_region = true;    // then those in the person's region
  std::vector<Fallback> fallbacks;   // tried in order after the search
  std::vector<SearchRule> rules;     // the first that matches a case applies; none = the values above
};

struct HomeSupport {
  int supporters = 0;               // specialist supporters / helpers who can be dispatched at once
  std::array<bool, 24> can_start{}; // hours of the day at which a dispatch can start
  Distribution dispatch_hours;      // supporter time for one emergency at home
  Distribution arrange_minutes;     // coordinator time to arrange a dispatch with the provider
  double cost_per_hour_yen = 0;
  double p_care_taxi = 0;           // a short-stay placement needs a care-taxi trip
  double care_taxi_cost_yen = 0;
};

// A place kept for emergencies outside the short-stay system (緊急一時保護): an elderly-care facility under
// agreement, a vacant house, a spare room. A fallback of its kind tries it when it has a free place, takes
// new people at this hour and can take the person; the coordinator calls, and it accepts with p_accept.
struct EmergencyPlace {
  std::string name;
  PlaceKind kind = PlaceKind::ElderlyCare;
  int places = 0;                          // people it can hold at once
  bool in_service = true;                  // false before it joins or once it leaves (dated changes)
  double p_accept = 1;                     // chance it takes the person when a place is free
  Distribution contact_minutes;            // coordinator time for the call
  std::optional<Distribution> stay_days;   // nullopt = Stays::emergency_need_days
  double cost_per_day_yen = 0;             // paid by the municipality per day of stay
  double fixed_cost_per_year_yen = 0;      // keeping it ready (rent, upkeep, the agreement's fee)
  std::array<bool, 24> admits_at{};        // hours of the day at which it takes someone new
  bool medical_care = false;               // can take people needing medical care (nurses on site)
  bool behavioural = false;
  bool children = false;
};

// Nishitokyo (seed 001 ❺): using the hub needs a planning-consultation agency (計画相談支援事業所の決定), and the
// coordination meeting (調整会議) decides whether the person may use it. A person's first experience request
// waits for both; once approved, later requests are booked at once. Emergencies never wait for it.
struct HubUseApproval {
  bool required = false;
  bool initial_registrants_approved = true;  // those on the register when the run starts were discussed before
  double contract_share = 0;                 // of people asking, share who already have a contract
  Distribution contract_days{sim::Constant{0}};  // days to conclude one, for the others
  // The meeting: every `every_months` months on the first working day (months counted from April), or every
  // `every_weeks` weeks on `weekday` (0 = Monday; weeks counted from Monday 1970-01-05; a holiday moves it to the
  // next working day); at `hour`. Exactly one of the two is non-zero when required.
  int every_months = 0;
  int every_weeks = 0;
  int weekday = 0;
  double hour = 14;
};

struct ExperienceStays {
  double requests_per_registrant_per_year = 0;
  Distribution nights;
  double lead_days = 14;  // booked this far ahead
  double cost_per_night_yen = 0;
  // Days of use one person may book in a fiscal year (seed 001: おおむね年間30日); 0 = no limit.
  int days_per_person_per_year = 0;
  // A stay cut short by an emergency, or finding no bed at its start, is tried again daily for this many days.
  double rebook_within_days = 0;
  HubUseApproval approval;
};

struct Budget {
  // yen per fiscal year and line ("center_staff", ...); fiscal years not listed have no stated budget
  struct Line {
    int fiscal_year = 0;
    std::string line;
    double yen = 0;
  };
  std::vector<Line> lines;
  // 特定財源: money the municipality receives towards these costs (national and prefectural subsidies, fees),
  // either a share of one cost line's cost or a fixed amount per fiscal year (pro-rated by the days simulated).
  struct Revenue {
    std::string name;
    int fiscal_year = 0;     // 0: every fiscal year
    std::string line;        // the cost line `share` applies to; empty for a fixed amount
    double share = 0;        // of that line's cost, 0..1
    double yen_per_year = 0; // fixed amount for a whole fiscal year
  };
  std::vector<Revenue> revenue;
  double training_per_year_yen = 0;   // fixed line (seed 000: 110 thousand yen)
  double advice_per_year_yen = 0;     // experience-stay advice contract (seed 000: 495 thousand yen)
  double assessment_cost_yen = 0;     // per assessment, when paid separately
};

// A dated surge of emergencies (災害時, seed 003): `extra_emergencies` emergency calls on top of the usual ones,
// at times drawn uniformly over [start, start + days), from people living in `region`.
struct Surge {
  std::string name;
  Date start;
  double days = 1;
  int extra_emergencies = 0;
  int region = -1;  // index into Scenario::regions; -1 = anyone registered, wherever they live
};

struct PlanChange;

struct Scenario {
  Meta meta;
  Horizon horizon;
  CalendarRules calendar;
  std::vector<Region> regions;
  Registration registration;
  Assessment assessment;
  Duties duties;
  Calls calls;
  std::vector<Center> centers;
  std::vector<Facility> facilities;
  Hub hub;
  Stays stays;
  Search search;
  HomeSupport home_support;
  std::vector<EmergencyPlace> emergency_places;  // in file order
  ExperienceStays experience;
  Budget budget;
  std::vector<Surge> surges;  // in file order
  // Values stated as distributions, in file order; empty for a scenario of plain numbers. Each replication pair
  // draws them afresh (models/hub/parameter_draws.hpp).
  std::vector<UncertainParameter> uncertain;
  // Plans that take effect at dates inside the run ([[changes]] in a scenario file), in date order. This
  // Scenario is the plan in force from the start; each change's plan is complete (the plan before it with the
  // change applied) and has the same regions, horizon and registration path, and the same facilities at the
  // same indices (a facility that has not joined yet, or has left, is there with in_service = false).
  std::vector<PlanChange> changes;
};

struct PlanChange {
  Date from;           // takes effect at 00:00 of this date
  std::string reason;  // why, as the scenario says (shown in results)
  Scenario plan;       // its own `changes` and `uncertain` are empty: draws go through the run's Scenario
};

}  // namespace kyoten::hub
