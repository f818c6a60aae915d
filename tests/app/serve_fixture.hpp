#pragma once
// A `kyoten serve` started in-process on an ephemeral loopback port, for tests of its HTTP rules.
#include <httplib.h>

#include <memory>
#include <thread>

#include "app/serve_routes.hpp"
#include "app/serve_whatif.hpp"
#include "cli_test_support.hpp"

namespace kyoten::test {

inline std::filesystem::path shipped_scenario(const char* name) {
  return std::filesystem::path(KYOTEN_SOURCE_DIR) / "scenarios" / name;
}

class ServedPage {
 public:
  explicit ServedPage(app::ServeConfig config, std::size_t max_body_bytes = 64 * 1024) {
    config.save_dir = dir_.path() / "saved";
    service_ = std::make_unique<app::WhatIfService>(std::move(config));
    app::ServeSite site = app::default_site();
    site.max_body_bytes = max_body_bytes;
    server_ = std::make_unique<app::WhatIfServer>(*service_, site);
    port_ = server_->bind("127.0.0.1", 0);
    thread_ = std::thread([this] { server_->listen(); });
  }
  ~ServedPage() {
    server_->stop();
    thread_.join();
  }
  ServedPage(const ServedPage&) = delete;
  ServedPage& operator=(const ServedPage&) = delete;

  [[nodiscard]] int port() const { return port_; }
  [[nodiscard]] httplib::Client client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(120, 0);
    return c;
  }
  [[nodiscard]] const std::filesystem::path& dir() const { return dir_.path(); }
  [[nodiscard]] std::filesystem::path save_dir() const { return dir_.path() / "saved"; }

 private:
  TempDir dir_;
  std::unique_ptr<app::WhatIfService> service_;
  std::unique_ptr<app::WhatIfServer> server_;
  int port_ = -1;
  std::thread thread_;
};

}  // namespace kyoten::test
