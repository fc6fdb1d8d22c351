#include "parlsearch/indexer/index_stats.h"

#include <filesystem>
#include <nlohmann/json.hpp>

#include "parlsearch/indexer/schema.h"

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
IndexStats ReadStats(const std::string& path) {
  const Xapian::Database database = schema::OpenForReading(path);
  IndexStats stats;
  stats.path = path;
  stats.schema_version = schema::kVersion;
  stats.paragraphs = database.get_doccount();
  stats.documents = CountTerms(database, schema::kDocumentPrefix);
  stats.speakers = CountTerms(database, schema::kSpeakerPrefix);
  stats.parties = CountTerms(database, schema::kPartyPrefix);
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
  stats.bytes_on_disk = FolderSize(path);
  return stats;
}

}  // namespace

IndexStats ReadIndexStats(const std::string& path) {
  try {
    return ReadStats(path);
  } catch (const Xapian::Error& error) {
    throw schema::IndexErrorFor(path, "cannot read index statistics", error);
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
  return record.dump(indent);
}

}  // namespace parlsearch
