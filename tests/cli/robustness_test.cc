// End to end: what the tool does with damaged indexes, folders it may not read or write, inputs
// too big or not text, runs stopped half-way and queries over the cost limits.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "testing/test_support.h"

namespace parlsearch {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::RunParlsearch;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::size_t LineCount(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

// An index of the bundled report in `folder`/db.
std::string IndexReport(const testing::TempDir& folder) {
  const std::string database = folder.path() + "/db";
  const auto result = RunParlsearch(
      {"index", "--db", database, "--roster", testing::BundledRoster(), testing::BundledReport()});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return database;
}

// `database` copied to `copy`, with the table `table` cut to half its size, as a disk that
// filled up or a copy stopped half-way leaves it.
void CopyWithHalfATable(const std::string& database, const std::string& copy,
                        const std::string& table) {
  fs::copy(database, copy, fs::copy_options::recursive);
  const fs::path file = fs::path(copy) / (table + ".glass");
  fs::resize_file(file, fs::file_size(file) / 2);
}

// A JSON Lines record.
std::string Record(const std::string& id, const std::string& doc, const std::string& lang,
                   const std::string& text, const std::string& speaker = "") {
  json record = {{"id", id}, {"doc", doc}, {"lang", lang}, {"text", text}};
  if (!speaker.empty()) record["speaker"] = speaker;
  return record.dump() + "\n";
}

// Runs the binary as an unprivileged user when the tests run as root (who may read and write
// anything), so that permissions apply. Returns the exit status; stderr goes to `err`.
int RunWithoutPrivileges(const std::vector<std::string>& arguments, std::string* err) {
  testing::TempDir scratch;
  std::string command;
  if (geteuid() == 0) command = "setpriv --reuid=65534 --regid=65534 --clear-groups ";
  command += PARLSEARCH_BINARY;
  for (const std::string& argument : arguments) command += " '" + argument + "'";
  const std::string err_path = scratch.path() + "/err";
  fs::permissions(scratch.path(), fs::perms::all, fs::perm_options::add);
  const int status = std::system((command + " >/dev/null 2>" + err_path).c_str());
  *err = ReadFile(err_path);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(DamagedIndex, EveryCommandSaysSoInOneLineAndCheckFindsTheTable) {
  testing::TempDir folder;
  const std::string database = IndexReport(folder);
  const auto sound = RunParlsearch({"check", "--db", database});
  EXPECT_EQ(sound.exit_code, 0) << sound.err;
  EXPECT_NE(sound.out.find("sound (184 paragraphs"), std::string::npos) << sound.out;

  for (const std::string table : {"postlist", "docdata", "termlist"}) {
    const std::string damaged = folder.path() + "/damaged-" + table;
    CopyWithHalfATable(database, damaged, table);
    const auto check = RunParlsearch({"check", "--db", damaged});
    EXPECT_EQ(check.exit_code, 1) << table;
    EXPECT_NE(check.err.find(table + " table"), std::string::npos) << check.err;
    EXPECT_NE(check.err.find("damaged"), std::string::npos) << check.err;

    // Whatever a command meets of the damage, it ends with one line naming the index.
    for (const std::vector<std::string>& command :
         {std::vector<std::string>{"stats", "--db", damaged},
          std::vector<std::string>{"search", "--db", damaged, "budget"},
          std::vector<std::string>{"search", "--db", damaged, "--facets", "party", "digitaal"}}) {
      const auto result = RunParlsearch(command);
      EXPECT_EQ(result.err.find("terminate"), std::string::npos) << result.err;
      if (result.exit_code == 0) continue;  // this command did not read the damaged part
      EXPECT_EQ(result.exit_code, 1) << command[0] << " " << table << ": " << result.err;
      EXPECT_EQ(LineCount(result.err), 1u) << result.err;
      EXPECT_NE(result.err.find(damaged), std::string::npos) << result.err;
    }
  }
  // Half a postings table is always met: the searcher reads the lexicon from it.
  const auto search = RunParlsearch({"search", "--db", folder.path() + "/damaged-postlist", "x"});
  EXPECT_EQ(search.exit_code, 1);
  EXPECT_NE(search.err.find("index is damaged"), std::string::npos) << search.err;
  EXPECT_NE(search.err.find("parlsearch check"), std::string::npos) << search.err;
}

// The libraries' messages name no option (IndexMissing, UnknownFormat); the CLI adds its own.
TEST(MissingIndex, TheCliSaysHowToBuildOneAndTheUnknownFormatHowToNameIt) {
  testing::TempDir folder;
  const std::string missing = folder.path() + "/none";
  const auto search = RunParlsearch({"search", "--db", missing, "budget"});
  EXPECT_EQ(search.exit_code, 1);
  EXPECT_EQ(LineCount(search.err), 1u) << search.err;
  EXPECT_NE(search.err.find(missing + ": no index there (build one with parlsearch index --db " +
                            missing + ")"),
            std::string::npos)
      << search.err;

  const std::string unknown = folder.Write("notes.dat", "some words\n");
  const auto index = RunParlsearch({"index", "--db", folder.path() + "/db", unknown});
  EXPECT_EQ(index.exit_code, 1);
  EXPECT_EQ(LineCount(index.err), 1u) << index.err;
  EXPECT_NE(index.err.find(unknown), std::string::npos) << index.err;
  EXPECT_NE(index.err.find("unknown format ("), std::string::npos) << index.err;
  EXPECT_NE(index.err.find("; use --format"), std::string::npos) << index.err;
  EXPECT_FALSE(fs::exists(folder.path() + "/db"));
}

TEST(DamagedIndex, ReadOnlyIndexIsCalledReadOnlyNotLocked) {
  testing::TempDir folder;
  const std::string database = IndexReport(folder);
  const std::string text = folder.Write("more/A-1.jsonl", Record("x-1", "Extra", "nl", "Tekst"));
  fs::permissions(folder.path(), fs::perms::owner_all | fs::perms::group_exec |
                                     fs::perms::others_exec | fs::perms::group_read |
                                     fs::perms::others_read);
  fs::permissions(database, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                fs::perms::others_read | fs::perms::others_exec);
  fs::permissions(folder.path() + "/more", fs::perms::all);
  fs::permissions(text, fs::perms::owner_read | fs::perms::owner_write | fs::perms::others_read);
  std::string err;
  EXPECT_EQ(RunWithoutPrivileges({"index", "--db", database, text}, &err), 1) << err;
  EXPECT_NE(err.find("read-only"), std::string::npos) << err;
  EXPECT_EQ(err.find("another process"), std::string::npos) << err;
}

TEST(SourceFolders, AFolderThatCannotBeReadIsAnErrorNotAnEmptyFolder) {
  testing::TempDir folder;
  fs::create_directories(folder.path() + "/corpus/closed");
  folder.Write("corpus/closed/report.txt", ReadFile(testing::BundledReport()));
  fs::permissions(folder.path(), fs::perms::all);
  fs::permissions(folder.path() + "/corpus", fs::perms::all);
  fs::permissions(folder.path() + "/corpus/closed", fs::perms::owner_all);
  std::string err;
  const std::string database = folder.path() + "/db";
  EXPECT_EQ(RunWithoutPrivileges({"index", "--db", database, folder.path() + "/corpus"}, &err), 1);
  EXPECT_NE(err.find(folder.path() + "/corpus/closed: cannot read folder"), std::string::npos)
      << err;
  EXPECT_FALSE(fs::exists(database));
}

TEST(SourceFiles, InputsTooBigOrNotTextAreRefusedAndChangeNothing) {
  testing::TempDir folder;
  const std::string database = IndexReport(folder);
  const Xapian::rev revision = Xapian::Database(database).get_revision();

  // A paragraph of 120 000 bytes on line 2.
  std::string words;
  while (words.size() < 120000) words += "woord ";
  const std::string huge = folder.Write(
      "huge.jsonl", Record("a-1", "A", "nl", "Kort.") + Record("a-2", "A", "nl", words));
  auto result = RunParlsearch({"index", "--db", database, huge});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find(huge + ":2: \"text\" is"), std::string::npos) << result.err;

  // A file over the size limit (sparse: it takes no room) is refused before it is read.
  const std::string big = folder.Write("big.jsonl", Record("b-1", "B", "nl", "Kort."));
  fs::resize_file(big, std::uintmax_t{300} << 20);
  result = RunParlsearch({"index", "--db", database, big});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find(big + ": larger than the limit of 256 MiB"), std::string::npos)
      << result.err;

  // Random bytes, from a device that never ends: refused at the first NUL byte.
  for (const char* format : {"jsonl", "report"}) {
    result = RunParlsearch({"index", "--db", database, "--format", format, "/dev/urandom"});
    EXPECT_EQ(result.exit_code, 1) << format;
    EXPECT_NE(result.err.find("/dev/urandom:"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("binary file"), std::string::npos) << result.err;
  }
  EXPECT_EQ(Xapian::Database(database).get_revision(), revision);
}

TEST(StoppedRuns, AKilledRunLeavesEachFileWholeOrOut) {
  testing::TempDir folder;
  // One file of many documents and small batches: before, a batch could end inside the file.
  constexpr int kDocuments = 3000;
  constexpr int kParagraphs = 4;
  std::string lines;
  for (int document = 0; document < kDocuments; ++document) {
    for (int paragraph = 0; paragraph < kParagraphs; ++paragraph) {
      lines += Record("d" + std::to_string(document) + "-" + std::to_string(paragraph),
                      "Debat " + std::to_string(document), "nl",
                      "De commissie bespreekt het ontwerp nummer " + std::to_string(document) +
                          " en de begroting van het gewest, alinea " + std::to_string(paragraph));
    }
  }
  const std::string file = folder.Write("sitting.jsonl", lines);
  const std::string database = IndexReport(folder);
  const Xapian::doccount before = Xapian::Database(database).get_doccount();

  const pid_t pid = testing::StartParlsearch({"index", "--db", database, "--batch", "10", file});
  // Give the run time to store part of the file, then stop it hard.
  bool exited = false;
  int status = 0;
  for (int i = 0; i < 25 && !exited; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    exited = waitpid(pid, &status, WNOHANG) == pid;
  }
  ASSERT_FALSE(exited) << "indexing ended before it could be stopped";
  kill(pid, SIGKILL);
  waitpid(pid, &status, 0);

  const Xapian::doccount after = Xapian::Database(database).get_doccount();
  EXPECT_TRUE(after == before || after == before + kDocuments * kParagraphs)
      << before << " paragraphs before, " << after << " after";
  // Indexing the file again finishes it.
  ASSERT_EQ(RunParlsearch({"index", "--db", database, file}).exit_code, 0);
  EXPECT_EQ(Xapian::Database(database).get_doccount(), before + kDocuments * kParagraphs);
}

class FirstUse : public ::testing::Test {
 protected:
  std::vector<std::string> Environment() const {
    return {"HOME=" + home_.path(), "XDG_DATA_HOME=", "PARLSEARCH_DB="};
  }
  std::string DefaultIndex() const { return home_.path() + "/.local/share/parlsearch/index"; }

  testing::TempDir home_;
};

TEST_F(FirstUse, AStoppedFirstSearchLeavesNoHalfIndexBehind) {
  // Stopped at different moments of the first build; none may leave an index that answers
  // "0 hits" for good.
  for (int milliseconds : {50, 150, 300}) {
    const pid_t pid = testing::StartParlsearch({"search", "interopérabilité"}, Environment());
    std::this_thread::sleep_for(std::chrono::milliseconds(milliseconds));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    if (fs::exists(DefaultIndex())) break;  // the build finished before the kill
  }
  const auto search = RunParlsearch({"search", "interopérabilité"}, Environment());
  EXPECT_EQ(search.exit_code, 0) << search.err;
  EXPECT_NE(search.out.find("4 hits"), std::string::npos) << search.out << search.err;
}

TEST_F(FirstUse, FirstSearchesStartedTogetherWaitForOneBuild) {
  std::vector<testing::CommandResult> results(4);
  std::vector<std::thread> threads;
  for (auto& result : results) {
    threads.emplace_back([&result, this] {
      result = RunParlsearch({"search", "interopérabilité"}, Environment());
    });
  }
  for (std::thread& thread : threads) thread.join();
  int builds = 0;
  for (const auto& result : results) {
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("4 hits"), std::string::npos) << result.out << result.err;
    builds += result.err.find("first use") != std::string::npos;
  }
  EXPECT_EQ(builds, 1);
}

class QueryLimitsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    folder_ = new testing::TempDir();
    database_ = IndexReport(*folder_);
  }
  static void TearDownTestSuite() { delete folder_; }

  static testing::CommandResult Search(std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), {"search", "--db", database_});
    return RunParlsearch(arguments);
  }

  static std::string Repeated(const std::string& word, int times, const std::string& separator) {
    std::string text;
    for (int i = 0; i < times; ++i) text += (i > 0 ? separator : "") + word + std::to_string(i);
    return text;
  }

  static testing::TempDir* folder_;
  static std::string database_;
};

testing::TempDir* QueryLimitsTest::folder_ = nullptr;
std::string QueryLimitsTest::database_;

TEST_F(QueryLimitsTest, QueriesOverALimitAreRefusedSayingWhich) {
  std::string wildcards;
  for (int i = 0; i < 333; ++i) wildcards += "a* ";
  auto result = Search({"--max-query-words", "1000", wildcards});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("333 wildcards; the limit is 8"), std::string::npos) << result.err;

  result = Search({"--max-query-bytes", "100000", Repeated("woord", 6000, " OR ")});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("6000 words; the limit is 64"), std::string::npos) << result.err;

  result = Search({std::string(100000, 'x')});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("100000 bytes long; the limit is 4096"), std::string::npos)
      << result.err;
  EXPECT_EQ(LineCount(result.err), 1u);

  // The limits are options: raised, the same query runs.
  result = Search({Repeated("woord", 70, " ")});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("70 words; the limit is 64"), std::string::npos) << result.err;
  result = Search({"--max-query-words", "100", Repeated("woord", 70, " ")});
  EXPECT_EQ(result.exit_code, 0) << result.err;
}

TEST_F(QueryLimitsTest, WildcardsWithinTheLimitsStillFindTheirWords) {
  const auto result = Search({"--json", "interop*", "digit*", "a*", "b*", "c*", "d*", "e*", "f*"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_GT(json::parse(result.out)["total"]["value"].get<int>(), 0) << result.out;
}

TEST_F(QueryLimitsTest, AReversedDateRangeIsAnErrorNotNoFilter) {
  auto result = Search({"--from", "2024-01-01", "--to", "2020-01-01", "budget"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("from date 2024-01-01 is after to date 2020-01-01"), std::string::npos)
      << result.err;
  result = Search({"budget date:2024-01-01..2020-01-01"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("ends before it starts"), std::string::npos) << result.err;
}

TEST(TerminalOutput, ControlCharactersFromTheIndexAreShownEscaped) {
  testing::TempDir folder;
  const std::string database = folder.path() + "/db";
  const std::string file =
      folder.Write("escapes.jsonl", Record("e-1", "Doc\x1b[2J", "nl",
                                           "De begroting \x1b]0;titel\x07 en \xc2\x9b"
                                           "31m rood",
                                           "Spreker\x1b[5m"));
  ASSERT_EQ(RunParlsearch({"index", "--db", database, file}).exit_code, 0);
  for (const char* color : {"never", "always"}) {
    const auto result = RunParlsearch({"search", "--db", database, "--color", color, "begroting"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("1 hit"), std::string::npos) << result.out;
    EXPECT_EQ(result.out.find('\x07'), std::string::npos);
    EXPECT_EQ(result.out.find("\xc2\x9b"), std::string::npos);
    EXPECT_NE(result.out.find("\\x1b]0;titel\\x07"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("Spreker\\x1b[5m"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("\\u009b31m"), std::string::npos) << result.out;
    if (std::string(color) == "never") {
      EXPECT_EQ(result.out.find('\x1b'), std::string::npos) << result.out;
    }
  }
}

}  // namespace
}  // namespace parlsearch
