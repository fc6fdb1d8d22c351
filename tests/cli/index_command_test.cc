// End to end: parlsearch index, delete and stats on real documents.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "testing/test_support.h"

extern char** environ;

namespace parlsearch {
namespace {

using nlohmann::json;
using testing::RunParlsearch;

json Stats(const std::string& database) {
  const auto result = RunParlsearch({"stats", "--db", database, "--json"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return json::parse(result.out);
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// The bundled report under another document number: same text, another document.
std::string ReportNumbered(int number) {
  return std::regex_replace(ReadFile(testing::BundledReport()), std::regex("A-805/2"),
                            "A-" + std::to_string(number) + "/2");
}

TEST(IndexCommand, IndexesTheBundledReportAndAgainWithoutDuplicates) {
  testing::TempDir dir;
  const std::string database = dir.path() + "/db";
  const auto first = RunParlsearch(
      {"index", "--db", database, "--roster", testing::BundledRoster(), testing::BundledReport()});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("indexed 1 document (184 paragraphs)"), std::string::npos) << first.out;
  const auto parsed = RunParlsearch({"parse", testing::BundledReport()});
  const auto lines = std::count(parsed.out.begin(), parsed.out.end(), '\n');
  EXPECT_EQ(Stats(database)["paragraphs"], lines);

  const auto again = RunParlsearch({"index", "--db", database, testing::BundledReport()});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  const json stats = Stats(database);
  EXPECT_EQ(stats["paragraphs"], lines);
  EXPECT_EQ(stats["documents"], 1);
  EXPECT_EQ(stats["paragraphs_per_language"]["nl"], 92);
}

// A report has no date of its own: --date, or its metadata file, puts it in the chart over time.
TEST(IndexCommand, DateOptionAndMetadataFileDateAReport) {
  testing::TempDir dir;
  const std::string database = dir.path() + "/db";
  const auto bad =
      RunParlsearch({"index", "--db", database, "--date", "2024-02-30", testing::BundledReport()});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_FALSE(std::filesystem::exists(database));

  const auto indexed = RunParlsearch({"index", "--db", database, "--date", "2024-03-21", "--roster",
                                      testing::BundledRoster(), testing::BundledReport()});
  ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
  auto years = [&] {
    const auto result = RunParlsearch(
        {"search", "--db", database, "--json", "--facets", "year,session", "Paradigm"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return json::parse(result.out)["facets"];
  };
  json facets = years();
  ASSERT_EQ(facets["year"].size(), 1u);
  EXPECT_EQ(facets["year"][0]["value"], "2024");
  EXPECT_EQ(facets["session"][0]["value"], "2023/2024");

  // Beside a copy of the report, a metadata file: its date wins over none given.
  const std::string copy = dir.Write("copy/report.txt", "");
  std::filesystem::copy_file(testing::BundledReport(), copy,
                             std::filesystem::copy_options::overwrite_existing);
  dir.Write("copy/report.txt.meta", "date: 2023-11-09\n");
  const std::string other = dir.path() + "/other";
  ASSERT_EQ(RunParlsearch({"index", "--db", other, dir.path() + "/copy"}).exit_code, 0);
  const auto result =
      RunParlsearch({"search", "--db", other, "--json", "--facets", "month", "Paradigm"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(json::parse(result.out)["facets"]["month"][0]["value"], "2023-11");
}

TEST(IndexCommand, DeleteRemovesExactlyThatDocument) {
  testing::TempDir dir;
  const std::string database = dir.path() + "/db";
  const std::string other = dir.Write("other/A-900-2.txt", ReportNumbered(900));
  ASSERT_EQ(RunParlsearch({"index", "--db", database, testing::BundledReport(), other}).exit_code,
            0);
  EXPECT_EQ(Stats(database)["documents"], 2);
  const auto deleted = RunParlsearch({"delete", "--db", database, "--doc", "A-900/2 – 2023/2024"});
  ASSERT_EQ(deleted.exit_code, 0) << deleted.err;
  const json stats = Stats(database);
  EXPECT_EQ(stats["documents"], 1);
  EXPECT_EQ(stats["paragraphs"], 184);
  const auto missing = RunParlsearch({"delete", "--db", database, "--doc", "A-900/2 – 2023/2024"});
  EXPECT_EQ(missing.exit_code, 1);
}

TEST(IndexCommand, InvalidInputLeavesTheIndexExactlyAsItWas) {
  testing::TempDir dir;
  const std::string database = dir.path() + "/db";
  ASSERT_EQ(RunParlsearch({"index", "--db", database, testing::BundledReport()}).exit_code, 0);
  const Xapian::rev revision = Xapian::Database(database).get_revision();
  const json before = Stats(database);

  for (const auto& [name, contents] : std::map<std::string, std::string>{
           {"empty.txt", ""},
           {"binary.txt", std::string("\0\1\2\3", 4)},
           {"latin1.txt", "R\xe9gion bruxelloise\n\n"},
           {"letter.txt", testing::Extraction({"Gewoon een brief, geen verslag."})}}) {
    const std::string path = dir.Write("bad/" + name, contents);
    const auto result = RunParlsearch({"index", "--db", database, path});
    EXPECT_EQ(result.exit_code, 1) << name;
    EXPECT_NE(result.err.find(path), std::string::npos) << result.err;
    EXPECT_EQ(Xapian::Database(database).get_revision(), revision) << name;
  }
  EXPECT_EQ(Stats(database), before);
}

TEST(IndexCommand, FailedRunOnAMissingIndexCreatesNothing) {
  testing::TempDir dir;
  const std::string database = dir.path() + "/db";
  const auto result = RunParlsearch({"index", "--db", database, dir.Write("empty.txt", "")});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_FALSE(std::filesystem::exists(database));
}

TEST(IndexCommand, FolderWithGoodAndBadFilesIndexesTheGoodAndReportsTheBad) {
  testing::TempDir dir;
  const std::string database = dir.path() + "/db";
  dir.Write("corpus/good.txt", ReadFile(testing::BundledReport()));
  dir.Write("corpus/nested/second.txt", ReportNumbered(901));
  const std::string bad = dir.Write("corpus/nested/bad.txt", "\xff\xfe broken");
  dir.Write("corpus/notes.md", "not a source");
  const auto result = RunParlsearch({"index", "--db", database, dir.path() + "/corpus"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find(bad), std::string::npos);
  EXPECT_NE(result.out.find("1 file failed"), std::string::npos) << result.out;
  EXPECT_EQ(Stats(database)["documents"], 2);
}

// Starts `parlsearch index` without waiting for it.
// Every document in the index has all its paragraphs or none.
void ExpectWholeDocuments(const std::string& database, std::size_t paragraphs_per_document) {
  Xapian::Database reader(database);
  for (auto it = reader.allterms_begin("XDOC"); it != reader.allterms_end("XDOC"); ++it) {
    EXPECT_EQ(it.get_termfreq(), paragraphs_per_document) << *it;
  }
}

// Paragraphs in the index at `database`, or 0 if there is none yet.
Xapian::doccount CommittedParagraphs(const std::string& database) {
  if (!std::filesystem::exists(database + "/iamglass")) return 0;
  return Xapian::Database(database).get_doccount();
}

TEST(IndexCommand, KilledRunLeavesAnIndexOfWholeDocumentsThatReadersCanUse) {
  testing::TempDir dir;
  constexpr int kDocuments = 40;
  constexpr int kParagraphs = 184;
  for (int i = 0; i < kDocuments; ++i) {
    dir.Write("corpus/report-" + std::to_string(i) + ".txt", ReportNumbered(1000 + i));
  }
  // Kill runs once they have committed a few batches, at different points. While the writer
  // runs, a reader must see whole documents only; after the kill, so must the next reader.
  for (int committed_documents : {1, 6, 15}) {
    const std::string database = dir.path() + "/db-" + std::to_string(committed_documents);
    const pid_t pid = testing::StartParlsearch(
        {"index", "--db", database, "--batch", "300", dir.path() + "/corpus"});
    int status = 0;
    bool exited = false;
    while (CommittedParagraphs(database) < Xapian::doccount(committed_documents * kParagraphs)) {
      if (waitpid(pid, &status, WNOHANG) == pid) {
        exited = true;
        break;
      }
      if (CommittedParagraphs(database) > 0) ExpectWholeDocuments(database, kParagraphs);
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    ASSERT_FALSE(exited) << "indexing ended before it could be killed";
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    ExpectWholeDocuments(database, kParagraphs);
    const json stats = Stats(database);
    EXPECT_GE(stats["documents"].get<int>(), committed_documents);
    EXPECT_LT(stats["documents"].get<int>(), kDocuments);
    EXPECT_EQ(stats["paragraphs"].get<int>(), stats["documents"].get<int>() * kParagraphs);
  }
}

}  // namespace
}  // namespace parlsearch
