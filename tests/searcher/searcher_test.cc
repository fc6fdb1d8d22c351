#include "parlsearch/searcher/searcher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "parlsearch/corpus/report_reader.h"
#include "parlsearch/error.h"
#include "parlsearch/indexer/index_writer.h"
#include "testing/test_support.h"

namespace parlsearch {
namespace {

// A small dated debate beside the bundled report, for dates and years.
Document DatedDebate() {
  Document document;
  document.id = "T-7/1 – 2022/2023";
  auto add = [&](const std::string& id, Language lang, const std::string& date,
                 const std::string& text) {
    Paragraph paragraph;
    paragraph.id = id;
    paragraph.doc = document.id;
    paragraph.lang = lang;
    paragraph.seq = static_cast<int>(document.paragraphs.size()) + 1;
    paragraph.speaker = "Jan Janssens";
    paragraph.party = "Vooruit";
    paragraph.party_source = PartySource::kMetadata;
    paragraph.date = date;
    paragraph.text = text;
    document.paragraphs.push_back(paragraph);
  };
  add("t7-1", Language::kDutch, "2023-05-10", "De begroting voor de havenwerken wordt besproken.");
  add("t7-2", Language::kDutch, "2024-03-21",
      "De havenwerken lopen vertraging op door de begroting.");
  return document;
}

class SearcherTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    directory_ = new testing::TempDir();
    const Roster roster = Roster::Load(testing::BundledRoster());
    ReportReaderOptions options;
    options.roster = &roster;
    IndexWriter writer(directory_->path());
    writer.Replace(ReportReader(options).ReadFile(testing::BundledReport()));
    writer.Replace(DatedDebate());
    writer.Commit();
  }
  static void TearDownTestSuite() {
    delete directory_;
    directory_ = nullptr;
  }

  SearchResult Search(const std::string& query, SearchRequest request = {}) {
    request.query = query;
    if (request.limit == 10) request.limit = 1000;
    return searcher_.Search(request);
  }

  static std::set<std::string> Pairs(const SearchResult& result) {
    std::set<std::string> pairs;
    for (const Hit& hit : result.hits) pairs.insert(hit.matched.paragraph.pair);
    return pairs;
  }

  static testing::TempDir* directory_;
  Searcher searcher_{directory_->path()};
};

testing::TempDir* SearcherTest::directory_ = nullptr;

TEST(SplitFacetList, SkipsEmptyItems) {
  EXPECT_EQ(SplitFacetList("party,lang"), (std::vector<std::string>{"party", "lang"}));
  EXPECT_EQ(SplitFacetList(",party,,year,"), (std::vector<std::string>{"party", "year"}));
  EXPECT_TRUE(SplitFacetList("").empty());
}

TEST_F(SearcherTest, EverySpellingFindsTheSamePairs) {
  const std::set<std::string> accented = Pairs(Search("interopérabilité"));
  EXPECT_EQ(accented.size(), 4u);
  EXPECT_EQ(Pairs(Search("interoperabilite")), accented);
  EXPECT_EQ(Pairs(Search("Interopérabilité")), accented);
  EXPECT_EQ(Pairs(Search("l’interopérabilité")), accented);
  EXPECT_EQ(Pairs(Search("interoperabiliteit")), accented);
}

TEST_F(SearcherTest, HitsCarryTheirTranslationAndPairsComeBackOnce) {
  const SearchResult result = Search("Paradigm");
  ASSERT_GT(result.hits.size(), 5u);
  std::set<std::string> pairs;
  for (const Hit& hit : result.hits) {
    EXPECT_TRUE(pairs.insert(hit.matched.paragraph.pair).second) << hit.matched.paragraph.pair;
    ASSERT_TRUE(hit.translation.has_value());
    EXPECT_NE(hit.translation->paragraph.lang, hit.matched.paragraph.lang);
    EXPECT_EQ(hit.translation->paragraph.pair, hit.matched.paragraph.pair);
  }
  EXPECT_EQ(result.total, result.hits.size());
  EXPECT_TRUE(result.total_exact);
}

// Pages are cut from one ranking of hits, a pair being one hit: every page size gives the same
// sequence, no pair twice, and as many hits as the total says.
TEST_F(SearcherTest, PagesOfAnySizeCutTheSameRankingOfPairs) {
  for (const std::string query : {"interoperabiliteit", "minister", "de", "begroting OR budget"}) {
    SCOPED_TRACE(query);
    const SearchResult all = Search(query);
    ASSERT_GT(all.hits.size(), 3u);
    EXPECT_EQ(all.hits.size(), all.total);
    std::set<std::string> seen;
    for (const Hit& hit : all.hits) {
      const std::string& pair = hit.matched.paragraph.pair;
      if (!pair.empty()) {
        EXPECT_TRUE(seen.insert(pair).second) << pair;
      }
    }
    for (int size : {1, 3, 7}) {
      std::vector<std::string> paged;
      for (int offset = 0; offset < static_cast<int>(all.hits.size()); offset += size) {
        SearchRequest request;
        request.offset = offset;
        request.limit = size;
        for (const Hit& hit : Search(query, request).hits)
          paged.push_back(hit.matched.paragraph.id);
      }
      std::vector<std::string> whole;
      for (const Hit& hit : all.hits) whole.push_back(hit.matched.paragraph.id);
      EXPECT_EQ(paged, whole) << "page size " << size;
    }
  }
}

TEST_F(SearcherTest, LanguageChoosesTheSideSearchedAndShown) {
  SearchRequest dutch;
  dutch.side = Language::kDutch;
  const SearchResult result = Search("Paradigm", dutch);
  ASSERT_FALSE(result.hits.empty());
  for (const Hit& hit : result.hits) {
    EXPECT_EQ(hit.matched.paragraph.lang, Language::kDutch);
    if (hit.translation) {
      EXPECT_EQ(hit.translation->paragraph.lang, Language::kFrench);
    }
  }
}

TEST_F(SearcherTest, FacetCountsEqualTheHitsOfFilteringOnEachValue) {
  SearchRequest request;
  request.facets = {"party", "speaker", "lang"};
  const SearchResult result = Search("Paradigm OR gegevens OR données", request);
  ASSERT_FALSE(result.facets.at("party").empty());
  for (const FacetValue& value : result.facets.at("party")) {
    SearchRequest filtered;
    filtered.parties = {value.value};
    EXPECT_EQ(Search("Paradigm OR gegevens OR données", filtered).total, value.count)
        << value.value;
  }
  for (const FacetValue& value : result.facets.at("speaker")) {
    SearchRequest filtered;
    filtered.speakers = {value.value};
    EXPECT_EQ(Search("Paradigm OR gegevens OR données", filtered).total, value.count)
        << value.value;
  }
  for (const FacetValue& value : result.facets.at("lang")) {
    SearchRequest filtered;
    filtered.side = ParseLanguage(value.value);
    EXPECT_EQ(Search("Paradigm OR gegevens OR données", filtered).total, value.count)
        << value.value;
  }
}

// Debates of several parties over three years, each paragraph of the budget or of something
// else; most are translation pairs, some without translation, and some sides lack the speaker's
// party or the date, as sources do. Deterministic.
std::vector<Document> DebatesOverYears() {
  const std::vector<std::string> parties = {"Groen", "Ecolo", "MR", "Vooruit"};
  const std::vector<std::string> dates = {"2021-11-03", "2022-02-14", "2022-10-04", "2023-06-30"};
  std::vector<Document> documents;
  unsigned state = 7;
  const auto next = [&state](unsigned n) {
    state = state * 1103515245u + 12345u;
    return (state >> 16) % n;
  };
  for (std::size_t d = 0; d < dates.size(); ++d) {
    Document document;
    document.id = "T-" + std::to_string(20 + d) + "/1";
    for (int i = 0; i < 12; ++i) {
      const std::string party = parties[next(static_cast<unsigned>(parties.size()))];
      const bool budget = next(3) != 0;
      const unsigned shape = next(6);  // 0: no translation; 1: the French side lacks metadata
      const std::string pair = shape == 0 ? "" : document.id + "-p" + std::to_string(i);
      for (const Language lang : {Language::kDutch, Language::kFrench}) {
        if (shape == 0 && lang == Language::kFrench) break;
        Paragraph paragraph;
        paragraph.doc = document.id;
        paragraph.lang = lang;
        paragraph.seq = static_cast<int>(document.paragraphs.size()) + 1;
        paragraph.id = document.id + "-" + std::to_string(paragraph.seq);
        paragraph.pair = pair;
        const bool bare = shape == 1 && lang == Language::kFrench;
        paragraph.speaker = bare ? "" : "Lid " + party;
        paragraph.party = bare ? "" : party;
        paragraph.party_source = PartySource::kMetadata;
        paragraph.date = bare ? "" : dates[d];
        paragraph.text = lang == Language::kDutch
                             ? (budget ? "De begroting wordt besproken." : "De haven wacht.")
                             : (budget ? "Le budget est discuté." : "Le port attend.");
        document.paragraphs.push_back(paragraph);
      }
    }
    documents.push_back(std::move(document));
  }
  return documents;
}

// The party-by-year counts equal the hits of filtering on each party and year, and no other
// party and year has any.
TEST(SearcherCrossedFacets, PartyByYearEqualsFilteringOnEachPartyAndYear) {
  testing::TempDir directory;
  {
    IndexWriter writer(directory.path());
    for (const Document& document : DebatesOverYears()) writer.Replace(document);
    writer.Commit();
  }
  Searcher searcher(directory.path());
  SearchRequest request;
  request.query = "begroting";
  request.limit = 0;
  request.facets = {"party", "year", "party:year"};
  const SearchResult result = searcher.Search(request);
  ASSERT_GT(result.total, 10u);
  const std::vector<FacetRow>& rows = result.crossed_facets.at("party:year");
  EXPECT_EQ(rows.size(), result.facets.at("party").size());
  std::size_t cells = 0;
  for (const FacetValue& party : result.facets.at("party")) {
    const auto row = std::find_if(rows.begin(), rows.end(),
                                  [&](const FacetRow& each) { return each.value == party.value; });
    ASSERT_NE(row, rows.end()) << party.value;
    for (const FacetValue& year : result.facets.at("year")) {
      SearchRequest filtered = request;
      filtered.facets.clear();
      filtered.parties = {party.value};
      filtered.from_date = year.value + "-01-01";
      filtered.to_date = year.value + "-12-31";
      const std::uint64_t hits = searcher.Search(filtered).total;
      const auto cell =
          std::find_if(row->values.begin(), row->values.end(),
                       [&](const FacetValue& each) { return each.value == year.value; });
      EXPECT_EQ(cell == row->values.end() ? 0 : cell->count, hits)
          << party.value << " in " << year.value;
      cells += hits > 0;
    }
    // Years in date order.
    EXPECT_TRUE(
        std::is_sorted(row->values.begin(), row->values.end(),
                       [](const FacetValue& a, const FacetValue& b) { return a.value < b.value; }));
  }
  EXPECT_GT(cells, 8u);
}

TEST_F(SearcherTest, PartyFilterKeepsOnlyThatPartysSpeakers) {
  SearchRequest request;
  request.parties = {"ecolo"};
  const SearchResult result = Search("digitale OR numérique", request);
  ASSERT_FALSE(result.hits.empty());
  for (const Hit& hit : result.hits) EXPECT_EQ(hit.matched.paragraph.speaker, "Margaux De Ré");
}

TEST_F(SearcherTest, SeveralValuesOfAFilterOrTogetherAndFiltersAnd) {
  SearchRequest either;
  either.parties = {"Ecolo", "Groen"};
  SearchRequest ecolo;
  ecolo.parties = {"Ecolo"};
  SearchRequest groen;
  groen.parties = {"Groen"};
  const std::uint64_t both = Search("Paradigm", either).total;
  EXPECT_EQ(both, Search("Paradigm", ecolo).total + Search("Paradigm", groen).total);
  SearchRequest contradictory;
  contradictory.parties = {"Ecolo"};
  contradictory.speakers = {"Soetkin Hoessen"};
  EXPECT_EQ(Search("Paradigm", contradictory).total, 0u);
  // A value no paragraph has filters everything out, not nothing.
  SearchRequest unknown;
  unknown.parties = {"No Such Party"};
  EXPECT_EQ(Search("Paradigm", unknown).total, 0u);
}

TEST_F(SearcherTest, SpeakerFieldMatchesBySurnameIgnoringCaseAndAccents) {
  const std::set<std::string> full = Pairs(Search("speaker:\"Margaux De Ré\""));
  EXPECT_FALSE(full.empty());
  EXPECT_EQ(Pairs(Search("speaker:\"margaux de re\"")), full);
  EXPECT_EQ(Pairs(Search("speaker:\"de re\"")), full);
}

TEST_F(SearcherTest, PhraseMatchesOnlyTheWordsInOrder) {
  const SearchResult phrase = Search("\"protection des données\"");
  ASSERT_FALSE(phrase.hits.empty());
  for (const Hit& hit : phrase.hits) {
    EXPECT_NE(hit.matched.paragraph.text.find("protection des données"), std::string::npos);
  }
  EXPECT_EQ(Search("\"données des protection\"").total, 0u);
  // An unclosed quote runs to the end of the query.
  EXPECT_EQ(Pairs(Search("\"digitale kloof")), Pairs(Search("\"digitale kloof\"")));
}

TEST_F(SearcherTest, NotExcludesParagraphs) {
  const SearchResult result = Search("Paradigm NOT Iristeam");
  ASSERT_FALSE(result.hits.empty());
  EXPECT_LT(result.total, Search("Paradigm").total);
  for (const Hit& hit : result.hits) {
    EXPECT_EQ(hit.matched.paragraph.text.find("Iristeam"), std::string::npos);
  }
}

TEST_F(SearcherTest, CompoundPartFindsTheCompoundAfterTheWordItself) {
  const SearchResult result = Search("bescherming");
  ASSERT_GE(result.hits.size(), 2u);
  EXPECT_NE(result.hits.front().matched.paragraph.text.find(" bescherming "), std::string::npos);
  bool compound = false;
  for (const Hit& hit : result.hits) {
    compound |= hit.matched.paragraph.text.find("gegevensbescherming") != std::string::npos;
  }
  EXPECT_TRUE(compound);
}

TEST_F(SearcherTest, TokensSurviveAsSearchableUnits) {
  EXPECT_GT(Search("e-governance").total, 0u);
  EXPECT_GT(Search("easy.brussels").total, 0u);
  EXPECT_GT(Search("\"30 juli 2018\"").total, 0u);
  EXPECT_GT(Search("\"248 miljoen\"").total, 0u);
  EXPECT_GT(Search("administratie").total, 0u);
  EXPECT_EQ(Pairs(Search("administraties")), Pairs(Search("administratie")));
}

TEST_F(SearcherTest, WildcardAndNear) {
  EXPECT_EQ(Pairs(Search("interop*")).size(), 4u);
  const SearchResult near = Search("interopérabilité NEAR cruciale");
  EXPECT_GT(near.total, 0u);
  EXPECT_LT(near.total, Search("interopérabilité").total);
}

TEST_F(SearcherTest, SnippetsMarkTheMatchedWords) {
  const SearchResult result = Search("interopérabilité");
  ASSERT_FALSE(result.hits.empty());
  const Snippet& snippet = result.hits.front().matched.snippet;
  ASSERT_FALSE(snippet.marks.empty());
  const auto [from, to] = snippet.marks.front();
  EXPECT_EQ(snippet.text.substr(from, to - from).find("nteropérabilité"), 1u);
}

TEST_F(SearcherTest, UnknownWordGetsASuggestionFromTheIndex) {
  SearchRequest exact;
  exact.exact = true;
  const SearchResult result = Search("interoperabilitiet", exact);
  EXPECT_EQ(result.total, 0u);
  EXPECT_EQ(result.suggestion, "interoperabiliteit");
  EXPECT_EQ(result.corrected, "");
  EXPECT_EQ(Search("interoperabiliteit").suggestion, "");
}

TEST_F(SearcherTest, AnUnknownWordIsCorrectedAtOnceUnlessExact) {
  const SearchResult right = Search("interoperabiliteit");
  ASSERT_GT(right.total, 0u);
  const SearchResult corrected = Search("interoperabilitiet");
  EXPECT_EQ(corrected.query, "interoperabilitiet");
  EXPECT_EQ(corrected.corrected, "interoperabiliteit");
  EXPECT_EQ(corrected.total, right.total);
  ASSERT_EQ(corrected.hits.size(), right.hits.size());
  for (std::size_t i = 0; i < right.hits.size(); ++i) {
    EXPECT_EQ(corrected.hits[i].matched.paragraph.id, right.hits[i].matched.paragraph.id);
  }
  // With another word that has hits, the unknown word is corrected all the same.
  EXPECT_EQ(Search("interoperabilitiet digitale").corrected, "interoperabiliteit digitale");
  EXPECT_EQ(Search("budgett").corrected, "budget");
  // Words the index has are never corrected.
  EXPECT_EQ(Search("havenwerken").corrected, "");
  SearchRequest exact;
  exact.exact = true;
  EXPECT_EQ(Search("interoperabilitiet", exact).total, 0u);
}

TEST_F(SearcherTest, DatesFilterAndFacetByYearInDateOrder) {
  SearchRequest request;
  request.facets = {"year", "month"};
  const SearchResult all = Search("havenwerken", request);
  EXPECT_EQ(all.total, 2u);
  ASSERT_EQ(all.facets.at("year").size(), 2u);
  EXPECT_EQ(all.facets.at("year")[0].value, "2023");
  EXPECT_EQ(all.facets.at("year")[1].value, "2024");
  SearchRequest from;
  from.from_date = "2024-01-01";
  EXPECT_EQ(Search("havenwerken", from).total, 1u);
  EXPECT_EQ(Search("havenwerken date:2023-01-01..2023-12-31").total, 1u);
  EXPECT_EQ(Search("havenwerken date:2024").total, 1u);
  SearchRequest by_date;
  by_date.sort = SortOrder::kDate;
  const SearchResult sorted = Search("havenwerken", by_date);
  ASSERT_EQ(sorted.hits.size(), 2u);
  EXPECT_EQ(sorted.hits[0].matched.paragraph.date, "2023-05-10");
}

TEST_F(SearcherTest, SessionFiltersAndFacetsBySessionOfTheDocumentId) {
  SearchRequest request;
  request.facets = {"session"};
  const SearchResult all = Search("begroting OR havenwerken OR Paradigm", request);
  const std::vector<FacetValue>& sessions = all.facets.at("session");
  ASSERT_EQ(sessions.size(), 2u);
  EXPECT_EQ(sessions[0].value, "2022/2023");  // in their own order, as years are
  EXPECT_EQ(sessions[0].count, 2u);
  EXPECT_EQ(sessions[1].value, "2023/2024");
  EXPECT_EQ(sessions[0].count + sessions[1].count, all.total);
  EXPECT_EQ(Search("havenwerken session:2022/2023").total, 2u);
  EXPECT_EQ(Search("havenwerken session:2023/2024").total, 0u);
  SearchRequest filtered;
  filtered.filters["session"] = {"2023/2024"};
  EXPECT_EQ(Search("begroting OR havenwerken OR Paradigm", filtered).total, sessions[1].count);
}

TEST_F(SearcherTest, RefusesWhatCannotBeUnderstood) {
  EXPECT_THROW(Search("   "), QueryError);
  EXPECT_THROW(Search("date:2024-13-45..2024-14-01"), QueryError);
  SearchRequest bad_date;
  bad_date.from_date = "21/03/2024";
  EXPECT_THROW(Search("havenwerken", bad_date), QueryError);
  SearchRequest bad_facet;
  bad_facet.facets = {"colour"};
  EXPECT_THROW(Search("havenwerken", bad_facet), QueryError);
  SearchRequest bad_filter;
  bad_filter.filters["colour"] = {"red"};
  EXPECT_THROW(Search("havenwerken", bad_filter), QueryError);
  SearchRequest reversed;
  reversed.from_date = "2024-01-01";
  reversed.to_date = "2023-01-01";
  EXPECT_THROW(Search("havenwerken", reversed), QueryError);
  SearchRequest over_limit;
  over_limit.query = "havenwerken";
  over_limit.limit = kMaxLimit + 1;
  EXPECT_THROW(searcher_.Search(over_limit), QueryError);
}

// Found by fuzzing (tests/fuzz/query_builder_fuzz): a bad date in a field, thrown through Xapian's
// query parser, leaked its terms, and with a + or - before it freed one twice, ending the process.
TEST_F(SearcherTest, BadDateFieldIsAQueryErrorWhereverItStands) {
  for (const char* query :
       {"date:2024-13-01", "-date:2024-13-01 havenwerken", "+date:2024-13-01 havenwerken",
        "havenwerken OR date:2024-13-01", "(date:2024-13-01)", "havenwerken date:1 begroting",
        "-date:2024-14-01..2024-15-01 havenwerken"}) {
    EXPECT_THROW(Search(query), QueryError) << query;
  }
}

// Found by fuzzing (tests/fuzz/query_builder_fuzz): a range without the "date:" prefix failed the
// plain-words parse too, so the query was refused instead of being searched as words.
TEST_F(SearcherTest, RangeWithoutDatePrefixIsSearchedAsWords) {
  for (const char* query : {"havenwerken 2023..2024", "havenwerken foo:2024..2025",
                            "havenwerken AND (begroting 1..2"}) {
    SearchResult result;
    EXPECT_NO_THROW(result = Search(query)) << query;
    EXPECT_GT(result.total, 0u) << query;
  }
}

// Found by fuzzing (tests/fuzz/query_builder_fuzz): a NEAR/n or ADJ/n at which the parse fails
// (after AND, say) leaked its window inside Xapian 1.4.22, which the sanitizer build reports.
TEST_F(SearcherTest, MisplacedWindowedOperatorIsSearchedAsWordsWithoutLeaking) {
  for (const char* query :
       {"havenwerken AND NEAR/2 begroting", "havenwerken OR ' ADJ/1", "NOT NEAR/3 havenwerken",
        "havenwerken XOR ADJ/2 begroting", "havenwerken AND \xdf\xff NEAR/2 begroting",
        "OR havenwerken\xbcop s NEAR/4"}) {
    SearchResult result;
    EXPECT_NO_THROW(result = Search(query)) << query;
    EXPECT_GT(result.total, 0u) << query;
  }
  // Where it parses, the window still counts.
  EXPECT_EQ(Search("havenwerken NEAR/10 begroting").total, 2u);
  EXPECT_EQ(Search("havenwerken NEAR/2 begroting").total, 0u);
}

TEST_F(SearcherTest, WhenNoParagraphHasEveryWordThoseWithSomeCome) {
  const SearchResult result = Search("havenwerken zeppelin");
  EXPECT_EQ(result.match, "any");
  EXPECT_EQ(result.total, 2u);
  EXPECT_EQ(Search("havenwerken").match, "all");
}

TEST_F(SearcherTest, FindsAParagraphWithItsNeighbours) {
  const SearchResult result = Search("interopérabilité");
  ASSERT_FALSE(result.hits.empty());
  const auto view = searcher_.Find(result.hits.front().matched.paragraph.id);
  ASSERT_TRUE(view.has_value());
  EXPECT_TRUE(view->translation.has_value());
  ASSERT_TRUE(view->previous.has_value());
  EXPECT_EQ(view->previous->seq + 1, view->paragraph.seq);
  ASSERT_TRUE(view->next.has_value());
  EXPECT_EQ(view->next->seq, view->paragraph.seq + 1);
  EXPECT_FALSE(searcher_.Find("no-such-paragraph").has_value());
}

TEST_F(SearcherTest, QueriesOverTheLimitsAreRefusedSayingWhich) {
  SearchRequest request;
  request.limits.max_wildcards = 2;
  EXPECT_NO_THROW(Search("interop* digit*", request));
  try {
    Search("interop* digit* a*", request);
    ADD_FAILURE() << "three wildcards were accepted";
  } catch (const QueryError& error) {
    EXPECT_NE(std::string(error.what()).find("3 wildcards; the limit is 2"), std::string::npos);
  }
  request = {};
  request.limits.max_words = 3;
  EXPECT_NO_THROW(Search("(budget OR begroting) AND party:MR", request));  // operators aside
  EXPECT_THROW(Search("budget begroting digitaal gewest", request), QueryError);
  request = {};
  request.limits.max_bytes = 10;
  EXPECT_THROW(Search("interoperabiliteit", request), QueryError);
}

TEST_F(SearcherTest, WildcardsShareTheirExpansionBudget) {
  SearchRequest request;
  const std::size_t all = Search("d*", request).total;
  // One word in all for "d*": fewer paragraphs than with its 200 most frequent words.
  request.limits.max_wildcard_terms = 1;
  const std::size_t one = Search("d*", request).total;
  EXPECT_GT(one, 0u);
  EXPECT_LT(one, all);
}

TEST_F(SearcherTest, ASearcherRecoversWhenItsDamagedIndexIsReplaced) {
  testing::TempDir dir;
  const std::string path = dir.path() + "/db";
  std::filesystem::copy(directory_->path(), path);
  Searcher searcher(path);
  SearchRequest request;
  request.query = "begroting";
  const std::size_t total = searcher.Search(request).total;
  ASSERT_GT(total, 0u);

  // The postings table cut short, as a full disk or a copy stopped half-way leaves it.
  const std::string table = path + "/postlist.glass";
  std::filesystem::resize_file(table, std::filesystem::file_size(table) / 2);
  request.query = "budget OR begroting OR digitaal OR gewest OR interoperabiliteit";
  EXPECT_THROW(searcher.Search(request), IndexError);
  EXPECT_THROW(searcher.Search(request), IndexError);  // still damaged: still an error

  std::filesystem::remove_all(path);
  std::filesystem::copy(directory_->path(), path);
  request.query = "begroting";
  EXPECT_EQ(searcher.Search(request).total, total);
}

TEST(SearcherReopen, WhatItKnewOfTheIndexIsForgottenWhenTheIndexChanges) {
  testing::TempDir dir;
  const std::string path = dir.path() + "/db";
  {
    IndexWriter writer(path);
    writer.Replace(DatedDebate());  // Dutch only
    writer.Commit();
  }
  Searcher searcher(path);
  SearchRequest request;
  request.query = "nationalisations";
  request.translate = false;
  EXPECT_EQ(searcher.Search(request).total, 0u);

  Document french;
  french.id = "T-8/1 – 2022/2023";
  for (int seq = 1; seq <= 2; ++seq) {
    Paragraph paragraph;
    paragraph.id = "t8-" + std::to_string(seq);
    paragraph.doc = french.id;
    paragraph.lang = Language::kFrench;
    paragraph.seq = seq;
    paragraph.text = seq == 1 ? "Les nationalisations des ports sont débattues."
                              : "La nationalisation du port est rejetée.";
    french.paragraphs.push_back(paragraph);
  }
  {
    IndexWriter writer(path);
    writer.Replace(french);
    writer.Commit();
  }
  ASSERT_TRUE(searcher.Reopen());
  // Now an index with French: the query is also read as French, stemmed, and finds both forms.
  EXPECT_EQ(searcher.Search(request).total, 2u);
}

TEST(SearcherOpen, MissingIndexIsAnIndexError) {
  testing::TempDir dir;
  EXPECT_THROW(Searcher(dir.path() + "/none"), IndexError);
}

// A library error names the index, not a command-line option: the CLI adds those.
TEST(SearcherErrors, AMissingIndexIsIndexMissingAndNamesNoOption) {
  testing::TempDir dir;
  const std::string path = dir.path() + "/none";
  try {
    Searcher searcher(path);
    FAIL() << "opened " << path;
  } catch (const IndexMissing& error) {
    EXPECT_EQ(error.path(), path);
    EXPECT_EQ(std::string(error.what()), path + ": no index there");
  }
}

}  // namespace
}  // namespace parlsearch
