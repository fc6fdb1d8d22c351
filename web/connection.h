// One client connection as the server serves it: the httplib::Stream its requests are read from
// and answered on.
//
// cpp-httplib 0.11 only bounds each recv (set_read_timeout), so a client that sends a byte now
// and then would keep its connection thread for ever. This stream enforces deadlines per request
// rather than per recv: a request's head must arrive within request_timeout, its answer be taken
// within write_timeout, the next request come within idle_timeout. It keeps what it has received
// between requests (pipelined requests), and tells ConnectionThreads what it is doing, so that a
// slow connection can be closed when another is waiting for a thread.
#ifndef PARLSEARCH_WEB_CONNECTION_H_
#define PARLSEARCH_WEB_CONNECTION_H_

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include "parlsearch/web/server.h"

namespace parlsearch {

class ConnectionThreads;

// REQUIRES: used by one thread, the one serving it; the ConnectionThreads it reports to and the
// options must outlive it.
class Connection final : public httplib::Stream {
 public:
  using Clock = std::chrono::steady_clock;

  // What a connection is doing: which deadline applies, and whether it may be closed to make
  // room.
  enum class Phase {
    kNew,        // accepted, no byte of its first request read yet
    kIdle,       // kept alive between requests, or closing
    kReceiving,  // receiving a request's head
    kAnswering,  // its request being handled and answered
  };

  // The connection on socket `fd`, accepted at `accepted` (its first request's deadline counts
  // from then).
  Connection(int fd, Clock::time_point accepted, ConnectionThreads& connection_threads,
             const ServerOptions& options)
      : fd_(fd), accepted_(accepted), connection_threads_(connection_threads), options_(options) {}

  // Waits for the next request; false if the connection is to close instead (the client closed
  // it, it stayed idle too long or was dropped, the server is stopping).
  bool NextRequest();
  // The request's head has been read and parsed: it reached the server's handlers.
  void HeadReceived();
  // Closes the connection once this request is answered.
  void CloseAfterAnswer() { close_ = true; }
  // Shuts the socket down. With `linger`, first lets the client read the answer: what it sent
  // after the last request answered is unread, and closing now would reset the connection, so
  // that the client could lose the answer. The server says no more, then reads until the client
  // closes too, for a moment.
  void Shutdown(bool linger);

  bool closing() const { return close_; }
  // Closed by the server (a deadline missed, or to make room): reads and writes fail at once.
  bool dropped() const { return dropped_.load(); }
  bool head_received() const { return head_received_; }
  // Whether the head went past max_request_bytes; if so, whether its request line had ended.
  bool head_too_long() const { return head_too_long_; }
  bool request_line_ended() const { return request_line_ended_; }
  // When the request's first byte came (its connection's acceptance, for a first request that
  // was waiting when its thread took it up).
  Clock::time_point request_start() const { return request_start_; }

  // httplib::Stream, with the deadlines above.
  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* out, std::size_t size) override;
  ssize_t write(const char* data, std::size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return fd_; }

 private:
  // Sets the phase and reads it, under its mutex, and closes the connection to make room.
  friend class ConnectionThreads;
  enum class Filled { kData, kEnd, kTimeout };

  // Receives what has come, waiting until `deadline` if nothing has.
  Filled Fill(Clock::time_point deadline);

  const int fd_;
  const Clock::time_point accepted_;
  ConnectionThreads& connection_threads_;
  const ServerOptions& options_;

  // Set by its own thread under ConnectionThreads' mutex; read by others under it.
  Phase phase_ = Phase::kNew;
  Clock::time_point since_;  // when the phase began
  bool evicted_ = false;     // shut down by another thread to make room
  std::atomic<bool> dropped_{false};

  // Its own thread's.
  std::vector<char> buffer_ = std::vector<char>(16384);
  std::size_t begin_ = 0;  // what is received and not yet read: buffer_[begin_, end_)
  std::size_t end_ = 0;
  int requests_ = 0;
  bool waited_ = false;  // the last Fill() had to wait
  bool close_ = false;
  bool head_received_ = false;
  bool head_too_long_ = false;
  bool request_line_ended_ = false;
  std::size_t head_bytes_ = 0;
  bool writing_ = false;
  Clock::time_point request_start_;
  Clock::time_point read_deadline_;
  Clock::time_point write_deadline_;
};

}  // namespace parlsearch

#endif  // PARLSEARCH_WEB_CONNECTION_H_
