// `kyoten verify`: checks the engine against queueing theory (built-in points, or one point given on the command
// line) and prints one row per point. Exit code 0 when every closed form lies inside its interval, 1 otherwise,
// 2 for bad options. The logic lives in models/queueing/verification; this file only parses and prints.
#include <fmt/format.h>

#include <charconv>
#include <chrono>
#include <cmath>
#include <map>
#include <memory>
#include <string>

#include "app/commands.hpp"
#include "models/queueing/verification.hpp"
#include "sim/run/replication_runner.hpp"

namespace kyoten::app {
namespace {

namespace q = kyoten::queueing;

struct VerifyOptions {
  int replications = 30;
  std::uint64_t seed = 20240401;
  unsigned threads = sim::default_thread_count();
  double family_level = 0.99;
  std::string model;  // empty: the built-in points
  int servers = 0;
  double arrival_rate = 0.0;
  double service_rate = 0.0;
  int sources = 0;
  double service_cv = 1.0;
  int capacity = 0;
  double patience_rate = 0.0;
};

// CLI11's stock numeric validators print their internal range ("0 to 1.79e308"); these say what is allowed.
CLI::Validator number_above(double low, bool inclusive) {
  const std::string allowed = fmt::format("a number {} {:g}", inclusive ? ">=" : ">", low);
  return CLI::Validator(
      [=](std::string& text) {
        double x = 0.0;
        const bool ok = CLI::detail::lexical_cast(text, x) && std::isfinite(x) && (inclusive ? x >= low : x > low);
        return ok ? std::string() : fmt::format("must be {} (got {})", allowed, text);
      },
      "");
}

CLI::Validator integer_at_least(long long low) {
  const std::string allowed = fmt::format("an integer >= {}", low);
  return CLI::Validator(
      [=](std::string& text) {
        long long x = 0;
        const bool ok = CLI::detail::lexical_cast(text, x) && x >= low && x <= 1'000'000;
        return ok ? std::string() : fmt::format("must be {} (up to 1000000; got {})", allowed, text);
      },
      "");
}

// CLI11 would wrap "-1" around to 2^64 - 1 for an unsigned option.
CLI::Validator seed_value() {
  return CLI::Validator(
      [](std::string& text) {
        std::uint64_t x = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), x);
        const bool ok = !text.empty() && error == std::errc() && end == text.data() + text.size();
        return ok ? std::string() : fmt::format("must be an integer from 0 to 18446744073709551615 (got {})", text);
      },
      "");
}

const char* option_name(q::Field f) {
  switch (f) {
    case q::Field::ArrivalRate: return "--arrival-rate";
    case q::Field::ServiceRate: return "--service-rate";
    case q::Field::Servers: return "--servers";
    case q::Field::Sources: return "--sources";
    case q::Field::ServiceCv: return "--service-cv";
    case q::Field::Capacity: return "--capacity";
    case q::Field::PatienceRate: return "--patience-rate";
    case q::Field::Quantity: return "--model";
  }
  return "";
}

// The user's point, once per output of its model. Bad parameters are reported naming the option; returns
// nothing then.
std::vector<q::Point> user_points(const VerifyOptions& o) {
  const std::map<std::string, q::ModelKind> models{
      {"mmc", q::ModelKind::Mmc},           {"loss", q::ModelKind::Loss}, {"engset", q::ModelKind::Engset},
      {"erlang-a", q::ModelKind::ErlangA}, {"mmck", q::ModelKind::Mmck}};
  const q::ModelKind model = models.at(o.model);  // CLI11 has already checked membership
  std::vector<q::Point> points;
  for (q::Quantity quantity : q::quantities_of(model))
    points.push_back({model, quantity, o.arrival_rate, o.service_rate, o.servers, o.sources, o.service_cv, {},
                      o.capacity, o.patience_rate});
  // The problems depend on the parameters only, so the first point speaks for all.
  const auto problems = q::check_point(points.front());
  for (const auto& problem : problems)
    fmt::print(stderr, "kyoten verify: {}: {}\n", option_name(problem.field), problem.message);
  return problems.empty() ? points : std::vector<q::Point>{};
}

void print_rows(const std::vector<q::VerificationRow>& rows) {
  fmt::print("{:<8} {:<16} {:<32} {:>11} {:>25} {:>11}  {}\n", "model", "quantity", "parameters", "simulated",
             "confidence interval", "closed form", "result");
  for (const auto& r : rows)
    fmt::print("{:<8} {:<16} {:<32} {:>11.5g} {:>25} {:>11.5g}  {}\n", r.model, r.quantity, r.parameters,
               r.simulated_mean, fmt::format("[{:.5g}, {:.5g}]", r.ci_low, r.ci_high), r.closed_form,
               r.pass ? "PASS" : "MISS");
}

int run_verify(const VerifyOptions& o) {
  std::vector<q::Point> points = q::builtin_points();
  if (!o.model.empty()) {
    points = user_points(o);
    if (points.empty()) return 2;
  }
  const double level = q::bonferroni_level(o.family_level, points.size());
  fmt::print("{} point{}, {} replications each, seed {}; family-wise {:g}% (Bonferroni: each interval at {:.4f}%)\n\n",
             points.size(), points.size() == 1 ? "" : "s", o.replications, o.seed, 100 * o.family_level, 100 * level);
  const auto start = std::chrono::steady_clock::now();
  const auto rows = q::verify_points(points, o.replications, o.seed, o.threads, o.family_level);
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  print_rows(rows);

  std::size_t passed = 0;
  std::uint64_t events = 0;
  for (const auto& r : rows) {
    passed += r.pass ? 1 : 0;
    events += r.events;
  }
  fmt::print("\n{} of {} points PASS; {} events in {:.2f} s on {} thread(s)\n", passed, rows.size(), events,
             elapsed.count(), o.threads);
  return passed == rows.size() ? 0 : 1;
}

}  // namespace

void add_verify_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<VerifyOptions>();
  auto* cmd = app.add_subcommand(
      "verify",
      "Check the engine against queueing theory: simulate M/M/c (Erlang C), M/G/c/c (Erlang B), Engset, Erlang A "
      "(M/M/c+M, callers who give up) and M/M/c/K points and test that each closed form lies inside its confidence "
      "interval (family-wise 99%, Bonferroni). "
      "With --model, verify that one point instead of the built-in list.");
  cmd->add_option("--replications", options->replications, "Replications per point (an integer >= 2)")
      ->check(integer_at_least(2))
      ->capture_default_str();
  cmd->add_option("--seed", options->seed, "Seed of the random streams (an integer >= 0)")
      ->check(seed_value())
      ->capture_default_str();
  cmd->add_option("--threads", options->threads, "Worker threads (an integer >= 1; default: all hardware threads)")
      ->check(integer_at_least(1));
  auto* model = cmd->add_option("--model", options->model, "Verify one point of this model instead")
                    ->check(CLI::IsMember({"mmc", "loss", "engset", "erlang-a", "mmck"}));
  auto* servers = cmd->add_option("--servers", options->servers, "Number of servers c (an integer >= 1)")
                      ->check(integer_at_least(1));
  auto* arrival = cmd->add_option("--arrival-rate", options->arrival_rate,
                                  "Arrival rate λ (> 0); for engset the request rate of one idle source")
                      ->check(number_above(0.0, false));
  auto* service =
      cmd->add_option("--service-rate", options->service_rate, "Service rate μ of one server (> 0)")
          ->check(number_above(0.0, false));
  auto* sources = cmd->add_option("--sources", options->sources, "engset: number of sources N (an integer >= 1)")
                      ->check(integer_at_least(1));
  auto* cv = cmd->add_option("--service-cv", options->service_cv,
                             "loss: coefficient of variation of the lognormal holding time (>= 0, default 1)")
                 ->check(number_above(0.0, true));
  auto* capacity = cmd->add_option("--capacity", options->capacity,
                                   "mmck: customers in the system at most, K (an integer >= servers)")
                       ->check(integer_at_least(1));
  auto* patience = cmd->add_option("--patience-rate", options->patience_rate,
                                   "erlang-a: rate θ at which a waiting caller gives up, 1 / mean patience (> 0)")
                       ->check(number_above(0.0, false));
  model->needs(servers)->needs(arrival)->needs(service);
  for (auto* o : {servers, arrival, service, sources, cv, capacity, patience}) o->needs(model);

  cmd->callback([options, sources, cv, capacity, patience, &exit_code] {
    // Each model-specific option belongs to one model, and that model cannot do without it.
    const auto belongs = [&](CLI::Option* option, const char* name, const char* model, const char* what) {
      if (options->model == model && option->count() == 0) {
        fmt::print(stderr, "kyoten verify: {}: the {} model needs {}\n", name, model, what);
        return false;
      }
      if (options->model != model && option->count() > 0) {
        fmt::print(stderr, "kyoten verify: {}: applies to --model {} only\n", name, model);
        return false;
      }
      return true;
    };
    if (!belongs(sources, "--sources", "engset", "--sources N (an integer >= 1)") ||
        !belongs(capacity, "--capacity", "mmck", "--capacity K (an integer >= servers)") ||
        !belongs(patience, "--patience-rate", "erlang-a", "--patience-rate θ (a number > 0)")) {
      exit_code = 2;
      return;
    }
    if (options->model != "loss" && cv->count() > 0) {
      fmt::print(stderr, "kyoten verify: --service-cv: applies to --model loss only (the other models use exponential "
                         "service)\n");
      exit_code = 2;
      return;
    }
    exit_code = run_verify(*options);
  });
}

}  // namespace kyoten::app
