// `base` chains (deep merge: [tables] merge, arrays and inline tables replace) and `--set` overrides, on
// small hand-made files; errors from --set have no file and say so.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <variant>

#include "scenario/base_resolution.hpp"
#include "scenario/loader.hpp"

namespace {

namespace fs = std::filesystem;
using kyoten::scenario::load_scenario;

class MergeAndSet : public ::testing::Test {
 protected:
  fs::path dir_ = fs::temp_directory_path() / ("kyoten_merge_" + std::to_string(::getpid()) + "_" +
                                               ::testing::UnitTest::GetInstance()->current_test_info()->name());
  const fs::path valid_base_ = fs::path(KYOTEN_SOURCE_DIR) / "tests" / "data" / "bad_scenarios" / "_valid_base.toml";
  void SetUp() override { fs::create_directories(dir_); }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
    return dir_ / name;
  }
  std::string base_line() const { return "base = \"" + valid_base_.string() + "\"\n"; }

  static std::vector<kyoten::InputError> errors_of(const fs::path& file, const std::vector<std::string>& sets = {}) {
    try {
      load_scenario(file, sets);
    } catch (const kyoten::InputErrors& e) {
      return e.errors();
    }
    return {};
  }
};

TEST_F(MergeAndSet, DeepMergeMergesTablesAndReplacesArraysAndInlineTables) {
  auto into = toml::parse(std::string_view{"[a]\nx = 1\ny = 2\nlist = [1, 2, 3]\nd = { dist = \"gamma\", shape = 2, scale = 3 }\n"});
  auto over = toml::parse(std::string_view{"[a]\ny = 20\nlist = [9]\nd = { dist = \"exponential\", mean = 5 }\n"});
  kyoten::scenario::deep_merge(into, std::move(over));
  EXPECT_EQ(into["a"]["x"].value<int>(), 1);
  EXPECT_EQ(into["a"]["y"].value<int>(), 20);
  ASSERT_TRUE(into["a"]["list"].as_array());
  EXPECT_EQ(into["a"]["list"].as_array()->size(), 1u);
  EXPECT_FALSE(into["a"]["d"]["shape"]);  // no mixing of distribution parameters
  EXPECT_EQ(into["a"]["d"]["mean"].value<int>(), 5);
}

TEST_F(MergeAndSet, ChainOfBasesMergesInOrder) {
  write("middle.toml", base_line() +
                           "[calls]\nper_registrant_per_year = 0.9\n"
                           "[[facilities]]\nname = \"only\"\nregion = \"世田谷\"\nbeds = 2\n");
  const auto top = write("top.toml",
                         "base = \"middle.toml\"\n[meta]\nname = \"top\"\n"
                         "[calls]\ninquiry_minutes = { dist = \"lognormal\", mean = 10, sd = 5 }\n");
  const auto loaded = load_scenario(top);
  const auto& s = loaded.scenario;
  EXPECT_EQ(s.meta.name, "top");
  EXPECT_DOUBLE_EQ(s.calls.per_registrant_per_year, 0.9);     // from the middle file
  EXPECT_DOUBLE_EQ(s.calls.band_share[0], 0.7);                // from the valid base (table merged)
  EXPECT_DOUBLE_EQ(s.calls.inquiry_minutes.mean(), 10);        // replaced by the top file
  ASSERT_EQ(s.facilities.size(), 1u);                          // array replaced by the middle file
  EXPECT_EQ(s.facilities[0].name, "only");
  EXPECT_EQ(s.facilities[0].region, 1);
  EXPECT_FALSE(loaded.resolved.contains("base"));
  EXPECT_EQ(loaded.file, top.string());
}

TEST_F(MergeAndSet, ErrorsPointIntoTheFileThatWroteTheValue) {
  write("middle.toml", base_line() + "[calls]\n\nunregistered_per_year = -3\n");
  const auto top = write("top.toml", "base = \"middle.toml\"\n[hub]\nrooms = -1\n");
  const auto errors = errors_of(top);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(fs::path(errors[0].file).filename(), "middle.toml");
  EXPECT_EQ(errors[0].line, 4);
  EXPECT_EQ(errors[0].key, "calls.unregistered_per_year");
  EXPECT_EQ(fs::path(errors[1].file).filename(), "top.toml");
  EXPECT_EQ(errors[1].line, 3);
  EXPECT_EQ(errors[1].key, "hub.rooms");
}

TEST_F(MergeAndSet, SetByIndexByNameAndWithTomlValues) {
  const auto file = write("s.toml", base_line());
  const auto loaded = load_scenario(file, {"facilities[2].beds=7", "facilities.A.reserved_emergency_beds=1",
                                           "centers.main.staff[0].count=3", "meta.name=set-run",
                                           "search.fallbacks=[\"hand_over\"]", "horizon.end=2025-01-01",
                                           "search.prefer_known = false", "calls.p_handover=0.2",
                                           "calls.handover_minutes={ dist = \"constant\", value = 15 }"});
  const auto& s = loaded.scenario;
  EXPECT_EQ(s.facilities[2].beds, 7);
  EXPECT_EQ(s.facilities[0].reserved_emergency_beds, 1);
  EXPECT_EQ(s.centers[0].staff.hour_of_week[100], 3);
  EXPECT_EQ(s.meta.name, "set-run");  // not valid TOML: taken as a plain string
  EXPECT_FALSE(s.search.prefer_known);
  EXPECT_EQ(s.horizon.end, std::chrono::sys_days{std::chrono::year{2025} / 1 / 1});
  EXPECT_DOUBLE_EQ(s.calls.handover_minutes.mean(), 15);
  // The resolved table, and its JSON, show the overridden values.
  const auto json = nlohmann::json::parse(kyoten::scenario::resolved_as_json(loaded));
  EXPECT_EQ(json["facilities"][2]["beds"], 7);
  EXPECT_EQ(json["meta"]["name"], "set-run");
}

TEST_F(MergeAndSet, SetErrorsHaveNoFileAndSaySet) {
  const auto file = write("s.toml", base_line());
  const auto errors = errors_of(file, {"facilities[0].bedz=3", "facilities[9].beds=1", "facilities.Z.beds=1",
                                       "nonsense", "calls.per_registrant_per_year=-2", "facilites[0].beds=1"});
  const auto find = [&](const std::string& key) {
    return std::find_if(errors.begin(), errors.end(), [&](const auto& e) { return e.key == key; });
  };
  for (const auto& e : errors) {
    EXPECT_EQ(e.file, "") << e.format();
    EXPECT_NE(e.message.find("--set"), std::string::npos) << e.format();
  }
  auto e = find("facilities[0].bedz");
  ASSERT_NE(e, errors.end());
  EXPECT_NE(e->message.find("unknown key 'bedz'"), std::string::npos);
  EXPECT_NE(e->hint.find("did you mean 'beds'"), std::string::npos);
  e = find("facilities[9].beds");
  ASSERT_NE(e, errors.end());
  EXPECT_NE(e->message.find("out of range: 'facilities' has 3 elements"), std::string::npos);
  e = find("facilities.Z.beds");
  ASSERT_NE(e, errors.end());
  EXPECT_NE(e->message.find("no element named 'Z'"), std::string::npos);
  e = find("calls.per_registrant_per_year");
  ASSERT_NE(e, errors.end());
  EXPECT_NE(e->hint.find("must be in [0, 1000]"), std::string::npos);
  e = find("facilites[0].beds");
  ASSERT_NE(e, errors.end());
  EXPECT_NE(e->hint.find("did you mean 'facilities'"), std::string::npos);
  EXPECT_NE(std::find_if(errors.begin(), errors.end(),
                         [](const auto& x) { return x.message.find("is not KEY=VALUE") != std::string::npos; }),
            errors.end());
}

}  // namespace
