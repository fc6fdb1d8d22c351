// Searcher::Export and the rows of hit_export.h.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "parlsearch/error.h"
#include "parlsearch/indexer/index_writer.h"
#include "parlsearch/searcher/hit_export.h"
#include "parlsearch/searcher/searcher.h"
#include "testing/test_support.h"

namespace parlsearch {
namespace {

constexpr int kPairs = 2600;     // both sides say "begroting" / "budget"
constexpr int kUnpaired = 2700;  // Dutch paragraphs with "begroting", without translation

Paragraph Make(const std::string& doc, Language lang, int seq, const std::string& pair,
               const std::string& text) {
  Paragraph paragraph;
  paragraph.doc = doc;
  paragraph.lang = lang;
  paragraph.seq = seq;
  paragraph.id = ParagraphId(DocumentSlug(doc), lang, seq);
  paragraph.pair = pair;
  paragraph.party = seq % 2 == 0 ? "Groen" : "MR";
  paragraph.speaker = "Spreker " + std::to_string(seq % 7);
  paragraph.text = text;
  return paragraph;
}

class ExportTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    directory_ = new testing::TempDir();
    IndexWriter writer(directory_->path());
    Document paired;
    paired.id = "E-1 – 2024/2025";
    for (int i = 1; i <= kPairs; ++i) {
      const std::string pair = "e1-p" + std::to_string(i);
      paired.paragraphs.push_back(Make(paired.id, Language::kDutch, i, pair,
                                       "De begroting, punt " + std::to_string(i) + "."));
      paired.paragraphs.push_back(Make(paired.id, Language::kFrench, i, pair,
                                       "Le budget, point " + std::to_string(i) + "."));
    }
    writer.Replace(paired);
    Document alone;
    alone.id = "E-2 – 2024/2025";
    for (int i = 1; i <= kUnpaired; ++i) {
      alone.paragraphs.push_back(Make(alone.id, Language::kDutch, i, "",
                                      "Over de begroting: \"ja\", zei hij, en nee.\nEinde."));
    }
    writer.Replace(alone);
    writer.Commit();
  }
  static void TearDownTestSuite() { delete directory_; }

  static testing::TempDir* directory_;
};

testing::TempDir* ExportTest::directory_ = nullptr;

TEST_F(ExportTest, EveryHitOnceBeyondAnyPageLimitWithItsTranslation) {
  Searcher searcher(directory_->path());
  SearchRequest request;
  request.query = "begroting";
  request.translate = false;
  request.limit = 0;
  const std::uint64_t total = searcher.Search(request).total;
  ASSERT_EQ(total, static_cast<std::uint64_t>(kPairs + kUnpaired));

  std::set<std::string> ids;
  std::set<std::string> pairs;
  std::size_t translated = 0;
  std::size_t hits = 0;
  searcher.Export(request, [&](const Hit& hit) {
    ++hits;
    EXPECT_TRUE(ids.insert(hit.matched.paragraph.id).second) << hit.matched.paragraph.id;
    if (!hit.matched.paragraph.pair.empty()) {
      EXPECT_TRUE(pairs.insert(hit.matched.paragraph.pair).second);
      ASSERT_TRUE(hit.translation.has_value());
      EXPECT_EQ(hit.translation->paragraph.pair, hit.matched.paragraph.pair);
      EXPECT_NE(hit.translation->paragraph.lang, hit.matched.paragraph.lang);
      ++translated;
    }
  });
  EXPECT_EQ(hits, total);
  EXPECT_EQ(translated, static_cast<std::size_t>(kPairs));

  // Filters apply as in searches; offset and limit do not.
  request.filters["party"] = {"Groen"};
  request.offset = 50;
  std::size_t groen = 0;
  searcher.Export(request, [&](const Hit& hit) {
    EXPECT_EQ(hit.matched.paragraph.party, "Groen");
    ++groen;
  });
  request.limit = 0;
  request.offset = 0;
  EXPECT_EQ(groen, searcher.Search(request).total);
}

TEST_F(ExportTest, AQueryThatCannotBeUnderstoodIsAQueryError) {
  Searcher searcher(directory_->path());
  SearchRequest request;
  request.query = "   ";
  EXPECT_THROW(searcher.Export(request, [](const Hit&) {}), QueryError);
}

TEST(HitExport, CsvQuotesWhatNeedsItAndEndsRowsWithCrLf) {
  Hit hit;
  hit.matched.paragraph.id = "x-nl-0001";
  hit.matched.paragraph.doc = "A-1/1 – 2024/2025";
  hit.matched.paragraph.lang = Language::kDutch;
  hit.matched.paragraph.page = 3;
  hit.matched.paragraph.text = "Ja, \"zeker\"\nNee";
  EXPECT_EQ(ExportHeader(ExportFormat::kCsv),
            "id,document,date,page,section,speaker,role,party,language,text,translation_id,"
            "translation_text\r\n");
  EXPECT_EQ(ExportRow(hit, ExportFormat::kCsv),
            "x-nl-0001,A-1/1 – 2024/2025,,3,,,,,nl,\"Ja, \"\"zeker\"\"\nNee\",,\r\n");
  EXPECT_EQ(ExportHeader(ExportFormat::kJsonLines), "");
  EXPECT_EQ(
      ExportRow(hit, ExportFormat::kJsonLines),
      "{\"id\":\"x-nl-0001\",\"document\":\"A-1/1 – 2024/2025\",\"date\":null,\"page\":3,"
      "\"section\":null,\"speaker\":null,\"role\":null,\"party\":null,\"language\":\"nl\","
      "\"text\":\"Ja, \\\"zeker\\\"\\nNee\",\"translation_id\":null,\"translation_text\":null}"
      "\n");
  EXPECT_EQ(ParseExportFormat("csv"), ExportFormat::kCsv);
  EXPECT_EQ(ParseExportFormat("jsonl"), ExportFormat::kJsonLines);
  EXPECT_FALSE(ParseExportFormat("xml").has_value());
}

}  // namespace
}  // namespace parlsearch
