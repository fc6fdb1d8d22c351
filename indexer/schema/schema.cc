#include "parlsearch/schema/schema.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <vector>

#include "parlsearch/error.h"
#include "parlsearch/stemming/normalizer.h"

namespace parlsearch::schema {

std::string FacetRecord(const std::array<std::string_view, kFacetRecordSize>& values) {
  std::string record;
  for (std::string_view value : values) {
    const std::size_t start = record.size();
    record.append(value);
    std::replace(record.begin() + static_cast<std::ptrdiff_t>(start), record.end(), kFacetSeparator,
                 ' ');
    record.push_back(kFacetSeparator);
  }
  return record;
}

bool SplitFacetRecord(std::string_view record,
                      std::array<std::string_view, kFacetRecordSize>* values) {
  for (std::size_t i = 0; i < kFacetRecordSize; ++i) {
    const std::size_t end = record.find(kFacetSeparator);
    if (end == std::string_view::npos) return false;
    (*values)[i] = record.substr(0, end);
    record.remove_prefix(end + 1);
  }
  return record.empty();
}

std::string FacetRecordOf(const Paragraph& paragraph) {
  std::array<std::string, kFacetRecordSize> values;
  values[0] = FieldNamed("pair").extract(paragraph);
  std::size_t next = 1;
  for (const Field& field : kFields) {
    if (field.facet) values[next++] = field.extract(paragraph);
  }
  std::array<std::string_view, kFacetRecordSize> views;
  std::copy(values.begin(), values.end(), views.begin());
  return FacetRecord(views);
}

int FacetField(std::string_view name) {
  int position = 1;
  for (const Field& field : kFields) {
    if (!field.facet) continue;
    if (field.name == name) return position;
    ++position;
  }
  return -1;
}

std::string BooleanTerm(std::string_view prefix, std::string_view value) {
  std::string term(prefix);
  term += FoldForMatching(value);
  return term;
}

void CheckVersion(const Xapian::Database& database, const std::string& path) {
  const std::string version = database.get_metadata(std::string(kVersionKey));
  if (version.empty() && database.get_doccount() == 0) return;
  if (version != std::to_string(kVersion)) {
    throw IndexError(path + ": index has schema version " + (version.empty() ? "none" : version) +
                     ", this parlsearch reads version " + std::to_string(kVersion) +
                     "; rebuild it with parlsearch index");
  }
}

namespace {

// The HOST:PORT of the remote shard a network error came from: Xapian's context for it is
// "remote:tcp(HOST:PORT)" when connecting. An error on a connection already open has none:
// then the first remote shard of the index at `path` that does not answer now is named.
std::string RemoteShardName(const std::string& path, const Xapian::Error& error) {
  const std::string context = error.get_context();
  const std::string_view open = "remote:tcp(";
  const std::size_t start = context.find(open);
  if (start != std::string::npos) {
    const std::size_t end = context.find(')', start);
    return context.substr(start + open.size(), end - start - open.size());
  }
  try {
    const RemoteTimeouts quick{1, 1};
    for (const ShardLocation& shard : ReadShardLocations(path)) {
      if (!shard.remote()) continue;
      try {
        OpenShard(shard, quick).get_doccount();
      } catch (const Xapian::Error&) {
        return shard.name();
      }
    }
  } catch (const Error&) {
    // The stub cannot be read any more: say what is known.
  }
  return context.empty() ? "(unknown)" : context;
}

}  // namespace

void ThrowIndexError(const std::string& path, std::string_view doing, const Xapian::Error& error) {
  const std::string head = path + ": " + std::string(doing) + ": ";
  const std::string message = error.get_msg();
  // Xapian reports a folder it may not write as a failure to lock it: say which it was.
  const bool writable = ::access(path.c_str(), W_OK) == 0 || errno == ENOENT;
  // Xapian's errors are not polymorphic: their type is a name.
  const std::string_view type = error.get_type();
  if (type == "DatabaseLockError") {
    if (!writable) throw IndexError(head + "the index folder is read-only (permission denied)");
    if (message.find("already locked") != std::string::npos) {
      throw IndexError(head + "the index is being written by another process");
    }
    throw IndexError(head + "cannot lock the index: " + message);
  }
  if (type == "NetworkTimeoutError" || type == "NetworkError") {
    const std::string shard = RemoteShardName(path, error);
    const char* cause = error.get_error_string();
    throw ShardUnavailable(
        head + "shard " + shard +
            (type == "NetworkTimeoutError" ? " did not answer in time (" : " cannot be reached (") +
            message + (cause != nullptr ? std::string(": ") + cause : "") +
            "); is its xapian-tcpsrv running?",
        shard);
  }
  const char* cause = error.get_error_string();
  if (cause != nullptr && std::string_view(cause).find("ermission denied") != std::string::npos) {
    throw IndexError(head + "permission denied (" + message + ")");
  }
  if (type == "DatabaseCorruptError" || type == "DatabaseError") {
    throw IndexDamaged(head + "the index is damaged (" + message + ")", path);
  }
  throw IndexError(head + message);
}

Xapian::Database OpenForReading(const std::string& path, const RemoteTimeouts& timeouts,
                                Xapian::Database* spelling, std::vector<Xapian::Database>* parts) {
  if (parts != nullptr) parts->clear();
  const std::vector<ShardLocation> shards = ReadShardLocations(path);
  Xapian::Database database;
  Xapian::Database spelling_only;
  bool any_spelling_only = false;
  for (const ShardLocation& shard : shards) {
    // A lone database folder is the index; a shard is named in the error.
    const bool lone = shards.size() == 1 && !shard.remote() && shard.path == path;
    // A remote shard's error names it already.
    const std::string doing =
        lone || shard.remote() ? "cannot open index" : "cannot open shard " + shard.name();
    try {
      Xapian::Database one = OpenShard(shard, timeouts);
      if (!lone) CheckVersion(one, path + ": shard " + shard.name());
      if (!lone && one.get_metadata(std::string(kSpellingOnlyKey)) == "1") {
        spelling_only.add_database(one);
        any_spelling_only = true;
      } else {
        database.add_database(one);
        if (parts != nullptr) parts->push_back(one);
      }
    } catch (const Xapian::Error& xapian_error) {
      ThrowIndexError(path, doing, xapian_error);
    }
  }
  CheckVersion(database, path);
  if (spelling != nullptr) *spelling = any_spelling_only ? spelling_only : database;
  return database;
}

}  // namespace parlsearch::schema
