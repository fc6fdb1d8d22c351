#include "parlsearch/schema/index_stats.h"

#include <filesystem>
#include <nlohmann/json.hpp>

#include "parlsearch/schema/schema.h"
#include "parlsearch/schema/shards.h"

namespace parlsearch {
namespace {

std::uint64_t CountTerms(const Xapian::Database& database, std::string_view prefix) {
  std::uint64_t count = 0;
  const std::string start(prefix);
  for (auto it = database.allterms_begin(start); it != database.allterms_end(start); ++it) {
    ++count;
  }
  return count;
}

std::uint64_t FolderSize(const std::string& path) {
  std::uint64_t bytes = 0;
  std::error_code error;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(path, error)) {
    if (entry.is_regular_file(error)) bytes += entry.file_size(error);
  }
  return bytes;
}

// The statistics; Xapian's errors pass through.
IndexStats ReadStats(const std::string& path, const RemoteTimeouts& timeouts) {
  const Xapian::Database database = schema::OpenForReading(path, timeouts);
  IndexStats stats;
  stats.path = path;
  stats.schema_version = schema::kVersion;
  stats.paragraphs = database.get_doccount();
  stats.documents = CountTerms(database, schema::kDocumentPrefix);
  stats.speakers = CountTerms(database, schema::FieldNamed("speaker").prefix);
  stats.parties = CountTerms(database, schema::FieldNamed("party").prefix);
  const std::string language_prefix(schema::kLanguagePrefix);
  for (auto it = database.allterms_begin(language_prefix);
       it != database.allterms_end(language_prefix); ++it) {
    const std::string term = *it;
    // Language terms are the prefix and a two-letter code; longer terms belong to other prefixes
    // that start with the same letter.
    if (term.size() == language_prefix.size() + 2) {
      stats.paragraphs_per_language[term.substr(language_prefix.size())] = it.get_termfreq();
    }
  }
  stats.terms = CountTerms(database, "");
  const std::vector<ShardLocation> shards = ReadShardLocations(path);
  if (shards.size() == 1 && !shards.front().remote()) {
    stats.bytes_on_disk = FolderSize(shards.front().path);
    return stats;
  }
  for (const ShardLocation& location : shards) {
    const Xapian::Database shard = OpenShard(location, timeouts);
    // A spelling database (shards.h) holds no paragraphs.
    if (shard.get_metadata(std::string(kSpellingOnlyKey)) == "1") continue;
    ShardStats shard_stats;
    shard_stats.name = location.name();
    shard_stats.remote = location.remote();
    shard_stats.paragraphs = shard.get_doccount();
    shard_stats.documents = CountTerms(shard, schema::kDocumentPrefix);
    if (!location.remote()) shard_stats.bytes_on_disk = FolderSize(location.path);
    stats.bytes_on_disk += shard_stats.bytes_on_disk;
    stats.shards.push_back(std::move(shard_stats));
  }
  return stats;
}

}  // namespace

IndexStats ReadIndexStats(const std::string& path, const RemoteTimeouts& timeouts) {
  try {
    return ReadStats(path, timeouts);
  } catch (const Xapian::Error& error) {
    schema::ThrowIndexError(path, "cannot read index statistics", error);
  }
}

std::string IndexStatsToJson(const IndexStats& stats, bool include_path, int indent) {
  nlohmann::json record = {{"schema_version", stats.schema_version},
                           {"documents", stats.documents},
                           {"paragraphs", stats.paragraphs},
                           {"paragraphs_per_language", stats.paragraphs_per_language},
                           {"speakers", stats.speakers},
                           {"parties", stats.parties},
                           {"terms", stats.terms},
                           {"bytes_on_disk", stats.bytes_on_disk}};
  if (include_path) record["path"] = stats.path;
  if (!stats.shards.empty()) {
    nlohmann::json shards = nlohmann::json::array();
    for (const ShardStats& shard : stats.shards) {
      nlohmann::json entry = {{"documents", shard.documents},
                              {"paragraphs", shard.paragraphs},
                              {"remote", shard.remote}};
      // A shard's name is a place on the server's disk or network.
      if (include_path) entry["name"] = shard.name;
      if (!shard.remote) entry["bytes_on_disk"] = shard.bytes_on_disk;
      shards.push_back(std::move(entry));
    }
    record["shards"] = std::move(shards);
  }
  return record.dump(indent);
}

}  // namespace parlsearch
