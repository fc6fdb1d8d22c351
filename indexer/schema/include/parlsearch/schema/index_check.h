// Whether an index is sound: what `parlsearch check` reports.
#ifndef PARLSEARCH_SCHEMA_INDEX_CHECK_H_
#define PARLSEARCH_SCHEMA_INDEX_CHECK_H_

#include <cstdint>
#include <string>
#include <vector>

namespace parlsearch {

struct IndexCheck {
  bool sound() const { return problems.empty(); }

  std::uint64_t paragraphs = 0;       // paragraph records read and decoded
  std::vector<std::string> problems;  // one line each, at most kMaxProblems; empty when sound
  static constexpr std::size_t kMaxProblems = 20;
};

// Checks the index at `path`: every Xapian table, block by block (Xapian::Database::check), the
// schema version, and every paragraph's stored record; for a sharded index, each shard on this
// machine (a remote shard is reported as not checked). Reads the whole index, so it takes about
// as long as copying it. Throws IndexError only when there is no index at `path`; damage of any
// kind is reported in IndexCheck::problems.
IndexCheck CheckIndex(const std::string& path);

}  // namespace parlsearch

#endif  // PARLSEARCH_SCHEMA_INDEX_CHECK_H_
