#include "searcher_pool.h"

#include "parlsearch/error.h"

namespace parlsearch {

SearcherPool::SearcherPool(std::string index_path, std::size_t size, const RemoteTimeouts& timeouts)
    : index_path_(std::move(index_path)), timeouts_(timeouts), size_(size == 0 ? 1 : size) {}

SearcherPool::Lease::Lease(SearcherPool* pool, std::unique_ptr<Searcher> searcher)
    : pool_(pool), searcher_(std::move(searcher)) {}

SearcherPool::Lease::~Lease() {
  if (searcher_) pool_->Release(std::move(searcher_));
}

void SearcherPool::SkipAbandoned() {
  while (abandoned_.erase(serving_) > 0) ++serving_;
}

SearcherPool::Lease SearcherPool::Acquire(std::chrono::steady_clock::time_point deadline) {
  std::unique_ptr<Searcher> searcher;
  {
    std::unique_lock<std::mutex> lock(mutex_);
    const std::uint64_t ticket = next_ticket_++;
    const auto ready = [&] {
      SkipAbandoned();
      return ticket == serving_ && (!idle_.empty() || open_ < size_);
    };
    if (deadline == std::chrono::steady_clock::time_point::max()) {
      available_.wait(lock, ready);
    } else if (!available_.wait_until(lock, deadline, ready)) {
      // Give the place in line up, so that those behind are not held by it.
      abandoned_.insert(ticket);
      SkipAbandoned();
      available_.notify_all();
      throw SearchersBusy("every searcher is busy; try again");
    }
    ++serving_;
    // The next in line may be servable too (several searchers idle).
    available_.notify_all();
    if (!idle_.empty()) {
      searcher = std::move(idle_.back());
      idle_.pop_back();
    } else {
      ++open_;  // reserve the slot; opening happens outside the lock
    }
  }
  try {
    if (searcher) {
      searcher->Reopen();
    } else {
      searcher = std::make_unique<Searcher>(index_path_, timeouts_);
    }
  } catch (...) {
    // A searcher that cannot see the index is dropped; its slot is free again.
    std::lock_guard<std::mutex> lock(mutex_);
    --open_;
    available_.notify_all();
    throw;
  }
  return Lease(this, std::move(searcher));
}

void SearcherPool::Release(std::unique_ptr<Searcher> searcher) {
  std::lock_guard<std::mutex> lock(mutex_);
  idle_.push_back(std::move(searcher));
  available_.notify_all();
}

}  // namespace parlsearch
