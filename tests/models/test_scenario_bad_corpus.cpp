// Every malformed scenario in tests/data/bad_scenarios/ must be refused with the error its header announces:
//   # expect: <substring of the message>      # expect-key: <dotted key path, "(none)" for none>
//   # expect-line: N (optional)   # expect-hint: <substring of the hint> (optional)
//   # expect-file: <file name the error points into> (optional)
// Files whose names start with "_" are helpers (bases), not cases.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "scenario/input_error.hpp"
#include "scenario/loader.hpp"

namespace {

namespace fs = std::filesystem;

const fs::path kCorpus = fs::path(KYOTEN_SOURCE_DIR) / "tests" / "data" / "bad_scenarios";

struct Expectation {
  std::string message;
  std::string key;
  std::optional<int> line;
  std::optional<std::string> hint;
  std::optional<std::string> file;
};

Expectation read_expectation(const fs::path& file) {
  Expectation e;
  std::ifstream in(file);
  const auto value_after = [](const std::string& line, const std::string& prefix) -> std::optional<std::string> {
    if (line.rfind(prefix, 0) != 0) return std::nullopt;
    return line.substr(prefix.size());
  };
  for (std::string line; std::getline(in, line);) {
    if (auto v = value_after(line, "# expect: ")) e.message = *v;
    if (auto v = value_after(line, "# expect-key: ")) e.key = *v == "(none)" ? "" : *v;
    if (auto v = value_after(line, "# expect-line: ")) e.line = std::stoi(*v);
    if (auto v = value_after(line, "# expect-hint: ")) e.hint = *v;
    if (auto v = value_after(line, "# expect-file: ")) e.file = *v;
  }
  return e;
}

bool matches(const kyoten::InputError& error, const Expectation& e) {
  return error.message.find(e.message) != std::string::npos && error.key == e.key &&
         (!e.line || error.line == *e.line) && (!e.hint || error.hint.find(*e.hint) != std::string::npos) &&
         (!e.file || fs::path(error.file).filename() == *e.file);
}

std::vector<fs::path> corpus_files() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(kCorpus)) {
    const auto name = entry.path().filename().string();
    if (entry.path().extension() == ".toml" && name.front() != '_') files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

class BadScenario : public ::testing::TestWithParam<fs::path> {};

TEST_P(BadScenario, IsRefusedWithTheAnnouncedError) {
  const Expectation expected = read_expectation(GetParam());
  ASSERT_FALSE(expected.message.empty()) << GetParam() << " has no '# expect:' line";
  try {
    kyoten::scenario::load_scenario(GetParam());
    FAIL() << GetParam() << " loaded without error";
  } catch (const kyoten::InputErrors& errors) {
    const auto& list = errors.errors();
    EXPECT_TRUE(std::any_of(list.begin(), list.end(), [&](const auto& e) { return matches(e, expected); }))
        << "expected message containing '" << expected.message << "' at key '" << expected.key << "'"
        << (expected.line ? " line " + std::to_string(*expected.line) : "") << "; got:\n"
        << errors.what();
    for (const auto& e : list) EXPECT_FALSE(e.message.empty());
  }
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadScenario, ::testing::ValuesIn(corpus_files()),
                         [](const ::testing::TestParamInfo<fs::path>& info) {
                           std::string name = info.param.stem().string();
                           std::replace_if(name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
                           return name;
                         });

TEST(BadScenarioCorpus, HasAtLeastThirtyCases) { EXPECT_GE(corpus_files().size(), 30u); }

// One file with several independent problems: all are reported in one go, in file order.
TEST(BadScenarioCorpus, ReportsEveryProblemInAFile) {
  try {
    kyoten::scenario::load_scenario(kCorpus / "_many_errors.toml");
    FAIL() << "loaded without error";
  } catch (const kyoten::InputErrors& errors) {
    const auto& list = errors.errors();
    const auto has = [&](const std::string& key, const std::string& text) {
      return std::any_of(list.begin(), list.end(), [&](const auto& e) {
        return e.key == key && e.message.find(text) != std::string::npos;
      });
    };
    EXPECT_TRUE(has("calls.per_registrant_per_year", "out of range")) << errors.what();
    EXPECT_TRUE(has("calls.band_share", "must sum to 1")) << errors.what();
    EXPECT_TRUE(has("facilities[0].bedz", "unknown key")) << errors.what();
    EXPECT_TRUE(has("facilities[0].beds", "required key 'beds' is missing")) << errors.what();
    EXPECT_TRUE(has("facilities[1].reserved_emergency_beds", "exceeds beds")) << errors.what();
    EXPECT_TRUE(has("centers[0].regions[1]", "unknown region")) << errors.what();
    EXPECT_TRUE(has("stays.emergency_need_days", "bad distribution parameters")) << errors.what();
    EXPECT_GE(list.size(), 7u);
    std::vector<int> lines_in_file;
    for (const auto& e : list)
      if (fs::path(e.file).filename() == "_many_errors.toml") lines_in_file.push_back(e.line);
    EXPECT_TRUE(std::is_sorted(lines_in_file.begin(), lines_in_file.end()));
    for (const auto& e : list) EXPECT_GT(e.line, 0) << e.format();
  }
}

}  // namespace
