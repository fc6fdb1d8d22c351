#include "parlsearch/indexer/schema.h"

#include <algorithm>
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

Xapian::Database OpenForReading(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::is_directory(path, error)) {
    throw IndexError(path + ": no index there (build one with parlsearch index --db " + path + ")");
  }
  Xapian::Database database;
  try {
    database = Xapian::Database(path);
  } catch (const Xapian::Error& xapian_error) {
    throw IndexError(path + ": cannot open index: " + xapian_error.get_msg());
  }
  CheckVersion(database, path);
  return database;
}

}  // namespace parlsearch::schema
