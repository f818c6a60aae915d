// Builds the holiday table for 2000–2099 in three passes that mirror the law's three articles:
// the named holidays (第2条, plus the special laws of 2019–2021), then substitutes for those falling on a
// Sunday (第3条第2項), then the days sandwiched between two named holidays (第3条第3項).
#include "sim/time/japanese_holidays.hpp"

#include <array>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace kyoten::sim {
namespace {

using namespace std::chrono;

enum class HolidayKind : std::uint8_t {
  None,
  NewYearsDay,               // 元日
  ComingOfAgeDay,            // 成人の日
  NationalFoundationDay,     // 建国記念の日
  EmperorsBirthday,          // 天皇誕生日
  VernalEquinoxDay,          // 春分の日
  ShowaDay,                  // 昭和の日
  GreeneryDay,               // みどりの日
  ConstitutionDay,           // 憲法記念日
  ChildrensDay,              // こどもの日
  MarineDay,                 // 海の日
  MountainDay,               // 山の日
  RespectForTheAgedDay,      // 敬老の日
  AutumnalEquinoxDay,        // 秋分の日
  HealthAndSportsDay,        // 体育の日 (until 2019)
  SportsDay,                 // スポーツの日 (from 2020)
  CultureDay,                // 文化の日
  LaborThanksgivingDay,      // 勤労感謝の日
  EnthronementDay,           // 即位の日 (2019 only)
  EnthronementCeremonyDay,   // 即位礼正殿の儀 (2019 only)
  SubstituteHoliday,         // 振替休日
  CitizensHoliday,           // 国民の休日
  Count
};

constexpr std::array<std::string_view, static_cast<std::size_t>(HolidayKind::Count)> kHolidayNames = {
    "",           "元日",     "成人の日",   "建国記念の日", "天皇誕生日",     "春分の日",
    "昭和の日",   "みどりの日", "憲法記念日", "こどもの日",   "海の日",         "山の日",
    "敬老の日",   "秋分の日", "体育の日",   "スポーツの日", "文化の日",       "勤労感謝の日",
    "即位の日",   "即位礼正殿の儀", "振替休日", "国民の休日"};

// A 国民の祝日 in the law's sense (named holidays and the 2019 days the special law treats as such):
// only these trigger a substitute or sandwich a day.
bool is_named_holiday(HolidayKind k) {
  return k != HolidayKind::None && k != HolidayKind::SubstituteHoliday && k != HolidayKind::CitizensHoliday;
}

// The law in force changed in these years (each amendment took effect on 1 January of the year named).
constexpr int kFirstYearHappyMondayMarineAndAged = 2003;  // 海の日, 敬老の日 moved to Mondays
constexpr int kFirstYearNewSubstituteRule = 2007;         // substitute = next non-holiday, not only Monday
constexpr int kFirstYearShowaDay = 2007;                  // 4/29 renamed 昭和の日, みどりの日 moved to 5/4
constexpr int kFirstYearMountainDay = 2016;
constexpr int kLastYearEmperorBirthdayDec23 = 2018;       // Heisei emperor; none in 2019 (abdication)
constexpr int kFirstYearEmperorBirthdayFeb23 = 2020;      // Reiwa emperor
constexpr int kFirstYearSportsDayName = 2020;             // 体育の日 renamed スポーツの日
constexpr int kEnthronementYear = 2019;
constexpr int kOlympicYear = 2020;                        // Tokyo 2020 special measures law
constexpr int kPostponedOlympicYear = 2021;               // its 2020 amendment for the postponed games

// 春分の日 / 秋分の日 by the standard approximation for 1980–2099: the equinox drifts 0.242194 day later each
// year (the tropical year is 365.242194 days) and jumps back one day every leap year.
constexpr int kEquinoxEpochYear = 1980;
constexpr double kTropicalYearExcessDays = 0.242194;
constexpr double kVernalEquinoxEpochDay = 20.8431;     // March
constexpr double kAutumnalEquinoxEpochDay = 23.2488;   // September
constexpr int kLeapYearCycle = 4;

unsigned equinox_day(int y, double epoch_day) {
  const int years = y - kEquinoxEpochYear;
  const int leap_days = years / kLeapYearCycle;
  return static_cast<unsigned>(std::floor(epoch_day + kTropicalYearExcessDays * years - leap_days));
}

// The named holidays of one year, as fixed by the law (and the special laws) in force that year.
template <class Mark>
void mark_named_holidays(int y, Mark mark) {
  const year yr{y};
  auto on = [&](month m, unsigned d, HolidayKind k) { mark(sys_days{yr / m / day{d}}, k); };
  auto on_nth_monday = [&](month m, unsigned n, HolidayKind k) { mark(sys_days{yr / m / Monday[n]}, k); };

  on(January, 1, HolidayKind::NewYearsDay);
  on_nth_monday(January, 2, HolidayKind::ComingOfAgeDay);
  on(February, 11, HolidayKind::NationalFoundationDay);
  if (y <= kLastYearEmperorBirthdayDec23) on(December, 23, HolidayKind::EmperorsBirthday);
  if (y >= kFirstYearEmperorBirthdayFeb23) on(February, 23, HolidayKind::EmperorsBirthday);
  on(March, equinox_day(y, kVernalEquinoxEpochDay), HolidayKind::VernalEquinoxDay);
  if (y >= kFirstYearShowaDay) {
    on(April, 29, HolidayKind::ShowaDay);
    on(May, 4, HolidayKind::GreeneryDay);
  } else {
    on(April, 29, HolidayKind::GreeneryDay);  // 5/4 was then a 国民の休日 by the sandwich rule
  }
  on(May, 3, HolidayKind::ConstitutionDay);
  on(May, 5, HolidayKind::ChildrensDay);
  on(September, equinox_day(y, kAutumnalEquinoxEpochDay), HolidayKind::AutumnalEquinoxDay);
  on(November, 3, HolidayKind::CultureDay);
  on(November, 23, HolidayKind::LaborThanksgivingDay);

  if (y == kOlympicYear) {
    on(July, 23, HolidayKind::MarineDay);
    on(July, 24, HolidayKind::SportsDay);
    on(August, 10, HolidayKind::MountainDay);
  } else if (y == kPostponedOlympicYear) {
    on(July, 22, HolidayKind::MarineDay);
    on(July, 23, HolidayKind::SportsDay);
    on(August, 8, HolidayKind::MountainDay);
  } else {
    if (y < kFirstYearHappyMondayMarineAndAged) {
      on(July, 20, HolidayKind::MarineDay);
    } else {
      on_nth_monday(July, 3, HolidayKind::MarineDay);
    }
    if (y >= kFirstYearMountainDay) on(August, 11, HolidayKind::MountainDay);
    on_nth_monday(October, 2, y >= kFirstYearSportsDayName ? HolidayKind::SportsDay
                                                           : HolidayKind::HealthAndSportsDay);
  }
  if (y < kFirstYearHappyMondayMarineAndAged) {
    on(September, 15, HolidayKind::RespectForTheAgedDay);
  } else {
    on_nth_monday(September, 3, HolidayKind::RespectForTheAgedDay);
  }

  if (y == kEnthronementYear) {
    on(May, 1, HolidayKind::EnthronementDay);
    on(October, 22, HolidayKind::EnthronementCeremonyDay);
  }
}

class HolidayTable {
 public:
  HolidayTable() : kinds_(static_cast<std::size_t>((last_day_ - first_day_).count()) + 1, HolidayKind::None) {
    for (int y = kFirstHolidayYear; y <= kLastHolidayYear; ++y) {
      mark_named_holidays(y, [this](sys_days d, HolidayKind k) { kinds_[index_of(d)] = k; });
    }
    mark_substitute_holidays();
    mark_citizens_holidays();
  }

  [[nodiscard]] HolidayKind at(sys_days d) const {
    if (d < first_day_ || d > last_day_) {
      throw std::out_of_range("Japanese holidays are computed for " + std::to_string(kFirstHolidayYear) + "–" +
                              std::to_string(kLastHolidayYear) + " only");
    }
    return kinds_[index_of(d)];
  }

 private:
  [[nodiscard]] std::size_t index_of(sys_days d) const { return static_cast<std::size_t>((d - first_day_).count()); }
  [[nodiscard]] sys_days day_at(std::size_t i) const { return first_day_ + days{static_cast<int>(i)}; }
  [[nodiscard]] bool named_at(std::size_t i) const { return i < kinds_.size() && is_named_holiday(kinds_[i]); }

  // 第3条第2項: a named holiday on a Sunday makes a later day a holiday. Until 2006 that was the Monday;
  // from 2007 it is the first following day that is not itself a named holiday.
  void mark_substitute_holidays() {
    for (std::size_t i = 0; i < kinds_.size(); ++i) {
      if (!is_named_holiday(kinds_[i]) || weekday{day_at(i)} != Sunday) continue;
      std::size_t substitute = i + 1;
      if (int{year_month_day{day_at(i)}.year()} >= kFirstYearNewSubstituteRule) {
        while (named_at(substitute)) ++substitute;
      }
      if (substitute < kinds_.size() && kinds_[substitute] == HolidayKind::None) {
        kinds_[substitute] = HolidayKind::SubstituteHoliday;
      }
    }
  }

  // 第3条第3項: a day whose day before and day after are both named holidays is itself a holiday, unless it is
  // already one (a named holiday or a substitute) or a Sunday.
  void mark_citizens_holidays() {
    for (std::size_t i = 1; i + 1 < kinds_.size(); ++i) {
      if (kinds_[i] == HolidayKind::None && weekday{day_at(i)} != Sunday && named_at(i - 1) && named_at(i + 1)) {
        kinds_[i] = HolidayKind::CitizensHoliday;
      }
    }
  }

  sys_days first_day_ = sys_days{year{kFirstHolidayYear} / January / 1};
  sys_days last_day_ = sys_days{year{kLastHolidayYear} / December / 31};
  std::vector<HolidayKind> kinds_;
};

const HolidayTable& holiday_table() {
  static const HolidayTable table;  // built once, on first use; thread-safe since C++11
  return table;
}

sys_days checked_day(year_month_day date) {
  if (!date.ok()) throw std::invalid_argument("not a valid calendar date");
  return sys_days{date};
}

}  // namespace

bool is_japanese_holiday(std::chrono::sys_days date) { return holiday_table().at(date) != HolidayKind::None; }

bool is_japanese_holiday(std::chrono::year_month_day date) { return is_japanese_holiday(checked_day(date)); }

std::string_view japanese_holiday_name(std::chrono::sys_days date) {
  return kHolidayNames[static_cast<std::size_t>(holiday_table().at(date))];
}

std::string_view japanese_holiday_name(std::chrono::year_month_day date) {
  return japanese_holiday_name(checked_day(date));
}

}  // namespace kyoten::sim
