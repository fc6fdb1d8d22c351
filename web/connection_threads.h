// The server's connection threads, the connections waiting for one and the connections being
// served.
//
// Each connection has a thread to itself while it is open, so a connection that is slow to send
// its request holds a thread, and connections queue behind the busy threads. httplib's own
// thread pool cannot tell a slow connection from a busy one; this one knows what each connection
// is doing (its Connection::Phase), so that when a connection would have to wait for a thread it
// closes one that is not being answered, and refuses new connections beyond as many waiting as
// there are threads. ConnectionQueue hands it to httplib::Server as its TaskQueue.
#ifndef PARLSEARCH_WEB_CONNECTION_THREADS_H_
#define PARLSEARCH_WEB_CONNECTION_THREADS_H_

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "connection.h"
#include "parlsearch/web/server.h"

namespace parlsearch {

class ConnectionThreads {
 public:
  using Clock = std::chrono::steady_clock;
  // Receives the lines about dropped connections, outside the threads' mutex.
  using Log = std::function<void(const std::string&)>;

  // options.connection_threads threads (0: max(64, 16 x options.threads)), started by Start().
  ConnectionThreads(const ServerOptions& options, Log log);
  ~ConnectionThreads() { Shutdown(); }
  ConnectionThreads(const ConnectionThreads&) = delete;
  ConnectionThreads& operator=(const ConnectionThreads&) = delete;

  // httplib's TaskQueue: the listening thread hands each accepted connection over as a job.
  void Start();
  void Enqueue(std::function<void()> job);
  void Shutdown();
  // Now and then (when no connection arrives for a moment), from the listening thread.
  void Tick();

  // For the job the current thread is running: when its connection was accepted, and whether it
  // is to refuse its connection (too many waiting already) rather than serve it.
  static Clock::time_point JobAccepted();
  static bool RefusingJob();

  // The connection threads: a connection is registered while its thread serves it.
  void Add(Connection& connection);
  void Remove(Connection& connection);
  // The connection enters `phase`; if connections are waiting for a thread, this (or another)
  // connection may be closed to make room.
  void Enter(Connection& connection, Connection::Phase phase);
  // The connection missed a deadline: it is closed, counted and logged.
  void Drop(Connection& connection, const std::string& reason);
  // A connection refused on arrival, too many waiting already.
  void Refuse(int fd);

  // {"open": served now, "waiting": for a thread, "dropped": since the start}
  nlohmann::json Counts();

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
  std::string DropLine(int fd, const std::string& reason) const;

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

// httplib's view of the connection threads.
class ConnectionQueue final : public httplib::TaskQueue {
 public:
  explicit ConnectionQueue(ConnectionThreads& connection_threads)
      : connection_threads_(connection_threads) {
    connection_threads_.Start();
  }
  void enqueue(std::function<void()> job) override { connection_threads_.Enqueue(std::move(job)); }
  void shutdown() override { connection_threads_.Shutdown(); }
  void on_idle() override { connection_threads_.Tick(); }

 private:
  ConnectionThreads& connection_threads_;
};

}  // namespace parlsearch

#endif  // PARLSEARCH_WEB_CONNECTION_THREADS_H_
