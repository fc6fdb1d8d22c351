#include "parlsearch/indexer/schema.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>

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

int FacetField(std::string_view name) {
  for (std::size_t i = 1; i < kFacetRecordSize; ++i) {
    if (kFacetRecordFields[i] == name) return static_cast<int>(i);
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

IndexError IndexErrorFor(const std::string& path, std::string_view doing,
                         const Xapian::Error& error) {
  const std::string head = path + ": " + std::string(doing) + ": ";
  const std::string message = error.get_msg();
  // Xapian reports a folder it may not write as a failure to lock it: say which it was.
  const bool writable = ::access(path.c_str(), W_OK) == 0 || errno == ENOENT;
  // Xapian's errors are not polymorphic: their type is a name.
  const std::string_view type = error.get_type();
  if (type == "DatabaseLockError") {
    if (!writable) return IndexError(head + "the index folder is read-only (permission denied)");
    if (message.find("already locked") != std::string::npos) {
      return IndexError(head + "the index is being written by another process");
    }
    return IndexError(head + "cannot lock the index: " + message);
  }
  const char* cause = error.get_error_string();
  if (cause != nullptr && std::string_view(cause).find("ermission denied") != std::string::npos) {
    return IndexError(head + "permission denied (" + message + ")");
  }
  if (type == "DatabaseCorruptError" || type == "DatabaseError") {
    return IndexError(head + "the index is damaged (" + message + "); `parlsearch check --db " +
                      path + "` tells more; rebuild it with parlsearch index");
  }
  return IndexError(head + message);
}

Xapian::Database OpenForReading(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::is_directory(path, error)) {
    throw IndexError(path + ": no index there (build one with parlsearch index --db " + path + ")");
  }
  Xapian::Database database;
  try {
    database = Xapian::Database(path);
  } catch (const Xapian::Error& xapian_error) {
    throw IndexErrorFor(path, "cannot open index", xapian_error);
  }
  CheckVersion(database, path);
  return database;
}

}  // namespace parlsearch::schema
