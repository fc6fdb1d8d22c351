#include "bundled_corpus.h"

#include <filesystem>
#include <iostream>
#include <sstream>
#include <vector>

#include "parlsearch/corpus/roster.h"
#include "parlsearch/error.h"
#include "parlsearch/indexer/source_indexer.h"

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

}  // namespace

std::string BundledCorpusFolder() {
  std::istringstream candidates(PARLSEARCH_DATA_DIRS);
  for (std::string folder; std::getline(candidates, folder, ':');) {
    std::error_code error;
    if (fs::is_directory(folder + "/samples", error)) return folder;
  }
  throw Error("the bundled corpus is not installed (looked in " PARLSEARCH_DATA_DIRS ")");
}

void BuildBundledIndex(const std::string& index_path) {
  const std::string folder = BundledCorpusFolder();
  std::cerr << "parlsearch: first use: indexing the bundled corpus (" << folder << "/samples) into "
            << index_path << '\n';
  const Roster roster = LoadRosters(folder + "/rosters");
  IndexRunOptions options;
  options.source.roster = &roster;
  const IndexReport report = IndexSources(index_path, {folder + "/samples"}, options);
  if (!report.failures.empty()) throw Error(report.failures.front());
}

}  // namespace parlsearch::cli
