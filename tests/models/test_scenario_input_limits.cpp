// Hostile scenario input is refused with a located message before it can crash, hang or exhaust memory:
// special files, oversized files, nesting deep enough to overflow the parser's stack, long base chains,
// bad --set text, and scenarios whose values multiply into too much work (work_estimate.hpp, by hand).
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "scenario/input_error.hpp"
#include "scenario/loader.hpp"
#include "scenario/toml_file.hpp"
#include "scenario/toml_nesting.hpp"
#include "scenario/work_estimate.hpp"

namespace kyoten::scenario {
namespace {

namespace fs = std::filesystem;

const fs::path kValidBase = fs::path(KYOTEN_SOURCE_DIR) / "tests" / "data" / "bad_scenarios" / "_valid_base.toml";

class InputLimits : public ::testing::Test {
 protected:
  fs::path dir_ = fs::temp_directory_path() / ("kyoten_limits_" + std::to_string(::getpid()) + "_" +
                                               ::testing::UnitTest::GetInstance()->current_test_info()->name());
  void SetUp() override { fs::create_directories(dir_); }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
    return dir_ / name;
  }
  // The errors of loading `file` (with `overrides`); empty if it loaded.
  static std::string errors_of(const fs::path& file, const std::vector<std::string>& overrides = {}) {
    try {
      load_scenario(file, overrides);
      return "";
    } catch (const InputErrors& e) {
      return e.what();
    }
  }
  std::string base_line() const { return "base = \"" + kValidBase.string() + "\"\n"; }
};

TEST_F(InputLimits, DirectoriesFifosAndDevicesAreRefusedBeforeReading) {
  EXPECT_NE(errors_of(dir_).find("is a directory, not a regular file"), std::string::npos) << errors_of(dir_);
  const fs::path fifo = dir_ / "pipe.toml";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  // Opened without blocking: with no writer, a blocking open would wait here forever.
  EXPECT_NE(errors_of(fifo).find("named pipe"), std::string::npos) << errors_of(fifo);
  EXPECT_NE(errors_of("/dev/zero").find("is a device"), std::string::npos) << errors_of("/dev/zero");
}

TEST_F(InputLimits, AFileAboveTheSizeLimitIsRefused) {
  const fs::path big = write("big.toml", "# " + std::string(kMaxScenarioFileBytes, 'x') + "\n");
  EXPECT_NE(errors_of(big).find("larger than 1024 KiB"), std::string::npos) << errors_of(big);
}

// The key of the issue: 40,000 levels (80 KB) overflowed the stack inside the TOML parser.
TEST_F(InputLimits, ADottedKeyFortyThousandLevelsDeepIsRefusedNotACrash) {
  std::string key = "k";
  for (int i = 1; i < 40000; ++i) key += ".k";
  const fs::path deep = write("deep.toml", "[meta]\nname = \"x\"\n" + key + " = 1\n");
  const std::string errors = errors_of(deep);
  EXPECT_NE(errors.find("deep.toml:3:"), std::string::npos) << errors.substr(0, 300);
  // 40,000 key segments under the one-segment header [meta].
  EXPECT_NE(errors.find("nested 40001 levels deep"), std::string::npos) << errors.substr(0, 300);
}

TEST_F(InputLimits, InlineTablesAndArraysNestedDeepAreRefused) {
  const fs::path arrays = write("arrays.toml", "x = " + std::string(5000, '[') + std::string(5000, ']') + "\n");
  EXPECT_NE(errors_of(arrays).find("levels deep"), std::string::npos) << errors_of(arrays).substr(0, 300);
  std::string inline_tables = "x = ";
  for (int i = 0; i < 5000; ++i) inline_tables += "{ a = ";
  inline_tables += "1" + std::string(5000, '}') + "\n";
  const fs::path tables = write("tables.toml", inline_tables);
  EXPECT_NE(errors_of(tables).find("levels deep"), std::string::npos) << errors_of(tables).substr(0, 300);
}

// Depths worked by hand: a header's segments, plus a key's, plus one per open inline table or array.
TEST(TomlNesting, CountsHeadersDottedKeysAndBrackets) {
  EXPECT_FALSE(find_too_deep("[a.b.c]\nx.y = 1\n", 5));
  const auto deep = find_too_deep("[a.b.c]\nx.y = 1\n", 4);  // 3 + 2 = 5
  ASSERT_TRUE(deep);
  EXPECT_EQ(deep->line, 2);
  EXPECT_EQ(deep->depth, 5);
  // a, b (whose value is the outer array), and the inner array
  EXPECT_FALSE(find_too_deep("a = { b = [[1, 2]] }\n", 3));
  EXPECT_TRUE(find_too_deep("a = { b = [[1, 2]] }\n", 2));
  // Dots and brackets inside strings and comments, and the dots of numbers and dates, do not count.
  EXPECT_FALSE(find_too_deep("a = \"x.y.z[[[{{\" # .[.[.[\nb = '...[[['\nc = 1.5\nd = 2024-04-01\n", 1));
  EXPECT_FALSE(find_too_deep("s = \"\"\"\n.[[[[\n\"\"\"\n[t]\nk = [1.5, 2.5, 3.5]\n", 2));
  // Every line of the shipped scenarios nests far below the limit.
  for (const auto& entry : fs::directory_iterator(fs::path(KYOTEN_SOURCE_DIR) / "scenarios")) {
    if (entry.path().extension() != ".toml") continue;
    std::ifstream in(entry.path());
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_FALSE(find_too_deep(text, 6)) << entry.path();
  }
}

TEST_F(InputLimits, ABaseChainLongerThanTheLimitIsRefused) {
  // f0 extends the valid base; f(i) extends f(i-1); the scenario f19 sits at the end of a 21-file chain.
  write("f0.toml", base_line());
  for (int i = 1; i < 20; ++i) write("f" + std::to_string(i) + ".toml", "base = \"f" + std::to_string(i - 1) + ".toml\"\n");
  const std::string errors = errors_of(dir_ / "f19.toml");
  EXPECT_NE(errors.find("base chain longer than 16 files"), std::string::npos) << errors;
  // A chain within the limit loads: f3 → f2 → f1 → f0 → the valid base is 5 files.
  EXPECT_EQ(errors_of(dir_ / "f3.toml"), "");
}

TEST_F(InputLimits, TooManyShiftsInOneCenterAreRefused) {
  std::string shifts;
  for (int i = 0; i < 1001; ++i) shifts += "{ days = \"all\", from = 0, to = 24 },";
  const fs::path f = write("s.toml", base_line() + "[[centers]]\nname = \"main\"\nregions = [\"北沢\", \"世田谷\"]\n"
                                                   "staff_cost_per_hour_yen = 1\nstaff = [" + shifts + "]\n");
  EXPECT_NE(errors_of(f).find("1001 shifts; at most 1000 per center"), std::string::npos) << errors_of(f);
}

TEST_F(InputLimits, SetTextWithControlCharactersBadUtf8OrDeepKeysIsRefused) {
  const fs::path f = write("s.toml", base_line());
  EXPECT_NE(errors_of(f, {"meta.name=a\nb"}).find("control character"), std::string::npos);
  EXPECT_NE(errors_of(f, {"meta.name=\xff\xfe"}).find("not valid UTF-8"), std::string::npos);
  std::string key = "k";
  for (int i = 0; i < 40000; ++i) key += ".k";
  EXPECT_NE(errors_of(f, {key + "=1"}).find("the key has 40001 steps"), std::string::npos);
  EXPECT_NE(errors_of(f, {"x=" + std::string(5000, '[') + std::string(5000, ']')}).find("nests"), std::string::npos);
  EXPECT_EQ(errors_of(f, {"meta.title_ja=拠点\tテスト"}), "");  // a tab and Japanese text are fine
}

// Hand-worked: 1,000 registrants (initial = every knot) over 365 days with no warm-up, 2 calls each a year,
// max_contacts 10, no leaving, re-assessed every 365 days, one center, no facilities or experience stays:
//   calls 1000·2·365/365.25 = 1998.63; × (4 + 10) events = 27980.8
//   register changes 1000·2 = 2000; assessments 1000·(1 + 365/365) = 2000; clock 8760·(1 + 1) = 17520
TEST(WorkEstimate, MatchesAHandWorkedScenario) {
  hub::Scenario s;
  using namespace std::chrono;
  s.horizon.start = sys_days{year{2024} / April / 1};
  s.horizon.end = s.horizon.start + days{365};
  s.registration.initial_registrants = 1000;
  s.registration.expected_registered = {{s.horizon.start, 1000}, {s.horizon.end, 1000}};
  s.calls.per_registrant_per_year = 2;
  s.search.max_contacts = 10;
  s.assessment.reassessment_interval_days = 365;
  s.centers.resize(1);
  const WorkEstimate e = estimate_work(s);
  EXPECT_NEAR(e.events, 1000 * 2 * 365 / 365.25 * 14 + 2000 + 2000 + 17520, 1e-6);
  EXPECT_NEAR(e.bytes, 1000 * 512 + 365 * 2048, 1e-6);
  EXPECT_FALSE(replication_too_large(e));
  // A million registrants calling 1,000 times a year: about 1.4e10 events, refused with the estimate.
  s.registration.expected_registered = {{s.horizon.start, 1e6}, {s.horizon.end, 1e6}};
  s.calls.per_registrant_per_year = 1000;
  const auto why = replication_too_large(estimate_work(s));
  ASSERT_TRUE(why);
  EXPECT_NE(why->find("about 1.4e+10 events"), std::string::npos) << *why;
  EXPECT_FALSE(run_too_large(1e5, 100, "100 replications"));
  const auto run = run_too_large(1e8, 10000, "1 scenario × 10000 replications");
  ASSERT_TRUE(run);
  EXPECT_NE(run->find("about 1e+12 events in all"), std::string::npos) << *run;
}

}  // namespace
}  // namespace kyoten::scenario
