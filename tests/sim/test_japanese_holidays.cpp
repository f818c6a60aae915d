// Proves the rule-based holiday table against published lists and against the law's own invariants.
//
// Expected dates are from the Cabinet Office list, 内閣府「国民の祝日について」
// (https://www8.cao.go.jp/chosei/shukujitsu/gaiyou.html, and its syukujitsu.csv of 1955 onwards). Dates the
// Cabinet Office labels 「休日」 appear here under the names this module gives them: 国民の休日 for a sandwiched
// day, 即位の日 / 即位礼正殿の儀 for 2019-05-01 / 2019-10-22 (「休日（祝日扱い）」 in the list).
#include "sim/time/japanese_holidays.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using namespace std::chrono;
using kyoten::sim::is_japanese_holiday;
using kyoten::sim::japanese_holiday_name;

using HolidayList = std::vector<std::pair<std::string, std::string>>;  // ("MM-DD", name)

std::string two_digits(unsigned v) { return std::string(v < 10 ? "0" : "") + std::to_string(v); }

std::string month_day(year_month_day d) {
  return two_digits(unsigned{d.month()}) + "-" + two_digits(unsigned{d.day()});
}

// For failure messages.
std::string text(sys_days d) {
  const year_month_day ymd{d};
  return std::to_string(int{ymd.year()}) + "-" + month_day(ymd);
}

HolidayList holidays_of(int y) {
  HolidayList list;
  for (sys_days d = sys_days{year{y} / January / 1}; d <= sys_days{year{y} / December / 31}; d += days{1}) {
    if (is_japanese_holiday(d)) list.emplace_back(month_day(year_month_day{d}), japanese_holiday_name(d));
  }
  return list;
}

TEST(JapaneseHolidays, Year2000FirstHappyMondayYearWithFixedMarineAndAgedDays) {
  const HolidayList expected = {
      {"01-01", "元日"},       {"01-10", "成人の日"},   {"02-11", "建国記念の日"}, {"03-20", "春分の日"},
      {"04-29", "みどりの日"}, {"05-03", "憲法記念日"}, {"05-04", "国民の休日"},   {"05-05", "こどもの日"},
      {"07-20", "海の日"},     {"09-15", "敬老の日"},   {"09-23", "秋分の日"},     {"10-09", "体育の日"},
      {"11-03", "文化の日"},   {"11-23", "勤労感謝の日"}, {"12-23", "天皇誕生日"}};
  EXPECT_EQ(holidays_of(2000), expected);
}

TEST(JapaneseHolidays, Year2006SubstituteIsTheMondayOnly) {
  const HolidayList expected = {
      {"01-01", "元日"},       {"01-02", "振替休日"},   {"01-09", "成人の日"},     {"02-11", "建国記念の日"},
      {"03-21", "春分の日"},   {"04-29", "みどりの日"}, {"05-03", "憲法記念日"},   {"05-04", "国民の休日"},
      {"05-05", "こどもの日"}, {"07-17", "海の日"},     {"09-18", "敬老の日"},     {"09-23", "秋分の日"},
      {"10-09", "体育の日"},   {"11-03", "文化の日"},   {"11-23", "勤労感謝の日"}, {"12-23", "天皇誕生日"}};
  EXPECT_EQ(holidays_of(2006), expected);
}

TEST(JapaneseHolidays, OldSubstituteRuleBefore2007) {
  // 2001: 2/11, 4/29, 9/23 and 12/23 fell on Sundays; each substitute is the Monday.
  EXPECT_EQ(japanese_holiday_name(2001y / February / 12), "振替休日");
  EXPECT_EQ(japanese_holiday_name(2001y / April / 30), "振替休日");
  EXPECT_EQ(japanese_holiday_name(2001y / September / 24), "振替休日");
  EXPECT_EQ(japanese_holiday_name(2001y / December / 24), "振替休日");
  // 2002: こどもの日 on a Sunday gave Monday 5/6 (5/4 being a 国民の休日, not a named holiday).
  EXPECT_EQ(japanese_holiday_name(2002y / May / 6), "振替休日");
}

TEST(JapaneseHolidays, NewSubstituteRuleFrom2007SkipsFollowingNamedHolidays) {
  // The substitute lands after the run of named holidays that follows the Sunday.
  EXPECT_EQ(japanese_holiday_name(2008y / May / 6), "振替休日");     // 5/4 みどりの日 on Sunday → Tuesday
  EXPECT_EQ(japanese_holiday_name(2009y / May / 6), "振替休日");     // 5/3 憲法記念日 on Sunday → Wednesday
  EXPECT_EQ(japanese_holiday_name(2007y / April / 30), "振替休日");  // first year of 昭和の日, on a Sunday
}

TEST(JapaneseHolidays, Year2019EnthronementAndGoldenWeek) {
  const HolidayList expected = {
      {"01-01", "元日"},         {"01-14", "成人の日"},   {"02-11", "建国記念の日"}, {"03-21", "春分の日"},
      {"04-29", "昭和の日"},     {"04-30", "国民の休日"}, {"05-01", "即位の日"},     {"05-02", "国民の休日"},
      {"05-03", "憲法記念日"},   {"05-04", "みどりの日"}, {"05-05", "こどもの日"},   {"05-06", "振替休日"},
      {"07-15", "海の日"},       {"08-11", "山の日"},     {"08-12", "振替休日"},     {"09-16", "敬老の日"},
      {"09-23", "秋分の日"},     {"10-14", "体育の日"},   {"10-22", "即位礼正殿の儀"}, {"11-03", "文化の日"},
      {"11-04", "振替休日"},     {"11-23", "勤労感謝の日"}};
  EXPECT_EQ(holidays_of(2019), expected);  // no 天皇誕生日 in 2019
}

TEST(JapaneseHolidays, Year2020OlympicMoves) {
  const HolidayList expected = {
      {"01-01", "元日"},       {"01-13", "成人の日"},     {"02-11", "建国記念の日"}, {"02-23", "天皇誕生日"},
      {"02-24", "振替休日"},   {"03-20", "春分の日"},     {"04-29", "昭和の日"},     {"05-03", "憲法記念日"},
      {"05-04", "みどりの日"}, {"05-05", "こどもの日"},   {"05-06", "振替休日"},     {"07-23", "海の日"},
      {"07-24", "スポーツの日"}, {"08-10", "山の日"},     {"09-21", "敬老の日"},     {"09-22", "秋分の日"},
      {"11-03", "文化の日"},   {"11-23", "勤労感謝の日"}};
  EXPECT_EQ(holidays_of(2020), expected);
}

TEST(JapaneseHolidays, Year2021PostponedOlympicMoves) {
  const HolidayList expected = {
      {"01-01", "元日"},       {"01-11", "成人の日"},   {"02-11", "建国記念の日"}, {"02-23", "天皇誕生日"},
      {"03-20", "春分の日"},   {"04-29", "昭和の日"},   {"05-03", "憲法記念日"},   {"05-04", "みどりの日"},
      {"05-05", "こどもの日"}, {"07-22", "海の日"},     {"07-23", "スポーツの日"}, {"08-08", "山の日"},
      {"08-09", "振替休日"},   {"09-20", "敬老の日"},   {"09-23", "秋分の日"},     {"11-03", "文化の日"},
      {"11-23", "勤労感謝の日"}};
  EXPECT_EQ(holidays_of(2021), expected);
}

TEST(JapaneseHolidays, Year2024) {
  const HolidayList expected = {
      {"01-01", "元日"},       {"01-08", "成人の日"},     {"02-11", "建国記念の日"}, {"02-12", "振替休日"},
      {"02-23", "天皇誕生日"}, {"03-20", "春分の日"},     {"04-29", "昭和の日"},     {"05-03", "憲法記念日"},
      {"05-04", "みどりの日"}, {"05-05", "こどもの日"},   {"05-06", "振替休日"},     {"07-15", "海の日"},
      {"08-11", "山の日"},     {"08-12", "振替休日"},     {"09-16", "敬老の日"},     {"09-22", "秋分の日"},
      {"09-23", "振替休日"},   {"10-14", "スポーツの日"}, {"11-03", "文化の日"},     {"11-04", "振替休日"},
      {"11-23", "勤労感謝の日"}};
  EXPECT_EQ(holidays_of(2024), expected);
  EXPECT_EQ(holidays_of(2024).size(), 21U);
}

TEST(JapaneseHolidays, Year2025) {
  const HolidayList expected = {
      {"01-01", "元日"},       {"01-13", "成人の日"},   {"02-11", "建国記念の日"}, {"02-23", "天皇誕生日"},
      {"02-24", "振替休日"},   {"03-20", "春分の日"},   {"04-29", "昭和の日"},     {"05-03", "憲法記念日"},
      {"05-04", "みどりの日"}, {"05-05", "こどもの日"}, {"05-06", "振替休日"},     {"07-21", "海の日"},
      {"08-11", "山の日"},     {"09-15", "敬老の日"},   {"09-23", "秋分の日"},     {"10-13", "スポーツの日"},
      {"11-03", "文化の日"},   {"11-23", "勤労感謝の日"}, {"11-24", "振替休日"}};
  EXPECT_EQ(holidays_of(2025), expected);
  EXPECT_EQ(holidays_of(2025).size(), 19U);
}

TEST(JapaneseHolidays, Year2026SandwichedDayInSeptember) {
  const HolidayList expected = {
      {"01-01", "元日"},       {"01-12", "成人の日"},   {"02-11", "建国記念の日"}, {"02-23", "天皇誕生日"},
      {"03-20", "春分の日"},   {"04-29", "昭和の日"},   {"05-03", "憲法記念日"},   {"05-04", "みどりの日"},
      {"05-05", "こどもの日"}, {"05-06", "振替休日"},   {"07-20", "海の日"},       {"08-11", "山の日"},
      {"09-21", "敬老の日"},   {"09-22", "国民の休日"}, {"09-23", "秋分の日"},     {"10-12", "スポーツの日"},
      {"11-03", "文化の日"},   {"11-23", "勤労感謝の日"}};
  EXPECT_EQ(holidays_of(2026), expected);
}

TEST(JapaneseHolidays, SilverWeekSandwichedDays) {
  EXPECT_EQ(japanese_holiday_name(2009y / September / 22), "国民の休日");
  EXPECT_EQ(japanese_holiday_name(2015y / September / 22), "国民の休日");
  EXPECT_EQ(japanese_holiday_name(2026y / September / 22), "国民の休日");
}

TEST(JapaneseHolidays, EquinoxDaysFollowTheFormula) {
  // Published: 2000, 2012, 2023, 2025. 2092 and 2096 are the formula's first 3/19 vernal equinox days;
  // 2099 is 3/20 by the formula (floor(20.8431 + 0.242194 * 119 - 29) = floor(20.66)).
  const std::map<int, std::pair<unsigned, unsigned>> vernal_autumnal = {
      {2000, {20, 23}}, {2012, {20, 22}}, {2023, {21, 23}}, {2025, {20, 23}},
      {2092, {19, 22}}, {2096, {19, 22}}, {2099, {20, 23}}};
  for (const auto& [y, days_of] : vernal_autumnal) {
    EXPECT_EQ(japanese_holiday_name(year{y} / March / day{days_of.first}), "春分の日") << y;
    EXPECT_EQ(japanese_holiday_name(year{y} / September / day{days_of.second}), "秋分の日") << y;
  }
}

TEST(JapaneseHolidays, EmperorsBirthdayByReign) {
  EXPECT_EQ(japanese_holiday_name(2018y / December / 23), "天皇誕生日");
  EXPECT_FALSE(is_japanese_holiday(2019y / December / 23));
  EXPECT_FALSE(is_japanese_holiday(2019y / February / 23));
  EXPECT_EQ(japanese_holiday_name(2021y / February / 23), "天皇誕生日");
  EXPECT_FALSE(is_japanese_holiday(2021y / December / 23));
}

TEST(JapaneseHolidays, OrdinaryDaysHaveNoName) {
  EXPECT_FALSE(is_japanese_holiday(2024y / January / 2));
  EXPECT_EQ(japanese_holiday_name(2024y / January / 2), "");
  EXPECT_FALSE(is_japanese_holiday(2024y / January / 7));  // a Sunday is not a holiday by itself
}

TEST(JapaneseHolidays, OutsideTheCoveredYearsThrows) {
  EXPECT_THROW((void)is_japanese_holiday(1999y / December / 31), std::out_of_range);
  EXPECT_THROW((void)is_japanese_holiday(2100y / January / 1), std::out_of_range);
  EXPECT_THROW((void)japanese_holiday_name(2100y / January / 1), std::out_of_range);
  EXPECT_NO_THROW((void)is_japanese_holiday(2000y / January / 1));
  EXPECT_NO_THROW((void)is_japanese_holiday(2099y / December / 31));
  EXPECT_THROW((void)is_japanese_holiday(2023y / February / 29), std::invalid_argument);
}

TEST(JapaneseHolidays, BothOverloadsAgree) {
  for (sys_days d = sys_days{2000y / January / 1}; d <= sys_days{2099y / December / 31}; d += days{1}) {
    ASSERT_EQ(japanese_holiday_name(d), japanese_holiday_name(year_month_day{d}));
  }
}

// ---- Invariants of the law, checked on every day of 2000–2099 ----

bool is_named(std::string_view name) { return !name.empty() && name != "振替休日" && name != "国民の休日"; }

TEST(JapaneseHolidaysProperties, NameIsNonEmptyExactlyOnHolidays) {
  for (sys_days d = sys_days{2000y / January / 1}; d <= sys_days{2099y / December / 31}; d += days{1}) {
    ASSERT_EQ(is_japanese_holiday(d), !japanese_holiday_name(d).empty()) << text(d);
  }
}

TEST(JapaneseHolidaysProperties, SubstitutesFollowASundayHolidayAndNeverFallOnSunday) {
  for (sys_days d = sys_days{2000y / January / 1}; d <= sys_days{2099y / December / 31}; d += days{1}) {
    if (japanese_holiday_name(d) != "振替休日") continue;
    ASSERT_NE(weekday{d}, Sunday) << text(d);
    if (year_month_day{d}.year() < 2007y) {
      ASSERT_EQ(weekday{d}, Monday) << text(d);
    }
    // Walking back over named holidays must reach a Sunday named holiday.
    sys_days back = d - days{1};
    while (is_named(japanese_holiday_name(back)) && weekday{back} != Sunday) back -= days{1};
    ASSERT_TRUE(weekday{back} == Sunday && is_named(japanese_holiday_name(back))) << text(d);
  }
}

TEST(JapaneseHolidaysProperties, EverySundayNamedHolidayGetsExactlyOneSubstitute) {
  for (int y = 2000; y <= 2099; ++y) {
    int sunday_named = 0;
    int substitutes = 0;
    for (sys_days d = sys_days{year{y} / January / 1}; d <= sys_days{year{y} / December / 31}; d += days{1}) {
      const std::string_view name = japanese_holiday_name(d);
      if (is_named(name) && weekday{d} == Sunday) ++sunday_named;
      if (name == "振替休日") ++substitutes;
    }
    EXPECT_EQ(sunday_named, substitutes) << y;
  }
}

TEST(JapaneseHolidaysProperties, CitizensHolidaysAreSandwichedWeekdays) {
  int count = 0;
  for (sys_days d = sys_days{2000y / January / 2}; d < sys_days{2099y / December / 31}; d += days{1}) {
    if (japanese_holiday_name(d) != "国民の休日") continue;
    ++count;
    ASSERT_NE(weekday{d}, Sunday) << text(d);
    ASSERT_TRUE(is_named(japanese_holiday_name(d - days{1})) && is_named(japanese_holiday_name(d + days{1})))
        << text(d);
  }
  EXPECT_GT(count, 0);
}

TEST(JapaneseHolidaysProperties, NoNonHolidayWeekdayIsSandwichedBetweenNamedHolidays) {
  for (sys_days d = sys_days{2000y / January / 2}; d < sys_days{2099y / December / 31}; d += days{1}) {
    if (weekday{d} == Sunday || is_japanese_holiday(d)) continue;
    ASSERT_FALSE(is_named(japanese_holiday_name(d - days{1})) && is_named(japanese_holiday_name(d + days{1})))
        << text(d);
  }
}

TEST(JapaneseHolidaysProperties, HappyMondayHolidaysFallOnTheRightMonday) {
  for (int y = 2003; y <= 2099; ++y) {
    const year yr{y};
    EXPECT_EQ(japanese_holiday_name(yr / January / Monday[2]), "成人の日") << y;
    EXPECT_EQ(japanese_holiday_name(yr / September / Monday[3]), "敬老の日") << y;
    if (y == 2020 || y == 2021) continue;  // Olympic moves, tested above
    EXPECT_EQ(japanese_holiday_name(yr / July / Monday[3]), "海の日") << y;
    EXPECT_EQ(japanese_holiday_name(yr / October / Monday[2]), y < 2020 ? "体育の日" : "スポーツの日") << y;
  }
}

TEST(JapaneseHolidaysProperties, EachNamedHolidayOccursOncePerYear) {
  for (int y = 2000; y <= 2099; ++y) {
    std::map<std::string, int> occurrences;
    for (const auto& [md, name] : holidays_of(y)) {
      if (is_named(name)) ++occurrences[name];
    }
    for (const auto& [name, n] : occurrences) EXPECT_EQ(n, 1) << y << " " << name;
    // Fewest: 15 (e.g. 2000, no substitutes before 山の日 existed); most: 22 (2019, with its one-off days).
    EXPECT_GE(holidays_of(y).size(), 15U) << y;
    EXPECT_LE(holidays_of(y).size(), 22U) << y;
  }
}

}  // namespace
