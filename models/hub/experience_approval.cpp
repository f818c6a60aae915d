// A first experience request waits for a planning-consultation contract and then for the coordination meeting
// (seed 001 ❺: 計画相談支援事業所の決定, 調整会議で…利用の可否について検討); the booking is made at the meeting.
#include "models/hub/experience_approval.hpp"

#include <chrono>

#include "models/hub/hub_simulation.hpp"

namespace kyoten::hub {
namespace {
using std::chrono::days;
using std::chrono::sys_days;
using sim::kHoursPerDay;

constexpr int kFiscalYearFirstMonth = 4;  // months are counted from April
// Weeks are counted from this Monday, so a fortnightly meeting falls in the same weeks whatever the run's start.
constexpr sys_days kWeekAnchor{std::chrono::year{1970} / std::chrono::January / 5};

// The first working day on or after `d`, at `hour`.
double working_day_at_or_after(const sim::CivilCalendar& calendar, sys_days d, double hour) {
  for (;; d += days{1}) {
    const double t = calendar.time_of(d, hour);
    if (calendar.day_type(t) == sim::DayType::Weekday) return t;
  }
}

double next_monthly(const sim::CivilCalendar& calendar, const HubUseApproval& rule, double after) {
  const std::chrono::year_month_day ymd = calendar.ymd_at(after);
  std::chrono::year_month month{ymd.year(), ymd.month()};
  for (;; month += std::chrono::months{1}) {
    const int since_april = (static_cast<int>(static_cast<unsigned>(month.month())) - kFiscalYearFirstMonth + 12) % 12;
    if (since_april % rule.every_months != 0) continue;
    const double t = working_day_at_or_after(calendar, sys_days{month / std::chrono::day{1}}, rule.hour);
    if (t > after) return t;
  }
}

double next_weekly(const sim::CivilCalendar& calendar, const HubUseApproval& rule, double after) {
  const auto weeks_since_anchor = (calendar.date_at(after) - kWeekAnchor).count() / 7;
  // Start a period back: a meeting moved off a holiday may still lie ahead.
  auto week = weeks_since_anchor - weeks_since_anchor % rule.every_weeks - rule.every_weeks;
  for (;; week += rule.every_weeks) {
    const sys_days nominal = kWeekAnchor + days{7 * week + rule.weekday};
    const double t = working_day_at_or_after(calendar, nominal, rule.hour);
    if (t > after) return t;
  }
}

}  // namespace

double next_coordination_meeting(const sim::CivilCalendar& calendar, const HubUseApproval& rule, double after) {
  return rule.every_weeks > 0 ? next_weekly(calendar, rule, after) : next_monthly(calendar, rule, after);
}

void HubSimulation::await_approval(std::uint32_t who, int nights) {
  const double now = events_.now();
  const HubUseApproval& rule = sc_.experience.approval;
  // Drawn whatever the person's case, so the draws of one request do not depend on another's.
  const bool has_contract = rs_approval_.uniform() < rule.contract_share;
  const double contract_days = rule.contract_days(rs_approval_);
  const double contracted_at = now + (has_contract ? 0.0 : contract_days * kHoursPerDay);
  // The person waits from now; a contract or meeting after the horizon leaves them waiting when the run ends.
  population_[who].awaiting_approval = true;
  if (contracted_at >= t_end_) return;
  const double approved_at = next_coordination_meeting(calendar_, rule, contracted_at);
  if (approved_at >= t_end_) return;
  const auto pending = static_cast<std::uint32_t>(pending_approvals_.size());
  pending_approvals_.push_back(PendingApproval{who, nights, now});
  events_.schedule(approved_at, kExperienceApproved, pending);
}

void HubSimulation::on_experience_approved(std::uint32_t pending) {
  const PendingApproval p = pending_approvals_[pending];
  Registrant& r = population_[p.registrant];
  r.awaiting_approval = false;
  r.hub_use_approved = true;
  const double now = events_.now();
  recorder_.experience_approved(p.requested_at, now);
  if (!population_.is_active(p.registrant)) return;  // left the register while waiting
  const double start = now + sc_.experience.lead_days * kHoursPerDay;
  if (start < t_end_) book_experience(p.registrant, p.nights, start);
}

}  // namespace kyoten::hub
