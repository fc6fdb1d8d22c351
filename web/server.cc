#include "parlsearch/web/server.h"

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>

#include "assets.h"
#include "atom_feed.h"
#include "connection.h"
#include "connection_threads.h"
#include "http_server.h"
#include "index_health.h"
#include "log_line.h"
#include "parlsearch/error.h"
#include "parlsearch/schema/index_stats.h"
#include "parlsearch/searcher/hit_export.h"
#include "parlsearch/searcher/result_json.h"
#include "parlsearch/stemming/normalizer.h"
#include "parlsearch/stemming/word_list.h"
#include "request_parser.h"
#include "searcher_pool.h"

namespace parlsearch {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

constexpr const char* kJson = "application/json";

// The page runs only its own script and style, fetched from this server.
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "form-action 'self'";

// Never throws on the message's text: bytes that are not UTF-8 become U+FFFD.
// `shard`: the remote shard at fault, if one is.
void SendError(httplib::Response& response, int status, const std::string& message,
               const std::string& shard = "") {
  response.status = status;
  json body = {{"error", {{"status", status}, {"message", message}}}};
  if (!shard.empty()) body["error"]["shard"] = shard;
  response.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), kJson);
}

QueryParameters Parameters(const httplib::Request& request) {
  QueryParameters parameters;
  for (const auto& [name, value] : request.params) parameters.emplace(name, value);
  return parameters;
}

// Whether the request comes with a body (which the server never reads).
bool HasBody(const httplib::Request& request) {
  if (request.has_header("Transfer-Encoding")) return true;
  const std::string length = request.get_header_value("Content-Length");
  return length.find_first_not_of('0') != std::string::npos;
}

std::string StatusMessage(int status) {
  switch (status) {
    case 400:
      return "malformed request";
    case 404:
      return "not found";
    default:
      return "error";
  }
}

}  // namespace

// The server's parts, and its routes and handlers. The handlers reach the connection their
// request came on through HttpServer::CurrentConnection().
struct Server::State {
  explicit State(ServerOptions given)
      : options(std::move(given)),
        pool(options.index_path, static_cast<std::size_t>(std::max(1, options.threads)),
             options.remote_timeouts),
        connection_threads(options, [this](const std::string& line) { Log(line); }),
        http(connection_threads, options) {}

  ServerOptions options;
  SearcherPool pool;
  IndexHealth health;
  std::mutex log_mutex;
  ConnectionThreads connection_threads;
  HttpServer http;
  int port = -1;

  // One whole line at a time, escaped.
  void Log(const std::string& line) {
    const std::string escaped = EscapeForLog(line);
    std::lock_guard<std::mutex> lock(log_mutex);
    if (options.log) {
      options.log(escaped);
    } else {
      const std::string whole = escaped + "\n";
      std::fwrite(whole.data(), 1, whole.size(), stderr);
      std::fflush(stderr);
    }
  }

  void Routes();
  void Search(const httplib::Request& request, httplib::Response& response);
  void Paragraph(const httplib::Request& request, httplib::Response& response);
  void Export(const httplib::Request& request, httplib::Response& response);
  void Feed(const httplib::Request& request, httplib::Response& response);
  void Counts(const httplib::Request& request, httplib::Response& response);
  void Stats(httplib::Response& response);
  void Health(httplib::Response& response);
  void SendAsset(std::string_view path, httplib::Response& response);
  void AllowOrigin(const httplib::Request& request, httplib::Response& response) const;
  httplib::Server::HandlerResponse BeforeRouting(const httplib::Request& request,
                                                 httplib::Response& response);
  void OnError(httplib::Response& response) const;
  void LogRequest(const httplib::Request& request, const httplib::Response& response);

  // Runs `handler`, turning parlsearch's errors into JSON responses: a query that cannot be
  // understood is the client's (400), an index that cannot be read is unavailability (503).
  template <typename Handler>
  void Guard(httplib::Response& response, Handler handler) {
    try {
      handler();
    } catch (const QueryError& error) {
      SendError(response, 400, error.what());
    } catch (const ShardUnavailable& error) {
      SendError(response, 503, error.what(), error.shard());
      response.set_header("Retry-After", "1");
    } catch (const IndexError& error) {
      SendError(response, 503, error.what());
    } catch (const SearchersBusy& error) {
      SendError(response, 503, error.what());
      response.set_header("Retry-After", "1");
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
    const auto start = std::chrono::steady_clock::now();
    SearchRequest search = ParseSearchRequest(Parameters(request), options);
    // The time limit covers the wait for a searcher too: under load, a request is answered
    // within it, busy or not.
    const auto deadline = start + options.time_limit;
    auto searcher = pool.Acquire(deadline);
    const double left =
        std::chrono::duration<double>(deadline - std::chrono::steady_clock::now()).count();
    search.time_limit_seconds = std::max(0.001, left);
    try {
      response.set_content(SearchResultToJson(searcher->Search(search)), kJson);
      health.Succeeded();
    } catch (const IndexError& error) {
      health.Failed(search);
      throw;
    }
  });
}

void Server::State::Export(const httplib::Request& request, httplib::Response& response) {
  Guard(response, [&] {
    const auto start = std::chrono::steady_clock::now();
    const QueryParameters parameters = Parameters(request);
    const ExportFormat format = ParseExportFormatParameter(parameters);
    SearchRequest search = ParseSearchRequest(parameters, options);
    auto lease = std::make_shared<SearcherPool::Lease>(pool.Acquire(start + options.time_limit));
    // The query is run once, for nothing but its errors, while a 400 or 503 can still be sent.
    SearchRequest check = search;
    check.limit = 0;
    check.facets.clear();
    check.time_limit_seconds = std::max(
        0.001,
        std::chrono::duration<double>(start + options.time_limit - std::chrono::steady_clock::now())
            .count());
    (*lease)->Search(check);
    health.Succeeded();

    const auto deadline = start + options.export_time_limit;
    response.set_header("Content-Disposition",
                        std::string("attachment; filename=\"parlsearch-export.") +
                            (format == ExportFormat::kCsv ? "csv" : "jsonl") + "\"");
    response.set_chunked_content_provider(
        std::string(ExportMediaType(format)),
        [lease, search, format, deadline](std::size_t, httplib::DataSink& sink) {
          // Stops the export: the client went away, or the time is up.
          struct Stop {};
          try {
            const std::string header = ExportHeader(format);
            if (!header.empty() && !sink.write(header.data(), header.size())) return false;
            (*lease)->Export(search, [&](const Hit& hit) {
              const std::string row = ExportRow(hit, format);
              if (!sink.write(row.data(), row.size())) throw Stop{};
              if (std::chrono::steady_clock::now() > deadline) throw Stop{};
            });
          } catch (...) {
            // Headers are gone: the only way left to say the file is incomplete is to close the
            // connection before its last chunk.
            return false;
          }
          sink.done();
          return true;
        });
  });
}

void Server::State::Feed(const httplib::Request& request, httplib::Response& response) {
  Guard(response, [&] {
    const auto start = std::chrono::steady_clock::now();
    const QueryParameters parameters = Parameters(request);
    SearchRequest search = ParseSearchRequest(parameters, options);
    // A feed lists the newest hits; 20 unless the request says how many.
    search.sort = SortOrder::kNewest;
    search.offset = 0;
    if (parameters.find("limit") == parameters.end()) search.limit = 20;
    search.facets.clear();
    const auto deadline = start + options.time_limit;
    auto searcher = pool.Acquire(deadline);
    search.time_limit_seconds = std::max(
        0.001, std::chrono::duration<double>(deadline - std::chrono::steady_clock::now()).count());
    const SearchResult result = searcher->Search(search);
    health.Succeeded();

    FeedLinks links;
    const std::string host = request.get_header_value("Host");
    links.base = "http://" + (host.empty() ? options.host + ":" + std::to_string(port) : host);
    links.self = request.target;
    const std::size_t query = request.target.find('?');
    links.page = "/" + (query == std::string::npos ? "" : request.target.substr(query));
    char now[32];
    const std::time_t seconds = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    std::strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &utc);
    links.now = now;
    response.set_content(AtomFeed(result, links), "application/atom+xml; charset=utf-8");
  });
}

void Server::State::Counts(const httplib::Request& request, httplib::Response& response) {
  Guard(response, [&] {
    const auto start = std::chrono::steady_clock::now();
    SearchRequest search = ParseSearchRequest(Parameters(request), options);
    if (search.facets.size() != 1) {
      throw QueryError("facets: the counts of one facet (facets=party:year)");
    }
    search.offset = 0;
    search.limit = 0;
    const auto deadline = start + options.time_limit;
    auto searcher = pool.Acquire(deadline);
    search.time_limit_seconds = std::max(
        0.001, std::chrono::duration<double>(deadline - std::chrono::steady_clock::now()).count());
    const SearchResult result = searcher->Search(search);
    health.Succeeded();
    std::string name = search.facets.front();
    std::replace(name.begin(), name.end(), ':', '-');
    response.set_header("Content-Disposition",
                        "attachment; filename=\"parlsearch-" + name + ".csv\"");
    response.set_content(FacetCountsToCsv(result, search.facets.front()),
                         std::string(ExportMediaType(ExportFormat::kCsv)));
  });
}

void Server::State::Paragraph(const httplib::Request& request, httplib::Response& response) {
  Guard(response, [&] {
    const std::string id = request.matches[1];
    if (FindInvalidUtf8(id)) throw QueryError("id: not valid UTF-8");
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
    const IndexStats stats = ReadIndexStats(options.index_path, options.remote_timeouts);
    response.set_content(IndexStatsToJson(stats, /*include_path=*/false), kJson);
  });
}

void Server::State::Health(httplib::Response& response) {
  Guard(response, [&] {
    auto searcher = pool.Acquire(std::chrono::steady_clock::now() + options.time_limit);
    // The index opens; if a search failed on it since the last that worked, that search must
    // work again (the index was repaired or replaced) for the server to be well.
    if (std::optional<SearchRequest> failed = health.FailedSearch()) {
      try {
        searcher->Search(*failed);
        health.Succeeded();
      } catch (const IndexError& error) {
        throw;
      }
    }
    response.set_content(
        json({{"status", "ok"}, {"connections", connection_threads.Counts()}}).dump(), kJson);
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

// Every request whose head httplib could read comes here first.
httplib::Server::HandlerResponse Server::State::BeforeRouting(const httplib::Request& request,
                                                              httplib::Response& response) {
  Connection* connection = HttpServer::CurrentConnection();
  if (connection != nullptr) connection->HeadReceived();
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_header("Referrer-Policy", "no-referrer");
  response.set_header("Content-Security-Policy", kContentSecurityPolicy);
  AllowOrigin(request, response);
  // A body is never read: what follows the head cannot be taken for the next request.
  const bool body = HasBody(request);
  if (body && connection != nullptr) connection->CloseAfterAnswer();
  if (request.method != "GET" && request.method != "HEAD" && request.method != "OPTIONS") {
    response.set_header("Allow", "GET, HEAD, OPTIONS");
    SendError(response, 405, "read-only: only GET is allowed");
    return httplib::Server::HandlerResponse::Handled;
  }
  if (body) {
    SendError(response, 413, "request bodies are refused");
    return httplib::Server::HandlerResponse::Handled;
  }
  try {
    ValidateParameters(Parameters(request), options);
  } catch (const QueryError& error) {
    SendError(response, 400, error.what());
    return httplib::Server::HandlerResponse::Handled;
  }
  return httplib::Server::HandlerResponse::Unhandled;
}

// Every response with a status of 400 or more comes here before it is sent.
void Server::State::OnError(httplib::Response& response) const {
  Connection* connection = HttpServer::CurrentConnection();
  if (connection != nullptr && !connection->head_received()) {
    // httplib refused the head before the handlers saw it: what follows cannot be trusted.
    connection->CloseAfterAnswer();
    if (connection->head_too_long()) {
      const std::string limit = std::to_string(options.max_request_bytes) + " bytes";
      if (connection->request_line_ended()) {
        SendError(response, 431, "request line and headers longer than " + limit);
      } else {
        SendError(response, 414, "request line longer than " + limit);
      }
      return;
    }
  }
  if (response.body.empty()) SendError(response, response.status, StatusMessage(response.status));
}

void Server::State::LogRequest(const httplib::Request& request, const httplib::Response& response) {
  const Connection* connection = HttpServer::CurrentConnection();
  if (connection != nullptr && connection->dropped()) return;  // its drop has a line
  // The path, never the query string: what people searched for stays out of the log.
  std::string line = request.method.empty() ? "-" : request.method.substr(0, 20);
  line += ' ';
  line += request.path.empty() ? "-" : request.path.substr(0, 300);
  line += ' ' + std::to_string(response.status);
  if (connection != nullptr) {
    const double milliseconds =
        std::chrono::duration<double, std::milli>(Clock::now() - connection->request_start())
            .count();
    char duration[32];
    std::snprintf(duration, sizeof duration, " %.1f ms", milliseconds);
    line += duration;
  }
  Log(line);
}

void Server::State::Routes() {
  // The API takes no request bodies (BeforeRouting refuses them unread); this is a second bound.
  http.set_payload_max_length(1024);
  http.set_write_timeout(options.write_timeout);
  http.set_keep_alive_timeout(std::max<time_t>(
      1, std::chrono::duration_cast<std::chrono::seconds>(options.idle_timeout).count()));
  http.new_task_queue = [this] { return new ConnectionQueue(connection_threads); };
  // The listening thread calls ConnectionQueue::on_idle after this long without a connection.
  http.set_idle_interval(std::chrono::milliseconds(100));
  // Small JSON responses: without it, Nagle's algorithm and delayed ACKs add 40 ms to each
  // response on a kept-alive connection.
  http.set_tcp_nodelay(true);
  http.set_pre_routing_handler(
      [this](const httplib::Request& request, httplib::Response& response) {
        return BeforeRouting(request, response);
      });
  http.set_error_handler(
      [this](const httplib::Request&, httplib::Response& response) { OnError(response); });
  // After the connection headers are set: a connection the server closes says so.
  http.set_post_routing_handler([](const httplib::Request&, httplib::Response& response) {
    const Connection* connection = HttpServer::CurrentConnection();
    if (connection == nullptr || !connection->closing()) return;
    response.headers.erase("Keep-Alive");
    if (!response.has_header("Connection")) response.set_header("Connection", "close");
  });
  http.set_logger([this](const httplib::Request& request, const httplib::Response& response) {
    LogRequest(request, response);
  });
  http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& response, std::exception_ptr) {
        SendError(response, 500, "internal error");
      });

  http.Get("/api/search",
           [this](const auto& request, auto& response) { Search(request, response); });
  http.Get("/api/search.atom",
           [this](const auto& request, auto& response) { Feed(request, response); });
  http.Get("/api/counts.csv",
           [this](const auto& request, auto& response) { Counts(request, response); });
  http.Get("/api/export",
           [this](const auto& request, auto& response) { Export(request, response); });
  http.Get(R"(/api/paragraphs/([^/]+))",
           [this](const auto& request, auto& response) { Paragraph(request, response); });
  http.Get("/api/stats", [this](const auto&, auto& response) { Stats(response); });
  http.Get("/healthz", [this](const auto&, auto& response) { Health(response); });
  http.Get("/api/openapi.json",
           [this](const auto&, auto& response) { SendAsset("/api/openapi.json", response); });
  http.Get("/", [this](const auto&, auto& response) { SendAsset("/assets/index.html", response); });
  http.Get(R"(/assets/([A-Za-z0-9_.-]+))",
           [this](const auto& request, auto& response) { SendAsset(request.path, response); });
  http.Options(R"(/api/.*)", [](const httplib::Request& request, httplib::Response& response) {
    if (!response.has_header("Access-Control-Allow-Origin")) {
      SendError(response, 403, "origin not allowed");
      return;
    }
    response.set_header("Access-Control-Allow-Methods", "GET, OPTIONS");
    response.set_header("Access-Control-Max-Age", "600");
    response.status = 204;
    (void)request;
  });
  // Other methods are refused before routing (BeforeRouting).
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
  if (!state_->http.SetListenBacklog(std::max(1, options.listen_backlog))) {
    throw Error("cannot listen on " + options.host + ":" + std::to_string(port) +
                " with a backlog of " + std::to_string(options.listen_backlog));
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
