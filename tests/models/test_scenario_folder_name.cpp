// meta.name as a folder name (scenario/folder_name.hpp): each case is a name a scenario file could carry,
// with the verdict the rule in scenarios/README.md gives by hand.
#include <gtest/gtest.h>

#include <string>

#include "scenario/folder_name.hpp"

namespace kyoten::scenario {
namespace {

TEST(ScenarioFolderName, AcceptsAsciiAndJapaneseNames) {
  for (const char* name : {"setagaya-fy2023", "a", "x_1.v2", "世田谷区", "板橋区_2024年度", "Ｘ／Ｙ", "café"})
    EXPECT_EQ(folder_name_problem(name), std::nullopt) << name;
}

TEST(ScenarioFolderName, RefusesWhatLeavesTheFolderOrHidesIt) {
  EXPECT_EQ(folder_name_problem(""), "it is empty");
  EXPECT_EQ(folder_name_problem(".."), "it starts with \".\"");
  EXPECT_EQ(folder_name_problem("."), "it starts with \".\"");
  EXPECT_EQ(folder_name_problem(".hidden"), "it starts with \".\"");
  EXPECT_EQ(folder_name_problem("-rf"), "it starts with \"-\"");
  EXPECT_EQ(folder_name_problem("a/b"), "it contains \"/\"");
  EXPECT_EQ(folder_name_problem("/etc"), "it contains \"/\"");
  EXPECT_EQ(folder_name_problem("a b"), "it contains \" \"");
  EXPECT_EQ(folder_name_problem("a\\b"), "it contains \"\\\"");
  EXPECT_EQ(folder_name_problem("a\nb"), "it contains the control character U+000A");
}

TEST(ScenarioFolderName, RefusesInvisibleAndDirectionCharactersAndBadUtf8) {
  EXPECT_EQ(folder_name_problem("a\u3000b"), "it contains U+3000");      // ideographic space
  EXPECT_EQ(folder_name_problem("a\u202Eb"), "it contains U+202E");      // right-to-left override
  EXPECT_EQ(folder_name_problem("a\u200Bb"), "it contains U+200B");      // zero-width space
  EXPECT_EQ(folder_name_problem("a\u00A0b"), "it contains U+00A0");      // no-break space
  EXPECT_EQ(folder_name_problem("a\xC0\xAF"), "it is not valid UTF-8 (byte 2)");  // "/" written overlong
  EXPECT_EQ(folder_name_problem("a\xE3\x81"), "it is not valid UTF-8 (byte 2)");  // cut short
  EXPECT_EQ(folder_name_problem("\xFF"), "it is not valid UTF-8 (byte 1)");
}

TEST(ScenarioFolderName, AtMost200Bytes) {
  EXPECT_EQ(folder_name_problem(std::string(200, 'a')), std::nullopt);
  EXPECT_EQ(folder_name_problem(std::string(201, 'a')), "it is 201 bytes long");
}

}  // namespace
}  // namespace kyoten::scenario
