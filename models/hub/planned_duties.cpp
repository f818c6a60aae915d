// Planned work: intake, assessments, follow-up contacts, liaison and the liaison meeting, booked into each
// center's diary of free office hours and started when the booked time has come and a coordinator is free (a
// visit only while enough colleagues stay at the phones). Desk work that a call may interrupt is put aside for
// the call and resumed later with the time it still needs, so its total time is what was drawn.
#include <algorithm>
#include <chrono>
#include <limits>

#include "models/hub/hub_simulation.hpp"

namespace kyoten::hub {
namespace {

// A clock hour (whole hours from the origin, not negative) as its day and its hour of the week: asked of each hour
// a booking scans, so integer arithmetic rather than the calendar's questions of a time.
struct ClockHour {
  int day;
  int week_hour;
};
ClockHour clock_hour(const sim::CivilCalendar& calendar, std::int64_t hour) {
  const auto day = static_cast<int>(hour / sim::kHoursPerDay);
  return {day, calendar.weekday_on(day) * sim::kHoursPerDay + static_cast<int>(hour % sim::kHoursPerDay)};
}

}  // namespace

bool HubSimulation::office_hours(double t) const {
  return office_week_.office_hours(calendar_.is_holiday(t), calendar_.hour_of_week(t));
}

double HubSimulation::planned_capacity(int center, std::int64_t hour) const {
  // Planned work is done in office hours by the coordinators who may be away from the phones.
  if (hour < 0) return 0.0;
  const ClockHour h = clock_hour(calendar_, hour);
  return office_week_.planned_capacity(center, calendar_.is_holiday_on(h.day), h.week_hour);
}

void HubSimulation::plan(Duty duty, const DutyWork& work, int center, std::int32_t registrant, double earliest) {
  const double hours = work.hours(rs_duties_);
  if (hours <= 0) return;  // the duty is not on the clock in this scenario
  const std::uint32_t id = new_case();
  Case& c = cases_[id];
  c.center = center;
  c.registrant = registrant;
  c.duty = duty;
  c.due_at = earliest;
  c.visit = work.visit;
  c.interruptible = work.interruptible;
  c.stage = Stage::PlannedDuty;
  c.step_hours = hours;
  book(id, earliest, hours);
}

void HubSimulation::book(std::uint32_t id, double earliest, double hours) {
  Case& c = cases_[id];
  const int center = c.center;
  WorkDiary& diary = planned_.diary(center);
  diary.advance_to(events_.now());
  // Hours with no capacity for planned work in the plan's week (nights, weekends) are leapt over; a holiday's
  // office hours are not in the week's table, so the diary asks them and finds none.
  const auto may_have_capacity_from = [&](std::int64_t h) -> std::int64_t {
    if (h < 0) return h + 1;
    const int ahead = office_week_.hours_to_capacity(center, clock_hour(calendar_, h).week_hour);
    return ahead < 0 ? std::numeric_limits<std::int64_t>::max() : h + ahead;
  };
  c.booked_at = diary.book(
      earliest, hours, [&](std::int64_t h) { return planned_capacity(center, h); }, may_have_capacity_from);
  planned_.queue(center, id, c.visit, c.booked_at);
  // Looked at when its time comes (an event even when that is now, so that no work starts in the middle of
  // whatever booked it).
  events_.schedule(c.booked_at, kWorkBooked, static_cast<std::uint32_t>(center));
}

void HubSimulation::start_planned_work(int center) {
  const double now = events_.now();
  for (;;) {
    // The earliest booked task whose time has come and that a free coordinator may take.
    const auto due = [&](bool visit) -> std::optional<PlannedWork::Booked> {
      const bool may = visit ? coordinators_.may_leave_for_visit(center) : coordinators_.on_duty_free(center);
      const auto next = may ? planned_.next(center, visit) : std::nullopt;
      return next && next->at <= now ? next : std::nullopt;
    };
    const auto desk = due(false), visit = due(true);
    if (!desk && !visit) return;
    const bool take_visit = visit && (!desk || visit->at < desk->at || (visit->at == desk->at && visit->seq < desk->seq));
    planned_.pop(center, take_visit);
    begin_task(take_visit ? visit->task : desk->task);
  }
}

void HubSimulation::begin_task(std::uint32_t id) {
  Case& c = cases_[id];
  const double now = events_.now();
  if (!c.started && c.duty == Duty::Assessment) {
    const auto registrant = static_cast<std::uint32_t>(c.registrant);
    if (!population_.start_assessment(registrant)) {  // left the register while waiting
      free_cases_.push_back(id);
      return;
    }
    recorder_.backlog_changed(now, -1);
    recorder_.assessment_started(assessment_wait(population_[registrant], now));
  }
  c.started = true;
  coordinators_.take(c.center, false, c.duty, now);
  if (c.visit) coordinators_.leave_for_visit(c.center);
  run_step(id, c.stage, c.step_hours);
}

void HubSimulation::run_step(std::uint32_t id, Stage stage, double hours) {
  Case& c = cases_[id];
  if (!c.interruptible) return step_after(id, stage, hours);
  c.stage = stage;
  c.step_end = events_.now() + std::max(0.0, hours);
  c.step_handle = events_.schedule_cancellable({c.step_end, kCaseStep, id});
  planned_.desk_started(c.center, id);
}

void HubSimulation::end_step(std::uint32_t id) {
  Case& c = cases_[id];
  if (c.visit) {
    coordinators_.back_from_visit(c.center);
    c.visit = false;
  }
  if (c.interruptible) {
    planned_.desk_ended(c.center, id);
    c.interruptible = false;
  }
}

bool HubSimulation::interrupt_desk_work(int center) {
  const auto task = planned_.interruptible(center);
  if (!task) return false;
  Case& c = cases_[*task];
  const double now = events_.now();
  events_.cancel(c.step_handle);
  c.step_hours = c.step_end - now;  // what it still needs when resumed
  planned_.desk_ended(center, *task);
  coordinators_.release(center, false, c.duty, now);
  planned_.queue(center, *task, false, c.booked_at);
  return true;
}

double HubSimulation::next_meeting(double after) const {
  // The first weekday that is not a public holiday in the month after the one holding `after` (or in that
  // month itself if its meeting is still to come), at the meeting's hour.
  using namespace std::chrono;
  const year_month_day ymd = calendar_.ymd_at(after);
  for (int k = 0; k < 2; ++k) {
    const year_month month = year_month{ymd.year(), ymd.month()} + months{k};
    for (unsigned d = 1; d <= 10; ++d) {
      const double t = calendar_.time_of(sys_days{month / day{d}}, sc_.duties.meeting_start_hour);
      if (calendar_.day_type(t) != sim::DayType::Weekday) continue;
      if (t > after) return t;
      break;
    }
  }
  return after + 31 * sim::kHoursPerDay;  // not reached: every month has a weekday in its first ten days
}

void HubSimulation::on_meeting() {
  const double now = events_.now();
  const Duties& duties = sc_.duties;
  const int every = duties.meeting_every_months;
  if (every > 0 && calendar_.month_index(now) % every == 0) {
    for (int center = 0; center < coordinators_.centers(); ++center) {
      for (int k = 0; k < duties.meeting_attendees; ++k) {
        const double hours = duties.meeting.hours(rs_duties_);
        if (hours <= 0) continue;
        const std::uint32_t id = new_case();
        Case& c = cases_[id];
        c.center = center;
        c.duty = Duty::Meeting;
        c.due_at = c.booked_at = now;
        c.visit = duties.meeting.visit;
        c.interruptible = duties.meeting.interruptible;
        c.stage = Stage::PlannedDuty;
        c.step_hours = hours;
        planned_.diary(center).book_at(now, hours);  // the meeting's time is fixed
        planned_.queue(center, id, c.visit, now);
      }
      serve_waiting(center);
    }
  }
  events_.schedule(next_meeting(now), kMeeting);
}

}  // namespace kyoten::hub
