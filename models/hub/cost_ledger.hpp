#pragma once
// Money by fiscal year and budget line, accrued as the simulation spends it.
#include <array>
#include <map>
#include <vector>

#include "models/hub/results.hpp"

namespace kyoten::hub {

// Cost lines are the budget lines a municipality budgets by (seed 000 lists the backup center, specialist
// supporters, care taxi, experience-stay advice and training), plus the lines the other seeds' systems add.
// A scenario's [[budget.lines]] must name one of these, so cost and budget always meet.
enum class CostLine : int {
  Center,                // coordinators' hours with premiums, on-call allowance and the contract's fixed part
  ReservedBeds,          // 空床確保: fees for beds held free for emergencies
  EmergencyStays,        // the municipality's fee per emergency bed-day
  Hub,                   // the hub's dedicated emergency rooms
  SpecialistSupporters,  // helpers / specialist supporters dispatched to the home
  CareTaxi,
  ExperienceStays,
  Assessments,
  Training,
  ExperienceAdvice,
  EmergencyPlaces,       // 緊急一時保護: per-day fees and upkeep of elderly-care agreement places, vacant houses, rooms
};
inline constexpr int kCostLines = 11;
inline constexpr std::array<const char*, kCostLines> kCostLineKeys = {
    "center",     "reserved_beds",    "emergency_stays", "hub",      "specialist_supporters",
    "care_taxi",  "experience_stays", "assessments",     "training", "experience_advice",
    "emergency_places"};

class CostLedger {
 public:
  CostLedger() = default;
  // Moving keeps the map's nodes, and so the current-year pointer, valid; a copy would point into the original.
  CostLedger(CostLedger&&) = default;
  CostLedger& operator=(CostLedger&&) = default;
  CostLedger(const CostLedger&) = delete;
  CostLedger& operator=(const CostLedger&) = delete;

  void set_fiscal_year(int fy) {
    if (fy != fiscal_year_) current_ = nullptr;
    fiscal_year_ = fy;
  }
  void charge(CostLine line, double yen) {
    // Map nodes do not move, so a year's lines are looked up at its first charge, not at every charge.
    if (current_ == nullptr) current_ = &by_year_[fiscal_year_];
    (*current_)[static_cast<int>(line)] += yen;
    month_total_ += yen;
    total_ += yen;
  }
  // Cost since the last call (used to close a month).
  double take_month_total() {
    const double m = month_total_;
    month_total_ = 0;
    return m;
  }
  [[nodiscard]] double total() const { return total_; }
  [[nodiscard]] std::vector<CostRecord> records() const;

 private:
  int fiscal_year_ = 0;
  std::map<int, std::array<double, kCostLines>> by_year_;
  std::array<double, kCostLines>* current_ = nullptr;
  double month_total_ = 0;
  double total_ = 0;
};

}  // namespace kyoten::hub
