#include "index_health.h"

namespace parlsearch {

void IndexHealth::Failed(const SearchRequest& request) {
  std::lock_guard<std::mutex> lock(mutex_);
  failed_ = request;
}

void IndexHealth::Succeeded() {
  std::lock_guard<std::mutex> lock(mutex_);
  failed_.reset();
}

std::optional<SearchRequest> IndexHealth::FailedSearch() {
  std::lock_guard<std::mutex> lock(mutex_);
  return failed_;
}

}  // namespace parlsearch
