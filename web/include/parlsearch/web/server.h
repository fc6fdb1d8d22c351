// parlsearch over HTTP: the JSON API and the search page, for an intranet.
//
// Read-only and safe to expose: only GET routes; bounded query length, page size, request size
// and time per request; deadlines for receiving a request and sending its answer, and slow
// connections closed before they can hold up the rest; the page's files are compiled into the
// binary, nothing is served from disk by path; CORS only for the origins given. docs/http.md
// documents the API (and /api/openapi.json describes it).
#ifndef PARLSEARCH_WEB_SERVER_H_
#define PARLSEARCH_WEB_SERVER_H_

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "parlsearch/schema/shards.h"
#include "parlsearch/searcher/search_request.h"

namespace parlsearch {

struct ServerOptions {
  std::string index_path;
  // How long a search waits for a remote shard to connect and to answer; past that it is
  // answered 503 naming the shard (docs/sharding.md).
  RemoteTimeouts remote_timeouts;
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (see Server::port())
  // Searches at a time: worker searchers, each with its own view of the index, reopened when the
  // index changes.
  int threads = 4;
  // Origins allowed to call the API from a browser ("https://intranet.example"); none by default.
  std::vector<std::string> cors_origins;
  std::size_t max_query_bytes = 1000;  // also the bound on any other parameter's value
  std::size_t max_parameters = 100;    // query-string parameters per request
  int max_limit = 100;                 // hits per page
  int max_offset = 10000;
  std::size_t max_request_bytes = 8192;  // request line and headers; bodies are refused
  // Per search, counted from the request's arrival: a request that waits this long for a
  // searcher is answered 503 (busy) instead, one that gets one searches for the time left.
  std::chrono::milliseconds time_limit{3000};
  // Per export (GET /api/export), from the request's arrival: an export still streaming then is
  // cut, the connection closed before the end of the file so that a client sees it incomplete.
  std::chrono::milliseconds export_time_limit{300000};
  // What one query may cost (docs/limits.md); the query's length is bounded by max_query_bytes.
  QueryLimits query_limits;

  // Connections. Each is served by one connection thread (0: max(64, 16 x threads)); the
  // searchers, not these threads, bound the searches running at once. When connections wait for
  // a thread, one that is not being answered is closed to make room: an idle one first, else the
  // one waiting for or sending its request longest (for over request_timeout / 5). As many
  // connections as there are threads may wait; beyond that new ones are closed at once.
  // docs/http.md, "Limits".
  int connection_threads = 0;
  int listen_backlog = 1024;  // connections the kernel holds before the server accepts them
  // A request's head must have arrived within this time of its first byte (of the connection's
  // acceptance, for its first request); a response must have been taken by the client within
  // write_timeout; else the server closes the connection and counts it as dropped.
  std::chrono::milliseconds request_timeout{5000};
  std::chrono::milliseconds write_timeout{5000};
  // A kept-alive connection is closed after this long without a new request.
  std::chrono::milliseconds idle_timeout{5000};

  // Receives one line per request ("GET /api/search 200 4.1 ms"), one per connection dropped and
  // server notices, one call at a time; stderr if empty. Control characters, backslashes and
  // bytes that are not UTF-8 arrive escaped ("\x0a").
  std::function<void(const std::string&)> log;
};

class Server {
 public:
  explicit Server(ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds to the host and port. Throws Error if it cannot. After this, port() is the real port.
  void Bind();

  // Serves requests until Stop() is called (from another thread). Binds first if needed.
  void Run();

  // Stops Run(); safe to call from any thread, and before Run().
  void Stop();

  int port() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace parlsearch

#endif  // PARLSEARCH_WEB_SERVER_H_
