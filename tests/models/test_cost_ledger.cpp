// Money by fiscal year and cost line (models/hub/cost_ledger.hpp), against hand-added sums.
#include "models/hub/cost_ledger.hpp"

#include <gtest/gtest.h>

#include <utility>

using namespace kyoten::hub;

namespace {

double cost_of(const std::vector<CostRecord>& records, int fy, const std::string& line) {
  for (const CostRecord& r : records)
    if (r.fiscal_year == fy && r.line == line) return r.yen;
  ADD_FAILURE() << "no record for " << fy << " " << line;
  return -1;
}

}  // namespace

TEST(CostLedger, ChargesAddUpByFiscalYearAndLine) {
  CostLedger ledger;
  ledger.set_fiscal_year(2024);
  ledger.charge(CostLine::Center, 1000);
  ledger.charge(CostLine::Center, 500);
  ledger.charge(CostLine::CareTaxi, 70);
  ledger.set_fiscal_year(2025);
  ledger.charge(CostLine::Center, 2000);
  ledger.set_fiscal_year(2024);  // back to an earlier year: its lines continue
  ledger.charge(CostLine::Training, 30);
  const auto records = ledger.records();
  // Every line of every year charged, in year order and in the order of kCostLineKeys.
  ASSERT_EQ(records.size(), 2u * kCostLines);
  EXPECT_EQ(records.front().fiscal_year, 2024);
  EXPECT_EQ(records.front().line, "center");
  EXPECT_EQ(records.back().fiscal_year, 2025);
  EXPECT_EQ(records.back().line, "emergency_places");
  EXPECT_EQ(cost_of(records, 2024, "center"), 1500);
  EXPECT_EQ(cost_of(records, 2024, "care_taxi"), 70);
  EXPECT_EQ(cost_of(records, 2024, "training"), 30);
  EXPECT_EQ(cost_of(records, 2024, "hub"), 0);
  EXPECT_EQ(cost_of(records, 2025, "center"), 2000);
  EXPECT_EQ(ledger.total(), 3600);
}

TEST(CostLedger, MonthTotalIsWhatWasSpentSinceItWasLastTaken) {
  CostLedger ledger;
  ledger.set_fiscal_year(2024);
  ledger.charge(CostLine::Hub, 100);
  ledger.charge(CostLine::Assessments, 20);
  EXPECT_EQ(ledger.take_month_total(), 120);
  EXPECT_EQ(ledger.take_month_total(), 0);
  ledger.charge(CostLine::Hub, 5);
  EXPECT_EQ(ledger.take_month_total(), 5);
  EXPECT_EQ(ledger.total(), 125);
}

TEST(CostLedger, AMovedLedgerKeepsChargingTheSameYear) {
  CostLedger a;
  a.set_fiscal_year(2030);
  a.charge(CostLine::ReservedBeds, 10);
  CostLedger b = std::move(a);
  b.charge(CostLine::ReservedBeds, 15);  // through the cached current-year pointer
  EXPECT_EQ(cost_of(b.records(), 2030, "reserved_beds"), 25);
}

TEST(CostLedger, NoChargeNoRecords) { EXPECT_TRUE(CostLedger().records().empty()); }
