#pragma once
// Money by fiscal year and budget line, accrued as the simulation spends it.
#include <array>
#include <map>
#include <vector>

#include "models/hub/results.hpp"

namespace kyoten::hub {

enum class CostLine : int {
  CenterStaff,
  CenterFixed,
  OnCall,
  ReservedBeds,
  EmergencyStays,
  HubRooms,
  HomeHelp,
  CareTaxi,
  ExperienceStays,
  Assessments,
  Training,
  Advice,
};
inline constexpr int kCostLines = 12;
inline constexpr std::array<const char*, kCostLines> kCostLineKeys = {
    "center_staff", "center_fixed", "on_call",          "reserved_beds", "emergency_stays", "hub_rooms",
    "home_help",    "care_taxi",    "experience_stays", "assessments",   "training",        "advice"};

class CostLedger {
 public:
  void set_fiscal_year(int fy) { fiscal_year_ = fy; }
  void charge(CostLine line, double yen) {
    by_year_[fiscal_year_][static_cast<int>(line)] += yen;
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
  double month_total_ = 0;
  double total_ = 0;
};

}  // namespace kyoten::hub
