#include "task_thread.h"

#include <utility>

namespace parlsearch {

TaskThread::TaskThread(std::size_t max_waiting)
    : max_waiting_(max_waiting == 0 ? 1 : max_waiting), thread_([this] { Run(); }) {}

TaskThread::~TaskThread() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void TaskThread::ThrowFailure() {
  if (!failure_) return;
  std::exception_ptr failure = std::exchange(failure_, nullptr);
  std::rethrow_exception(failure);
}

void TaskThread::Post(std::function<void()> task) {
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [this] { return tasks_.size() < max_waiting_ || failure_; });
  ThrowFailure();
  tasks_.push_back(std::move(task));
  changed_.notify_all();
}

void TaskThread::Drain() {
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [this] { return tasks_.empty() && !running_task_; });
  ThrowFailure();
}

void TaskThread::Run() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    changed_.wait(lock, [this] { return !tasks_.empty() || stopping_; });
    if (tasks_.empty()) return;  // stopping, and nothing left to do
    std::function<void()> task = std::move(tasks_.front());
    tasks_.pop_front();
    running_task_ = true;
    lock.unlock();
    std::exception_ptr failure;
    try {
      task();
    } catch (...) {
      failure = std::current_exception();
    }
    lock.lock();
    running_task_ = false;
    if (failure) {
      // The tasks after a failed one depend on it: drop them.
      if (!failure_) failure_ = failure;
      tasks_.clear();
    }
    changed_.notify_all();
  }
}

}  // namespace parlsearch
