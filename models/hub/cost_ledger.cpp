#include "models/hub/cost_ledger.hpp"

namespace kyoten::hub {

std::vector<CostRecord> CostLedger::records() const {
  std::vector<CostRecord> out;
  for (const auto& [fy, lines] : by_year_) {
    for (int i = 0; i < kCostLines; ++i) out.push_back(CostRecord{fy, kCostLineKeys[i], lines[i]});
  }
  return out;
}

}  // namespace kyoten::hub
