// Cross-language retrieval: query words searched in their translations too.
#include <gtest/gtest.h>

#include <algorithm>

#include "parlsearch/corpus/report_reader.h"
#include "parlsearch/indexer/index_writer.h"
#include "parlsearch/searcher/searcher.h"
#include "testing/test_support.h"

namespace parlsearch {
namespace {

// Paragraphs of one language that no translation pairs with.
Document Unpaired(const std::string& id, Language language, const std::vector<std::string>& texts) {
  Document document;
  document.id = id;
  for (const std::string& text : texts) {
    Paragraph paragraph;
    paragraph.doc = id;
    paragraph.lang = language;
    paragraph.seq = static_cast<int>(document.paragraphs.size()) + 1;
    paragraph.id = ParagraphId(DocumentSlug(id), language, paragraph.seq);
    paragraph.text = text;
    document.paragraphs.push_back(paragraph);
  }
  return document;
}

std::vector<Document> Documents() {
  const Roster roster = Roster::Load(testing::BundledRoster());
  ReportReaderOptions options;
  options.roster = &roster;
  return {ReportReader(options).ReadFile(testing::BundledReport()),
          Unpaired("T-3/1 – 2023/2024", Language::kDutch,
                   {"De dienst Protection Civile helpt bij de overstromingen langs de kust.",
                    "De bescherming van de kust tegen overstromingen vraagt meer middelen.",
                    "Wij verdedigen de gegevensbescherming van alle patiënten.",
                    "De partners van het gewest werken samen aan een nieuw platform."}),
          Unpaired("T-4/1 – 2023/2024", Language::kFrench,
                   {"L'interopérabilité des hôpitaux reste un défi majeur."})};
}

const char kProtectionCivile[] = "T-3-1-2023-2024-nl-0001";
const char kCoastProtection[] = "T-3-1-2023-2024-nl-0002";
const char kPatientData[] = "T-3-1-2023-2024-nl-0003";
const char kPartners[] = "T-3-1-2023-2024-nl-0004";
const char kHospitals[] = "T-4-1-2023-2024-fr-0001";

class CrossLanguageSearchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    directory_ = new testing::TempDir();
    for (const bool lexicon : {true, false}) {
      IndexWriter writer(Path(lexicon));
      for (const Document& document : Documents()) writer.Replace(document);
      if (lexicon) writer.RebuildLexicon();
      writer.Commit();
    }
  }
  static void TearDownTestSuite() {
    delete directory_;
    directory_ = nullptr;
  }
  static std::string Path(bool lexicon) {
    return directory_->path() + (lexicon ? "/with-lexicon" : "/without-lexicon");
  }

  SearchResult Search(const std::string& query, std::optional<Language> language,
                      bool translate = true) {
    SearchRequest request;
    request.query = query;
    request.side = language;
    request.translate = translate;
    request.limit = 1000;
    return searcher_.Search(request);
  }

  // The 1-based rank of paragraph `id` among the hits; 0 if absent.
  static std::size_t Rank(const SearchResult& result, const std::string& id) {
    for (std::size_t i = 0; i < result.hits.size(); ++i) {
      if (result.hits[i].matched.paragraph.id == id) return i + 1;
    }
    return 0;
  }

  static testing::TempDir* directory_;
  Searcher searcher_{Path(true)};
};

testing::TempDir* CrossLanguageSearchTest::directory_ = nullptr;

TEST_F(CrossLanguageSearchTest, FrenchWordsFindDutchParagraphsThatHaveNoTranslation) {
  const SearchResult result = Search("protection des données", Language::kDutch);
  EXPECT_GT(Rank(result, kPatientData), 0u);
  ASSERT_TRUE(result.expanded.count("protection"));
  ASSERT_TRUE(result.expanded.count("données"));  // shown as typed, with its accents
  const auto& protection = result.expanded.at("protection");
  EXPECT_NE(std::find(protection.begin(), protection.end(), "bescherming"), protection.end());
  for (const Hit& hit : result.hits) EXPECT_EQ(hit.matched.paragraph.lang, Language::kDutch);
}

TEST_F(CrossLanguageSearchTest, ParticiplesAreTranslatedAsTheirVerbs) {
  // "prévus" has no entry of its own; the dictionary lists the verb "prévoir" (verwachten).
  const SearchResult result = Search("prévus", Language::kDutch);
  ASSERT_TRUE(result.expanded.count("prévus"));
  const auto& expanded = result.expanded.at("prévus");
  EXPECT_NE(std::find(expanded.begin(), expanded.end(), "verwachte"), expanded.end());
}

TEST_F(CrossLanguageSearchTest, FrenchWordWithoutEntryIsTranslatedAsItsRelative) {
  // The dictionary has "partenaire" (partner), not "partenariat".
  const SearchResult result = Search("partenariat", Language::kDutch);
  EXPECT_GT(Rank(result, kPartners), 0u);
  ASSERT_TRUE(result.expanded.count("partenariat"));
  const auto& expanded = result.expanded.at("partenariat");
  EXPECT_TRUE(std::any_of(expanded.begin(), expanded.end(), [](const std::string& word) {
    return word.starts_with("partner");
  })) << ::testing::PrintToString(expanded);
}

TEST_F(CrossLanguageSearchTest, DutchWordsFindFrenchParagraphsThatHaveNoTranslation) {
  const SearchResult result = Search("interoperabiliteit", Language::kFrench);
  EXPECT_GT(Rank(result, kHospitals), 0u);
  ASSERT_TRUE(result.expanded.count("interoperabiliteit"));
  EXPECT_EQ(result.expanded.at("interoperabiliteit").front(), "interopérabilité");
}

TEST_F(CrossLanguageSearchTest, TranslationsStayWithinTheirBudgetInTheOrderOfTheQuery) {
  SearchRequest request;
  request.query = "protection des données";
  request.side = Language::kDutch;
  const SearchResult full = searcher_.Search(request);
  ASSERT_EQ(full.expanded.size(), 2u);

  // Room for the first word's translations only: the second is searched as written.
  request.limits.max_translation_terms = full.expanded.at("protection").size();
  const SearchResult first_only = searcher_.Search(request);
  EXPECT_EQ(first_only.expanded.size(), 1u);
  EXPECT_TRUE(first_only.expanded.count("protection"));

  request.limits.max_translation_terms = 0;
  EXPECT_TRUE(searcher_.Search(request).expanded.empty());
}

TEST_F(CrossLanguageSearchTest, TheUsersOwnWordsRankAboveTranslations) {
  // "Protection" is the word searched; "bescherming" only translates it.
  const SearchResult result = Search("protection", Language::kDutch);
  const std::size_t own = Rank(result, kProtectionCivile);
  const std::size_t translated = Rank(result, kCoastProtection);
  ASSERT_GT(own, 0u);
  ASSERT_GT(translated, 0u);
  EXPECT_LT(own, translated);
  EXPECT_EQ(own, 1u);
}

TEST_F(CrossLanguageSearchTest, TranslationsAreMarkedInSnippets) {
  const SearchResult result = Search("protection", Language::kDutch);
  const std::size_t rank = Rank(result, kCoastProtection);
  ASSERT_GT(rank, 0u);
  const Snippet& snippet = result.hits[rank - 1].matched.snippet;
  ASSERT_EQ(snippet.marks.size(), 1u);
  const auto [from, to] = snippet.marks.front();
  EXPECT_EQ(snippet.text.substr(from, to - from), "bescherming");
}

TEST_F(CrossLanguageSearchTest, PhrasesAreSearchedAsWritten) {
  const SearchResult phrase = Search("\"protection des données\"", std::nullopt);
  EXPECT_TRUE(phrase.expanded.empty());
  EXPECT_EQ(phrase.total, Search("\"protection des données\"", std::nullopt, false).total);
}

TEST_F(CrossLanguageSearchTest, WithoutTranslationTheSearchIsMonolingual) {
  const SearchResult result = Search("protection des données", Language::kDutch, false);
  EXPECT_EQ(Rank(result, kPatientData), 0u);
  EXPECT_TRUE(result.expanded.empty());
  EXPECT_EQ(Rank(Search("protection", Language::kDutch, false), kCoastProtection), 0u);
}

TEST_F(CrossLanguageSearchTest, WithoutTranslationResultsEqualThoseOfAnIndexWithoutLexicon) {
  Searcher without_lexicon(Path(false));
  for (const std::string query :
       {"protection des données", "interopérabilité", "gegevensbescherming",
        "Paradigm NOT Iristeam", "digitale kloof", "\"protection des données\"", "interop*"}) {
    for (const std::optional<Language> language :
         {std::optional<Language>(), std::optional<Language>(Language::kDutch)}) {
      const SearchResult off = Search(query, language, /*translate=*/false);
      SearchRequest request;
      request.query = query;
      request.side = language;
      request.limit = 1000;
      const SearchResult plain = without_lexicon.Search(request);
      ASSERT_EQ(off.hits.size(), plain.hits.size()) << query;
      EXPECT_EQ(off.total, plain.total) << query;
      EXPECT_EQ(off.match, plain.match) << query;
      EXPECT_EQ(off.suggestion, plain.suggestion) << query;
      for (std::size_t i = 0; i < off.hits.size(); ++i) {
        EXPECT_EQ(off.hits[i].matched.paragraph.id, plain.hits[i].matched.paragraph.id) << query;
        EXPECT_DOUBLE_EQ(off.hits[i].score, plain.hits[i].score) << query;
        EXPECT_EQ(off.hits[i].matched.snippet.marks, plain.hits[i].matched.snippet.marks) << query;
      }
      EXPECT_TRUE(plain.expanded.empty());
    }
  }
}

}  // namespace
}  // namespace parlsearch
