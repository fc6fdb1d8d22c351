// What an index holds, for `parlsearch stats` and the HTTP API.
#ifndef PARLSEARCH_SCHEMA_INDEX_STATS_H_
#define PARLSEARCH_SCHEMA_INDEX_STATS_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "parlsearch/schema/shards.h"

namespace parlsearch {

// One shard of a sharded index.
struct ShardStats {
  std::string name;  // its folder, or HOST:PORT for a remote shard
  bool remote = false;
  std::uint64_t documents = 0;
  std::uint64_t paragraphs = 0;
  std::uint64_t bytes_on_disk = 0;  // 0 for a remote shard
};

struct IndexStats {
  std::string path;
  int schema_version = 0;
  std::uint64_t documents = 0;
  std::uint64_t paragraphs = 0;
  std::map<std::string, std::uint64_t> paragraphs_per_language;  // "nl" -> count
  std::uint64_t speakers = 0;
  std::uint64_t parties = 0;
  std::uint64_t terms = 0;          // distinct terms of all kinds
  std::uint64_t bytes_on_disk = 0;  // of the shards on this machine
  std::vector<ShardStats> shards;   // when the index has more than one database
};

// Reads the statistics of the index at `path` (a database, a sharded index folder or a stub file:
// shards.h), waiting for remote shards as `timeouts` says. Throws IndexError if it cannot be
// opened (ShardUnavailable if a remote shard does not answer).
IndexStats ReadIndexStats(const std::string& path, const RemoteTimeouts& timeouts = {});

// The statistics as one JSON object (the keys are the fields' names). `include_path`: whether to
// name the index's folder, which the HTTP API does not tell its visitors. `indent` as
// nlohmann::json::dump.
std::string IndexStatsToJson(const IndexStats& stats, bool include_path, int indent = -1);

}  // namespace parlsearch

#endif  // PARLSEARCH_SCHEMA_INDEX_STATS_H_
