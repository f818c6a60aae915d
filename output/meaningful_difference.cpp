#include "output/meaningful_difference.hpp"

namespace kyoten::output {

MeaningfulDifference default_meaningful_difference(std::string_view unit) {
  if (unit == "minutes") return {1.0, 0};
  if (unit == "hours") return {0.1, 0};
  if (unit == "days") return {0.1, 0};
  if (unit == "share") return {0.01, 0};
  if (unit == "yen") return {0, 0.01};
  return {1.0, 0};  // counts: one person, call or event
}

}  // namespace kyoten::output
