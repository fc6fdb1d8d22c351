// parlsearch over HTTP: the JSON API and the search page, for an intranet.
//
// Read-only and safe to expose: only GET routes; bounded query length, page size, request size
// and time per request; the page's files are compiled into the binary, nothing is served from
// disk by path; CORS only for the origins given. docs/http.md documents the API (and
// /api/openapi.json describes it).
#ifndef PARLSEARCH_WEB_SERVER_H_
#define PARLSEARCH_WEB_SERVER_H_

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace parlsearch {

struct ServerOptions {
  std::string index_path;
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (see Server::port())
  // Searches at a time: worker searchers, each with its own view of the index, reopened when the
  // index changes. Connections are served by max(8, 4 x threads) threads, so that clients that
  // keep idle connections open do not hold searches back.
  int threads = 4;
  // Origins allowed to call the API from a browser ("https://intranet.example"); none by default.
  std::vector<std::string> cors_origins;
  std::size_t max_query_bytes = 1000;
  int max_limit = 100;  // hits per page
  int max_offset = 10000;
  std::size_t max_request_bytes = 8192;        // request line and headers; bodies are refused
  std::chrono::milliseconds time_limit{3000};  // per search
  // Receives one line per request ("GET /api/search 200 4.1 ms") and server notices; stderr if
  // empty.
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
