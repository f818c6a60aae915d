#pragma once
// How the system copes inside each dated surge's window (災害時, [[surges]]): summarised over replications, as
// summary.json writes it (presentation/surge_table prints it).
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <vector>

#include "models/hub/results.hpp"
#include "models/hub/scenario.hpp"
#include "output/summary.hpp"

namespace kyoten::output {

// One figure of a surge window: its key in summary.json, its labels and unit, and where it is in a SurgeRecord.
struct SurgeFigure {
  const char* key;
  const char* label_ja;
  const char* label_en;
  const char* unit;
  double hub::SurgeRecord::*field;
};
inline constexpr SurgeFigure kSurgeFigures[] = {
    {"emergencies", "期間中の緊急対応", "Emergencies in the window", "count", &hub::SurgeRecord::emergencies},
    {"arranged", "受入先の確保", "Arranged", "count", &hub::SurgeRecord::arranged},
    {"arrange_mean_h", "確保までの平均時間", "Time to arrangement, mean", "hours", &hub::SurgeRecord::arrange_hours_mean},
    {"unplaced", "受入先が見つからなかった", "Unplaced (unresolved)", "count", &hub::SurgeRecord::unplaced},
    {"searches_without_bed", "空床が見つからなかった調整", "Searches without a bed", "count",
     &hub::SurgeRecord::searches_without_bed},
    {"rooms_full_share", "緊急居室が満室だった時間の割合", "Hours with every hub room in use", "share",
     &hub::SurgeRecord::rooms_full_share},
};

// Per surge (in scenario order), per figure of kSurgeFigures.
std::vector<SurgeSummary> summarise_surges(std::span<const hub::ReplicationResult> results, double confidence_level,
                                           std::size_t draw_group);
nlohmann::ordered_json surges_json(const hub::Scenario& scenario, const std::vector<SurgeSummary>& surges);
// The surge's region by name; empty for a surge over all regions.
std::string surge_region(const hub::Scenario& scenario, const hub::Surge& s);

}  // namespace kyoten::output
