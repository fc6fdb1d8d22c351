#include "bundled_corpus.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <xapian.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <vector>

#include "parlsearch/corpus/roster.h"
#include "parlsearch/error.h"
#include "parlsearch/indexer/source_indexer.h"
#include "parlsearch/schema/schema.h"

namespace parlsearch::cli {
namespace {

namespace fs = std::filesystem;

// All rosters in `folder`, as one.
Roster LoadRosters(const std::string& folder) {
  std::vector<RosterEntry> entries;
  std::error_code error;
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(folder, error)) {
    if (entry.path().extension() == ".tsv") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  for (const std::string& file : files) {
    const Roster roster = Roster::Load(file);
    entries.insert(entries.end(), roster.entries().begin(), roster.entries().end());
  }
  return Roster(std::move(entries));
}

// Removes what a stopped build left in `folder`: the entries whose name starts with `start` (the
// build's folder, and those of its compaction).
void RemoveStartingWith(const fs::path& folder, const std::string& start) {
  std::error_code error;
  std::vector<fs::path> left;
  for (const auto& entry : fs::directory_iterator(folder, error)) {
    if (entry.path().filename().string().starts_with(start)) left.push_back(entry.path());
  }
  for (const fs::path& path : left) fs::remove_all(path, error);
}

}  // namespace

std::string BundledCorpusFolder() {
  std::istringstream candidates(PARLSEARCH_DATA_DIRS);
  for (std::string folder; std::getline(candidates, folder, ':');) {
    std::error_code error;
    if (fs::is_directory(folder + "/samples", error)) return folder;
  }
  throw Error("the bundled corpus is not installed (looked in " PARLSEARCH_DATA_DIRS ")");
}

// Whether the index at `index_path` is there and of this parlsearch's schema version. The default
// index is the bundled corpus indexed: one of an older version is rebuilt rather than refused.
bool CurrentIndexExists(const std::string& index_path) {
  std::error_code error;
  if (!fs::exists(index_path, error)) return false;
  try {
    const Xapian::Database database(index_path);
    return database.get_metadata(std::string(schema::kVersionKey)) ==
           std::to_string(schema::kVersion);
  } catch (const Xapian::Error&) {
    return true;  // not ours to judge: opening it for the search says what is wrong
  }
}

void EnsureBundledIndex(const std::string& index_path) {
  std::error_code error;
  if (CurrentIndexExists(index_path)) return;
  const fs::path parent = fs::path(index_path).parent_path();
  if (!parent.empty()) fs::create_directories(parent, error);

  // One first search builds; the others wait for it here, then find the index in place.
  const std::string lock_path = index_path + ".lock";
  const int lock = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (lock < 0) {
    throw IndexError(lock_path + ": cannot create: " + std::strerror(errno));
  }
  const auto unlock = [lock] { ::close(lock); };
  if (::flock(lock, LOCK_EX) != 0) {
    unlock();
    throw IndexError(lock_path + ": cannot lock: " + std::strerror(errno));
  }
  try {
    if (!CurrentIndexExists(index_path)) {
      // Built beside its place and moved there whole: a build that is stopped leaves no index
      // behind, only a folder that the next build removes.
      const std::string building = index_path + ".building";
      RemoveStartingWith(parent.empty() ? fs::path(".") : parent,
                         fs::path(building).filename().string());
      const std::string folder = BundledCorpusFolder();
      const bool outdated = fs::exists(index_path, error);
      std::cerr << "parlsearch: " << (outdated ? "index of an older version: re" : "first use: ")
                << "indexing the bundled corpus (" << folder << "/samples) into " << index_path
                << '\n';
      const Roster roster = LoadRosters(folder + "/rosters");
      IndexRunOptions options;
      options.source.roster = &roster;
      const IndexReport report = IndexSources(building, {folder + "/samples"}, options);
      if (!report.failures.empty()) throw Error(report.failures.front().message);
      if (outdated) {
        // The old index goes aside first; a stop between the two renames leaves no index,
        // which the next search builds again.
        const std::string old = index_path + ".building.old";
        fs::rename(index_path, old, error);
        if (!error) fs::remove_all(old, error);
      }
      fs::rename(building, index_path, error);
      if (error) {
        throw IndexError(index_path + ": cannot move the new index into place: " + error.message());
      }
    }
  } catch (...) {
    unlock();
    throw;
  }
  unlock();
}

}  // namespace parlsearch::cli
