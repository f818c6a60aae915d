#include "presentation/precision_text.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "presentation/number_format.hpp"

namespace kyoten::presentation {
namespace {

constexpr std::size_t kShownKpis = 3;  // the limiting KPI and the next two: enough to see what drives the count

std::string count(std::size_t n) { return format_number(static_cast<double>(n), 0); }

// "not_arranged_share 1,060 (mean 0.37, sd 0.3, tolerance ±0.0186), answer_mean_min 580, ..."
std::string needs(const Projection& p, bool ja) {
  std::string out;
  for (std::size_t i = 0; i < std::min(kShownKpis, p.series.size()); ++i) {
    const SeriesProjection& s = p.series[i];
    if (!s.projected) break;
    if (i) out += ja ? "、" : ", ";
    out += ja ? fmt::format("{} {} 回", s.key, count(s.needed)) : fmt::format("{} {}", s.key, count(s.needed));
    if (i == 0)
      out += ja ? fmt::format("（平均 {:.3g}、標準偏差 {:.3g}、許容幅 ±{:.3g}）", s.mean, s.sd, s.tolerance)
                : fmt::format(" (mean {:.3g}, sd {:.3g}, tolerance ±{:.3g})", s.mean, s.sd, s.tolerance);
  }
  return out;
}

std::string not_projected(const Projection& p, bool ja) {
  std::string keys;
  for (const SeriesProjection& s : p.series)
    if (!s.projected) keys += (keys.empty() ? "" : ", ") + s.key;
  if (keys.empty()) return {};
  return ja ? fmt::format("。まだ見込めない指標（定義される反復が 2 回未満）: {}", keys)
            : fmt::format("; not yet projectable (defined in fewer than 2 replications): {}", keys);
}

// "to meet 0.05, --max-replications 1300 (...); within 1,000 replications, --precision 0.053". Option values are
// printed without separators so they can be pasted back.
std::string what_would_fit(const CapAdvice& a, double target, std::size_t cap, bool ja) {
  if (!a.exceeds && !a.max_replications) return {};  // nothing projectable to suggest
  std::string cap_part =
      a.max_replications
          ? (ja ? fmt::format("{:g} を満たすには --max-replications {}（見込みに 10% の余裕）", target,
                              a.max_replications)
                : fmt::format("to meet {:g}, --max-replications {} (the projection plus 10%)", target,
                              a.max_replications))
          : (ja ? fmt::format("{:g} に必要な反復回数は kyoten の上限を超えます", target)
                : fmt::format("meeting {:g} takes more replications than kyoten allows", target));
  if (!a.exceeds) return cap_part;  // the formula fits the cap: only the wobble of the estimates stopped it
  std::string precision_part =
      a.precision ? (ja ? fmt::format("{} 回以内なら --precision {:g}", count(cap), *a.precision)
                        : fmt::format("within {} replications, --precision {:g}", count(cap), *a.precision))
                  : (ja ? fmt::format("{} 回以内に収まる精度はありません（絶対許容幅で決まる指標）", count(cap))
                        : fmt::format("no precision up to 1 fits within {} (a KPI held by its absolute tolerance)",
                                      count(cap)));
  return cap_part + (ja ? "、" : "; ") + precision_part;
}

}  // namespace

std::string format_precision_projection(const Projection& p, double target, Language language) {
  const bool ja = language == Language::Japanese;
  if (p.series.empty())
    return ja ? fmt::format("精度 {:g}：精度を測れる主要指標がありません", target)
              : fmt::format("Precision {:g}: no headline KPI to measure precision on", target);
  if (!p.complete && (p.series.empty() || !p.series.front().projected))
    return ja ? fmt::format("精度 {:g}：最初の {} 回ではまだ必要回数を見込めません{}", target, count(p.from),
                            not_projected(p, true))
              : fmt::format("Precision {:g}: {} replications are too few to project the count{}", target,
                            count(p.from), not_projected(p, false));
  return ja ? fmt::format("精度 {:g}：最初の {} 回から公式 n = (t·s/許容幅)² で見込むと、先読みを含めて約 {} 回 — {}{}",
                          target, count(p.from), count(p.with_look_ahead), needs(p, true), not_projected(p, true))
            : fmt::format("Precision {:g}: from the first {} replications the formula n = (t·s/tolerance)² projects "
                          "about {} replications with the look-ahead — {}{}",
                          target, count(p.from), count(p.with_look_ahead), needs(p, false), not_projected(p, false));
}

std::string format_precision_cap_notice(const Projection& p, const CapAdvice& a, double target, std::size_t cap,
                                        Language language) {
  if (!a.exceeds) return {};
  const bool ja = language == Language::Japanese;
  return ja ? fmt::format("kyoten run: 見込み（約 {} 回、制約は {}）は --max-replications の {} 回を超えます。"
                          "このままでは {} 回で止まり、精度 {:g} には届きません。{}。"
                          "{} 回からの見込みは粗い推定です。実行は続け、反復を追加するたびに見込み直します。",
                          count(p.with_look_ahead), p.limiting, count(cap), count(cap), target,
                          what_would_fit(a, target, cap, true), count(p.from))
            : fmt::format("kyoten run: the projection (about {} replications, for {}) is more than "
                          "--max-replications {}: the run will stop there short of precision {:g}; {}. "
                          "A projection from {} replications is rough; the run goes on and projects again as "
                          "replications are added.",
                          count(p.with_look_ahead), p.limiting, count(cap), target, what_would_fit(a, target, cap, false),
                          count(p.from));
}

std::string format_precision_outcome(const PrecisionDecision& d, const CapAdvice& a, double target, std::size_t cap,
                                     Language language) {
  const bool ja = language == Language::Japanese;
  const Projection& p = d.projection;
  if (d.satisfied) {
    const std::string formula =
        p.limiting.empty() ? std::string()
                           : (ja ? fmt::format("。この反復からの公式の見込み: {} に約 {} 回", p.limiting, count(p.needed))
                                 : fmt::format("; the formula over them: about {} for {}", count(p.needed), p.limiting));
    return ja ? fmt::format("反復回数: {}（精度目標 {:g}、到達 {:.4g}。{} 回で達成し、続く {} 回で確認{}）", count(d.keep),
                            target, d.reached, count(d.solution), count(d.keep - d.solution), formula)
              : fmt::format("Replications: {} (precision target {:g}, reached {:.4g}; met at {}, confirmed over {} "
                            "more{})",
                            count(d.keep), target, d.reached, count(d.solution), count(d.keep - d.solution), formula);
  }
  std::string formula;
  if (p.complete && !p.limiting.empty())
    formula = p.limiting == d.limiting
                  ? (ja ? fmt::format("（公式では約 {} 回が必要）", count(p.needed))
                        : fmt::format(", which needs about {} by the formula", count(p.needed)))
                  : (ja ? fmt::format("（公式で最も多く必要なのは {} の約 {} 回）", p.limiting, count(p.needed))
                        : fmt::format("; by the formula {} needs the most, about {}", p.limiting, count(p.needed)));
  std::string fit = what_would_fit(a, target, cap, ja);
  if (!fit.empty()) fit = (ja ? "。" : "; ") + fit;
  return ja ? fmt::format("反復回数: {}（精度目標 {:g}、到達 {:.4g}。--max-replications で停止、制約となった指標は {}{}{}）",
                          count(d.keep), target, d.reached, d.limiting, formula, fit)
            : fmt::format("Replications: {} (precision target {:g}, reached {:.4g}; stopped at --max-replications, "
                          "held back by {}{}{})",
                          count(d.keep), target, d.reached, d.limiting, formula, fit);
}

}  // namespace kyoten::presentation
