// `kyoten serve [SCENARIO.toml …]`: the what-if page in the browser (docs/serve.md). Loads the scenarios named
// (and the shipped scenarios/), binds 127.0.0.1 unless --host says otherwise, prints the address, opens it
// where a display exists, and serves until Ctrl+C.
#include <fmt/format.h>
#include <pthread.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <thread>

#include "app/child_process.hpp"
#include "app/commands.hpp"
#include "app/common_options.hpp"
#include "app/serve_routes.hpp"
#include "app/serve_whatif.hpp"

namespace kyoten::app {
namespace {

namespace fs = std::filesystem;

struct ServeOptions : CommonOptions {
  std::vector<std::string> scenarios;
  std::string host = "127.0.0.1";
  int port = 8765;
  std::string save_dir = "kyoten-serve";
  std::size_t replications = 200;
  std::size_t max_replications = 2000;
  bool no_open = false;
};

// The named files first, then every scenario shipped in the source tree's scenarios/ folder.
std::vector<fs::path> scenario_files(const ServeOptions& o) {
  std::vector<fs::path> files(o.scenarios.begin(), o.scenarios.end());
  const fs::path shipped = fs::path(KYOTEN_SOURCE_DIR) / "scenarios";
  std::vector<fs::path> found;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(shipped, ec))
    if (entry.path().extension() == ".toml") found.push_back(entry.path());
  std::sort(found.begin(), found.end());
  files.insert(files.end(), found.begin(), found.end());
  return files;
}

std::string self_executable() {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : self.string();
}

// A browser opens the page where a desktop session exists; never an error if none does.
void open_in_browser(const std::string& url) {
  if (!std::getenv("DISPLAY") && !std::getenv("WAYLAND_DISPLAY")) return;
  std::thread([url] { run_child("/usr/bin/xdg-open", {url}, {.quiet = true}); }).detach();
}

int serve(const ServeOptions& o) {
  for (const auto& s : o.scenarios) {
    if (!fs::is_regular_file(s)) {
      fmt::print(stderr, "kyoten serve: {}: no such scenario file\n", s);
      return kBadInput;
    }
  }
  if (o.replications > o.max_replications) {
    fmt::print(stderr, "--replications: {} is more than --max-replications ({})\n", o.replications,
               o.max_replications);
    return kBadInput;
  }
  ServeConfig config{.scenario_files = scenario_files(o),
                     .save_dir = fs::path(o.save_dir),
                     .kyoten_binary = self_executable(),
                     .threads = o.threads,
                     .seed = o.seed,
                     .default_replications = o.replications,
                     .max_replications = o.max_replications};
  std::unique_ptr<WhatIfService> service;
  try {
    service = std::make_unique<WhatIfService>(std::move(config));
  } catch (const std::exception& e) {
    fmt::print(stderr, "kyoten serve: {}\n", e.what());
    return kBadInput;
  }
  std::unique_ptr<WhatIfServer> server;
  try {
    server = std::make_unique<WhatIfServer>(*service, default_site());
  } catch (const std::exception& e) {
    fmt::print(stderr, "{}\n", e.what());
    return kFailed;
  }
  if (o.host != "127.0.0.1" && o.host != "localhost" && o.host != "::1")
    fmt::print(stderr,
               "kyoten serve: warning: listening on {}: anyone who can reach this address can run simulations and "
               "save files into {}\n",
               o.host, o.save_dir);
  const int port = server->bind(o.host, o.port);
  if (port < 0) {
    fmt::print(stderr, "kyoten serve: cannot listen on {}:{} (in use? try --port)\n", o.host, o.port);
    return kFailed;
  }
  // Ctrl+C and SIGTERM are taken by a waiting thread, which stops the server cleanly.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::thread waiter([&server, signals] {
    int received = 0;
    sigwait(&signals, &received);
    server->stop();
  });
  const std::string url = fmt::format("http://{}:{}/", o.host.find(':') != std::string::npos ? "[" + o.host + "]" : o.host, port);
  if (o.language() == presentation::Language::Japanese)
    fmt::print("kyoten serve: {} をブラウザで開いてください（終了は Ctrl+C）\n", url);
  else
    fmt::print("kyoten serve: open {} in a browser (Ctrl+C to stop)\n", url);
  std::fflush(stdout);
  if (!o.no_open) open_in_browser(url);
  server->listen();
  if (waiter.joinable()) {
    pthread_kill(waiter.native_handle(), SIGTERM);  // listen ended for another reason: release the waiter
    waiter.join();
  }
  return 0;
}

}  // namespace

void add_serve_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("serve", "What-if page in the browser: change a lever, see the answer (docs/serve.md)");
  auto o = std::make_shared<ServeOptions>();
  cmd->add_option("SCENARIO", o->scenarios, "Scenario files to offer (the shipped scenarios/ are always offered)");
  cmd->add_option("--port", o->port, "Port (0: any free port)")->check(CLI::Range(0, 65535))->capture_default_str();
  cmd->add_option("--host", o->host, "Address to listen on; anything but loopback is reachable by others (warning)")
      ->capture_default_str();
  cmd->add_option("--save-dir", o->save_dir, "Folder for saved scenarios and report folders")->capture_default_str();
  cmd->add_option("--replications", o->replications, "Replications per what-if run")
      ->check(whole_number_in(2, kMaxReplications))
      ->capture_default_str();
  cmd->add_option("--max-replications", o->max_replications, "The most replications a page may ask for")
      ->check(whole_number_in(2, kMaxReplications))
      ->capture_default_str();
  cmd->add_flag("--no-open", o->no_open, "Do not open a browser");
  add_seed_and_threads(*cmd, *o, "run");
  add_lang_option(*cmd, o->lang);
  cmd->callback([o, &exit_code] { exit_code = serve(*o); });
}

}  // namespace kyoten::app
