#include "query_builder.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "parlsearch/error.h"
#include "parlsearch/indexer/index_writer.h"
#include "parlsearch/schema/date.h"
#include "parlsearch/schema/lexicon.h"
#include "parlsearch/stemming/stemmer.h"
#include "testing/test_support.h"

namespace parlsearch {
namespace {

const char kDocument[] = "T-9/1 – 2023/2024";

// A document of paragraphs in the languages and on the dates given, in that order.
struct Line {
  Language language;
  std::string date;
  std::string text;
};

Document Debate(const std::vector<Line>& lines) {
  Document document;
  document.id = kDocument;
  std::map<Language, int> seq;
  for (const Line& line : lines) {
    Paragraph paragraph;
    paragraph.doc = document.id;
    paragraph.lang = line.language;
    paragraph.seq = ++seq[line.language];
    paragraph.id = ParagraphId(DocumentSlug(document.id), line.language, paragraph.seq);
    paragraph.date = line.date;
    paragraph.text = line.text;
    document.paragraphs.push_back(paragraph);
  }
  return document;
}

std::string Id(Language language, int seq) {
  return ParagraphId(DocumentSlug(kDocument), language, seq);
}

const std::string kHarbourBudget = Id(Language::kDutch, 1);
const std::string kSchoolBudget = Id(Language::kDutch, 2);
const std::string kMyColleague = Id(Language::kDutch, 3);
const std::string kStateBudget = Id(Language::kFrench, 1);
const std::string kInteroperability = Id(Language::kFrench, 2);

Document TinyDebate() {
  return Debate({
      {Language::kDutch, "2023-05-10", "De begroting van de haven wordt vandaag besproken."},
      {Language::kDutch, "2024-03-21", "De begroting voor het onderwijs wordt morgen besproken."},
      {Language::kDutch, "2024-06-30", "Ik heb m'n collega over de interoperabiliteit gesproken."},
      {Language::kFrench, "2023-05-10", "Le budget de l'État est discuté aujourd'hui."},
      {Language::kFrench, "2024-07-01", "L'interopérabilité des systèmes reste un défi."},
  });
}

std::string DutchStem(const std::string& word) { return Stemmer(Language::kDutch).Stem(word); }
std::string FrenchStem(const std::string& word) { return Stemmer(Language::kFrench).Stem(word); }

// The request's side searched and shown first. Kept to this one place, as the field's name is
// the request's business.
SearchRequest OnSide(SearchRequest request, Language language) {
  request.side = language;
  return request;
}

// The message of the QueryError that `build` throws; "" (and a failure) if none.
template <typename Build>
std::string QueryErrorOf(Build build) {
  try {
    build();
  } catch (const QueryError& error) {
    return error.what();
  }
  ADD_FAILURE() << "no QueryError";
  return "";
}

// The paragraph id of document `id`.
std::string ParagraphIdOf(const Xapian::Database& database, Xapian::docid id) {
  Xapian::TermIterator term = database.termlist_begin(id);
  term.skip_to("Q");
  if (term == database.termlist_end(id) || !(*term).starts_with("Q")) return "";
  return (*term).substr(1);
}

// The ids of the paragraphs of `database` that `built` finds.
std::set<std::string> Matching(const Xapian::Database& database, const BuiltQuery& built) {
  Xapian::Enquire enquire(database);
  enquire.set_query(built.query);
  std::set<std::string> ids;
  for (const Xapian::docid id : enquire.get_mset(0, 100)) ids.insert(ParagraphIdOf(database, id));
  return ids;
}

class QueryBuilderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    directory_ = new testing::TempDir();
    IndexWriter writer(directory_->path());
    writer.Replace(TinyDebate());
    writer.Commit();
  }
  static void TearDownTestSuite() {
    delete directory_;
    directory_ = nullptr;
  }

  static SearchRequest Request(const std::string& query) {
    SearchRequest request;
    request.query = query;
    request.translate = false;
    return request;
  }

  BuiltQuery Build(const SearchRequest& request, bool any_word = false) {
    return QueryBuilder(database_, lexicon_).Build(request, any_word);
  }

  // The ids of the paragraphs `built` finds.
  std::set<std::string> Found(const BuiltQuery& built) { return Matching(database_, built); }

  std::set<std::string> Find(const std::string& query, bool any_word = false) {
    return Found(Build(Request(query), any_word));
  }

  static testing::TempDir* directory_;
  Xapian::Database database_{directory_->path()};
  Lexicon lexicon_;
};

testing::TempDir* QueryBuilderTest::directory_ = nullptr;

using Ids = std::set<std::string>;

TEST(AnalyzeQueryWords, FoldsWordsAndKeepsOperatorsInCapitals) {
  const Analyzer french(Language::kFrench, {.decompound = false});
  EXPECT_EQ(AnalyzeQueryWords("Budget AND (Région OR Communauté) NOT Élections", french),
            "budget AND (region OR communaute) NOT elections");
  EXPECT_EQ(AnalyzeQueryWords("haven NEAR/3 begroting ADJ werken XOR kust", french),
            "haven NEAR/3 begroting ADJ werken XOR kust");
  // In small letters they are words.
  EXPECT_EQ(AnalyzeQueryWords("Budget and Région or Communauté", french),
            "budget and region or communaute");
}

TEST(AnalyzeQueryWords, KeepsQuotesSignsAndBracketsAroundFoldedWords) {
  const Analyzer french(Language::kFrench, {.decompound = false});
  EXPECT_EQ(AnalyzeQueryWords("\"L'État belge\" +Région -(Flandre)", french),
            "\"etat belge\" +region -(flandre)");
}

TEST(AnalyzeQueryWords, FrenchElisionsGoWithEitherApostrophe) {
  const Analyzer french(Language::kFrench, {.decompound = false});
  EXPECT_EQ(AnalyzeQueryWords("l'État", french), "etat");
  EXPECT_EQ(AnalyzeQueryWords("L’INTEROPÉRABILITÉ d'Hondt qu'il", french),
            "interoperabilite hondt il");
}

TEST(AnalyzeQueryWords, DutchContractionsStayWholeInDutchOnly) {
  const Analyzer dutch(Language::kDutch, {.decompound = false});
  const Analyzer french(Language::kFrench, {.decompound = false});
  EXPECT_EQ(AnalyzeQueryWords("m'n collega", dutch), "m'n collega");
  EXPECT_EQ(AnalyzeQueryWords("M’n collega", dutch), "m'n collega");
  EXPECT_EQ(AnalyzeQueryWords("d'r mening", dutch), "d'r mening");
  EXPECT_EQ(AnalyzeQueryWords("m'n collega", french), "n collega");
  // A French name in Dutch text loses its elision all the same.
  EXPECT_EQ(AnalyzeQueryWords("l'Europe", dutch), "europe");
}

TEST(AnalyzeQueryWords, AFieldThatNamesNoFieldIsText) {
  const Analyzer dutch(Language::kDutch, {.decompound = false});
  EXPECT_EQ(AnalyzeQueryWords("foo:bar", dutch), "foo bar");
  EXPECT_EQ(AnalyzeQueryWords("om 12:30 uur", dutch), "om 12 30 uur");
  EXPECT_EQ(AnalyzeQueryWords("date:2024 party:Vooruit begroting", dutch),
            "date:2024 party:vooruit begroting");
}

TEST(AnalyzeQueryWords, SpacesOfAnyKindSeparateWordsOnce) {
  const Analyzer dutch(Language::kDutch, {.decompound = false});
  EXPECT_EQ(AnalyzeQueryWords("  haven \t\n begroting\r\n", dutch), "haven begroting");
  // A no-break space is a space after NFKC.
  EXPECT_EQ(AnalyzeQueryWords("haven\u00a0begroting", dutch), "haven begroting");
  EXPECT_EQ(AnalyzeQueryWords("", dutch), "");
}

TEST(CompactDate, AValidDateLosesItsDashes) {
  EXPECT_EQ(schema::CompactDate("2024-03-21"), "20240321");
  EXPECT_EQ(schema::CompactDate("2024-02-29"), "20240229");  // a leap year
  EXPECT_EQ(schema::CompactDate("2000-02-29"), "20000229");  // divisible by 400
  EXPECT_EQ(schema::CompactDate("1999-12-31"), "19991231");
}

TEST(CompactDate, AnythingElseIsAQueryError) {
  for (const std::string date :
       {"2023-02-29", "1900-02-29", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00",
        "2024-1-01", "20240101", "2024/01/01", "2024-01-01T00", "abcd-ef-gh", ""}) {
    EXPECT_THROW(schema::CompactDate(date), QueryError) << date;
  }
}

TEST_F(QueryBuilderTest, TheIndexLanguagesAreThoseWithParagraphs) {
  EXPECT_EQ(QueryBuilder(database_, lexicon_).IndexLanguages(),
            (std::vector<Language>{Language::kDutch, Language::kFrench}));
}

TEST_F(QueryBuilderTest, WordsCombineWithAndOrWithOrForAnyWord) {
  EXPECT_EQ(Find("begroting haven"), Ids{kHarbourBudget});
  EXPECT_EQ(Find("haven onderwijs"), Ids{});
  EXPECT_EQ(Find("haven onderwijs", /*any_word=*/true), (Ids{kHarbourBudget, kSchoolBudget}));
}

TEST_F(QueryBuilderTest, OperatorsAreKept) {
  EXPECT_EQ(Find("begroting AND haven"), Ids{kHarbourBudget});
  EXPECT_EQ(Find("haven OR onderwijs"), (Ids{kHarbourBudget, kSchoolBudget}));
  EXPECT_EQ(Find("begroting NOT haven"), Ids{kSchoolBudget});
  EXPECT_EQ(Find("begroting NEAR/5 haven"), Ids{kHarbourBudget});
  EXPECT_EQ(Find("begroting NEAR/3 besproken"), Ids{});
  EXPECT_EQ(Find("\"begroting van de haven\""), Ids{kHarbourBudget});
  // In small letters, "or" is a word the paragraphs do not have.
  EXPECT_EQ(Find("haven or onderwijs"), Ids{});
}

TEST_F(QueryBuilderTest, QueryWordsAreFoldedAndStemmedLikeTheIndexsWords) {
  EXPECT_EQ(Find("BEGROTINGEN"), (Ids{kHarbourBudget, kSchoolBudget}));
  EXPECT_EQ(Find("Interoperabilite"), Ids{kInteroperability});
  EXPECT_EQ(Find("l’État"), Ids{kStateBudget});
  EXPECT_EQ(Find("m'n collega"), Ids{kMyColleague});
}

TEST_F(QueryBuilderTest, TheNormalisedQueryIsThatOfTheFirstLanguageSearched) {
  EXPECT_EQ(Build(OnSide(Request("M'n l'État"), Language::kDutch)).analysed, "m'n etat");
  EXPECT_EQ(Build(OnSide(Request("M'n l'État"), Language::kFrench)).analysed, "n etat");
  EXPECT_EQ(Build(Request("foo:bar")).analysed, "foo bar");
}

TEST_F(QueryBuilderTest, WordsAreThePlainFoldedWordsOfTheQuery) {
  const BuiltQuery built = Build(
      Request("L'État AND (Begroting OR haven) NOT date:2024 \"Onderwijs werken\" interop* 2024 "
              "ab -kust +région"));
  EXPECT_EQ(built.words, (std::vector<std::string>{"etat", "begroting", "haven", "onderwijs",
                                                   "werken", "kust", "region"}));
}

TEST_F(QueryBuilderTest, WordsLeaveOutTheValuesOfFields) {
  EXPECT_EQ(Build(Request("begroting party:Vooruit section:haven")).words,
            (std::vector<std::string>{"begroting"}));
  EXPECT_EQ(Build(Request("begroting party:\"Open Vld\" section:\"de haven\"")).words,
            (std::vector<std::string>{"begroting"}));
  // A quote that does not open a field's value is the end of a phrase.
  EXPECT_EQ(Build(Request("\"de begroting party:mr\" haven")).words,
            (std::vector<std::string>{"begroting", "haven"}));
}

TEST_F(QueryBuilderTest, TermsHoldEachLanguagesStemsWordsAndWildcardPrefixes) {
  const BuiltQuery built = Build(Request("begroting \"de haven\" interop*"));
  ASSERT_TRUE(built.terms.count(Language::kDutch));
  ASSERT_TRUE(built.terms.count(Language::kFrench));
  const QueryTerms& dutch = built.terms.at(Language::kDutch);
  EXPECT_TRUE(dutch.stems.count(DutchStem("begroting")));
  EXPECT_TRUE(dutch.words.count("haven"));  // in a phrase: unstemmed
  EXPECT_EQ(dutch.prefixes, (std::vector<std::string>{"interop"}));
  EXPECT_TRUE(built.terms.at(Language::kFrench).stems.count(FrenchStem("begroting")));
}

TEST_F(QueryBuilderTest, AnEmptyQueryIsAQueryError) {
  for (const std::string query : {"", " ", " \t\r\n", "\u00a0", "\u3000"}) {
    EXPECT_THROW(Build(Request(query)), QueryError) << "\"" << query << "\"";
  }
}

TEST_F(QueryBuilderTest, AQueryOverItsLimitsIsAQueryErrorSayingWhich) {
  SearchRequest request = Request("begroting");
  request.limits.max_bytes = 9;
  EXPECT_NO_THROW(Build(request));
  request.query = "begroting ";
  std::string message = QueryErrorOf([&] { Build(request); });
  EXPECT_NE(message.find("10 bytes"), std::string::npos) << message;

  request = Request("(begroting OR haven) AND NOT onderwijs");
  request.limits.max_words = 3;  // operators and brackets aside
  EXPECT_NO_THROW(Build(request));
  request.query = "begroting haven onderwijs collega";
  message = QueryErrorOf([&] { Build(request); });
  EXPECT_NE(message.find("4 words; the limit is 3"), std::string::npos) << message;

  request = Request("begro* hav*");
  request.limits.max_wildcards = 2;
  EXPECT_NO_THROW(Build(request));
  request.query = "begro* hav* onder*";
  message = QueryErrorOf([&] { Build(request); });
  EXPECT_NE(message.find("3 wildcards; the limit is 2"), std::string::npos) << message;
}

TEST_F(QueryBuilderTest, DateRangesInTheQueryFilterInclusively) {
  EXPECT_EQ(Find("besproken date:2023-01-01..2023-12-31"), Ids{kHarbourBudget});
  EXPECT_EQ(Find("besproken date:2023-05-10..2024-03-21"), (Ids{kHarbourBudget, kSchoolBudget}));
  EXPECT_EQ(Find("besproken date:2024-01-01.."), Ids{kSchoolBudget});
  EXPECT_EQ(Find("besproken date:..2023-05-10"), Ids{kHarbourBudget});
  EXPECT_EQ(Find("besproken date:2024"), Ids{kSchoolBudget});
  EXPECT_EQ(Find("besproken date:2023-05"), Ids{kHarbourBudget});
  EXPECT_EQ(Find("besproken date:2024-03-21"), Ids{kSchoolBudget});
}

TEST_F(QueryBuilderTest, AReversedOrMalformedDateInTheQueryIsAQueryError) {
  std::string message =
      QueryErrorOf([&] { Build(Request("besproken date:2024-06-30..2024-01-01")); });
  EXPECT_NE(message.find("ends before it starts"), std::string::npos) << message;
  EXPECT_THROW(Build(Request("besproken date:2024-13-01")), QueryError);
  EXPECT_THROW(Build(Request("besproken date:2024-01-01..2024-02-30")), QueryError);
  EXPECT_THROW(Build(Request("-date:2024-13-01 besproken")), QueryError);
}

TEST_F(QueryBuilderTest, FromAndToDatesFilterInclusively) {
  SearchRequest request = Request("besproken");
  request.from_date = "2024-03-21";
  EXPECT_EQ(Found(Build(request)), Ids{kSchoolBudget});
  request.from_date = "";
  request.to_date = "2024-03-20";
  EXPECT_EQ(Found(Build(request)), Ids{kHarbourBudget});
  request.from_date = "2023-05-10";
  request.to_date = "2024-03-21";
  EXPECT_EQ(Found(Build(request)), (Ids{kHarbourBudget, kSchoolBudget}));
}

// Request limits are checked once, by ValidateRequest (Searcher::Search calls it); the builder
// still refuses a date it cannot read.
TEST_F(QueryBuilderTest, AReversedOrMalformedDateFilterIsAQueryError) {
  SearchRequest request = Request("besproken");
  request.from_date = "2024-06-30";
  request.to_date = "2024-01-01";
  const std::string message = QueryErrorOf([&] { ValidateRequest(request); });
  EXPECT_NE(message.find("after"), std::string::npos) << message;
  request = Request("besproken");
  request.from_date = "2024-1-1";
  EXPECT_THROW(Build(request), QueryError);
  request = Request("besproken");
  request.to_date = "yesterday";
  EXPECT_THROW(Build(request), QueryError);
}

TEST_F(QueryBuilderTest, WithoutALanguageEveryLanguageOfTheIndexIsSearched) {
  EXPECT_EQ(Find("interop*"), (Ids{kMyColleague, kInteroperability}));
}

TEST_F(QueryBuilderTest, TheLanguageFilterChoosesTheLanguagesSearched) {
  SearchRequest request = Request("interop*");
  request.languages = {"fr"};
  EXPECT_EQ(Found(Build(request)), Ids{kInteroperability});
  request.languages = {"NL"};
  EXPECT_EQ(Found(Build(request)), Ids{kMyColleague});
  request.languages = {"nl", "fr"};
  EXPECT_EQ(Found(Build(request)), (Ids{kMyColleague, kInteroperability}));
  // A language the index does not have finds nothing.
  request.languages = {"de"};
  EXPECT_EQ(Found(Build(request)), Ids{});
  request.languages = {"nl", "xx"};
  const std::string message = QueryErrorOf([&] { Build(request); });
  EXPECT_NE(message.find("unknown language: xx"), std::string::npos) << message;
}

TEST_F(QueryBuilderTest, TheSideAskedForIsSearchedBeforeTheLanguageFilter) {
  EXPECT_EQ(Found(Build(OnSide(Request("interop*"), Language::kDutch))), Ids{kMyColleague});
  EXPECT_EQ(Found(Build(OnSide(Request("interop*"), Language::kFrench))), Ids{kInteroperability});
  SearchRequest request = OnSide(Request("interop*"), Language::kFrench);
  request.languages = {"nl"};
  EXPECT_EQ(Found(Build(request)), Ids{kInteroperability});
}

TEST_F(QueryBuilderTest, WithTranslationAWordAlsoFindsItsTranslations) {
  lexicon_.Add(DutchStem("begroting"), FrenchStem("budget"), 1, kFromDictionary);
  SearchRequest request = Request("Begroting");
  request.translate = true;
  const BuiltQuery built = Build(request);
  EXPECT_EQ(Found(built), (Ids{kHarbourBudget, kSchoolBudget, kStateBudget}));
  EXPECT_EQ(built.translated, (std::set<std::string>{"begroting"}));
  // Shown under the word as written (case-folded), as the index's words.
  ASSERT_TRUE(built.expanded.count("begroting"));
  EXPECT_EQ(built.expanded.at("begroting"), (std::vector<std::string>{FrenchStem("budget")}));

  // Searched in French only: the translation alone finds.
  request.languages = {"fr"};
  EXPECT_EQ(Found(Build(request)), Ids{kStateBudget});
  // And the reverse.
  request = Request("budget");
  request.translate = true;
  request.languages = {"nl"};
  EXPECT_EQ(Found(Build(request)), (Ids{kHarbourBudget, kSchoolBudget}));
}

TEST_F(QueryBuilderTest, TheUsersOwnWordRanksBeforeItsTranslation) {
  lexicon_.Add(DutchStem("begroting"), FrenchStem("budget"), 1, kFromDictionary);
  SearchRequest request = Request("budget");
  request.translate = true;
  Xapian::Enquire enquire(database_);
  enquire.set_query(Build(request).query);
  const Xapian::MSet matches = enquire.get_mset(0, 10);
  ASSERT_EQ(matches.size(), 3u);
  EXPECT_EQ(ParagraphIdOf(database_, *matches.begin()), kStateBudget);
}

TEST_F(QueryBuilderTest, WithoutTranslationOrLexiconAWordFindsOnlyItself) {
  lexicon_.Add(DutchStem("begroting"), FrenchStem("budget"), 1, kFromDictionary);
  SearchRequest request = Request("begroting");
  request.translate = false;
  BuiltQuery built = Build(request);
  EXPECT_EQ(Found(built), (Ids{kHarbourBudget, kSchoolBudget}));
  EXPECT_TRUE(built.expanded.empty());
  EXPECT_TRUE(built.translated.empty());

  lexicon_ = Lexicon();
  request.translate = true;
  built = Build(request);
  EXPECT_EQ(Found(built), (Ids{kHarbourBudget, kSchoolBudget}));
  EXPECT_TRUE(built.expanded.empty());
}

TEST_F(QueryBuilderTest, TranslationsStopAtTheirBudget) {
  lexicon_.Add(DutchStem("begroting"), FrenchStem("budget"), 1, kFromDictionary);
  lexicon_.Add(DutchStem("collega"), FrenchStem("systemes"), 1, kFromDictionary);
  SearchRequest request = Request("begroting OR collega");
  request.translate = true;
  request.languages = {"fr"};
  EXPECT_EQ(Found(Build(request)), (Ids{kStateBudget, kInteroperability}));
  // One translation term in all: the first word's.
  request.limits.max_translation_terms = 1;
  const BuiltQuery built = Build(request);
  EXPECT_EQ(Found(built), Ids{kStateBudget});
  EXPECT_EQ(built.translated, (std::set<std::string>{"begroting"}));
}

TEST_F(QueryBuilderTest, ForgetReadsTheIndexLanguagesAgain) {
  testing::TempDir directory;
  {
    IndexWriter writer(directory.path());
    writer.Replace(Debate({{Language::kDutch, "2024-01-01", "De haven."}}));
    writer.Commit();
  }
  Xapian::Database database(directory.path());
  const QueryBuilder builder(database, lexicon_);
  EXPECT_EQ(builder.IndexLanguages(), (std::vector<Language>{Language::kDutch}));
  {
    IndexWriter writer(directory.path());
    writer.Replace(Debate({{Language::kDutch, "2024-01-01", "De haven."},
                           {Language::kFrench, "2024-01-01", "Le port."}}));
    writer.Commit();
  }
  database.reopen();
  builder.Forget();
  EXPECT_EQ(builder.IndexLanguages(), (std::vector<Language>{Language::kDutch, Language::kFrench}));
  SearchRequest request = Request("port");
  EXPECT_EQ(Matching(database, builder.Build(request)), (Ids{Id(Language::kFrench, 1)}));
}

}  // namespace
}  // namespace parlsearch
