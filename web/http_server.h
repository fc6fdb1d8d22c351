// The httplib::Server the routes are registered on, serving each connection on a Connection.
//
// cpp-httplib 0.11 runs each connection's keep-alive loop on a stream of its own, bounded only
// per recv. This subclass overrides Server::process_and_close_socket (as httplib's own SSLServer
// does) and runs that loop itself: it calls the protected process_request once per request, on a
// Connection, which enforces deadlines per request, on one of the ConnectionThreads.
#ifndef PARLSEARCH_WEB_HTTP_SERVER_H_
#define PARLSEARCH_WEB_HTTP_SERVER_H_

#include <httplib.h>

#include "connection.h"
#include "connection_threads.h"
#include "parlsearch/web/server.h"

namespace parlsearch {

// REQUIRES: `connection_threads` and `options` outlive it; its task queue is a ConnectionQueue
// over the same `connection_threads` (new_task_queue).
class HttpServer final : public httplib::Server {
 public:
  HttpServer(ConnectionThreads& connection_threads, const ServerOptions& options)
      : connection_threads_(connection_threads), options_(options) {}

  // httplib listens with a backlog of 5; listen() again on the bound socket sets it.
  bool SetListenBacklog(int backlog);

  // The connection the current thread serves, for the request handlers; null outside them.
  static Connection* CurrentConnection();

 private:
  // Runs on a connection thread (or, to refuse it, on the listening thread): httplib's own
  // keep-alive loop, on a Connection.
  bool process_and_close_socket(socket_t sock) override;

  ConnectionThreads& connection_threads_;
  const ServerOptions& options_;
};

}  // namespace parlsearch

#endif  // PARLSEARCH_WEB_HTTP_SERVER_H_
