#include "searcher_pool.h"

#include "parlsearch/error.h"

namespace parlsearch {

SearcherPool::SearcherPool(std::string index_path, std::size_t size)
    : index_path_(std::move(index_path)), size_(size == 0 ? 1 : size) {}

SearcherPool::Lease::Lease(SearcherPool* pool, std::unique_ptr<Searcher> searcher)
    : pool_(pool), searcher_(std::move(searcher)) {}

SearcherPool::Lease::~Lease() {
  if (searcher_) pool_->Release(std::move(searcher_));
}

SearcherPool::Lease SearcherPool::Acquire() {
  std::unique_ptr<Searcher> searcher;
  {
    std::unique_lock<std::mutex> lock(mutex_);
    const std::uint64_t ticket = next_ticket_++;
    available_.wait(lock, [&] { return ticket == serving_ && (!idle_.empty() || open_ < size_); });
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
      searcher = std::make_unique<Searcher>(index_path_);
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
