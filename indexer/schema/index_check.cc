#include "parlsearch/schema/index_check.h"

#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <vector>

#include "parlsearch/error.h"
#include "parlsearch/schema/paragraph_record.h"
#include "parlsearch/schema/schema.h"
#include "parlsearch/schema/shards.h"

namespace parlsearch {
namespace {

void AddProblem(IndexCheck* check, const std::string& problem) {
  if (check->problems.size() < IndexCheck::kMaxProblems) check->problems.push_back(problem);
}

// Xapian's own check of one table (or of the whole database at `path`); its report holds one
// line per problem among lines of statistics, which are left out.
void CheckTable(const std::string& path, const std::string& name, IndexCheck* check) {
  std::ostringstream report;
  try {
    if (Xapian::Database::check(path, 0, &report) == 0) return;
  } catch (const Xapian::Error& error) {
    AddProblem(check, name + ": " + error.get_msg());
    return;
  }
  std::istringstream lines(report.str());
  bool any = false;
  for (std::string line; std::getline(lines, line);) {
    if (line.empty()) continue;
    AddProblem(check, name + ": " + line);
    any = true;
  }
  if (!any) AddProblem(check, name + ": Xapian's check found errors");
}

// Each table on its own, so that a problem names its table and one damaged table does not hide
// another.
void CheckTables(const std::string& path, IndexCheck* check) {
  namespace fs = std::filesystem;
  std::vector<fs::path> tables;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(path, error)) {
    if (entry.path().extension() == ".glass") tables.push_back(entry.path());
  }
  if (tables.empty()) {
    CheckTable(path, "index", check);
    return;
  }
  std::sort(tables.begin(), tables.end());
  for (const fs::path& table : tables) {
    CheckTable(table.string(), table.stem().string() + " table", check);
  }
  // The tables together: the version file and what it says of each table.
  if (check->sound()) CheckTable(path, "index", check);
}

// Opens the index and decodes every paragraph's record.
void CheckRecords(const std::string& path, IndexCheck* check) {
  try {
    const Xapian::Database database = schema::OpenForReading(path);
    for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it) {
      try {
        schema::DecodeParagraph(database.get_document(*it).get_data());
        ++check->paragraphs;
      } catch (const Error& error) {
        AddProblem(check, "paragraph " + std::to_string(*it) + ": " + error.what());
      }
    }
  } catch (const IndexError& error) {
    AddProblem(check, error.what());
  } catch (const Xapian::Error& error) {
    AddProblem(check, error.get_msg());
  }
}

}  // namespace

IndexCheck CheckIndex(const std::string& path) {
  const std::vector<ShardLocation> shards = ReadShardLocations(path);
  IndexCheck check;
  for (const ShardLocation& shard : shards) {
    // A shard's problems are named by its folder.
    const std::string name = shards.size() == 1 ? "" : "shard " + shard.name() + ": ";
    if (shard.remote()) {
      AddProblem(&check, name + "remote, not checked (run parlsearch check on its machine)");
      continue;
    }
    IndexCheck one;
    CheckTables(shard.path, &one);
    // Records are read only from tables that hold together; a damaged table can make Xapian
    // read far past its end.
    if (one.sound()) CheckRecords(shard.path, &one);
    check.paragraphs += one.paragraphs;
    for (const std::string& problem : one.problems) AddProblem(&check, name + problem);
  }
  return check;
}

}  // namespace parlsearch
