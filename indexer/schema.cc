#include "parlsearch/indexer/schema.h"

#include <filesystem>

#include "parlsearch/error.h"
#include "parlsearch/stemming/normalizer.h"

namespace parlsearch::schema {

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
