#include "connection_threads.h"

#include <sys/socket.h>

#include <algorithm>
#include <utility>

#include "log_line.h"
#include "posix_socket.h"

namespace parlsearch {
namespace {

using Clock = ConnectionThreads::Clock;
using Phase = Connection::Phase;

// When the job the current thread is about to run was accepted.
thread_local Clock::time_point current_accepted;
// The job the current thread is about to run is to be refused.
thread_local bool refusing = false;
// The connection the current thread served was closed to make room.
thread_local bool released = false;

}  // namespace

ConnectionThreads::ConnectionThreads(const ServerOptions& options, Log log)
    : options_(options),
      log_(std::move(log)),
      thread_count_(static_cast<std::size_t>(options.connection_threads > 0
                                                 ? options.connection_threads
                                                 : std::max(64, 16 * options.threads))) {}

ConnectionThreads::Clock::time_point ConnectionThreads::JobAccepted() { return current_accepted; }

bool ConnectionThreads::RefusingJob() { return refusing; }

void ConnectionThreads::Start() {
  std::lock_guard<std::mutex> lock(mutex_);
  stopping_ = false;
  for (std::size_t i = threads_.size(); i < thread_count_; ++i) {
    // Idle from now, not from when it first runs: a thread not yet scheduled is no reason to
    // close or refuse connections.
    ++idle_threads_;
    threads_.emplace_back([this] { Work(); });
  }
}

void ConnectionThreads::Work() {
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

void ConnectionThreads::Enqueue(std::function<void()> run) {
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

std::vector<std::string> ConnectionThreads::MakeRoom() {
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
      lines.push_back(DropLine(
          victim->fd_, "request incomplete after " + FormatMilliseconds(waited) + " with all " +
                           std::to_string(thread_count_) + " connection threads busy"));
    }
    ::shutdown(victim->fd_, SHUT_RDWR);  // its thread wakes, finds nothing to read, lets go
  }
  return lines;
}

std::string ConnectionThreads::DropLine(int fd, const std::string& reason) const {
  return "dropped connection from " + PeerAddress(fd) + ": " + reason + " (" +
         std::to_string(dropped_) + " dropped so far)";
}

void ConnectionThreads::Tick() {
  std::vector<std::string> lines;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    lines = MakeRoom();
  }
  for (const std::string& line : lines) log_(line);
}

void ConnectionThreads::Shutdown() {
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

void ConnectionThreads::Add(Connection& connection) {
  std::lock_guard<std::mutex> lock(mutex_);
  connection.since_ = Clock::now();
  open_.push_back(&connection);
  if (stopping_) ::shutdown(connection.fd_, SHUT_RDWR);
}

void ConnectionThreads::Remove(Connection& connection) {
  std::lock_guard<std::mutex> lock(mutex_);
  open_.erase(std::find(open_.begin(), open_.end(), &connection));
  // The thread counts as on its way back until it is (Work()).
  if (connection.evicted_) released = true;
}

void ConnectionThreads::Enter(Connection& connection, Phase phase) {
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

void ConnectionThreads::Drop(Connection& connection, const std::string& reason) {
  std::string line;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (connection.dropped_.exchange(true)) return;
    ++dropped_;
    line = DropLine(connection.fd_, reason);
  }
  log_(line);
}

void ConnectionThreads::Refuse(int fd) {
  std::string line;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    ++dropped_;
    line = DropLine(fd, std::to_string(jobs_.size()) + " connections already waiting for a thread");
  }
  log_(line);
}

nlohmann::json ConnectionThreads::Counts() {
  std::lock_guard<std::mutex> lock(mutex_);
  return {{"open", open_.size()}, {"waiting", jobs_.size()}, {"dropped", dropped_}};
}

}  // namespace parlsearch
