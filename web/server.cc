#include "parlsearch/web/server.h"

#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "assets.h"
#include "parlsearch/error.h"
#include "parlsearch/indexer/index_stats.h"
#include "parlsearch/searcher/result_json.h"
#include "parlsearch/stemming/word_list.h"
#include "request_parser.h"
#include "searcher_pool.h"

namespace parlsearch {
namespace {

using nlohmann::json;

constexpr const char* kJson = "application/json";

// The page runs only its own script and style, fetched from this server.
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "form-action 'self'";

void SendError(httplib::Response& response, int status, const std::string& message) {
  response.status = status;
  const json body = {{"error", {{"status", status}, {"message", message}}}};
  response.set_content(body.dump(), kJson);
}

QueryParameters Parameters(const httplib::Request& request) {
  QueryParameters parameters;
  for (const auto& [name, value] : request.params) parameters.emplace(name, value);
  return parameters;
}

// When the request started, for the log line; each request runs on one worker thread.
thread_local std::chrono::steady_clock::time_point request_start;

}  // namespace

struct Server::State {
  explicit State(ServerOptions given)
      : options(std::move(given)),
        pool(options.index_path, static_cast<std::size_t>(std::max(1, options.threads))) {}

  ServerOptions options;
  SearcherPool pool;
  httplib::Server http;
  int port = -1;

  void Log(const std::string& line) const {
    if (options.log) {
      options.log(line);
    } else {
      std::cerr << line << std::endl;
    }
  }

  void Routes();
  void Search(const httplib::Request& request, httplib::Response& response);
  void Paragraph(const httplib::Request& request, httplib::Response& response);
  void Stats(httplib::Response& response);
  void Health(httplib::Response& response);
  void SendAsset(std::string_view path, httplib::Response& response);
  void AllowOrigin(const httplib::Request& request, httplib::Response& response) const;

  // Runs `handler`, turning parlsearch's errors into JSON responses: a query that cannot be
  // understood is the client's (400), an index that cannot be read is unavailability (503).
  template <typename Handler>
  void Guard(httplib::Response& response, Handler handler) {
    try {
      handler();
    } catch (const QueryError& error) {
      SendError(response, 400, error.what());
    } catch (const IndexError& error) {
      SendError(response, 503, error.what());
    } catch (const std::exception& error) {
      SendError(response, 500, error.what());
    }
  }
};

void Server::State::AllowOrigin(const httplib::Request& request,
                                httplib::Response& response) const {
  const std::string origin = request.get_header_value("Origin");
  if (origin.empty()) return;
  for (const std::string& allowed : options.cors_origins) {
    if (allowed == origin) {
      response.set_header("Access-Control-Allow-Origin", origin);
      response.set_header("Vary", "Origin");
      return;
    }
  }
}

void Server::State::Search(const httplib::Request& request, httplib::Response& response) {
  Guard(response, [&] {
    const SearchRequest search = ParseSearchRequest(Parameters(request), options);
    auto searcher = pool.Acquire();
    response.set_content(SearchResultToJson(searcher->Search(search)), kJson);
  });
}

void Server::State::Paragraph(const httplib::Request& request, httplib::Response& response) {
  Guard(response, [&] {
    const std::string id = request.matches[1];
    auto searcher = pool.Acquire();
    const auto view = searcher->Find(id);
    if (!view) {
      SendError(response, 404, "no paragraph '" + id + "'");
      return;
    }
    response.set_content(ParagraphViewToJson(*view), kJson);
  });
}

void Server::State::Stats(httplib::Response& response) {
  Guard(response, [&] {
    const IndexStats stats = ReadIndexStats(options.index_path);
    response.set_content(IndexStatsToJson(stats, /*include_path=*/false), kJson);
  });
}

void Server::State::Health(httplib::Response& response) {
  Guard(response, [&] {
    pool.Acquire();  // the index opens
    response.set_content(json({{"status", "ok"}}).dump(), kJson);
  });
}

void Server::State::SendAsset(std::string_view path, httplib::Response& response) {
  const Asset* asset = FindAsset(path);
  if (asset == nullptr) {
    SendError(response, 404, "not found");
    return;
  }
  response.set_content(std::string(asset->data), std::string(asset->content_type).c_str());
  response.set_header("Cache-Control", "no-cache");
}

void Server::State::Routes() {
  // The API is read-only and takes no request bodies; the small allowance lets a client that
  // sends one get its 405 at once.
  http.set_payload_max_length(1024);
  http.set_read_timeout(std::chrono::seconds(2));
  http.set_write_timeout(std::chrono::seconds(5));
  // A keep-alive connection holds its thread between requests; the searchers, not the
  // connection threads, bound the searches running at once.
  http.new_task_queue = [this] {
    return new httplib::ThreadPool(static_cast<std::size_t>(std::max(32, 8 * options.threads)));
  };
  // Small JSON responses: without it, Nagle's algorithm and delayed ACKs add 40 ms to each
  // response on a kept-alive connection.
  http.set_tcp_nodelay(true);
  http.set_pre_routing_handler(
      [this](const httplib::Request& request, httplib::Response& response) {
        request_start = std::chrono::steady_clock::now();
        std::size_t size = request.target.size();
        for (const auto& [name, value] : request.headers) size += name.size() + value.size() + 4;
        if (size > options.max_request_bytes) {
          SendError(response, 431, "request too large");
          return httplib::Server::HandlerResponse::Handled;
        }
        response.set_header("X-Content-Type-Options", "nosniff");
        response.set_header("Referrer-Policy", "no-referrer");
        response.set_header("Content-Security-Policy", kContentSecurityPolicy);
        AllowOrigin(request, response);
        return httplib::Server::HandlerResponse::Unhandled;
      });
  http.set_logger([this](const httplib::Request& request, const httplib::Response& response) {
    const double milliseconds =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - request_start)
            .count();
    char line[512];
    std::snprintf(line, sizeof line, "%s %s %d %.1f ms", request.method.c_str(),
                  request.path.substr(0, 300).c_str(), response.status, milliseconds);
    Log(line);
  });
  http.set_error_handler([](const httplib::Request&, httplib::Response& response) {
    if (response.body.empty()) {
      SendError(response, response.status, response.status == 404 ? "not found" : "error");
    }
  });
  http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& response, std::exception_ptr) {
        SendError(response, 500, "internal error");
      });

  http.Get("/api/search",
           [this](const auto& request, auto& response) { Search(request, response); });
  http.Get(R"(/api/paragraphs/([^/]+))",
           [this](const auto& request, auto& response) { Paragraph(request, response); });
  http.Get("/api/stats", [this](const auto&, auto& response) { Stats(response); });
  http.Get("/healthz", [this](const auto&, auto& response) { Health(response); });
  http.Get("/api/openapi.json",
           [this](const auto&, auto& response) { SendAsset("/api/openapi.json", response); });
  http.Get("/", [this](const auto&, auto& response) { SendAsset("/assets/index.html", response); });
  http.Get(R"(/assets/([A-Za-z0-9_.-]+))",
           [this](const auto& request, auto& response) { SendAsset(request.path, response); });
  http.Options(R"(/api/.*)", [this](const httplib::Request& request, httplib::Response& response) {
    if (!response.has_header("Access-Control-Allow-Origin")) {
      SendError(response, 403, "origin not allowed");
      return;
    }
    response.set_header("Access-Control-Allow-Methods", "GET, OPTIONS");
    response.set_header("Access-Control-Max-Age", "600");
    response.status = 204;
    (void)request;
  });
  // Everything else is read-only: other methods are refused.
  const auto refuse = [](const httplib::Request&, httplib::Response& response) {
    SendError(response, 405, "read-only: only GET is allowed");
  };
  http.Post(R"(.*)", refuse);
  http.Put(R"(.*)", refuse);
  http.Delete(R"(.*)", refuse);
  http.Patch(R"(.*)", refuse);
}

Server::Server(ServerOptions options) : state_(std::make_unique<State>(std::move(options))) {
  state_->Routes();
}

Server::~Server() { Stop(); }

void Server::Bind() {
  if (state_->port > 0) return;
  const ServerOptions& options = state_->options;
  const int port =
      options.port == 0
          ? state_->http.bind_to_any_port(options.host)
          : (state_->http.bind_to_port(options.host, options.port) ? options.port : -1);
  if (port <= 0) {
    throw Error("cannot listen on " + options.host + ":" + std::to_string(options.port));
  }
  state_->port = port;
}

void Server::Run() {
  Bind();
  // Load the word lists and run a first search now, so that the first visitor does not wait.
  for (Language language : kAnalysedLanguages) WordList::ForLanguage(language);
  try {
    SearchRequest warm_up;
    warm_up.query = "parlsearch";
    warm_up.limit = 1;
    state_->pool.Acquire()->Search(warm_up);
  } catch (const Error&) {
    // No index yet: requests will say so (503) until there is one.
  }
  state_->Log("parlsearch: serving " + state_->options.index_path + " on http://" +
              state_->options.host + ":" + std::to_string(state_->port) + "/");
  state_->http.listen_after_bind();
}

void Server::Stop() {
  if (state_) state_->http.stop();
}

int Server::port() const { return state_->port; }

}  // namespace parlsearch
