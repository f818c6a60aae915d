// `kyoten serve`'s safety rules over real HTTP (server on an ephemeral loopback port): no request path reaches
// the file system, oversized requests and out-of-range values are refused before anything runs, and two pages
// running at once each get their own results.
#include <gtest/gtest.h>

#include <future>
#include <nlohmann/json.hpp>

#include "serve_fixture.hpp"

namespace kyoten::test {
namespace {

using nlohmann::json;
constexpr const char* kNightCount = "centers[0].staff[0].count";  // setagaya-wardwide: every day 0–24 h, 2 staff

app::ServeConfig wardwide(std::size_t replications = 4) {
  return {.scenario_files = {shipped_scenario("setagaya-wardwide.toml")},
          .threads = 1,
          .seed = 7,
          .default_replications = replications,
          .max_replications = 2000};
}

json post(httplib::Client& c, const char* path, const json& body) {
  const auto res = c.Post(path, body.dump(), "application/json");
  if (!res) throw std::runtime_error("no answer");
  json out = json::parse(res->body);
  out["_status"] = res->status;
  return out;
}

double kpi_mean(const json& answer, const std::string& key) {
  for (const auto& k : answer["kpis"])
    if (k["key"] == key) return k["stat"]["mean"].get<double>();
  throw std::runtime_error("no KPI " + key);
}

TEST(ServeRules, PathsOutsideTheFixedAssetsAreNotFoundAndReadNothing) {
  ServedPage page(wardwide());
  auto c = page.client();
  for (const char* path : {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd",
                           "/index.html/../../CMakeLists.txt", "/scenarios/setagaya-wardwide.toml", "/web/app.js",
                           "/api/report-file?name=..%2F..%2Fetc&file=passwd",
                           "/api/report-file?name=x&file=..%2F..%2F..%2Fsummary.json"}) {
    const auto res = c.Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 404) << path;
    EXPECT_EQ(res->body.find("root:"), std::string::npos) << path;
    EXPECT_EQ(res->body.find("[meta]"), std::string::npos) << path;
  }
  const auto page_res = c.Get("/");
  ASSERT_TRUE(page_res);
  EXPECT_EQ(page_res->status, 200);
  EXPECT_NE(page_res->body.find("<html lang=\"ja\">"), std::string::npos);
}

TEST(ServeRules, AScenarioIsNamedByIdOnlyNeverByPath) {
  ServedPage page(wardwide());
  auto c = page.client();
  const json reply = post(c, "/api/run", {{"scenario", "../scenarios/small-town"}, {"changes", json::object()}});
  EXPECT_EQ(reply["_status"], 404);
}

TEST(ServeRules, ASavedFileNameIsSanitisedIntoTheSaveFolder) {
  ServedPage page(wardwide());
  auto c = page.client();
  const json reply = post(c, "/api/save",
                          {{"scenario", "setagaya-wardwide"}, {"changes", {{kNightCount, 3}}}, {"name", "../../evil"}});
  ASSERT_EQ(reply["_status"], 200) << reply.dump();
  EXPECT_EQ(reply["file"], "evil.toml");
  EXPECT_TRUE(std::filesystem::is_regular_file(page.save_dir() / "evil.toml"));
  EXPECT_FALSE(std::filesystem::exists(page.dir() / "evil.toml"));
  EXPECT_FALSE(std::filesystem::exists(page.save_dir().parent_path().parent_path() / "evil.toml"));
}

TEST(ServeRules, AnOversizedRequestIsRefusedAndTheServerCarriesOn) {
  ServedPage page(wardwide(), 4096);
  auto c = page.client();
  const std::string big = json{{"scenario", "setagaya-wardwide"}, {"padding", std::string(100'000, 'x')}}.dump();
  const auto res = c.Post("/api/run", big, "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
  const auto after = c.Get("/api/scenarios");
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 200);
}

TEST(ServeRules, TooManyReplicationsAreRefusedBeforeAnythingRuns) {
  ServedPage page(wardwide());
  auto c = page.client();
  const json reply = post(c, "/api/run", {{"scenario", "setagaya-wardwide"}, {"replications", 2001}});
  EXPECT_EQ(reply["_status"], 400);
  EXPECT_EQ(reply["errors"][0]["key"], "replications");
  EXPECT_FALSE(reply.contains("kpis"));
}

TEST(ServeRules, AnOutOfRangeValueGetsTheLoadersMessageAtItsKeyAndNothingRuns) {
  ServedPage page(wardwide());
  auto c = page.client();
  const json reply = post(c, "/api/run", {{"scenario", "setagaya-wardwide"}, {"changes", {{kNightCount, 0}}}});
  EXPECT_EQ(reply["_status"], 422);
  ASSERT_EQ(reply["errors"].size(), 1u) << reply.dump();
  EXPECT_EQ(reply["errors"][0]["key"], kNightCount);
  // the loader's rule for a shift's count (scenarios/README.md: integer from 1 to the stated limit)
  EXPECT_EQ(reply["errors"][0]["hint"], "must be in [1, 10000]") << reply.dump();
  EXPECT_FALSE(reply.contains("kpis"));
  // `kyoten validate --set` prints the same message
  TempDir dir;
  const CliResult cli = run_kyoten("validate " + shell_quoted(shipped_scenario("setagaya-wardwide.toml").string()) +
                                       " --set 'centers[0].staff[0].count=0'",
                                   dir.path());
  EXPECT_EQ(cli.exit_code, 2);
  EXPECT_NE(cli.err.find(reply["errors"][0]["message"].get<std::string>()), std::string::npos) << cli.err;
  EXPECT_NE(cli.err.find(reply["errors"][0]["hint"].get<std::string>()), std::string::npos) << cli.err;
}

TEST(ServeRules, AKeyThatIsNotALeverIsRefused) {
  ServedPage page(wardwide());
  auto c = page.client();
  const json reply = post(c, "/api/run", {{"scenario", "setagaya-wardwide"}, {"changes", {{"meta.name", 1}}}});
  EXPECT_EQ(reply["_status"], 400);
}

TEST(ServeRules, AStructuralChoiceTakesOnlyItsOwnOptions) {
  ServedPage page(wardwide());
  auto c = page.client();
  for (const json& value : {json("night_only"), json(1), json("../24h")}) {
    const json reply = post(c, "/api/run", {{"scenario", "setagaya-wardwide"}, {"changes", {{"centers[0].schedule", value}}}});
    EXPECT_EQ(reply["_status"], 400) << value;
    EXPECT_EQ(reply["errors"][0]["key"], "centers[0].schedule");
    EXPECT_FALSE(reply.contains("kpis"));
  }
  // the region routing is offered only where there are two centers to choose from
  const json reply = post(c, "/api/run", {{"scenario", "setagaya-wardwide"},
                                          {"changes", {{"regions[0].center", "緊急時バックアップセンター"}}}});
  EXPECT_EQ(reply["_status"], 400);
}

TEST(ServeRules, SwitchingTheCenterToDayAndOnCallLowersTheCostAndIsPairedWithTheOriginal) {
  ServedPage page(wardwide());
  auto c = page.client();
  const json original = post(c, "/api/run", {{"scenario", "setagaya-wardwide"}});
  const json on_call = post(c, "/api/run", {{"scenario", "setagaya-wardwide"}, {"changes", {{"centers[0].schedule", "day_on_call"}}}});
  ASSERT_EQ(on_call["_status"], 200) << on_call.dump();
  // 2 coordinators × 15 h (18–9) × 1,096 days × 2,500 yen = 82.2 million yen of scheduled hours gone (before
  // premiums); the allowance (300 yen × 15 h × 1,096 days = 4.9 million) and call-outs come back
  EXPECT_LT(kpi_mean(on_call, "cost_total_yen"), kpi_mean(original, "cost_total_yen") - 60e6);
}

TEST(ServeRules, TwoPagesAtOnceEachGetTheirOwnResults) {
  ServedPage page(wardwide(6));
  // What each page should see: its request answered alone, one after the other.
  const json two = {{"scenario", "setagaya-wardwide"}, {"changes", {{kNightCount, 2}}}, {"client", "a"}};
  const json four = {{"scenario", "setagaya-wardwide"}, {"changes", {{kNightCount, 4}}}, {"client", "b"}};
  auto c = page.client();
  const json alone_two = post(c, "/api/run", two);
  const json alone_four = post(c, "/api/run", four);
  ASSERT_EQ(alone_two["_status"], 200);
  ASSERT_EQ(alone_four["_status"], 200);
  // More staff on duty costs more: the two answers differ, so a mix-up would show.
  ASSERT_GT(kpi_mean(alone_four, "cost_total_yen"), kpi_mean(alone_two, "cost_total_yen"));

  for (int round = 0; round < 3; ++round) {
    auto a = std::async(std::launch::async, [&] {
      auto ca = page.client();
      return post(ca, "/api/run", two);
    });
    auto b = std::async(std::launch::async, [&] {
      auto cb = page.client();
      return post(cb, "/api/run", four);
    });
    const json ra = a.get(), rb = b.get();
    ASSERT_EQ(ra["_status"], 200);
    ASSERT_EQ(rb["_status"], 200);
    EXPECT_EQ(ra["kpis"], alone_two["kpis"]);
    EXPECT_EQ(rb["kpis"], alone_four["kpis"]);
    EXPECT_EQ(ra["costs"], alone_two["costs"]);
    EXPECT_EQ(rb["costs"], alone_four["costs"]);
  }
}

TEST(ServeRules, ANewerRunFromTheSamePageCancelsTheOlder) {
  ServedPage page(wardwide());
  auto slow = std::async(std::launch::async, [&] {
    auto c = page.client();
    return post(c, "/api/run", {{"scenario", "setagaya-wardwide"}, {"replications", 2000}, {"client", "tab"}});
  });
  auto c = page.client();
  // Wait until the slow run is under way (it reports progress), then send the newer one.
  for (int i = 0; i < 2000; ++i) {
    const auto res = c.Get("/api/progress?client=tab");
    if (res && json::parse(res->body).value("running", false)) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  const json newer = post(c, "/api/run", {{"scenario", "setagaya-wardwide"}, {"replications", 4}, {"client", "tab"}});
  EXPECT_EQ(newer["_status"], 200);
  const json older = slow.get();
  EXPECT_EQ(older["_status"], 409);
  EXPECT_EQ(older["cancelled"], true);
}

TEST(ServeRules, AForeignHostHeaderIsRefusedOnLoopback) {
  ServedPage page(wardwide());
  auto c = page.client();
  const auto res = c.Get("/api/scenarios", {{"Host", "attacker.example:80"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
}

TEST(ServeRules, APostThatIsNotJsonIsRefused) {
  ServedPage page(wardwide());
  auto c = page.client();
  const auto res = c.Post("/api/run", "scenario=setagaya-wardwide", "application/x-www-form-urlencoded");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 415);
}

}  // namespace
}  // namespace kyoten::test
