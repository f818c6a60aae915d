// Seed 000's account of Setagaya's rollout as figures, with fixed seeds and 95% intervals over replications:
// (a) with the trial's staff, the ward-wide rollout of January 2024 makes assessments wait longer, and some pass
// the normal deadline, by March 2024
// (「登録者のアセスメント実施までに一定の猶予を設けるなどしながら、現在の人員体制で令和６年３月まで」);
// (b) with the staff strengthened from April 2024 (「令和６年４月以降は人員体制を強化」) the wait falls again
// within FY2024, and so does the share past the deadline; (c) two against three daytime coordinators after the rollout: the difference in assessment wait
// has a 95% interval excluding zero, and the cost difference is the third coordinator's hours at the wage.
//
// Windows of the one continuous run (scenarios/setagaya-fy2023-to-fy2026.toml) are read by moving its horizon:
// the run starts in October 2022 as ever (the warm-up reaches back to it) and only the statistics window moves.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "models/hub/hub_model.hpp"
#include "scenario/loader.hpp"
#include "sim/run/replication_runner.hpp"
#include "sim/stats/confidence.hpp"
#include "sim/time/japanese_holidays.hpp"

namespace kyoten::hub {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

constexpr std::size_t kReplications = 30;
constexpr std::uint64_t kSeed = 2024;

Scenario load(const char* name) {
  return scenario::load_scenario(std::string(KYOTEN_SOURCE_DIR) + "/scenarios/" + name).scenario;
}

Date ymd(int y, unsigned m, unsigned d) { return Date{year{y} / month{m} / day{d}}; }

// The continuous run with statistics kept over [from, to) only.
Scenario window(Scenario sc, Date from, Date to) {
  const Date run_start = sc.horizon.start - std::chrono::days{static_cast<int>(sc.horizon.warmup_days)};
  sc.horizon.start = from;
  sc.horizon.end = to;
  sc.horizon.warmup_days = static_cast<double>((std::chrono::sys_days{from} - std::chrono::sys_days{run_start}).count());
  for (PlanChange& change : sc.changes) change.plan.horizon = sc.horizon;
  return sc;
}

std::vector<ReplicationResult> run(const Scenario& sc) {
  return sim::run_replications(0, kReplications, 2, [&](std::size_t r) { return simulate_replication(sc, kSeed, r); });
}

std::vector<double> kpi(const std::vector<ReplicationResult>& results, const char* key) {
  std::vector<double> v;
  for (const auto& r : results) v.push_back(r.kpi[kpi_index(key)]);
  return v;
}

class SetagayaRollout : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const Scenario sc = load("setagaya-fy2023-to-fy2026.toml");
    autumn_ = new std::vector<ReplicationResult>(run(window(sc, ymd(2023, 10, 1), ymd(2024, 1, 1))));
    rollout_ = new std::vector<ReplicationResult>(run(window(sc, ymd(2024, 1, 1), ymd(2024, 4, 1))));
    later_ = new std::vector<ReplicationResult>(run(window(sc, ymd(2024, 7, 1), ymd(2025, 1, 1))));
  }
  static void TearDownTestSuite() {
    delete autumn_;
    delete rollout_;
    delete later_;
  }
  static std::vector<ReplicationResult>*autumn_, *rollout_, *later_;
};
std::vector<ReplicationResult>* SetagayaRollout::autumn_ = nullptr;
std::vector<ReplicationResult>* SetagayaRollout::rollout_ = nullptr;
std::vector<ReplicationResult>* SetagayaRollout::later_ = nullptr;

// (a) October–December 2023 (trial, trial staff) against January–March 2024 (ward-wide, trial staff).
TEST_F(SetagayaRollout, TheRolloutWithTheTrialsStaffMakesAssessmentsWaitLongerAndLateByMarch2024) {
  for (const char* key : {"assessment_wait_days_mean", "assessment_backlog_mean", "assessments_late_share"}) {
    const auto ci = sim::paired_difference_interval(kpi(*rollout_, key), kpi(*autumn_, key));
    RecordProperty(std::string("rise_") + key, std::to_string(ci.low()) + " .. " + std::to_string(ci.high()));
    EXPECT_GT(ci.low(), 0.0) << key << ": Jan–Mar 2024 minus Oct–Dec 2023, 95% CI [" << ci.low() << ", " << ci.high() << "]";
  }
}

// (b) July–December 2024 (ward-wide, strengthened staff) against January–March 2024.
TEST_F(SetagayaRollout, WithTheStrengthenedStaffTheWaitAndLateShareFallAgainWithinFY2024) {
  for (const char* key : {"assessment_wait_days_mean", "assessment_backlog_mean", "assessments_late_share"}) {
    const auto ci = sim::paired_difference_interval(kpi(*later_, key), kpi(*rollout_, key));
    RecordProperty(std::string("fall_") + key, std::to_string(ci.low()) + " .. " + std::to_string(ci.high()));
    EXPECT_LT(ci.high(), 0.0) << key << ": Jul–Dec 2024 minus Jan–Mar 2024, 95% CI [" << ci.low() << ", " << ci.high() << "]";
  }
}

double center_cost(const ReplicationResult& r) {
  double yen = 0;
  for (const CostRecord& c : r.costs) yen += c.line == "center" ? c.yen : 0;
  return yen;
}

double extra_pay(const ReplicationResult& r) {
  double yen = 0;
  for (const OvertimeRecord& o : r.overtime) yen += o.work.overtime_yen + o.work.call_out_yen;
  return yen;
}

// (c) setagaya-wardwide (2 round the clock and a third on weekdays 9–18) against setagaya-plan-two-daytime (no
// third), FY2024–FY2026, one year each so the run stays short: FY2024.
TEST(SetagayaStaffing, AThirdDaytimeCoordinatorShortensTheAssessmentWaitAtTheCostOfItsHours) {
  Scenario three = load("setagaya-wardwide.toml"), two = load("setagaya-plan-two-daytime.toml");
  for (Scenario* sc : {&three, &two}) sc->horizon.end = ymd(2025, 4, 1);
  const auto with_three = run(three), with_two = run(two);
  const auto wait = sim::paired_difference_interval(kpi(with_two, "assessment_wait_days_mean"),
                                                    kpi(with_three, "assessment_wait_days_mean"));
  RecordProperty("two_minus_three_wait_days", std::to_string(wait.low()) + " .. " + std::to_string(wait.high()));
  EXPECT_GT(wait.low(), 0.0) << "two minus three daytime, 95% CI [" << wait.low() << ", " << wait.high() << "] days";

  // By hand: the third coordinator works 9 hours on each weekday of FY2024 that is neither a public holiday nor
  // in the municipal year-end closure (29 December – 3 January, on by default), at
  // 2,500 yen an hour with no night or holiday premium (9–18 on working days); overtime and call-outs are paid
  // on top in each run and set apart.
  int working_days = 0;
  for (std::chrono::sys_days d{ymd(2024, 4, 1)}; d < std::chrono::sys_days{ymd(2025, 4, 1)}; d += std::chrono::days{1}) {
    const unsigned weekday = std::chrono::weekday{d}.iso_encoding();  // 1 = Monday … 7 = Sunday
    const std::chrono::year_month_day date{d};
    const bool year_end = (date.month() == std::chrono::December && date.day() >= std::chrono::day{29}) ||
                          (date.month() == std::chrono::January && date.day() <= std::chrono::day{3});
    if (weekday <= 5 && !sim::is_japanese_holiday(d) && !year_end) ++working_days;
  }
  const double added_yen = working_days * 9.0 * 2'500;
  for (std::size_t r = 0; r < kReplications; ++r) {
    const double scheduled_difference =
        (center_cost(with_three[r]) - extra_pay(with_three[r])) - (center_cost(with_two[r]) - extra_pay(with_two[r]));
    EXPECT_NEAR(scheduled_difference, added_yen, 1e-3) << "replication " << r;
  }
}

}  // namespace
}  // namespace kyoten::hub
