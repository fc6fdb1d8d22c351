// Whether the index the server searches is well, for /healthz. A search that fails on a damaged
// index is kept: the index opening again is not enough, /healthz tries that search again and the
// server is well once it works (the index was repaired or replaced).
#ifndef PARLSEARCH_WEB_INDEX_HEALTH_H_
#define PARLSEARCH_WEB_INDEX_HEALTH_H_

#include <mutex>
#include <optional>

#include "parlsearch/searcher/search_request.h"

namespace parlsearch {

// Whether the last search that met the index worked. Thread-safe.
class IndexHealth {
 public:
  // A search failed on the index (IndexError): it is the one to try again.
  void Failed(const SearchRequest& request);
  // A search worked: the index is well.
  void Succeeded();
  // The search that failed since the last that worked, if any.
  std::optional<SearchRequest> FailedSearch();

 private:
  std::mutex mutex_;
  std::optional<SearchRequest> failed_;
};

}  // namespace parlsearch

#endif  // PARLSEARCH_WEB_INDEX_HEALTH_H_
