// End to end: parlsearch index and search on a folder mixing every source format: a committee
// report as text and as PDF, ParlaMint sittings with the files published beside them, and JSON
// Lines.
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

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

const char* const kRecords =
    R"({"doc": "Plenaire 2024-05-02", "title": "Plenaire vergadering", "date": "2024-05-02", "speaker": "Jan Janssens", "party": "Testpartij", "role": "member", "lang": "nl", "text": "De stikstofregeling voor landbouwbedrijven blijft omstreden in het halfrond."})"
    "\n"
    R"({"doc": "Plénière 2024-05-03", "date": "2024-05-03", "speaker": "Marie Dupont", "party": "Parti Test", "text": "La réglementation sur l'azote pour les exploitations agricoles reste contestée dans l'hémicycle."})"
    "\n";

class SourcesTest : public ::testing::Test {
 protected:
  // One index of a folder holding the bundled report under another document number, the PDF of
  // the bundled report (the fixture of the PDF reader), the ParlaMint samples folder (meta files,
  // organisation list, README and SOURCE included) and a JSON Lines file of two documents.
  static void SetUpTestSuite() {
    directory_ = new testing::TempDir();
    const std::string corpus = directory_->path() + "/corpus";
    fs::create_directories(corpus + "/parlamint-be");
    std::string report = ReadFile(testing::BundledReport());
    testing::ReplaceAll(&report, kNumber, kOtherNumber);
    directory_->Write("corpus/report.txt", report);
    fs::copy(testing::SourcePath("tests/corpus/data/A-805-2_2023-2024_paradigm.pdf"),
             corpus + "/report.pdf");
    fs::copy(testing::SourcePath("corpus/samples/parlamint-be"), corpus + "/parlamint-be");
    directory_->Write("corpus/records.jsonl", kRecords);
    database_ = directory_->path() + "/db";
    index_ = new testing::CommandResult(RunParlsearch(
        {"index", "-v", "--db", database_, "--roster", testing::BundledRoster(), corpus}));
  }
  static void TearDownTestSuite() {
    delete index_;
    delete directory_;
  }

  static json Search(const std::string& query) {
    const auto result = RunParlsearch(
        {"search", "--db", database_, "--json", "--no-translate", "--limit", "100", query});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return json::parse(result.out);
  }

  static json Stats() {
    const auto result = RunParlsearch({"stats", "--db", database_, "--json"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return json::parse(result.out);
  }

  // Indexing `path` fails with one line naming it, and leaves the index as it was.
  static void ExpectRefusedWithoutChange(const std::string& path, const std::string& message) {
    const json before = Stats();
    const Xapian::rev revision = Xapian::Database(database_).get_revision();
    const auto result = RunParlsearch({"index", "--db", database_, path});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
    EXPECT_NE(result.err.find("parlsearch: " + path + ":"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find(message), std::string::npos) << result.err;
    EXPECT_EQ(Stats(), before);
    EXPECT_EQ(Xapian::Database(database_).get_revision(), revision);
  }

  static inline const std::string kNumber = "A-805/2";
  static inline const std::string kOtherNumber = "A-806/1";
  static testing::TempDir* directory_;
  static std::string database_;
  static testing::CommandResult* index_;
};

testing::TempDir* SourcesTest::directory_ = nullptr;
std::string SourcesTest::database_;
testing::CommandResult* SourcesTest::index_ = nullptr;

TEST_F(SourcesTest, FolderScanReadsEachSourceInItsFormatAndNothingElse) {
  ASSERT_EQ(index_->exit_code, 0) << index_->err;
  EXPECT_NE(index_->out.find("indexed 7 documents"), std::string::npos) << index_->out;
  EXPECT_NE(index_->out.find("from 6 files"), std::string::npos) << index_->out;
  const std::string& notes = index_->err;
  EXPECT_NE(notes.find("report.txt: read as report"), std::string::npos) << notes;
  EXPECT_NE(notes.find("report.pdf: read as pdf"), std::string::npos) << notes;
  EXPECT_NE(notes.find("records.jsonl: read as jsonl"), std::string::npos) << notes;
  EXPECT_EQ(std::count(notes.begin(), notes.end(), '\n'), 6) << notes;
  std::istringstream lines(notes);
  int sittings = 0;
  for (std::string line; std::getline(lines, line);) {
    sittings +=
        std::regex_search(line, std::regex(R"(ParlaMint-BE_[^/]*\.xml: read as parlamint$)"));
  }
  EXPECT_EQ(sittings, 3) << notes;
  EXPECT_EQ(Stats()["documents"], 7);
}

TEST_F(SourcesTest, ParlaMintUtterancesAreFoundWithSpeakerPartyLanguageAndDate) {
  const json dutch = Search(R"(fregatten speaker:"Annick Ponthier")");
  ASSERT_FALSE(dutch["hits"].empty());
  for (const json& hit : dutch["hits"]) {
    EXPECT_EQ(hit["speaker"], "Annick Ponthier");
    EXPECT_EQ(hit["party"], "VB");
    EXPECT_EQ(hit["lang"], "nl");
    EXPECT_EQ(hit["date"], "2020-06-17");
    EXPECT_EQ(hit["doc"], "ParlaMint-BE_2020-06-17-55-commissie-ic210x");
  }
  // The chair switching to French within one utterance; a party from the speaker note after.
  const json french = Search(R"("séance est ouverte" lang:fr party:N-VA)");
  ASSERT_EQ(french["hits"].size(), 1u) << french.dump();
  EXPECT_EQ(french["hits"][0]["speaker"], "Siegfried Bracke");
  EXPECT_EQ(french["hits"][0]["role"], "chair");
  EXPECT_EQ(french["hits"][0]["date"], "2017-04-27");
  const json noted = Search("leveringstermijn speaker:Mahdi");
  ASSERT_EQ(noted["hits"].size(), 1u) << noted.dump();
  EXPECT_EQ(noted["hits"][0]["party"], "CD&V");
}

TEST_F(SourcesTest, JsonLinesRecordsAreFoundWithTheirFieldsAndDetectedLanguage) {
  const json dutch = Search("stikstofregeling party:Testpartij lang:nl");
  ASSERT_EQ(dutch["hits"].size(), 1u) << dutch.dump();
  EXPECT_EQ(dutch["hits"][0]["speaker"], "Jan Janssens");
  EXPECT_EQ(dutch["hits"][0]["date"], "2024-05-02");
  EXPECT_EQ(dutch["hits"][0]["doc"], "Plenaire 2024-05-02");
  const json french = Search(R"(azote speaker:"Marie Dupont")");
  ASSERT_EQ(french["hits"].size(), 1u) << french.dump();
  EXPECT_EQ(french["hits"][0]["lang"], "fr");  // detected: the line gives no "lang"
  EXPECT_EQ(french["hits"][0]["party"], "Parti Test");
  EXPECT_EQ(french["hits"][0]["date"], "2024-05-03");
}

TEST_F(SourcesTest, ReportAsTextAndAsPdfIsFoundBesideTheOtherFormats) {
  const json hits = Search(R"(interopérabilité speaker:"Soetkin Hoessen" lang:fr)");
  ASSERT_FALSE(hits["hits"].empty()) << hits.dump();
  std::map<std::string, int> per_document;
  for (const json& hit : hits["hits"]) {
    ++per_document[hit["doc"].get<std::string>()];
    EXPECT_EQ(hit["speaker"], "Soetkin Hoessen");
    EXPECT_EQ(hit["party"], "Groen");
    EXPECT_EQ(hit["lang"], "fr");
    EXPECT_EQ(hit["translation"]["lang"], "nl");
  }
  // The same paragraphs from each: the PDF (its own number) and the text (the other number).
  ASSERT_EQ(per_document.size(), 2u) << hits.dump();
  EXPECT_EQ(per_document[kNumber + " – 2023/2024"], per_document[kOtherNumber + " – 2023/2024"]);
}

TEST_F(SourcesTest, MalformedSittingIsRefusedWithItsLineAndChangesNothing) {
  std::string sitting = ReadFile(testing::SourcePath(
      "corpus/samples/parlamint-be/ParlaMint-BE_2022-07-13-voorlopig-55-commissie-ic862x.xml"));
  const std::size_t end_tag = sitting.find("</u>");
  sitting.replace(end_tag, 4, "</w>");
  const int line =
      1 + static_cast<int>(std::count(sitting.begin(), sitting.begin() + end_tag, '\n'));
  const std::string path = directory_->Write("bad/ParlaMint-BE_2022-07-13-broken.xml", sitting);
  ExpectRefusedWithoutChange(path, ":" + std::to_string(line) + ": malformed XML");
}

TEST_F(SourcesTest, JsonLinesThatIsNotUtf8IsRefusedWholeAndChangesNothing) {
  const std::string path = directory_->Write(
      "bad/records.jsonl", std::string(kRecords) + R"({"doc": "Plenaire 2024-05-02", "text": "R)" +
                               "\xe9" + R"(gion"})" + "\n");
  ExpectRefusedWithoutChange(path, ":3: invalid UTF-8");
}

TEST_F(SourcesTest, ParsePrintsSittingRecordsAndSaysHowItReadThem) {
  const std::string sitting = testing::SourcePath(
      "corpus/samples/parlamint-be/ParlaMint-BE_2022-07-13-voorlopig-55-commissie-ic862x.xml");
  const auto result = RunParlsearch({"parse", "-v", sitting});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, sitting + ": read as parlamint\n");
  std::istringstream lines(result.out);
  bool found = false;
  for (std::string line; std::getline(lines, line);) {
    const json record = json::parse(line);
    if (record["speaker"] != "Roberto D'Amico") continue;
    found = true;
    EXPECT_EQ(record["party"], "PTB");
    EXPECT_EQ(record["party_source"], "metadata");
    EXPECT_EQ(record["role"], "member");
    EXPECT_EQ(record["lang"], "fr");
    EXPECT_EQ(record["date"], "2022-07-13");
    EXPECT_EQ(record["title"],
              "Belgisch parlementair corpus ParlaMint-BE, commissievergadering van 13-07-2022");
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace parlsearch
