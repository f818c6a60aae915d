#pragma once
// The parameter grid of `kyoten sweep --vary` and `kyoten optimize --space`: each option is one dimension,
// the grid is their cartesian product, and a grid point is a list of --set overrides.
//
//   --vary 'facilities[0].beds=4,6,8'          one key, three values
//   --vary 'search.fallbacks=["home_help"],[]'  values are TOML: commas inside [ ], { } or quotes do not split
//   --vary 'facilities[0].beds=1,2;facilities[0].reserved_emergency_beds=1,2'
//                                               keys joined by ';' move together (zipped, not crossed):
//                                               (beds 1, reserved 1), (beds 2, reserved 2)
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace kyoten::planning {

struct Dimension {
  std::vector<std::string> keys;
  std::vector<std::vector<std::string>> values;  // values[k][i]: key k's value at step i; equal lengths
  [[nodiscard]] std::size_t size() const { return values.empty() ? 0 : values.front().size(); }
};

// One configuration: (key, value text) in the order of the dimensions and their keys.
struct GridPoint {
  std::vector<std::pair<std::string, std::string>> settings;
};

// Parses one --vary/--space text. Throws InputErrors naming `option` (e.g. "--vary") on malformed text.
Dimension parse_dimension(const std::string& text, const std::string& option);

// Every scenario of a grid is loaded before the first replication runs: 10,000 points (four keys with ten values
// each) is far beyond a planning question and keeps that within a few gigabytes.
inline constexpr std::size_t kMaxGridPoints = 10'000;

// Every combination (at most kMaxGridPoints, else InputErrors), the last dimension varying fastest; point i keeps index i on every run (sweeps resume by it).
std::vector<GridPoint> cartesian_product(const std::vector<Dimension>& dimensions);

// "key=value" strings for the scenario loader.
std::vector<std::string> overrides_of(const GridPoint& point);

// {"key": value}: numbers and booleans as JSON numbers and booleans, anything else as the text given.
nlohmann::ordered_json point_json(const GridPoint& point);

// "beds=3, count=2": short, for tables and progress lines (the last path step of each key).
std::string point_label(const GridPoint& point);

// The grid as given, for records and for checking that a resumed sweep is the same sweep.
nlohmann::ordered_json dimensions_json(const std::vector<Dimension>& dimensions);

}  // namespace kyoten::planning
