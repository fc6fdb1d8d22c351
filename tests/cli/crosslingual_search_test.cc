// End to end: parlsearch search across languages, on indexes holding one side only of some of
// the bundled report's translation pairs (built through the library: no source format says
// "these paragraphs have no translation").
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "parlsearch/corpus/report_reader.h"
#include "parlsearch/indexer/index_writer.h"
#include "testing/test_support.h"

namespace parlsearch {
namespace {

using nlohmann::json;
using testing::RunParlsearch;

// Pairs held out: "protection des données" / "gegevensbescherming", and "interopérabilité".
const std::set<std::string> kHeldOut = {"A-805-2-2023-2024-p0050", "A-805-2-2023-2024-p0045"};

// Builds an index of the bundled report in which the held-out pairs keep only their side in
// `kept`, without its pair: the index holds no translation of them. The lexicon is rebuilt as
// `parlsearch index` does.
void BuildIndex(const std::string& path, Language kept) {
  const Roster roster = Roster::Load(testing::BundledRoster());
  ReportReaderOptions options;
  options.roster = &roster;
  Document report = ReportReader(options).ReadFile(testing::BundledReport());
  std::vector<Paragraph> paragraphs;
  for (Paragraph& paragraph : report.paragraphs) {
    if (kHeldOut.count(paragraph.pair)) {
      if (paragraph.lang != kept) continue;
      paragraph.pair.clear();
    }
    paragraphs.push_back(std::move(paragraph));
  }
  report.paragraphs = std::move(paragraphs);
  IndexWriter writer(path);
  writer.Replace(report);
  writer.RebuildLexicon();
  writer.Commit();
}

class CrossLanguageSearchCommandTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    directory_ = new testing::TempDir();
    BuildIndex(Database(Language::kDutch), Language::kDutch);
    BuildIndex(Database(Language::kFrench), Language::kFrench);
  }
  static void TearDownTestSuite() {
    delete directory_;
    directory_ = nullptr;
  }
  static std::string Database(Language kept) {
    return directory_->path() + "/" + std::string(LanguageCode(kept)) + "-only";
  }

  static json Search(Language side, std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), {"search", "--db", Database(side), "--json", "--lang",
                                         std::string(LanguageCode(side))});
    const auto result = RunParlsearch(arguments);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return json::parse(result.out);
  }

  // The hit with paragraph id `id`, or null.
  static json Hit(const json& result, const std::string& id) {
    for (const json& hit : result["hits"]) {
      if (hit["id"] == id) return hit;
    }
    return nullptr;
  }

  static testing::TempDir* directory_;
};

testing::TempDir* CrossLanguageSearchCommandTest::directory_ = nullptr;

TEST_F(CrossLanguageSearchCommandTest, FrenchWordsFindTheDutchParagraph) {
  const json result = Search(Language::kDutch, {"protection des données"});
  const json hit = Hit(result, "A-805-2-2023-2024-nl-0050");
  ASSERT_FALSE(hit.is_null()) << result.dump(2);
  EXPECT_TRUE(hit["translation"].is_null());  // the index holds no French side of it
  EXPECT_NE(hit["snippet"].get<std::string>().find("<mark>gegevensbescherming</mark>"),
            std::string::npos);
  EXPECT_FALSE(result["expanded"]["protection"].empty()) << result["expanded"];
  EXPECT_FALSE(result["expanded"]["données"].empty()) << result["expanded"];
  // Each expanded word says what its translations weigh: at most half the word itself.
  ASSERT_EQ(result["expansion_weights"].size(), result["expanded"].size()) << result.dump(2);
  for (const auto& [word, weight] : result["expansion_weights"].items()) {
    EXPECT_TRUE(result["expanded"].contains(word)) << word;
    EXPECT_GT(weight.get<double>(), 0) << word;
    EXPECT_LE(weight.get<double>(), 0.5) << word;
  }

  const json interoperability = Search(Language::kDutch, {"interopérabilité"});
  EXPECT_FALSE(Hit(interoperability, "A-805-2-2023-2024-nl-0045").is_null());
  EXPECT_EQ(interoperability["expanded"]["interopérabilité"][0], "interoperabiliteit");
}

TEST_F(CrossLanguageSearchCommandTest, DutchWordsFindTheFrenchParagraph) {
  const json result = Search(Language::kFrench, {"gegevensbescherming"});
  const json hit = Hit(result, "A-805-2-2023-2024-fr-0050");
  ASSERT_FALSE(hit.is_null()) << result.dump(2);
  EXPECT_TRUE(hit["translation"].is_null());
  EXPECT_FALSE(result["expanded"]["gegevensbescherming"].empty());

  const json interoperability = Search(Language::kFrench, {"interoperabiliteit"});
  EXPECT_FALSE(Hit(interoperability, "A-805-2-2023-2024-fr-0045").is_null());
  EXPECT_EQ(interoperability["expanded"]["interoperabiliteit"][0], "interopérabilité");
}

TEST_F(CrossLanguageSearchCommandTest, RelatedWordsRankWithoutAddingHits) {
  const json plain = Search(Language::kDutch, {"protection des données"});
  EXPECT_TRUE(plain["related"].empty());
  const json related = Search(Language::kDutch, {"--related", "protection des données"});
  ASSERT_FALSE(related["related"].empty()) << related.dump(2);
  for (const auto& [word, weight] : related["related"].items()) {
    EXPECT_GT(weight.get<double>(), 0) << word;
    EXPECT_LE(weight.get<double>(), 0.05) << word;
  }
  EXPECT_EQ(related["total"], plain["total"]);
  EXPECT_FALSE(Hit(related, "A-805-2-2023-2024-nl-0050").is_null());
  // The terminal lists them under the translations.
  const auto shown = RunParlsearch({"search", "--db", Database(Language::kDutch), "--lang", "nl",
                                    "--related", "--color", "never", "protection des données"});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_NE(shown.out.find("ranked higher with words of translated paragraphs like it:"),
            std::string::npos)
      << shown.out;
}

TEST_F(CrossLanguageSearchCommandTest, NoTranslateSearchesTheWordsAsTyped) {
  const json result = Search(Language::kDutch, {"--no-translate", "protection des données"});
  EXPECT_TRUE(Hit(result, "A-805-2-2023-2024-nl-0050").is_null());
  EXPECT_TRUE(result["expanded"].empty());
  EXPECT_TRUE(result["expansion_weights"].empty());
}

TEST(LexiconCommand, IndexBuildsTheLexiconAndLexiconRebuildsAndPrintsIt) {
  testing::TempDir directory;
  const std::string database = directory.path() + "/db";
  const auto indexed = RunParlsearch(
      {"index", "--db", database, "--roster", testing::BundledRoster(), testing::BundledReport()});
  ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
  EXPECT_NE(indexed.out.find("lexicon of " + database + ": "), std::string::npos) << indexed.out;
  EXPECT_NE(indexed.out.find("learned from 92 pairs"), std::string::npos) << indexed.out;

  const auto rebuilt = RunParlsearch({"lexicon", "--db", database});
  ASSERT_EQ(rebuilt.exit_code, 0) << rebuilt.err;
  EXPECT_NE(rebuilt.out.find("translations"), std::string::npos) << rebuilt.out;

  const auto printed = RunParlsearch({"lexicon", "--db", database, "--print"});
  ASSERT_EQ(printed.exit_code, 0) << printed.err;
  EXPECT_EQ(printed.out.rfind("parlsearch-lexicon 1\n", 0), 0u);
  EXPECT_NE(printed.out.find("\ninteroperabiliteit\tinteroperabilit\t"), std::string::npos);

  const auto missing = RunParlsearch({"lexicon", "--db", directory.path() + "/none"});
  EXPECT_EQ(missing.exit_code, 1);
}

}  // namespace
}  // namespace parlsearch
