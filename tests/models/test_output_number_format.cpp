// Number formatting shared by every printed table (presentation/number_format.hpp): decimals chosen from an
// interval (hand-worked), and decimal rounding as a property checked against the exact decimal value.
#include "presentation/number_format.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>

using namespace kyoten::presentation;

namespace {

// The text without its thousands commas; fails the property if the commas are misplaced.
std::string without_commas(const std::string& text) {
  const std::size_t start = text.front() == '-' ? 1 : 0;
  const std::size_t point = std::min(text.find('.'), text.size());
  std::string plain;
  for (std::size_t i = start; i < point; ++i) {
    const std::size_t from_point = point - i;  // digits and commas to the decimal point
    if (from_point % 4 == 0) {
      RC_ASSERT(text[i] == ',');
      continue;
    }
    RC_ASSERT(text[i] >= '0' && text[i] <= '9');
    plain += text[i];
  }
  return text.substr(0, start) + plain + text.substr(point);
}

}  // namespace

TEST(NumberFormat, DecimalsShowTheIntervalsFirstTwoDigits) {
  EXPECT_EQ(decimals_for(123.0, 3.2), 1);   // 3.2
  EXPECT_EQ(decimals_for(5.0, 0.45), 2);    // 0.45
  EXPECT_EQ(decimals_for(5000.0, 45.0), 0); // 45
  EXPECT_EQ(decimals_for(1.0, 1e-6), 3);    // at most 3
}

TEST(NumberFormat, WithoutAnIntervalDecimalsFollowTheSize) {
  EXPECT_EQ(decimals_for(250.0, 0.0), 0);
  EXPECT_EQ(decimals_for(-25.0, std::nan("")), 1);
  EXPECT_EQ(decimals_for(2.5, 0.0), 2);
  // An exact zero (the same 0 in every replication) has nothing to resolve: shown as "0", not "0.00".
  EXPECT_EQ(decimals_for(0.0, 0.0), 0);
  EXPECT_EQ(format_number(0.0, decimals_for(0.0, 0.0)), "0");
}

TEST(NumberFormat, CommasMissingValuesAndNoNegativeZero) {
  EXPECT_EQ(format_number(1234567.891, 2), "1,234,567.89");
  EXPECT_EQ(format_number(-1234.4, 0), "-1,234");
  EXPECT_EQ(format_number(999.96, 1), "1,000.0");
  EXPECT_EQ(format_number(-0.0004, 3), "0.000");
  EXPECT_EQ(format_number(-0.04, 1), "0.0");
  EXPECT_EQ(format_number(std::nan(""), 1), "-");
  EXPECT_EQ(format_number(std::numeric_limits<double>::infinity(), 1), "-");
}

TEST(NumberFormat, ShownUnits) {
  EXPECT_EQ(shown_unit("share").scale, 100.0);
  EXPECT_EQ(shown_unit("yen").scale, 1e-3);
  EXPECT_EQ(shown_unit("yen").ja, "千円");
  EXPECT_EQ(shown_unit("share").diff_en, "points");
  EXPECT_EQ(shown_unit("count").en, "");
  EXPECT_EQ(display_width("拠点 a"), 6u);  // two wide characters, a space and a letter
}

// Property: for any value and any number of decimals, the text has exactly that many decimals, thousands
// separated by commas, no "-0", and reads back within half a unit of its last place of the value.
RC_GTEST_PROP(NumberFormatProperty, RoundsToTheNearestShownDecimal, ()) {
  const int decimals = *rc::gen::inRange(0, 4);
  const double value = *rc::gen::inRange(-2'000'000'000LL, 2'000'000'000LL) / 1000.0 +
                       *rc::gen::inRange(0, 1000) / 1e6;
  const std::string text = format_number(value, decimals);
  const std::size_t point = text.find('.');
  const bool decimals_as_asked = decimals == 0 ? point == std::string::npos
                                              : text.size() - point - 1 == static_cast<std::size_t>(decimals);
  RC_ASSERT(decimals_as_asked);
  const std::string plain = without_commas(text);
  const double back = std::strtod(plain.c_str(), nullptr);
  const double unit = std::pow(10.0, -decimals);
  RC_ASSERT(std::abs(back - value) <= 0.5 * unit * (1 + 1e-9) + 1e-9 * std::abs(value));
  if (back == 0) RC_ASSERT(text.front() != '-');  // never "-0"
}
