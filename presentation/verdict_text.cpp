#include "presentation/verdict_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "presentation/display.hpp"

namespace kyoten::presentation {

using planning::Difference;
using planning::Verdict;

namespace {

constexpr double kNoise = 1e-9;  // an interval narrower than this share of the values is rounding noise

// Words for "higher" and "lower" by unit, so a time is shorter or longer and a cost higher or lower.
struct Direction {
  const char* up_en;
  const char* down_en;
  const char* up_ja;
  const char* down_ja;
};

Direction direction_of(std::string_view unit) {
  if (unit == "minutes" || unit == "hours" || unit == "days") return {"longer", "shorter", "長い", "短い"};
  if (unit == "count") return {"more", "fewer", "多い", "少ない"};
  if (unit == "yen") return {"more", "less", "高い", "安い"};
  return {"higher", "lower", "高い", "低い"};
}

}  // namespace

const char* verdict_key(Verdict verdict) {
  switch (verdict) {
    case Verdict::Same: return "same";
    case Verdict::NotClear: return "not_clear";
    case Verdict::Higher: return "higher";
    case Verdict::Lower: return "lower";
    case Verdict::Undefined: return "undefined";
    case Verdict::NoPracticalDifference: return "no_practical_difference";
  }
  return "";
}

std::string verdict_word(std::string_view unit, Verdict verdict, Language language) {
  const bool ja = language == Language::Japanese;
  const Direction dir = direction_of(unit);
  switch (verdict) {
    case Verdict::Same: return ja ? "差なし（全反復で同一）" : "no difference (identical)";
    case Verdict::NotClear: return ja ? "明確な差なし" : "no clear difference";
    case Verdict::Higher: return ja ? dir.up_ja : dir.up_en;
    case Verdict::Lower: return ja ? dir.down_ja : dir.down_en;
    case Verdict::Undefined: return ja ? "比較不能" : "cannot compare";
    case Verdict::NoPracticalDifference: return ja ? "実質的な差なし" : "no practical difference";
  }
  return "";
}

std::string verdict_sentence(std::string_view label, std::string_view unit, const Difference& d,
                             const std::string& other, const std::string& base, Language language) {
  const bool ja = language == Language::Japanese;
  const ShownUnit shown = shown_unit(unit);
  const std::string diff_unit = ja ? shown.diff_ja : shown.diff_en;
  const double mean = d.ci.mean * shown.scale;
  const double half = d.ci.half_width * shown.scale;
  // A sentence shows an interval to its first significant digit (38 min, 31–45), a table to two.
  const bool interval =
      std::isfinite(half) && half > kNoise * std::max(std::abs(mean), std::abs(d.mean_base * shown.scale));
  const int decimals = interval ? std::max(0, decimals_for(mean, half) - 1)
                                : decimals_for_difference(mean, 0, d.mean_base * shown.scale);
  const auto num = [decimals](double v) { return format_number(v, decimals); };
  const std::string level = fmt::format("{:g}%", d.ci.level * 100);
  const std::string sep = ja ? "" : " ";
  const std::string spaced_unit = diff_unit.empty() ? "" : sep + diff_unit;

  switch (d.verdict) {
    case Verdict::Same:
      return ja ? fmt::format("{}：差なし（全ての反復で同一）", label)
                : fmt::format("{}: no difference (identical in every replication)", label);
    case Verdict::Undefined:
      return ja ? fmt::format("{}：比較できない（値のある反復が2未満）", label)
                : fmt::format("{}: cannot be compared (fewer than two replications with a value)", label);
    case Verdict::NotClear:
      return ja ? fmt::format("{}：差は統計的に明確ではない（{}−{} = {}{}、{}信頼区間 {}〜{}）", label, other, base,
                              num(mean), diff_unit, level, num(mean - half), num(mean + half))
                : fmt::format("{}: no statistically clear difference ({} − {} = {}{}, {} CI {} to {})", label, other,
                              base, num(mean), spaced_unit, level, num(mean - half), num(mean + half));
    case Verdict::NoPracticalDifference:
      return ja ? fmt::format("{}：実質的な差なし（{}−{} = {}{}、{}信頼区間 {}〜{} が実質的な差の最小値の内側）", label,
                              other, base, num(mean), diff_unit, level, num(mean - half), num(mean + half))
                : fmt::format("{}: no practical difference ({} − {} = {}{}, {} CI {} to {}, inside the minimum "
                              "meaningful difference)",
                              label, other, base, num(mean), spaced_unit, level, num(mean - half), num(mean + half));
    case Verdict::Higher:
    case Verdict::Lower: {
      const Direction dir = direction_of(unit);
      const bool up = d.verdict == Verdict::Higher;
      // Magnitudes: "38 min shorter, CI 31–45" reads better than "−38, CI −45 to −31".
      const double size = std::abs(mean);
      const double low = up ? mean - half : -(mean + half);
      const double high = up ? mean + half : -(mean - half);
      return ja ? fmt::format("{}：{}は{}より{}{}{}（{}信頼区間 {}〜{}）", label, other, base, num(size), diff_unit,
                              up ? dir.up_ja : dir.down_ja, level, num(low), num(high))
                : fmt::format("{}: {} is {}{} {} than {} ({} CI {}–{})", label, other, num(size), spaced_unit,
                              up ? dir.up_en : dir.down_en, base, level, num(low), num(high));
    }
  }
  return "";
}

}  // namespace kyoten::presentation
