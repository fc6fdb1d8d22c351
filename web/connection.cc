#include "connection.h"

#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "connection_threads.h"
#include "log_line.h"
#include "posix_socket.h"

namespace parlsearch {

bool Connection::NextRequest() {
  const bool first = requests_++ == 0;
  head_received_ = head_too_long_ = request_line_ended_ = writing_ = false;
  head_bytes_ = 0;
  if (begin_ < end_) {
    request_start_ = Clock::now();  // pipelined: already received
  } else {
    if (!first) connection_threads_.Enter(*this, Phase::kIdle);
    switch (
        Fill(first ? accepted_ + options_.request_timeout : Clock::now() + options_.idle_timeout)) {
      case Filled::kData:
        break;
      case Filled::kEnd:
        return false;
      case Filled::kTimeout:
        if (first) {
          connection_threads_.Drop(
              *this, "no request within " + FormatMilliseconds(options_.request_timeout));
        }
        return false;
    }
    request_start_ = first && !waited_ ? accepted_ : Clock::now();
  }
  read_deadline_ = (first ? accepted_ : request_start_) + options_.request_timeout;
  connection_threads_.Enter(*this, Phase::kReceiving);
  return !dropped();
}

void Connection::HeadReceived() {
  head_received_ = true;
  connection_threads_.Enter(*this, Phase::kAnswering);
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

bool Connection::is_readable() const {
  return begin_ < end_ || PollUntil(fd_, POLLIN, read_deadline_);
}

bool Connection::is_writable() const {
  return !dropped() &&
         PollUntil(fd_, POLLOUT,
                   writing_ ? write_deadline_ : Clock::now() + options_.write_timeout);
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
        connection_threads_.Drop(
            *this, "request not received within " + FormatMilliseconds(options_.request_timeout));
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
    if (phase_ != Phase::kAnswering) connection_threads_.Enter(*this, Phase::kAnswering);
  }
  for (;;) {
    const ssize_t sent = ::send(fd_, data, size, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (sent >= 0) return sent;
    if (errno == EINTR) continue;
    if (errno != EAGAIN && errno != EWOULDBLOCK) return -1;
    if (!PollUntil(fd_, POLLOUT, write_deadline_)) {
      connection_threads_.Drop(
          *this, "answer not taken within " + FormatMilliseconds(options_.write_timeout));
      return -1;
    }
    if (dropped()) return -1;
  }
}

void Connection::get_remote_ip_and_port(std::string& ip, int& port) const {
  SocketAddress(fd_, /*peer=*/true, ip, port);
}

void Connection::get_local_ip_and_port(std::string& ip, int& port) const {
  SocketAddress(fd_, /*peer=*/false, ip, port);
}

void Connection::Shutdown(bool linger) {
  if (linger && !dropped()) {
    ::shutdown(fd_, SHUT_WR);
    connection_threads_.Enter(*this, Phase::kIdle);
    const Clock::time_point deadline =
        Clock::now() + std::min<Clock::duration>(options_.request_timeout, std::chrono::seconds(1));
    for (std::size_t drained = 0; drained < (std::size_t{1} << 20);) {
      if (Fill(deadline) != Filled::kData) break;
      drained += end_;
    }
  }
  ::shutdown(fd_, SHUT_RDWR);
}

}  // namespace parlsearch
