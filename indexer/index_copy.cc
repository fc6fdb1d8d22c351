#include "parlsearch/indexer/index_copy.h"

#include <xapian.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <system_error>
#include <utility>

#include "parlsearch/error.h"
#include "parlsearch/indexer/index_writer.h"
#include "parlsearch/schema/paragraph_record.h"
#include "parlsearch/schema/schema.h"

namespace parlsearch {
namespace {

namespace fs = std::filesystem;

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The document whose paragraphs are the documents of `shard` indexed with `term`, in the order
// they were stored, with the title, date and source its record gives.
Document ReadDocument(const Xapian::Database& shard, const std::string& term) {
  Document document;
  for (auto it = shard.postlist_begin(term); it != shard.postlist_end(term); ++it) {
    document.paragraphs.push_back(schema::DecodeParagraph(shard.get_document(*it).get_data()));
  }
  if (document.paragraphs.empty()) return document;
  document.id = document.paragraphs.front().doc;
  const std::string record =
      shard.get_metadata(std::string(schema::kDocumentKeyPrefix) + DocumentSlug(document.id));
  const nlohmann::json fields = nlohmann::json::parse(record, nullptr, /*allow_exceptions=*/false);
  if (fields.is_object()) {
    document.title = fields.value("title", "");
    document.date = fields.value("date", "");
    document.source = fields.value("source", "");
  }
  return document;
}

IndexReport Copy(const std::string& from, const std::string& to, const IndexRunOptions& options,
                 const RemoteTimeouts& timeouts) {
  const auto start = std::chrono::steady_clock::now();
  IndexReport report;
  std::optional<IndexWriter> writer;
  const std::string prefix(schema::kDocumentPrefix);
  for (const ShardLocation& location : ReadShardLocations(from)) {
    try {
      const Xapian::Database shard = OpenShard(location, timeouts);
      if (shard.get_metadata(std::string(kSpellingOnlyKey)) == "1") continue;
      for (auto term = shard.allterms_begin(prefix); term != shard.allterms_end(prefix); ++term) {
        Document document = ReadDocument(shard, *term);
        if (document.paragraphs.empty()) continue;
        if (!writer) writer.emplace(to, options.shards);
        report.paragraphs += document.paragraphs.size();
        ++report.documents;
        writer->Replace(document);
        if (writer->pending_paragraphs() >= options.batch_paragraphs) writer->Commit();
      }
    } catch (const Xapian::Error& error) {
      schema::ThrowIndexError(location.name(), "cannot read the index to copy", error);
    }
    if (options.on_progress) {
      IndexProgress progress;
      progress.paragraphs = report.paragraphs;
      progress.seconds = SecondsSince(start);
      options.on_progress(progress);
    }
  }
  if (!writer) throw IndexError(from + ": the index holds no documents to copy");
  if (options.rebuild_lexicon) report.lexicon = writer->RebuildLexicon(options.lexicon);
  writer->Commit();
  writer.reset();
  if (options.compact_new_index) CompactIndex(to);
  report.seconds = SecondsSince(start);
  return report;
}

}  // namespace

IndexReport CopyIndex(const std::string& from, const std::string& to,
                      const IndexRunOptions& options, const RemoteTimeouts& timeouts) {
  std::error_code error;
  const bool existed = fs::exists(to, error);
  if (existed && !(fs::is_directory(to, error) && fs::is_empty(to, error))) {
    throw IndexError(to +
                     ": not empty; the copy goes into a new index (an absent or empty folder)");
  }
  // Opening it first: a clear error for a missing index before anything is created.
  ReadShardLocations(from);
  try {
    return Copy(from, to, options, timeouts);
  } catch (...) {
    // Nothing of the failed copy stays: the folder as it was (absent, or empty).
    if (existed) {
      for (const auto& entry : fs::directory_iterator(to, error)) fs::remove_all(entry, error);
    } else {
      fs::remove_all(to, error);
    }
    throw;
  }
}

}  // namespace parlsearch
