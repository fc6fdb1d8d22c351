#include "field_matcher.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <set>
#include <string>

#include "parlsearch/indexer/index_writer.h"
#include "parlsearch/schema/lexicon.h"
#include "query_builder.h"
#include "testing/test_support.h"

namespace parlsearch {
namespace {

using Ids = std::set<std::string>;

struct Line {
  std::string id;
  Language lang;
  std::string pair;
  std::string speaker;
  std::string party;
  std::string role;
  std::string section;
  std::string text;
};

Document Debate(const std::string& id, const std::string& date, const std::vector<Line>& lines) {
  Document document;
  document.id = id;
  for (const Line& line : lines) {
    Paragraph paragraph;
    paragraph.id = line.id;
    paragraph.doc = id;
    paragraph.lang = line.lang;
    paragraph.seq = static_cast<int>(document.paragraphs.size()) + 1;
    paragraph.pair = line.pair;
    paragraph.speaker = line.speaker;
    paragraph.party = line.party;
    paragraph.role = line.role;
    paragraph.section = line.section;
    paragraph.date = date;
    paragraph.text = line.text;
    document.paragraphs.push_back(paragraph);
  }
  return document;
}

// Two debates of two sessions: a pair and a paragraph without translation in the first, a pair
// in the second, whose speaker's surname ends like the first speaker's.
Document BudgetDebate() {
  return Debate("A-805/2 – 2023/2024", "2023-11-15",
                {
                    {"a-nl-1", Language::kDutch, "a1", "Margaux De Ré", "Ecolo", "member",
                     "Begroting 2024", "De begroting van de haven wordt besproken."},
                    {"a-fr-1", Language::kFrench, "a1", "Margaux De Ré", "Ecolo", "member",
                     "Budget 2024", "Le budget du port est discuté."},
                    {"a-nl-2", Language::kDutch, "", "Jan Janssens", "Open Vld", "minister",
                     "Begroting 2024", "De minister antwoordt over de begroting."},
                });
}

Document MobilityDebate() {
  return Debate("B-12/1 – 2024/2025", "2024-10-08",
                {
                    {"b-nl-1", Language::kDutch, "b1", "Annemie Dere", "Groen", "member",
                     "Mobiliteit", "De begroting voor mobiliteit."},
                    {"b-fr-1", Language::kFrench, "b1", "Annemie Dere", "Groen", "member",
                     "Mobilité", "Le budget de la mobilité."},
                });
}

// The paragraph id of document `id`.
std::string ParagraphIdOf(const Xapian::Database& database, Xapian::docid id) {
  Xapian::TermIterator term = database.termlist_begin(id);
  term.skip_to("Q");
  if (term == database.termlist_end(id) || !(*term).starts_with("Q")) return "";
  return (*term).substr(1);
}

// The ids of the paragraphs of `database` that `query` finds.
Ids Matching(const Xapian::Database& database, const Xapian::Query& query) {
  Xapian::Enquire enquire(database);
  enquire.set_query(query);
  Ids ids;
  for (const Xapian::docid id : enquire.get_mset(0, database.get_doccount())) {
    ids.insert(ParagraphIdOf(database, id));
  }
  return ids;
}

class FieldMatcherTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    directory_ = new testing::TempDir();
    IndexWriter writer(directory_->path());
    writer.Replace(BudgetDebate());
    writer.Replace(MobilityDebate());
    writer.Commit();
  }
  static void TearDownTestSuite() {
    delete directory_;
    directory_ = nullptr;
  }

  // The paragraphs whose field `name` has `value`, as the field matcher finds them.
  Ids Find(const std::string& name, const std::string& value) {
    const schema::Field* field = FilterField(name);
    if (field == nullptr) {
      ADD_FAILURE() << "no filter field " << name;
      return {};
    }
    return Matching(database_, MatchField(database_, *field, value));
  }

  static testing::TempDir* directory_;
  Xapian::Database database_{directory_->path()};
};

testing::TempDir* FieldMatcherTest::directory_ = nullptr;

TEST(FilterField, NamesOnlyTheFieldsUsableInQueries) {
  ASSERT_NE(FilterField("speaker"), nullptr);
  EXPECT_EQ(FilterField("speaker")->name, "speaker");
  EXPECT_EQ(FilterField("session")->match, schema::Match::kExact);
  EXPECT_EQ(FilterField("date")->match, schema::Match::kDate);
  EXPECT_EQ(FilterField("id"), nullptr);    // a field, not a filter
  EXPECT_EQ(FilterField("year"), nullptr);  // a facet, not a filter
  EXPECT_EQ(FilterField("colour"), nullptr);
  EXPECT_EQ(FilterField(""), nullptr);
}

TEST_F(FieldMatcherTest, ExactFieldsMatchTheWholeValueIgnoringCaseAccentsAndSpaces) {
  EXPECT_EQ(Find("party", "Ecolo"), (Ids{"a-nl-1", "a-fr-1"}));
  EXPECT_EQ(Find("party", "ÉCOLO"), (Ids{"a-nl-1", "a-fr-1"}));
  EXPECT_EQ(Find("party", "  open \t  VLD "), Ids{"a-nl-2"});
  EXPECT_EQ(Find("party", "Open"), Ids{});  // not a part
  EXPECT_EQ(Find("role", "Minister"), Ids{"a-nl-2"});
  EXPECT_EQ(Find("kind", "paragraph").size(), 5u);
}

TEST_F(FieldMatcherTest, SpeakerMatchesByFullNameOrSurname) {
  const Ids de_re{"a-nl-1", "a-fr-1"};
  EXPECT_EQ(Find("speaker", "Margaux De Ré"), de_re);
  EXPECT_EQ(Find("speaker", "margaux de re"), de_re);
  EXPECT_EQ(Find("speaker", "DE RÉ"), de_re);
  EXPECT_EQ(Find("speaker", "Ré"), de_re);
  EXPECT_EQ(Find("speaker", "janssens"), Ids{"a-nl-2"});
  EXPECT_EQ(Find("speaker", "Dere"), (Ids{"b-nl-1", "b-fr-1"}));
  // Whole words from the end only: not the first name, not the end of a word.
  EXPECT_EQ(Find("speaker", "Margaux"), Ids{});
  EXPECT_EQ(Find("speaker", "ssens"), Ids{});
  EXPECT_EQ(Find("speaker", "Janssens Jan"), Ids{});
}

TEST_F(FieldMatcherTest, LanguageMatchesByItsTwoLetterCode) {
  EXPECT_EQ(Find("lang", "nl"), (Ids{"a-nl-1", "a-nl-2", "b-nl-1"}));
  EXPECT_EQ(Find("lang", "FR"), (Ids{"a-fr-1", "b-fr-1"}));
  EXPECT_EQ(Find("lang", "n"), Ids{});
  EXPECT_EQ(Find("lang", "nld"), Ids{});
  EXPECT_EQ(Find("lang", "dutch"), Ids{});
}

TEST_F(FieldMatcherTest, DocumentMatchesByIdOrTheStartOfItsId) {
  const Ids budget{"a-nl-1", "a-fr-1", "a-nl-2"};
  EXPECT_EQ(Find("doc", "A-805/2 – 2023/2024"), budget);
  EXPECT_EQ(Find("doc", "A-805/2"), budget);
  EXPECT_EQ(Find("doc", "a-805/2"), budget);
  EXPECT_EQ(Find("doc", "A-805"), budget);
  EXPECT_EQ(Find("doc", "B-12/1"), (Ids{"b-nl-1", "b-fr-1"}));
  EXPECT_EQ(Find("doc", "805/2"), Ids{});  // the start, not any part
  EXPECT_EQ(Find("doc", "A-805/2 – 2024/2025"), Ids{});
}

TEST(FieldMatcher, TheStartOfADocumentIdEndsWhereAPartOfTheIdEnds) {
  testing::TempDir directory;
  {
    IndexWriter writer(directory.path());
    writer.Replace(Debate("A-805/2 – 2023/2024", "2023-11-15",
                          {{"second", Language::kDutch, "", "", "", "", "", "Tweede stuk."}}));
    writer.Replace(Debate("A-805/20 – 2023/2024", "2024-01-17",
                          {{"twentieth", Language::kDutch, "", "", "", "", "", "Twintigste."}}));
    writer.Commit();
  }
  const Xapian::Database database(directory.path());
  const auto find = [&](const std::string& value) {
    return Matching(database, MatchField(database, *FilterField("doc"), value));
  };
  EXPECT_EQ(find("A-805/2"), Ids{"second"});
  EXPECT_EQ(find("A-805/20"), Ids{"twentieth"});
  EXPECT_EQ(find("A-805/"), (Ids{"second", "twentieth"}));
  EXPECT_EQ(find("A-805"), (Ids{"second", "twentieth"}));
  EXPECT_EQ(find("A-80"), Ids{});
}

TEST_F(FieldMatcherTest, SectionMatchesByAnyPartOfItsHeading) {
  EXPECT_EQ(Find("section", "Begroting 2024"), (Ids{"a-nl-1", "a-nl-2"}));
  EXPECT_EQ(Find("section", "begroting"), (Ids{"a-nl-1", "a-nl-2"}));
  EXPECT_EQ(Find("section", "2024"), (Ids{"a-nl-1", "a-fr-1", "a-nl-2"}));
  EXPECT_EQ(Find("section", "Mobiliteit"), Ids{"b-nl-1"});
  // "Mobilité", and the start of "Mobiliteit".
  EXPECT_EQ(Find("section", "MOBILITÉ"), (Ids{"b-nl-1", "b-fr-1"}));
  EXPECT_EQ(Find("section", "havenwerken"), Ids{});
}

TEST_F(FieldMatcherTest, SessionMatchesTheSessionNamedInTheDocumentId) {
  EXPECT_EQ(Find("session", "2023/2024"), (Ids{"a-nl-1", "a-fr-1", "a-nl-2"}));
  EXPECT_EQ(Find("session", "2024/2025"), (Ids{"b-nl-1", "b-fr-1"}));
  EXPECT_EQ(Find("session", "2023"), Ids{});  // the whole session
}

TEST_F(FieldMatcherTest, AValueNoParagraphHasFiltersEverythingOut) {
  const Xapian::Query nobody = MatchField(database_, *FilterField("party"), "No Such Party");
  EXPECT_EQ(Matching(database_, nobody), Ids{});
  // Combined with other queries, it still lets nothing through.
  EXPECT_EQ(
      Matching(database_, Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query::MatchAll, nobody)),
      Ids{});
  EXPECT_EQ(
      Matching(database_, Xapian::Query(Xapian::Query::OP_AND, Xapian::Query("begroting"), nobody)),
      Ids{});
  // A value that is only spaces names nothing either.
  EXPECT_EQ(Find("speaker", "   "), Ids{});
  EXPECT_EQ(Find("doc", ""), Ids{});
  EXPECT_EQ(Find("section", " "), Ids{});
}

TEST_F(FieldMatcherTest, FieldProcessorsMatchTheQueryParsersFields) {
  Xapian::QueryParser parser;
  for (const std::string name : {"party", "speaker", "doc", "section", "lang"}) {
    parser.add_boolean_prefix(name, MakeFieldProcessor(database_, *FilterField(name))->release());
  }
  const auto find = [&](const std::string& query) {
    return Matching(database_, parser.parse_query(query));
  };
  EXPECT_EQ(find("party:\"Open Vld\""), Ids{"a-nl-2"});
  EXPECT_EQ(find("speaker:\"de re\""), (Ids{"a-nl-1", "a-fr-1"}));
  EXPECT_EQ(find("doc:A-805/2"), (Ids{"a-nl-1", "a-fr-1", "a-nl-2"}));
  EXPECT_EQ(find("begroting section:mobiliteit"), Ids{"b-nl-1"});
  EXPECT_EQ(find("begroting lang:nl doc:a-805"), (Ids{"a-nl-1", "a-nl-2"}));
  // Values of one field OR together, fields AND.
  EXPECT_EQ(find("party:groen party:ecolo lang:fr"), (Ids{"a-fr-1", "b-fr-1"}));
  // A value no paragraph has lets no paragraph through, whatever else the query says.
  EXPECT_EQ(find("begroting party:nobody"), Ids{});
  EXPECT_EQ(find("party:nobody"), Ids{});
}

TEST_F(FieldMatcherTest, TheQueryBuilderMatchesFieldsAndDates) {
  const Lexicon lexicon;
  const auto find = [&](const std::string& query) {
    SearchRequest request;
    request.query = query;
    request.translate = false;
    return Matching(database_, QueryBuilder(database_, lexicon).Build(request, false).query);
  };
  EXPECT_EQ(find("begroting date:2024"), Ids{"b-nl-1"});
  EXPECT_EQ(find("budget date:2023-11"), Ids{"a-fr-1"});
  EXPECT_EQ(find("begroting speaker:janssens date:2023-11-15"), Ids{"a-nl-2"});
  EXPECT_EQ(find("begroting speaker:janssens date:2024"), Ids{});
  EXPECT_EQ(find("budget session:2024/2025"), Ids{"b-fr-1"});
}

}  // namespace
}  // namespace parlsearch
