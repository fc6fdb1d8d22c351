// Searchers for the server's worker threads: each request borrows one, so that no two threads
// share a Xapian database, and each is brought up to date with the index before use.
#ifndef PARLSEARCH_WEB_SEARCHER_POOL_H_
#define PARLSEARCH_WEB_SEARCHER_POOL_H_

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "parlsearch/error.h"
#include "parlsearch/searcher/searcher.h"

namespace parlsearch {

// Every searcher stayed in use until the request's deadline.
class SearchersBusy : public Error {
 public:
  using Error::Error;
};

class SearcherPool {
 public:
  // At most `size` searchers over the index at `index_path`, opened when first needed, waiting
  // for remote shards as `timeouts` says.
  SearcherPool(std::string index_path, std::size_t size, const RemoteTimeouts& timeouts = {});

  // A searcher borrowed for one request; it goes back to the pool when the lease ends.
  class Lease {
   public:
    Lease(SearcherPool* pool, std::unique_ptr<Searcher> searcher);
    ~Lease();
    Lease(Lease&&) noexcept = default;
    Searcher& operator*() { return *searcher_; }
    Searcher* operator->() { return searcher_.get(); }

   private:
    SearcherPool* pool_;
    std::unique_ptr<Searcher> searcher_;
  };

  // A searcher showing the latest committed state of the index; waits while all are in use,
  // first come, first served (a condition variable alone wakes waiters in any order, which
  // left some requests waiting many times longer than the rest under load), until `deadline`.
  // Throws SearchersBusy if none is free by then, IndexError if the index cannot be opened (the
  // next call tries again).
  Lease Acquire(std::chrono::steady_clock::time_point deadline =
                    std::chrono::steady_clock::time_point::max());

 private:
  void Release(std::unique_ptr<Searcher> searcher);
  // Moves past the tickets of waiters that gave up.
  void SkipAbandoned();

  const std::string index_path_;
  const RemoteTimeouts timeouts_;
  const std::size_t size_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Searcher>> idle_;
  std::size_t open_ = 0;  // searchers in existence, idle or lent
  // Tickets, in order of arrival: a waiter is served when its ticket comes up.
  std::uint64_t next_ticket_ = 0;
  std::uint64_t serving_ = 0;
  std::set<std::uint64_t> abandoned_;  // tickets whose waiters gave up
};

}  // namespace parlsearch

#endif  // PARLSEARCH_WEB_SEARCHER_POOL_H_
