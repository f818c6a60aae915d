#pragma once
// The HTTP side of `kyoten serve` (cpp-httplib): the page's fixed assets, held in memory from start-up (no
// request path is ever looked up on disk), and the JSON API of the what-if service:
//   GET  /api/scenarios                 the loaded scenarios
//   GET  /api/controls?scenario=ID      their levers
//   POST /api/run                       one what-if run (a newer run from the same client cancels the older)
//   GET  /api/progress?client=C         replications done so far of C's run
//   POST /api/cancel                    {client}
//   POST /api/save                      the variant as a scenario file in the save folder
//   POST /api/report                    the variant's HTML/PDF report (`kyoten run` + `kyoten report`)
//   GET  /api/report-file?name=N&file=F one of those report files
// POST bodies must be JSON (Content-Type application/json, at most `max_body_bytes`): a page on another site
// cannot send one without a CORS pre-flight, which this server never grants. When bound to loopback, a request
// whose Host is not a loopback name is refused (DNS rebinding).
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

namespace httplib {
class Server;
}

namespace kyoten::app {

class WhatIfService;

struct ServeSite {
  std::filesystem::path web_dir;  // index.html, app.js, style.css
  std::filesystem::path chartjs;  // Debian's libjs-chart.js
  std::size_t max_body_bytes = 64 * 1024;
};

// The page shipped in the source tree (KYOTEN_WEB_DIR overrides it) and the chart library found at configure time.
ServeSite default_site();

class WhatIfServer {
 public:
  // Reads the assets; throws std::runtime_error naming a missing one.
  WhatIfServer(WhatIfService& service, const ServeSite& site);
  ~WhatIfServer();
  WhatIfServer(const WhatIfServer&) = delete;
  WhatIfServer& operator=(const WhatIfServer&) = delete;

  // Binds `host`; port 0 picks a free one. Returns the port, or -1 if it cannot bind.
  int bind(const std::string& host, int port);
  // Serves until stop() (from another thread).
  void listen();
  void stop();

 private:
  std::unique_ptr<httplib::Server> server_;
  std::string host_;
  int port_ = 0;
};

}  // namespace kyoten::app
