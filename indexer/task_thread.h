// A thread that runs tasks one after another, in the order they are given.
#ifndef PARLSEARCH_INDEXER_TASK_THREAD_H_
#define PARLSEARCH_INDEXER_TASK_THREAD_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

namespace parlsearch {

// IndexWriter gives each shard of a sharded index one, so that shards are written in parallel
// while each shard's changes stay in order. A task that throws stops the thread's work: the
// tasks after it are dropped, and Drain() (or the next Post()) rethrows the exception once.
class TaskThread {
 public:
  // At most `max_waiting` tasks wait; Post() blocks while that many do.
  explicit TaskThread(std::size_t max_waiting);
  // Runs the tasks given, then stops. Failures not yet reported are dropped.
  ~TaskThread();
  TaskThread(const TaskThread&) = delete;
  TaskThread& operator=(const TaskThread&) = delete;

  // Queues `task`. Rethrows, instead, the exception of a task that failed since it was last
  // reported.
  void Post(std::function<void()> task);

  // Waits until every task given has run; rethrows the exception of a task that failed.
  void Drain();

 private:
  void Run();
  void ThrowFailure();  // mutex_ held

  const std::size_t max_waiting_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::function<void()>> tasks_;
  bool running_task_ = false;
  bool stopping_ = false;
  std::exception_ptr failure_;
  std::thread thread_;  // last: starts once the rest is ready
};

}  // namespace parlsearch

#endif  // PARLSEARCH_INDEXER_TASK_THREAD_H_
