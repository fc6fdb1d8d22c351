#include "parlsearch/web/server.h"

#include <httplib.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>
#include <vector>

#include "assets.h"
#include "parlsearch/error.h"
#include "parlsearch/indexer/index_stats.h"
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
void SendError(httplib::Response& response, int status, const std::string& message) {
  response.status = status;
  const json body = {{"error", {{"status", status}, {"message", message}}}};
  response.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), kJson);
}

QueryParameters Parameters(const httplib::Request& request) {
  QueryParameters parameters;
  for (const auto& [name, value] : request.params) parameters.emplace(name, value);
  return parameters;
}

void AppendHex(std::string& out, unsigned char byte) {
  static constexpr char kDigits[] = "0123456789abcdef";
  out += "\\x";
  out += kDigits[byte >> 4];
  out += kDigits[byte & 0xf];
}

// `text` as one log line: control characters (C0, DEL, C1), backslashes and bytes that are not
// UTF-8 become \xNN, so that a request cannot start a line of its own or send a terminal
// escape sequence.
std::string EscapeForLog(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const std::size_t valid = FindInvalidUtf8(text).value_or(text.size());
    for (std::size_t i = 0; i < valid; ++i) {
      const auto byte = static_cast<unsigned char>(text[i]);
      const bool c1 = byte == 0xc2 && i + 1 < valid &&
                      static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                      static_cast<unsigned char>(text[i + 1]) <= 0x9f;
      if (c1) {
        AppendHex(out, byte);
        AppendHex(out, static_cast<unsigned char>(text[++i]));
      } else if (byte < 0x20 || byte == 0x7f || byte == '\\') {
        AppendHex(out, byte);
      } else {
        out += text[i];
      }
    }
    if (valid == text.size()) break;
    AppendHex(out, static_cast<unsigned char>(text[valid]));
    text.remove_prefix(valid + 1);
  }
  return out;
}

std::string Milliseconds(std::chrono::milliseconds duration) {
  return std::to_string(duration.count()) + " ms";
}

// The numeric address of one end of a socket.
void SocketAddress(int fd, bool peer, std::string& ip, int& port) {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  auto* raw = reinterpret_cast<sockaddr*>(&address);
  ip.clear();
  port = 0;
  if ((peer ? ::getpeername(fd, raw, &length) : ::getsockname(fd, raw, &length)) != 0) return;
  char host[NI_MAXHOST];
  char service[NI_MAXSERV];
  if (::getnameinfo(raw, length, host, sizeof host, service, sizeof service,
                    NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
    ip = host;
    port = std::atoi(service);
  }
}

std::string PeerAddress(int fd) {
  std::string ip;
  int port = 0;
  SocketAddress(fd, /*peer=*/true, ip, port);
  return ip.empty() ? "an unknown address" : ip;
}

// Waits until `fd` is ready for `events` or `deadline` passes; false at the deadline.
bool PollUntil(int fd, short events, Clock::time_point deadline) {
  for (;;) {
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) return false;
    pollfd entry{fd, events, 0};
    const int ready =
        ::poll(&entry, 1, static_cast<int>(std::min<long long>(left.count(), 1 << 30)));
    if (ready > 0) return true;
    if (ready < 0 && errno != EINTR) return true;  // the next recv or send reports the error
  }
}

// ---------------------------------------------------------------------------------------------
// Connections.
//
// cpp-httplib 0.11 only bounds each recv (set_read_timeout), so a client that sends a byte now
// and then keeps its connection thread for ever, and connections queue behind the busy threads.
// The server therefore runs each connection itself: it overrides
// Server::process_and_close_socket (as httplib's own SSLServer does) and calls the protected
// process_request once per request, on a Stream of its own that enforces deadlines per request
// rather than per recv and keeps what it has received between requests (pipelined requests).
// Its connection threads are a TaskQueue of its own, which knows what each connection is doing,
// so that it can close a slow one when another would have to wait for a thread.

class Connections;

// What a connection is doing: which deadline applies, and whether it may be closed to make room.
enum class Phase {
  kNew,        // accepted, no byte of its first request read yet
  kIdle,       // kept alive between requests, or closing
  kReceiving,  // receiving a request's head
  kAnswering,  // its request being handled and answered
};

// One connection, and the httplib::Stream its requests are read from and answered on.
class Connection final : public httplib::Stream {
 public:
  Connection(int fd, Clock::time_point accepted, Connections& connections,
             const ServerOptions& options)
      : fd_(fd), accepted_(accepted), connections_(connections), options_(options) {}

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

  bool is_readable() const override {
    return begin_ < end_ || PollUntil(fd_, POLLIN, read_deadline_);
  }
  bool is_writable() const override {
    return !dropped() &&
           PollUntil(fd_, POLLOUT,
                     writing_ ? write_deadline_ : Clock::now() + options_.write_timeout);
  }
  ssize_t read(char* out, std::size_t size) override;
  ssize_t write(const char* data, std::size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    SocketAddress(fd_, /*peer=*/true, ip, port);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    SocketAddress(fd_, /*peer=*/false, ip, port);
  }
  socket_t socket() const override { return fd_; }

 private:
  friend class Connections;
  enum class Filled { kData, kEnd, kTimeout };

  // Receives what has come, waiting until `deadline` if nothing has.
  Filled Fill(Clock::time_point deadline);

  const int fd_;
  const Clock::time_point accepted_;
  Connections& connections_;
  const ServerOptions& options_;

  // Set by its own thread under Connections::mutex_; read by others under it.
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

// The connection threads, the connections waiting for one, and the connections being served.
class Connections {
 public:
  using Log = std::function<void(const std::string&)>;

  Connections(const ServerOptions& options, Log log)
      : options_(options),
        log_(std::move(log)),
        thread_count_(static_cast<std::size_t>(options.connection_threads > 0
                                                   ? options.connection_threads
                                                   : std::max(64, 16 * options.threads))) {}
  ~Connections() { Shutdown(); }
  Connections(const Connections&) = delete;
  Connections& operator=(const Connections&) = delete;

  // httplib's TaskQueue: the listening thread hands each accepted connection over as a job.
  void Start();
  void Enqueue(std::function<void()> job);
  void Shutdown();
  // Now and then (when no connection arrives for a moment), from the listening thread.
  void Tick();

  // The connection threads: a connection is registered while its thread serves it.
  void Add(Connection& connection);
  void Remove(Connection& connection);
  // The connection enters `phase`; if connections are waiting for a thread, this (or another)
  // connection may be closed to make room.
  void Enter(Connection& connection, Phase phase);
  // The connection missed a deadline: it is closed, counted and logged.
  void Drop(Connection& connection, const std::string& reason);
  // A connection refused on arrival, too many waiting already.
  void Refuse(int fd);

  // {"open": served now, "waiting": for a thread, "dropped": since the start}
  json Counts();

 private:
  struct Job {
    std::function<void()> run;
    Clock::time_point accepted;
  };

  void Work();
  // Under mutex_: while connections wait for threads that no one is about to free, closes one
  // that is not answering anything: an idle one first, else the one that has been receiving its
  // request (or waiting for its first byte) longest. Returns the log lines to write once the
  // mutex is released.
  std::vector<std::string> MakeRoom();
  std::string DropLine(int fd, const std::string& reason) const {
    return "dropped connection from " + PeerAddress(fd) + ": " + reason + " (" +
           std::to_string(dropped_) + " dropped so far)";
  }

  const ServerOptions& options_;
  const Log log_;
  const std::size_t thread_count_;

  std::mutex mutex_;
  std::condition_variable work_;
  std::vector<std::thread> threads_;
  std::deque<Job> jobs_;
  std::vector<Connection*> open_;
  std::size_t idle_threads_ = 0;
  std::size_t releasing_ = 0;  // threads whose connection was closed to make room, not back yet
  std::uint64_t dropped_ = 0;
  bool stopping_ = false;
};

// The connection the current thread serves, for the request handlers; null outside them.
thread_local Connection* current_connection = nullptr;
// When the job the current thread is about to run was accepted.
thread_local Clock::time_point current_accepted;
// The job the current thread is about to run is to be refused.
thread_local bool refusing = false;
// The connection the current thread served was closed to make room.
thread_local bool released = false;

bool Connection::NextRequest() {
  const bool first = requests_++ == 0;
  head_received_ = head_too_long_ = request_line_ended_ = writing_ = false;
  head_bytes_ = 0;
  if (begin_ < end_) {
    request_start_ = Clock::now();  // pipelined: already received
  } else {
    if (!first) connections_.Enter(*this, Phase::kIdle);
    switch (
        Fill(first ? accepted_ + options_.request_timeout : Clock::now() + options_.idle_timeout)) {
      case Filled::kData:
        break;
      case Filled::kEnd:
        return false;
      case Filled::kTimeout:
        if (first) {
          connections_.Drop(*this, "no request within " + Milliseconds(options_.request_timeout));
        }
        return false;
    }
    request_start_ = first && !waited_ ? accepted_ : Clock::now();
  }
  read_deadline_ = (first ? accepted_ : request_start_) + options_.request_timeout;
  connections_.Enter(*this, Phase::kReceiving);
  return !dropped();
}

void Connection::HeadReceived() {
  head_received_ = true;
  connections_.Enter(*this, Phase::kAnswering);
}

Connection::Filled Connection::Fill(Clock::time_point deadline) {
  waited_ = false;
  for (;;) {
    if (dropped()) return Filled::kEnd;
    const ssize_t received = ::recv(fd_, buffer_.data(), buffer_.size(), MSG_DONTWAIT);
    if (received > 0) {
      begin_ = 0;
      end_ = static_cast<std::size_t>(received);
      return Filled::kData;
    }
    if (received == 0) return Filled::kEnd;
    if (errno == EINTR) continue;
    if (errno != EAGAIN && errno != EWOULDBLOCK) return Filled::kEnd;
    if (!PollUntil(fd_, POLLIN, deadline)) return Filled::kTimeout;
    waited_ = true;
  }
}

ssize_t Connection::read(char* out, std::size_t size) {
  if (dropped()) return -1;
  if (!head_received_) {
    // httplib reads the head a byte at a time, so this bounds the head exactly; past the bound
    // the head ends early and fails to parse (the error handler says why).
    if (head_bytes_ >= options_.max_request_bytes) {
      head_too_long_ = true;
      return 0;
    }
    size = std::min(size, options_.max_request_bytes - head_bytes_);
  }
  if (begin_ == end_) {
    switch (Fill(read_deadline_)) {
      case Filled::kData:
        break;
      case Filled::kEnd:
        return dropped() ? -1 : 0;
      case Filled::kTimeout:
        connections_.Drop(*this,
                          "request not received within " + Milliseconds(options_.request_timeout));
        return -1;
    }
  }
  const std::size_t count = std::min(size, end_ - begin_);
  std::memcpy(out, buffer_.data() + begin_, count);
  begin_ += count;
  if (!head_received_) {
    head_bytes_ += count;
    if (std::memchr(out, '\n', count) != nullptr) request_line_ended_ = true;
  }
  return static_cast<ssize_t>(count);
}

ssize_t Connection::write(const char* data, std::size_t size) {
  if (dropped()) return -1;
  if (!writing_) {
    writing_ = true;
    write_deadline_ = Clock::now() + options_.write_timeout;
    if (phase_ != Phase::kAnswering) connections_.Enter(*this, Phase::kAnswering);
  }
  for (;;) {
    const ssize_t sent = ::send(fd_, data, size, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (sent >= 0) return sent;
    if (errno == EINTR) continue;
    if (errno != EAGAIN && errno != EWOULDBLOCK) return -1;
    if (!PollUntil(fd_, POLLOUT, write_deadline_)) {
      connections_.Drop(*this, "answer not taken within " + Milliseconds(options_.write_timeout));
      return -1;
    }
    if (dropped()) return -1;
  }
}

void Connection::Shutdown(bool linger) {
  if (linger && !dropped()) {
    ::shutdown(fd_, SHUT_WR);
    connections_.Enter(*this, Phase::kIdle);
    const Clock::time_point deadline =
        Clock::now() + std::min<Clock::duration>(options_.request_timeout, std::chrono::seconds(1));
    for (std::size_t drained = 0; drained < (std::size_t{1} << 20);) {
      if (Fill(deadline) != Filled::kData) break;
      drained += end_;
    }
  }
  ::shutdown(fd_, SHUT_RDWR);
}

void Connections::Start() {
  std::lock_guard<std::mutex> lock(mutex_);
  stopping_ = false;
  for (std::size_t i = threads_.size(); i < thread_count_; ++i) {
    // Idle from now, not from when it first runs: a thread not yet scheduled is no reason to
    // close or refuse connections.
    ++idle_threads_;
    threads_.emplace_back([this] { Work(); });
  }
}

void Connections::Work() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    work_.wait(lock, [this] { return !jobs_.empty() || stopping_; });
    --idle_threads_;
    if (jobs_.empty()) return;
    Job job = std::move(jobs_.front());
    jobs_.pop_front();
    lock.unlock();
    current_accepted = job.accepted;
    job.run();
    lock.lock();
    if (released) {
      released = false;
      --releasing_;
    }
    ++idle_threads_;
  }
}

void Connections::Enqueue(std::function<void()> run) {
  std::vector<std::string> lines;
  Job refused;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    jobs_.push_back({std::move(run), Clock::now()});
    lines = MakeRoom();
    // Connections that will wait for a thread: beyond as many as there are threads, refuse.
    if (jobs_.size() > idle_threads_ + releasing_ + thread_count_) {
      refused = std::move(jobs_.back());
      jobs_.pop_back();
    }
  }
  if (refused.run) {
    refusing = true;  // the job only closes its socket (HttpServer::process_and_close_socket)
    refused.run();
    refusing = false;
  } else {
    work_.notify_one();
  }
  for (const std::string& line : lines) log_(line);
}

std::vector<std::string> Connections::MakeRoom() {
  std::vector<std::string> lines;
  const Clock::time_point now = Clock::now();
  // A request takes a moment to arrive even from a good client: only one that has been coming
  // for a fifth of the time allowed is taken for a slow one.
  const Clock::time_point slow_since = now - options_.request_timeout / 5;
  while (jobs_.size() > idle_threads_ + releasing_) {
    Connection* victim = nullptr;
    for (Connection* connection : open_) {
      if (connection->evicted_ || connection->phase_ == Phase::kAnswering) continue;
      if (connection->phase_ != Phase::kIdle && connection->since_ > slow_since) continue;
      const auto rank = [](const Connection& c) {
        return std::make_pair(c.phase_ == Phase::kIdle ? 0 : 1, c.since_);
      };
      if (victim == nullptr || rank(*connection) < rank(*victim)) victim = connection;
    }
    if (victim == nullptr) break;
    victim->evicted_ = true;
    ++releasing_;
    if (victim->phase_ != Phase::kIdle) {
      victim->dropped_ = true;
      ++dropped_;
      const auto waited =
          std::chrono::duration_cast<std::chrono::milliseconds>(now - victim->since_);
      lines.push_back(DropLine(victim->fd_, "request incomplete after " + Milliseconds(waited) +
                                                " with all " + std::to_string(thread_count_) +
                                                " connection threads busy"));
    }
    ::shutdown(victim->fd_, SHUT_RDWR);  // its thread wakes, finds nothing to read, lets go
  }
  return lines;
}

void Connections::Tick() {
  std::vector<std::string> lines;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    lines = MakeRoom();
  }
  for (const std::string& line : lines) log_(line);
}

void Connections::Shutdown() {
  std::vector<std::thread> threads;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
    for (Connection* connection : open_) {
      if (connection->phase_ != Phase::kAnswering) ::shutdown(connection->fd_, SHUT_RDWR);
    }
    threads.swap(threads_);
  }
  work_.notify_all();
  for (std::thread& thread : threads) thread.join();
}

void Connections::Add(Connection& connection) {
  std::lock_guard<std::mutex> lock(mutex_);
  connection.since_ = Clock::now();
  open_.push_back(&connection);
  if (stopping_) ::shutdown(connection.fd_, SHUT_RDWR);
}

void Connections::Remove(Connection& connection) {
  std::lock_guard<std::mutex> lock(mutex_);
  open_.erase(std::find(open_.begin(), open_.end(), &connection));
  // The thread counts as on its way back until it is (Work()).
  if (connection.evicted_) released = true;
}

void Connections::Enter(Connection& connection, Phase phase) {
  std::vector<std::string> lines;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    connection.phase_ = phase;
    connection.since_ = Clock::now();
    if (phase != Phase::kAnswering) {
      if (stopping_) {
        ::shutdown(connection.fd_, SHUT_RDWR);
      } else {
        lines = MakeRoom();
      }
    }
  }
  for (const std::string& line : lines) log_(line);
}

void Connections::Drop(Connection& connection, const std::string& reason) {
  std::string line;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (connection.dropped_.exchange(true)) return;
    ++dropped_;
    line = DropLine(connection.fd_, reason);
  }
  log_(line);
}

void Connections::Refuse(int fd) {
  std::string line;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    ++dropped_;
    line = DropLine(fd, std::to_string(jobs_.size()) + " connections already waiting for a thread");
  }
  log_(line);
}

json Connections::Counts() {
  std::lock_guard<std::mutex> lock(mutex_);
  return {{"open", open_.size()}, {"waiting", jobs_.size()}, {"dropped", dropped_}};
}

// httplib's view of the connection threads.
class ConnectionQueue final : public httplib::TaskQueue {
 public:
  explicit ConnectionQueue(Connections& connections) : connections_(connections) {
    connections_.Start();
  }
  void enqueue(std::function<void()> job) override { connections_.Enqueue(std::move(job)); }
  void shutdown() override { connections_.Shutdown(); }
  void on_idle() override { connections_.Tick(); }

 private:
  Connections& connections_;
};

class HttpServer final : public httplib::Server {
 public:
  HttpServer(Connections& connections, const ServerOptions& options)
      : connections_(connections), options_(options) {}

  // httplib listens with a backlog of 5; listen() again on the bound socket sets it.
  bool SetListenBacklog(int backlog) { return ::listen(svr_sock_, backlog) == 0; }

 private:
  // Runs on a connection thread (or, to refuse it, on the listening thread): httplib's own
  // keep-alive loop, on a Connection.
  bool process_and_close_socket(socket_t sock) override {
    if (refusing) {
      connections_.Refuse(sock);
      ::shutdown(sock, SHUT_RDWR);
      ::close(sock);
      return false;
    }
    Connection connection(sock, current_accepted, connections_, options_);
    connections_.Add(connection);
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
    connections_.Remove(connection);
    ::close(sock);
    return ok;
  }

  Connections& connections_;
  const ServerOptions& options_;
};

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

// Whether the last search that met the index worked: a search that failed on a damaged index
// is kept, so that /healthz can try it again.
class IndexHealth {
 public:
  void Failed(const SearchRequest& request) {
    std::lock_guard<std::mutex> lock(mutex_);
    failed_ = request;
  }
  void Succeeded() {
    std::lock_guard<std::mutex> lock(mutex_);
    failed_.reset();
  }
  std::optional<SearchRequest> FailedSearch() {
    std::lock_guard<std::mutex> lock(mutex_);
    return failed_;
  }

 private:
  std::mutex mutex_;
  std::optional<SearchRequest> failed_;
};

struct Server::State {
  explicit State(ServerOptions given)
      : options(std::move(given)),
        pool(options.index_path, static_cast<std::size_t>(std::max(1, options.threads))),
        connections(options, [this](const std::string& line) { Log(line); }),
        http(connections, options) {}

  ServerOptions options;
  SearcherPool pool;
  IndexHealth health;
  std::mutex log_mutex;
  Connections connections;
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
    const IndexStats stats = ReadIndexStats(options.index_path);
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
    response.set_content(json({{"status", "ok"}, {"connections", connections.Counts()}}).dump(),
                         kJson);
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
  Connection* connection = current_connection;
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
  Connection* connection = current_connection;
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
  const Connection* connection = current_connection;
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
  http.new_task_queue = [this] { return new ConnectionQueue(connections); };
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
    const Connection* connection = current_connection;
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
