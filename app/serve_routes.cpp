#include "app/serve_routes.hpp"

#include <httplib.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#include "app/serve_whatif.hpp"

namespace kyoten::app {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr unsigned kHttpThreads = 16;      // page, progress polls and a few tabs at once
constexpr time_t kKeepAliveSeconds = 2;    // an idle browser connection holds a worker only briefly

struct Asset {
  std::string body;
  std::string type;
};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("kyoten serve: cannot read " + path.string());
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void send_json(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json; charset=utf-8");
}

void send_reply(httplib::Response& res, const Reply& reply) { send_json(res, reply.status, reply.body); }

void send_error(httplib::Response& res, int status, const std::string& message) {
  send_json(res, status, {{"errors", json::array({{{"key", ""}, {"message", message}, {"hint", ""}}})}});
}

bool is_loopback(const std::string& host) { return host == "127.0.0.1" || host == "localhost" || host == "::1"; }

// The Host header's name without its port.
std::string host_name(const std::string& header) {
  if (!header.empty() && header.front() == '[') return header.substr(1, header.find(']') - 1);
  return header.substr(0, header.find(':'));
}

// A JSON body, or nullopt after answering 400/415.
std::optional<json> json_body(const httplib::Request& req, httplib::Response& res) {
  const std::string type = req.get_header_value("Content-Type");
  if (type.rfind("application/json", 0) != 0) {
    send_error(res, 415, "the body must be JSON (Content-Type: application/json)");
    return std::nullopt;
  }
  json body = json::parse(req.body, nullptr, false);
  if (body.is_discarded()) {
    send_error(res, 400, "the body is not valid JSON");
    return std::nullopt;
  }
  return body;
}

}  // namespace

ServeSite default_site() {
  const char* web = std::getenv("KYOTEN_WEB_DIR");
  return {.web_dir = web && *web ? fs::path(web) : fs::path(KYOTEN_SOURCE_DIR) / "web",
          .chartjs = fs::path(KYOTEN_CHARTJS_PATH)};
}

WhatIfServer::WhatIfServer(WhatIfService& service, const ServeSite& site)
    : server_(std::make_unique<httplib::Server>()) {
  auto assets = std::make_shared<std::map<std::string, Asset>>();
  (*assets)["/"] = {read_file(site.web_dir / "index.html"), "text/html; charset=utf-8"};
  (*assets)["/app.js"] = {read_file(site.web_dir / "app.js"), "text/javascript; charset=utf-8"};
  (*assets)["/style.css"] = {read_file(site.web_dir / "style.css"), "text/css; charset=utf-8"};
  (*assets)["/chart.js"] = {read_file(site.chartjs), "text/javascript; charset=utf-8"};

  httplib::Server& s = *server_;
  s.new_task_queue = [] { return new httplib::ThreadPool(kHttpThreads); };
  s.set_payload_max_length(site.max_body_bytes);
  s.set_keep_alive_timeout(kKeepAliveSeconds);
  s.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                         {"Cache-Control", "no-store"},
                         {"Content-Security-Policy",
                          "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:"}});
  s.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (is_loopback(host_) && !is_loopback(host_name(req.get_header_value("Host")))) {
      send_error(res, 403, "this server answers only to a loopback address (start it with --host to serve others)");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  s.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr e) {
    std::string what = "internal error";
    try {
      if (e) std::rethrow_exception(e);
    } catch (const std::exception& ex) {
      what = ex.what();
    } catch (...) {
    }
    send_error(res, 500, what);
  });
  s.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) send_error(res, res.status, res.status == 413 ? "the request is too large" : "not found");
  });

  for (const auto& [path, asset] : *assets) {
    s.Get(path, [assets, path](const httplib::Request&, httplib::Response& res) {
      const Asset& a = assets->at(path);
      res.set_content(a.body, a.type.c_str());
    });
  }
  s.Get("/api/scenarios", [&service](const httplib::Request&, httplib::Response& res) {
    send_json(res, 200, service.scenarios());
  });
  s.Get("/api/controls", [&service](const httplib::Request& req, httplib::Response& res) {
    send_reply(res, service.controls(req.get_param_value("scenario")));
  });
  s.Get("/api/progress", [&service](const httplib::Request& req, httplib::Response& res) {
    send_json(res, 200, service.progress(req.get_param_value("client")));
  });
  const auto post = [&s](const char* path, auto call) {
    s.Post(path, [call](const httplib::Request& req, httplib::Response& res) {
      if (auto body = json_body(req, res)) send_reply(res, call(*body));
    });
  };
  post("/api/run", [&service](const json& b) { return service.run(b); });
  post("/api/save", [&service](const json& b) { return service.save(b); });
  post("/api/report", [&service](const json& b) { return service.report(b); });
  post("/api/cancel", [&service](const json& b) {
    return service.cancel(b.is_object() && b.contains("client") && b["client"].is_string() ? b["client"].get<std::string>()
                                                                                          : std::string());
  });
  s.Get("/api/report-file", [&service](const httplib::Request& req, httplib::Response& res) {
    const auto path = service.report_file(req.get_param_value("name"), req.get_param_value("file"));
    if (!path) return send_error(res, 404, "no such report file");
    const std::string file = path->filename().string();
    const std::string ext = path->extension().string();
    res.set_content(read_file(*path), ext == ".pdf"    ? "application/pdf"
                                      : ext == ".xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                                                       : "text/html; charset=utf-8");
    res.set_header("Content-Disposition", "attachment; filename=\"" + req.get_param_value("name") + "_" + file + "\"");
  });
}

WhatIfServer::~WhatIfServer() = default;

int WhatIfServer::bind(const std::string& host, int port) {
  host_ = host;
  port_ = port == 0 ? server_->bind_to_any_port(host) : (server_->bind_to_port(host, port) ? port : -1);
  return port_;
}

void WhatIfServer::listen() { server_->listen_after_bind(); }

void WhatIfServer::stop() { server_->stop(); }

}  // namespace kyoten::app
