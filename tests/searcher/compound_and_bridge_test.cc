// Cross-language retrieval beyond one word for one word: Dutch compounds found by the French
// phrases that say them and the reverse, and the words that the index's own translation pairs
// relate to a query (SearchRequest::related). The lexicon is built as `parlsearch index` builds
// it, with the system's dictionaries.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "parlsearch/indexer/index_writer.h"
#include "parlsearch/searcher/searcher.h"
#include "parlsearch/stemming/stopwords.h"
#include "testing/test_support.h"

namespace parlsearch {
namespace {

struct Text {
  Text(Language lang, std::string text, std::string pair = "")
      : lang(lang), text(std::move(text)), pair(std::move(pair)) {}
  Language lang;
  std::string text;
  std::string pair;  // empty: no translation in the index
};

Document MakeDocument(const std::string& id, const std::vector<Text>& texts) {
  Document document;
  document.id = id;
  for (const Text& text : texts) {
    Paragraph paragraph;
    paragraph.doc = id;
    paragraph.lang = text.lang;
    paragraph.seq = static_cast<int>(document.paragraphs.size()) + 1;
    paragraph.id = ParagraphId(DocumentSlug(id), text.lang, paragraph.seq);
    paragraph.text = text.text;
    paragraph.pair = text.pair;
    document.paragraphs.push_back(paragraph);
  }
  return document;
}

constexpr Language kNl = Language::kDutch;
constexpr Language kFr = Language::kFrench;

class CompoundAndBridgeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    directory_ = new testing::TempDir();
    IndexWriter writer(directory_->path() + "/db");
    // Paragraphs of one language each, no translation between them.
    writer.Replace(MakeDocument(
        "V-1/1 – 2025/2026",
        {{kNl, "De woningmarkt blijft voor jonge gezinnen moeilijk toegankelijk."},
         {kNl, "De markt voor tweedehandswagens is klein."},
         {kNl, "De prijzen van de energie dalen dit jaar."},
         {kFr, "Le marché du logement reste difficile d'accès pour les jeunes familles."},
         {kFr, "Le logement social manque de moyens."},
         {kFr, "Le marché de l'énergie est ouvert à la concurrence."}}));
    // Translated paragraphs: one pair says who "huissiers" are in Dutch. No dictionary knows,
    // and one pair is too few to learn it from.
    writer.Replace(MakeDocument(
        "V-2/1 – 2025/2026",
        {{kNl, "De deurwaarders betekenen de vonnissen, die in het gewest worden uitgevoerd.",
          "v-p1"},
         {kFr, "Les huissiers de justice signifient les jugements et les exécutent dans la région.",
          "v-p1"},
         {kNl, "De minister antwoordt over de wachtlijsten in de ziekenhuizen.", "v-p2"},
         {kFr, "Le ministre répond au sujet des listes d'attente dans les hôpitaux.", "v-p2"},
         {kNl, "Het gewest investeert in nieuwe tramlijnen en fietspaden.", "v-p3"},
         {kFr, "La région investit dans de nouvelles lignes de tram et des pistes cyclables.",
          "v-p3"}}));
    writer.Replace(MakeDocument(
        "V-3/1 – 2025/2026",
        {{kNl, "De kosten van de deurwaarders wegen zwaar op de gezinnen met schulden."},
         {kNl, "De kosten van de energie wegen zwaar op de gezinnen."}}));
    writer.RebuildLexicon();
    writer.Commit();
  }
  static void TearDownTestSuite() {
    delete directory_;
    directory_ = nullptr;
  }

  SearchResult Search(const std::string& query, Language side, bool related = false,
                      bool exact = false) {
    SearchRequest request;
    request.query = query;
    request.side = side;
    request.related = related;
    request.exact = exact;
    return searcher_.Search(request);
  }

  static std::vector<std::string> Ids(const SearchResult& result) {
    std::vector<std::string> ids;
    for (const Hit& hit : result.hits) ids.push_back(hit.matched.paragraph.id);
    return ids;
  }

  static testing::TempDir* directory_;
  Searcher searcher_{directory_->path() + "/db"};
};

testing::TempDir* CompoundAndBridgeTest::directory_ = nullptr;

const char kHousingMarketNl[] = "V-1-1-2025-2026-nl-0001";
const char kEnergyPricesNl[] = "V-1-1-2025-2026-nl-0003";
const char kHousingMarketFr[] = "V-1-1-2025-2026-fr-0004";
const char kBailiffCostsNl[] = "V-3-1-2025-2026-nl-0001";
const char kEnergyCostsNl[] = "V-3-1-2025-2026-nl-0002";

TEST_F(CompoundAndBridgeTest, AFrenchPhraseFindsTheDutchCompound) {
  const SearchResult result = Search("marché du logement", kNl);
  // Only the compound has both words: "woning" is in the index as a part of it only.
  EXPECT_EQ(result.match, "all");
  EXPECT_EQ(Ids(result), std::vector<std::string>{kHousingMarketNl});
  ASSERT_TRUE(result.expanded.count("logement"));
  const auto& logement = result.expanded.at("logement");
  EXPECT_NE(std::find(logement.begin(), logement.end(), "woning"), logement.end());
  // Without translation the Dutch side has none of the words.
  SearchRequest off;
  off.query = "marché du logement";
  off.side = kNl;
  off.translate = false;
  EXPECT_EQ(searcher_.Search(off).total, 0u);
}

TEST_F(CompoundAndBridgeTest, ADutchCompoundFindsTheFrenchPhrase) {
  const SearchResult result = Search("woningmarkt", kFr);
  ASSERT_FALSE(result.hits.empty());
  EXPECT_EQ(result.hits.front().matched.paragraph.id, kHousingMarketFr);
  // Both parts are required: neither "le logement social" nor "le marché de l'énergie".
  EXPECT_EQ(result.total, 1u);
}

TEST_F(CompoundAndBridgeTest, AFrenchWordFindsTheDutchPluralThatVoicesItsConsonant) {
  const SearchResult result = Search("prix", kNl);
  EXPECT_EQ(Ids(result), std::vector<std::string>{kEnergyPricesNl});
  EXPECT_EQ(Search("prijzen", kFr).total, 0u);  // no French paragraph has "prix"
}

TEST_F(CompoundAndBridgeTest, RelatedWordsFromThePairsRankTheirParagraphsHigher) {
  // "coûts" translates (kosten); "huissiers" does not, so both Dutch paragraphs have only the
  // one word. The pair whose French side has "huissiers" says "deurwaarders" in Dutch.
  const SearchResult plain = Search("coûts huissiers", kNl);
  ASSERT_EQ(plain.match, "any");
  ASSERT_EQ(plain.total, 2u);
  EXPECT_TRUE(plain.related.empty());

  const SearchResult related = Search("coûts huissiers", kNl, /*related=*/true);
  EXPECT_EQ(related.total, plain.total);  // they rank, they find nothing more
  ASSERT_EQ(related.hits.size(), 2u);
  EXPECT_EQ(related.hits.front().matched.paragraph.id, kBailiffCostsNl);
  EXPECT_EQ(related.hits.back().matched.paragraph.id, kEnergyCostsNl);
  ASSERT_TRUE(related.related.count("deurwaarders")) << ::testing::PrintToString(related.related);
  for (const auto& [word, weight] : related.related) {
    EXPECT_GT(weight, 0) << word;
    EXPECT_LE(weight, 0.05) << word;  // far below a word of the query or its translation
    EXPECT_FALSE(IsStopword(kNl, word)) << word;
  }
  // Words of the French side or of the query itself are not among them.
  EXPECT_FALSE(related.related.count("huissiers"));
  EXPECT_FALSE(related.related.count("kosten"));
}

TEST_F(CompoundAndBridgeTest, RelatedWordsStayWithinTheSearchsTimeLimit) {
  SearchRequest request;
  request.query = "coûts huissiers";
  request.side = kNl;
  request.related = true;
  request.time_limit_seconds = 60;
  const SearchResult result = searcher_.Search(request);
  EXPECT_TRUE(result.total_exact);
  EXPECT_EQ(result.related, Search("coûts huissiers", kNl, /*related=*/true).related);
  // A limit too short for anything still answers.
  request.time_limit_seconds = 1e-9;
  EXPECT_NO_THROW(searcher_.Search(request));
}

TEST_F(CompoundAndBridgeTest, RelatedWordsKeepTheirAccents) {
  // Dutch words, French side: the pair's French words come as written.
  const SearchResult related = Search("deurwaarders vonnissen", kFr, /*related=*/true);
  EXPECT_TRUE(related.related.count("huissiers")) << ::testing::PrintToString(related.related);
  EXPECT_TRUE(related.related.count("exécutent")) << ::testing::PrintToString(related.related);
  EXPECT_FALSE(related.related.count("executent"));
}

TEST_F(CompoundAndBridgeTest, NoRelatedWordsWhenExactOrUntranslatedOrWithoutAPairLikeTheQuery) {
  EXPECT_TRUE(Search("coûts huissiers", kNl, /*related=*/true, /*exact=*/true).related.empty());
  SearchRequest off;
  off.query = "coûts huissiers";
  off.side = kNl;
  off.related = true;
  off.translate = false;
  EXPECT_TRUE(searcher_.Search(off).related.empty());
  // No paired paragraph has these words.
  EXPECT_TRUE(Search("marché du logement", kNl, /*related=*/true).related.empty());
}

}  // namespace
}  // namespace parlsearch
