#include "http_server.h"

#include <sys/socket.h>
#include <unistd.h>

#include <cstddef>

namespace parlsearch {
namespace {

// The connection the current thread serves; null outside process_and_close_socket.
thread_local Connection* current_connection = nullptr;

}  // namespace

bool HttpServer::SetListenBacklog(int backlog) { return ::listen(svr_sock_, backlog) == 0; }

Connection* HttpServer::CurrentConnection() { return current_connection; }

bool HttpServer::process_and_close_socket(socket_t sock) {
  if (ConnectionThreads::RefusingJob()) {
    connection_threads_.Refuse(sock);
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
    return false;
  }
  Connection connection(sock, ConnectionThreads::JobAccepted(), connection_threads_, options_);
  connection_threads_.Add(connection);
  current_connection = &connection;
  bool ok = false;
  bool linger = false;
  for (std::size_t left = keep_alive_max_count_;
       left > 0 && svr_sock_ != INVALID_SOCKET && connection.NextRequest(); --left) {
    bool closed = false;  // the client asked
    ok = process_request(connection, /*close_connection=*/left == 1, closed, nullptr);
    if (!ok || connection.dropped()) break;
    // The server ends the connection; the client may have sent more already.
    linger = connection.closing() || left == 1;
    if (linger || closed) break;
  }
  current_connection = nullptr;
  connection.Shutdown(linger);
  connection_threads_.Remove(connection);
  ::close(sock);
  return ok;
}

}  // namespace parlsearch
