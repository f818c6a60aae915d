#pragma once
// One replication of the hub model: registrations, calls, coordinators on shifts working cases, the
// facility-by-facility search for a bed, fallbacks, stays, experience stays, home support and costs.
// The model owns an EventCalendar and dispatches its own event kinds with a switch (no per-event allocation).
// Each part owns its own state: the coordinators, the population, the facilities, the hub rooms, the
// supporters, the experience bookings, and the recorder that decides what counts; this class holds the clock,
// the random streams and the cases, and ties the parts together.
#include <vector>

#include "models/hub/caller_patience.hpp"
#include "models/hub/coordinators.hpp"
#include "models/hub/emergency_places.hpp"
#include "models/hub/experience_bookings.hpp"
#include "models/hub/facility_state.hpp"
#include "models/hub/hub_rooms.hpp"
#include "models/hub/office_week.hpp"
#include "models/hub/planned_work.hpp"
#include "models/hub/population.hpp"
#include "models/hub/recorder.hpp"
#include "models/hub/registrant.hpp"
#include "models/hub/results.hpp"
#include "models/hub/scenario.hpp"
#include "models/hub/supporters.hpp"
#include "sim/event/event_calendar.hpp"
#include "sim/random/nhpp.hpp"
#include "sim/random/stream.hpp"
#include "sim/time/civil_calendar.hpp"

namespace kyoten::hub {

class HubSimulation {
 public:
  HubSimulation(const Scenario& scenario, std::uint64_t seed, std::uint64_t replication);
  ReplicationResult run();

 private:
  enum Kind : std::uint32_t {
    kStatsStart,
    kShiftTick,
    kRegistration,
    kLeave,
    kCallCandidate,
    kExperienceCandidate,
    kCaseStep,
    kReassessmentDue,
    kEmergencyStayEnd,
    kHubStayEnd,
    kPlaceStayEnd,  // a stay at emergency place `subject` ends
    kExperienceStart,
    kExperienceEnd,
    kDispatchEnd,
    kPlanChange,
    kGiveUp,  // a waiting caller's patience ran out
    kCensus,  // the daily count of beds and rooms in use
    kWorkBooked,  // planned work booked for now at center `subject` may start
    kMeeting,     // the liaison meeting's day
    kSurgeCall,
    kRespiteChange,       // daytime respite at facility `subject` takes or gives back beds
    kExperienceApproved,  // the coordination meeting approves pending request `subject`
    kEnd,
  };

  // What a case is doing when its next CaseStep event fires.
  enum class Stage : std::uint8_t {
    AwaitOnCall,   // an on-call coordinator is on the way to the phone
    Inquiry,       // advice only
    AssessmentVisit,  // visiting a registrant at home for an assessment
    Assessment,    // writing up an assessment
    Contacting,    // calling candidate facility `facility`
    HubPlacing,    // placing the person in a reserved hub room
    HomeArranging, // arranging a supporter already reserved
    PlaceContacting,      // calling emergency place `place`, held meanwhile
    HandingOver,          // the coordinator's hand-over call or written referral
    AwaitingCaseWorkers,  // referred while the case workers' office was closed; taken over at its opening
    CallingBack,          // a caller who hung up, before calling again
    Escort,        // escorting the person to the facility
    PlannedDuty,   // intake, follow-up, liaison or the meeting
  };

  struct Case {
    bool emergency = false;
    bool on_call = false;  // worked by the on-call coordinator rather than a staffed one
    Duty duty = Duty::Inquiry;
    Stage stage = Stage::Inquiry;
    TimeBand band = TimeBand::WeekdayDaytime;
    Need need = Need::ShortStay;
    EmergencyCause cause = EmergencyCause::HealthFails;
    bool handover = false;
    int center = 0;
    std::int32_t registrant = -1;  // -1 for unregistered callers
    Registrant person;             // snapshot taken when the call came in
    double call_time = 0;
    double search_start = 0;
    int contacts = 0;
    int facility = -1;
    std::size_t next_candidate = 0;
    std::size_t next_fallback = 0;
    std::size_t next_place = 0;    // within a place fallback: the next emergency place to try
    int place = -1;                // the emergency place being called
    int rule = -1;                 // the escalation rule shaping the search; -1 = [search] itself
    std::vector<int> candidates;   // capacity kept between uses of this slot
    bool met_neighbour_stay = false;  // the search reached a full facility with a bed held by a neighbour's stay
    bool met_respite = false;         // ... or by daytime respite
    int tries = 1;                 // calls placed so far for this need (call-backs included)
    bool hung_up = false;          // gave up waiting: left in the center's queue, skipped when it comes up
    sim::EventHandle give_up;      // while waiting, when patience runs out
    // Planned work (a task booked into the center's diary)
    double booked_at = 0;          // booked start
    double due_at = 0;             // when it fell due
    double step_hours = 0;         // the current step's (remaining) coordinator time
    double write_up_hours = 0;     // an assessment's desk work after its visit
    bool visit = false;            // the current step is away from the office
    bool interruptible = false;    // the current step is desk work a call may interrupt
    bool started = false;          // begun at least once (a resumed task is not begun again)
    double step_end = 0;
    sim::EventHandle step_handle;  // an interruptible step's end
  };

  // Event handlers
  void on_stats_start();
  void on_census();
  // The daily count of beds and rooms in use, taken at `now`.
  void take_census(double now);
  // Staffing and the weekday-daytime band change only on the hour, and only at a few hours a day: the model
  // ticks at those hours and at each midnight, and closes the hours in between in one go.
  void on_shift_tick();
  // Puts each center's schedule for this hour in force and lets waiting cases start.
  void staff_centers(double now);
  double next_shift_tick(double now) const;
  void close_hours(double until);
  void on_registration();
  void on_leave(std::uint32_t registrant);
  void on_call_candidate();
  // The call's band, whether it is an emergency (always, for a surge call) and an emergency's need, cause and
  // hand-over, drawn from `content`; then it is counted and offered to the person's center.
  void take_call(std::uint32_t case_id, sim::RandomStream& content, bool surely_emergency);
  // Dated surges (surges.cpp).
  void schedule_surges(std::uint64_t seed, std::uint64_t replication);
  void on_surge_call(std::uint32_t surge);
  void on_experience_candidate();
  // The booking once the person may use the hub: a facility they can go to, within the yearly caps.
  void book_experience(std::uint32_t registrant, int nights, double start);
  // Nishitokyo's contract and coordination meeting before a first experience stay (experience_approval.cpp).
  void await_approval(std::uint32_t registrant, int nights);
  void on_experience_approved(std::uint32_t pending);
  void on_case_step(std::uint32_t case_id);
  void on_reassessment_due(std::uint32_t registrant);
  void on_experience_start(std::uint32_t booking);
  void on_experience_end(std::uint32_t booking);
  void on_emergency_stay_end(int facility);
  // Daytime respite: the beds it wants now, put in force, and the next hour at which that number changes.
  void on_respite_change(int facility);
  void schedule_respite_changes();
  // A contacted facility had no bed for the town: note whether a neighbour's stay or respite held one.
  void note_bed_holders(Case& c, const FacilityState& fs);
  void preempt_experience_stay(int facility);
  // A stay cut short, or finding no bed at its start: tried again daily within the rebooking window, else lost.
  void wait_or_lose_experience(std::uint32_t booking, bool preempted);
  // Days of an emergency stay: the cause's own length where the scenario gives one, else `need`.
  double emergency_stay_days(EmergencyCause cause, const Distribution& need, double exit_delay_probability,
                             const Distribution& exit_delay);
  // P(emergency | call in `band`) for this person now (8050: an ageing caregiver raises it, more with the years).
  double emergency_probability(const Registrant& person, int band) const;
  void arrange_transport();
  double registration_intensity(double t) const;
  void set_call_profile();
  void normalise_call_profile_over_horizon();
  double month_factor(double t) const;  // the relative call rate of t's calendar month

  // Dated changes of plan (plan_change.cpp).
  void schedule_plan_changes();
  void on_plan_change(std::uint32_t change);

  // Population-driven processes: their rate depends on the number registered, so they are redrawn
  // (memoryless) whenever that number changes.
  void reschedule_population_processes();

  // Coordinators
  std::uint32_t new_case();
  void offer(std::uint32_t case_id, int center);
  // Callers who wait: patience, hanging up and calling back (caller_patience.hpp draws the times).
  void hold_on(std::uint32_t case_id);
  void on_give_up(std::uint32_t case_id);
  void call_back(std::uint32_t case_id);
  void start_case(std::uint32_t case_id, int center, bool on_call);
  void begin_work(std::uint32_t case_id);
  void finish_case(std::uint32_t case_id);
  // The coordinator is free; the case goes on without them (a hand-over awaiting the office's opening).
  void release_coordinator(std::uint32_t case_id);
  void serve_waiting(int center);
  void step_after(std::uint32_t case_id, Stage stage, double hours);

  // Planned work (planned_duties.cpp): tasks booked into the center's diary, started in office hours by a free
  // coordinator (a visit only while min_at_phones stay), desk work interrupted by calls and resumed.
  bool office_hours(double t) const;
  double planned_capacity(int center, std::int64_t hour) const;
  void plan(Duty duty, const DutyWork& work, int center, std::int32_t registrant, double earliest);
  void book(std::uint32_t case_id, double earliest, double hours);
  void start_planned_work(int center);
  void begin_task(std::uint32_t case_id);
  void run_step(std::uint32_t case_id, Stage stage, double hours);
  bool interrupt_desk_work(int center);
  void end_step(std::uint32_t case_id);
  void on_meeting();
  double next_meeting(double after) const;

  // Emergencies
  void begin_emergency(std::uint32_t case_id);
  void begin_search(std::uint32_t case_id);
  void contact_next_facility(std::uint32_t case_id);
  void on_contact_answered(std::uint32_t case_id);
  // After a short stay is found: the coordinator escorts the person there when the scenario says so.
  void escort_or_finish(std::uint32_t case_id);
  void try_next_fallback(std::uint32_t case_id);
  // The search's shape for this case: its escalation rule's values, or [search]'s.
  [[nodiscard]] int max_contacts(const Case& c) const;
  [[nodiscard]] double max_search_hours(const Case& c) const;
  [[nodiscard]] const std::vector<Fallback>& fallbacks(const Case& c) const;
  [[nodiscard]] const SearchRule* rule_of(const Case& c) const;
  // A place fallback: holds the next open place of `kind` and calls it; false when none is open.
  bool try_emergency_place(std::uint32_t case_id, PlaceKind kind);
  void on_place_answered(std::uint32_t case_id);
  void hand_over(std::uint32_t case_id);
  bool try_reserve_supporter();
  void place_in_facility(Case& c, int facility);
  void place_in_hub(EmergencyCause cause);
  void place_in_emergency_place(const Case& c);
  void on_place_stay_end(int place);

  // Advance plans (安心支援プラン): drafted after an assessment with the scenario's share, held once drafted.
  void maybe_draft_advance_plan(int center, std::int32_t registrant);
  void advance_plan_drafted(std::int32_t registrant);
  void dispatch_supporter();
  void release_hub_room();

  // Registrants and assessments
  void register_person(const Registrant& r, bool already_assessed);
  void enqueue_assessment(std::uint32_t registrant);

  // Beds
  void set_emergency_beds(int delta);
  void set_unplanned_beds_in_use(int delta);  // emergency and experience stays at facilities
  // The facility with its planned stays played forward to now: use it whenever its beds are read or changed.
  FacilityState& facility_now(int f);
  // Short-stay bed-hours in use since statistics started: planned stays plus emergency and experience stays.
  double bed_hours(double now);
  // Short-stay beds in use now, all facilities (every facility played forward to now).
  int beds_in_use(double now);
  ReplicationResult finish();

  const Scenario& run_;  // the plan in force from the start, with its dated changes
  Scenario plan_;        // when the run has dated changes: the plan in force (a copy), replaced at each change
  // The plan in force: plan_ when the run has dated changes, else run_. The parts hold it too, so they follow
  // a change without being told (hub rooms excepted: they keep a count).
  const Scenario& sc_;
  sim::CivilCalendar calendar_;
  sim::EventCalendar events_;
  double t_start_ = 0, t_end_ = 0;

  // Streams, one per purpose (see docs/model.md, "Random numbers").
  sim::RandomStream rs_registrations_, rs_attributes_, rs_leaving_, rs_calls_, rs_call_content_, rs_work_,
      rs_search_, rs_acceptance_, rs_stays_, rs_experience_, rs_home_, rs_assessment_schedule_, rs_duties_,
      rs_surges_, rs_advance_plans_;

  // Precomputed rates
  sim::PiecewiseLinear expected_registered_;
  double registration_bound_per_hour_ = 0;
  sim::WeeklyProfile call_profile_;
  double call_profile_max_ = 0;
  OfficeWeek office_week_;  // office hours, capacity for planned work and where the ticks fall, by hour of week

  // The parts
  Population population_;
  Coordinators coordinators_;
  PlannedWork planned_;
  std::vector<FacilityState> facilities_;
  HubRooms hub_rooms_;
  EmergencyPlacesInUse places_;
  Supporters supporters_;
  ExperienceBookings bookings_;
  CallerPatience patience_;
  Recorder recorder_;

  // Experience requests waiting for the coordination meeting's approval.
  struct PendingApproval {
    std::uint32_t registrant = 0;
    int nights = 0;
    double requested_at = 0;
  };
  std::vector<PendingApproval> pending_approvals_;
  sim::RandomStream rs_approval_;
  std::vector<sim::EventHandle> respite_changes_;  // per facility, its next respite change

  std::vector<Case> cases_;
  std::vector<std::uint32_t> free_cases_;
  sim::EventHandle call_candidate_, experience_candidate_;
};

}  // namespace kyoten::hub
