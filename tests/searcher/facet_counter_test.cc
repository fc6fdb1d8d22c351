#include "facet_counter.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "facet_table.h"
#include "field_matcher.h"
#include "parlsearch/error.h"
#include "parlsearch/indexer/index_writer.h"
#include "parlsearch/schema/schema.h"
#include "parlsearch/searcher/search_request.h"
#include "testing/test_support.h"

namespace parlsearch {
namespace {

const char kBudget[] = "T-1/1 – 2023/2024";
const char kVote[] = "T-2/1 – 2022/2023";
const char kVoteTranslation[] = "T-3/1 – 2022/2023";
const char kPermit[] = "T-4/1 – 2023/2024";

struct Line {
  std::string id;
  Language lang;
  std::string pair;
  std::string speaker;
  std::string party;
  std::string date;
  std::string text;
};

Document Debate(const std::string& id, const std::vector<Line>& lines) {
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
    paragraph.date = line.date;
    paragraph.text = line.text;
    document.paragraphs.push_back(paragraph);
  }
  return document;
}

// Of the paragraphs that speak of the budget ("begroting", "budget"): two pairs with both sides,
// a pair with its Dutch side only, a paragraph without translation, and a pair whose sides lie
// in two documents (kVote, kVoteTranslation).
std::vector<Document> Corpus() {
  return {
      Debate(kBudget,
             {
                 {"t1-nl-1", Language::kDutch, "p1", "Els Vos", "Groen", "2024-03-21",
                  "De begroting van de haven."},
                 {"t1-fr-1", Language::kFrench, "p1", "Els Vos", "Groen", "2024-03-21",
                  "Le budget du port."},
                 {"t1-nl-2", Language::kDutch, "p2", "Margaux De Ré", "Ecolo", "2023-05-10",
                  "De begroting van de school."},
                 {"t1-fr-2", Language::kFrench, "p2", "Margaux De Ré", "Ecolo", "2023-05-10",
                  "Le budget de l'école."},
                 {"t1-nl-3", Language::kDutch, "", "Els Vos", "Groen", "2023-12-01",
                  "De begroting is rond."},
                 {"t1-nl-5", Language::kDutch, "p5", "Els Vos", "Groen", "2024-03-21",
                  "De begroting wacht."},
                 {"t1-fr-5", Language::kFrench, "p5", "Els Vos", "Groen", "2024-03-21",
                  "Le port attend."},
             }),
      Debate(kVote, {{"t2-fr-1", Language::kFrench, "p3", "Jan Janssens", "Vooruit", "2022-10-04",
                      "Le budget est voté."}}),
      Debate(kVoteTranslation, {{"t3-nl-1", Language::kDutch, "p3", "Jan Janssens", "Vooruit",
                                 "2022-10-04", "De begroting is gestemd."}}),
      // Of permits ("vergunning", "permis"): pairs whose sides differ in more than their
      // language, as sources sometimes have them. p6's Dutch side has no speaker, party or date;
      // p7's sides have dates of two years.
      Debate(kPermit,
             {
                 {"t4-nl-6", Language::kDutch, "p6", "", "", "", "De vergunning komt."},
                 {"t4-fr-6", Language::kFrench, "p6", "Els Vos", "Groen", "2024-01-10",
                  "Le permis arrive."},
                 {"t4-nl-7", Language::kDutch, "p7", "Anne Dubois", "MR", "2023-02-01",
                  "De vergunning wacht."},
                 {"t4-fr-7", Language::kFrench, "p7", "Anne Dubois", "MR", "2024-02-01",
                  "Le permis attend."},
                 {"t4-nl-8", Language::kDutch, "", "Anne Dubois", "MR", "2024-02-01",
                  "Een vergunning meer."},
             }),
  };
}

const std::vector<std::string> kFacets = {"party",   "speaker", "lang", "doc",
                                          "session", "year",    "month"};

// Crossed facets: of values both sides of a pair share (party, speaker), differ in (lang, doc,
// year) or one of them lacks.
const std::vector<std::string> kCrossed = {"party:year", "year:party",    "party:lang",
                                           "lang:doc",   "speaker:month", "session:lang"};

Xapian::Query BudgetQuery() {
  return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query("begroting"), Xapian::Query("budget"));
}

// The budget's paragraphs and the permits'.
Xapian::Query BudgetOrPermitQuery() {
  const std::vector<Xapian::Query> words = {BudgetQuery(), Xapian::Query("vergunning"),
                                            Xapian::Query("permis")};
  return Xapian::Query(Xapian::Query::OP_OR, words.begin(), words.end());
}

// Counts as plain pairs, which compare: {"party", {{"Groen", 3}, ...}}.
using Listed = std::map<std::string, std::vector<std::pair<std::string, std::uint64_t>>>;

// Crossed facets list their rows as "value" and their cells as "value|second value", each row
// before its cells.
Listed List(const FacetCounter& counter) {
  Listed listed;
  for (const auto& [facet, values] : counter.Counts()) {
    auto& list = listed[facet];
    for (const FacetValue& value : values) list.emplace_back(value.value, value.count);
  }
  for (const auto& [facet, rows] : counter.CrossedCounts()) {
    auto& list = listed[facet];
    for (const FacetRow& row : rows) {
      list.emplace_back(row.value, row.count);
      for (const FacetValue& value : row.values) {
        list.emplace_back(row.value + "|" + value.value, value.count);
      }
    }
  }
  return listed;
}

std::vector<std::string> Concatenated(std::vector<std::string> a,
                                      const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// Runs `query` over `database` with `spy` seeing every match, as the searcher's counting pass.
void Spy(const Xapian::Database& database, const Xapian::Query& query, Xapian::MatchSpy* spy) {
  Xapian::Enquire enquire(database);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::DONT_CARE);
  enquire.add_matchspy(spy);
  enquire.get_mset(0, 0, database.get_doccount());
}

// The hit of document `id`: its pair, or its own paragraph id.
std::string HitOf(const Xapian::Database& database, Xapian::docid id) {
  for (const std::string_view prefix : {schema::kPairPrefix, schema::kIdPrefix}) {
    Xapian::TermIterator term = database.termlist_begin(id);
    term.skip_to(std::string(prefix));
    if (term != database.termlist_end(id) && (*term).starts_with(prefix)) return *term;
  }
  return "";
}

// The hits `query` finds: its matches, a pair counted once.
std::set<std::string> HitSet(const Xapian::Database& database, const Xapian::Query& query) {
  Xapian::Enquire enquire(database);
  enquire.set_query(query);
  std::set<std::string> hits;
  for (const Xapian::docid id : enquire.get_mset(0, database.get_doccount())) {
    hits.insert(HitOf(database, id));
  }
  return hits;
}

std::uint64_t Hits(const Xapian::Database& database, const Xapian::Query& query) {
  return HitSet(database, query).size();
}

// The filter on `value` of `facet`: the field matcher's, or a date range for a year or month.
Xapian::Query Filter(const Xapian::Database& database, const std::string& facet,
                     const std::string& value) {
  if (facet == "year" || facet == "month") {
    std::string compact = value;
    std::erase(compact, '-');
    const std::string from = compact + (facet == "year" ? "0101" : "01");
    const std::string to = compact + (facet == "year" ? "1231" : "31");
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, from, to);
  }
  return MatchField(database, *FilterField(facet), value);
}

class FacetCounterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    IndexWriter writer(folder_.path() + "/db");
    for (const Document& document : Corpus()) writer.Replace(document);
    writer.Commit();
    database_ = Xapian::Database(folder_.path() + "/db");
  }

  // The counts of `facets` over the matches of `query`, by a counter as the match spy.
  Listed Count(const Xapian::Query& query, const std::vector<std::string>& facets,
               std::uint64_t* total = nullptr) {
    FacetTable table;
    FacetCounter counter(facets, &table);
    Spy(database_, query, &counter);
    if (total != nullptr) *total = counter.total();
    return List(counter);
  }

  testing::TempDir folder_;
  Xapian::Database database_;
};

TEST_F(FacetCounterTest, EachCountIsTheNumberOfHitsOfFilteringOnTheValue) {
  std::uint64_t total = 0;
  const Listed counts = Count(BudgetQuery(), kFacets, &total);
  EXPECT_EQ(total, Hits(database_, BudgetQuery()));
  for (const std::string& facet : kFacets) {
    ASSERT_FALSE(counts.at(facet).empty()) << facet;
    for (const auto& [value, count] : counts.at(facet)) {
      const Xapian::Query filtered(Xapian::Query::OP_FILTER, BudgetQuery(),
                                   Filter(database_, facet, value));
      EXPECT_EQ(Hits(database_, filtered), count) << facet << ": " << value;
    }
  }
}

// A crossed facet's cell is the number of hits of filtering on both its values, and its row the
// number of hits of filtering on its value and any of the second facet's; every pair of values
// with hits has its cell.
TEST_F(FacetCounterTest, ACrossedCountIsTheNumberOfHitsOfFilteringOnBothValues) {
  const Xapian::Query query = BudgetOrPermitQuery();
  const Listed plain = Count(query, kFacets);
  const Listed crossed = Count(query, kCrossed);
  for (const std::string& name : kCrossed) {
    const auto [first, second] = *SplitCrossedFacet(name);
    std::map<std::string, std::uint64_t> listed(crossed.at(name).begin(), crossed.at(name).end());
    ASSERT_FALSE(listed.empty()) << name;
    std::size_t cells = 0;
    for (const auto& [value, value_count] : plain.at(first)) {
      const Xapian::Query by_value(Xapian::Query::OP_FILTER, query,
                                   Filter(database_, first, value));
      std::set<std::string> row;
      for (const auto& [by, by_count] : plain.at(second)) {
        const std::set<std::string> hits = HitSet(
            database_,
            Xapian::Query(Xapian::Query::OP_FILTER, by_value, Filter(database_, second, by)));
        row.insert(hits.begin(), hits.end());
        const auto cell = listed.find(value + "|" + by);
        if (hits.empty()) {
          EXPECT_EQ(cell, listed.end()) << name << ": " << value << ", " << by;
          continue;
        }
        ++cells;
        ASSERT_NE(cell, listed.end()) << name << ": " << value << ", " << by;
        EXPECT_EQ(cell->second, hits.size()) << name << ": " << value << ", " << by;
      }
      const auto listed_row = listed.find(value);
      if (row.empty()) {
        EXPECT_EQ(listed_row, listed.end()) << name << ": " << value;
      } else {
        ASSERT_NE(listed_row, listed.end()) << name << ": " << value;
        EXPECT_EQ(listed_row->second, row.size()) << name << ": " << value;
      }
    }
    EXPECT_EQ(
        cells +
            [&] {
              std::size_t rows = 0;
              for (const auto& [value, count] : listed)
                rows += value.find('|') == std::string::npos;
              return rows;
            }(),
        listed.size())
        << name;
  }
}

TEST_F(FacetCounterTest, ACrossedFacetListsRowsAndCellsInTheirFacetsOrders) {
  const Listed counts = Count(BudgetOrPermitQuery(), {"party:year", "year:party", "party:lang"});
  // p6 counts for Groen in 2024 by its French side only; p7 for MR in 2023 and in 2024, the
  // paragraph without pair in 2024 once more.
  EXPECT_EQ(counts.at("party:year"), (Listed::mapped_type{{"Groen", 4},
                                                          {"Groen|2023", 1},
                                                          {"Groen|2024", 3},
                                                          {"MR", 2},
                                                          {"MR|2023", 1},
                                                          {"MR|2024", 2},
                                                          {"Ecolo", 1},
                                                          {"Ecolo|2023", 1},
                                                          {"Vooruit", 1},
                                                          {"Vooruit|2022", 1}}));
  EXPECT_EQ(counts.at("year:party"), (Listed::mapped_type{{"2022", 1},
                                                          {"2022|Vooruit", 1},
                                                          {"2023", 3},
                                                          {"2023|Ecolo", 1},
                                                          {"2023|Groen", 1},
                                                          {"2023|MR", 1},
                                                          {"2024", 5},
                                                          {"2024|Groen", 3},
                                                          {"2024|MR", 2}}));
  // A pair counts once in each cell of the languages of its sides that match.
  EXPECT_EQ(counts.at("party:lang"), (Listed::mapped_type{{"Groen", 4},
                                                          {"Groen|nl", 3},
                                                          {"Groen|fr", 2},
                                                          {"MR", 2},
                                                          {"MR|nl", 2},
                                                          {"MR|fr", 1},
                                                          {"Ecolo", 1},
                                                          {"Ecolo|fr", 1},
                                                          {"Ecolo|nl", 1},
                                                          {"Vooruit", 1},
                                                          {"Vooruit|fr", 1},
                                                          {"Vooruit|nl", 1}}));
}

TEST_F(FacetCounterTest, ATranslationPairCountsOnceForEachOfItsValues) {
  std::uint64_t total = 0;
  const Listed counts = Count(BudgetQuery(), {"party", "lang", "doc", "session"}, &total);
  // Eight paragraphs match; p1, p2 and p3 are a hit each, as are p5's Dutch side and the
  // paragraph without translation.
  EXPECT_EQ(total, 5u);
  EXPECT_EQ(counts.at("party"), (Listed::mapped_type{{"Groen", 3}, {"Ecolo", 1}, {"Vooruit", 1}}));
  // A pair counts for each language of the sides that match.
  EXPECT_EQ(counts.at("lang"), (Listed::mapped_type{{"nl", 5}, {"fr", 3}}));
  // p3's sides are in two documents: it counts for both, once for their one session.
  EXPECT_EQ(counts.at("doc"),
            (Listed::mapped_type{{kBudget, 4}, {kVote, 1}, {kVoteTranslation, 1}}));
  EXPECT_EQ(counts.at("session"), (Listed::mapped_type{{"2022/2023", 1}, {"2023/2024", 4}}));
}

TEST_F(FacetCounterTest, DatesAreListedInDateOrderOtherValuesMostFrequentFirst) {
  const Listed counts = Count(BudgetQuery(), kFacets);
  EXPECT_EQ(counts.at("year"), (Listed::mapped_type{{"2022", 1}, {"2023", 2}, {"2024", 2}}));
  EXPECT_EQ(counts.at("month"),
            (Listed::mapped_type{{"2022-10", 1}, {"2023-05", 1}, {"2023-12", 1}, {"2024-03", 2}}));
  EXPECT_EQ(counts.at("session"), (Listed::mapped_type{{"2022/2023", 1}, {"2023/2024", 4}}));
  // Equal counts by value.
  EXPECT_EQ(counts.at("speaker"),
            (Listed::mapped_type{{"Els Vos", 3}, {"Jan Janssens", 1}, {"Margaux De Ré", 1}}));
}

TEST_F(FacetCounterTest, AFacetWithoutMatchesIsListedEmpty) {
  std::uint64_t total = 0;
  const Listed counts = Count(Xapian::Query("havenwerken"), {"party", "year"}, &total);
  EXPECT_EQ(total, 0u);
  EXPECT_EQ(counts, (Listed{{"party", {}}, {"year", {}}}));
}

TEST_F(FacetCounterTest, CountsForgetThePreviousSearchOfTheirTable) {
  FacetTable table;
  {
    FacetCounter first({"party"}, &table);
    Spy(database_, BudgetQuery(), &first);
    EXPECT_EQ(first.total(), 5u);
  }
  FacetCounter second({"party"}, &table);
  Spy(database_, Xapian::Query("haven"), &second);
  EXPECT_EQ(second.total(), 1u);
  EXPECT_EQ(List(second), (Listed{{"party", {{"Groen", 1}}}}));
}

TEST(FacetCounter, AnUnknownFacetIsAQueryError) {
  FacetTable table;
  const auto count = [&table](const std::vector<std::string>& facets) {
    const FacetCounter counter(facets, &table);
  };
  EXPECT_THROW(count({"colour"}), QueryError);
  EXPECT_THROW(count({"party", "colour"}), QueryError);
  // Fields that are not facets.
  EXPECT_THROW(count({"kind"}), QueryError);
  EXPECT_THROW(count({"date"}), QueryError);
  EXPECT_THROW(count({"id"}), QueryError);
  EXPECT_NO_THROW(count(kFacets));
  EXPECT_NO_THROW(count(kCrossed));
  EXPECT_THROW(count({"party:colour"}), QueryError);
  EXPECT_THROW(count({"party:date"}), QueryError);
  EXPECT_THROW(count({"party:party"}), QueryError);
}

TEST(ValidateRequest, ACrossedFacetNeedsTwoDifferentFacets) {
  SearchRequest request;
  request.query = "begroting";
  request.facets = Concatenated(kFacets, kCrossed);
  EXPECT_NO_THROW(ValidateRequest(request));
  for (const std::string name :
       {"party:colour", "kind:party", "party:", ":year", "party:party", "party:year:lang"}) {
    request.facets = {name};
    EXPECT_THROW(ValidateRequest(request), QueryError) << name;
  }
}

TEST(ValidateRequest, AnUnknownFacetIsAQueryErrorThatListsTheFacets) {
  SearchRequest request;
  request.query = "begroting";
  request.facets = kFacets;
  EXPECT_NO_THROW(ValidateRequest(request));
  for (const std::string name : {"colour", "kind", "date", "Party"}) {
    request.facets = {"party", name};
    try {
      ValidateRequest(request);
      ADD_FAILURE() << name << ": no QueryError";
    } catch (const QueryError& error) {
      const std::string message = error.what();
      EXPECT_NE(message.find("unknown facet: " + name), std::string::npos) << message;
      EXPECT_NE(message.find("party, speaker, lang"), std::string::npos) << message;
    }
  }
}

// Counting over an index of two local shards, each of the searcher's ways, gives the counts of
// one database.
class ShardedFacetCounterTest : public FacetCounterTest {
 protected:
  static constexpr Xapian::doccount kShards = 2;

  void SetUp() override {
    FacetCounterTest::SetUp();
    IndexWriter writer(folder_.path() + "/shards", kShards);
    for (const Document& document : Corpus()) writer.Replace(document);
    writer.Commit();
    sharded_ = schema::OpenForReading(folder_.path() + "/shards", {}, nullptr, &parts_);
  }

  static std::vector<std::string> AllFacets() { return Concatenated(kFacets, kCrossed); }

  Xapian::Database sharded_;
  std::vector<Xapian::Database> parts_;
};

TEST_F(ShardedFacetCounterTest, ShardsCountedOneAfterTheOtherCountAsOneDatabase) {
  // p3's sides lie in two shards.
  ASSERT_NE(ShardOf(kVote, kShards), ShardOf(kVoteTranslation, kShards));
  ASSERT_EQ(parts_.size(), kShards);
  std::uint64_t total = 0;
  const Listed expected = Count(BudgetOrPermitQuery(), AllFacets(), &total);

  FacetTable table;
  FacetCounter counter(AllFacets(), &table);
  for (Xapian::doccount shard = 0; shard < kShards; ++shard) {
    counter.SetShard(shard, kShards);
    Spy(parts_[shard], BudgetOrPermitQuery(), &counter);
  }
  EXPECT_EQ(counter.total(), total);
  EXPECT_EQ(List(counter), expected);
}

TEST_F(ShardedFacetCounterTest, ShardsCountedAtOnceCountAsOneDatabase) {
  ASSERT_NE(ShardOf(kVote, kShards), ShardOf(kVoteTranslation, kShards));
  std::uint64_t total = 0;
  const Listed expected = Count(BudgetOrPermitQuery(), AllFacets(), &total);

  FacetTable table;
  table.FillAll(sharded_, kShards);
  FacetCounter counter(AllFacets(), &table);
  std::vector<VisitLog> logs(kShards);
  std::size_t deferred = 0;
  for (Xapian::doccount shard = 0; shard < kShards; ++shard) {
    FacetCounter shard_counter(AllFacets(), &table, &logs[shard], shard, kShards);
    Spy(parts_[shard], BudgetOrPermitQuery(), &shard_counter);
    counter.Add(shard_counter);
    for (const Xapian::docid id : shard_counter.deferred()) counter.CountParagraph(id);
    deferred += shard_counter.deferred().size();
  }
  EXPECT_EQ(deferred, 2u);  // p3's sides, split over the shards
  EXPECT_EQ(counter.total(), total);
  EXPECT_EQ(List(counter), expected);
}

TEST_F(ShardedFacetCounterTest, FacetRecordsCountedByXapiansSpyCountAsOneDatabase) {
  std::uint64_t total = 0;
  const Listed expected = Count(BudgetOrPermitQuery(), AllFacets(), &total);

  FacetTable table;
  FacetCounter counter(AllFacets(), &table);
  Xapian::ValueCountMatchSpy records(schema::kFacetSlot);
  Spy(sharded_, BudgetOrPermitQuery(), &records);
  counter.CountRecords(records);
  EXPECT_EQ(counter.total(), total);
  EXPECT_EQ(List(counter), expected);
}

// Filters compare values folded, so two spellings of one name ("De Ré", "De Re"; "Ecolo",
// "ECOLO", as sources write them) are one value, shown as first met, counting the hits of both.
TEST(FacetCounter, SpellingsThatFilterAlikeCountAsOneValue) {
  testing::TempDir directory;
  {
    IndexWriter writer(directory.path());
    writer.Replace(Debate(kBudget, {{"accented", Language::kDutch, "", "Margaux De Ré", "Ecolo",
                                     "2024-03-21", "De begroting van de haven."},
                                    {"plain", Language::kDutch, "", "Margaux De Re", "ECOLO",
                                     "2024-03-21", "De begroting van de school."}}));
    writer.Commit();
  }
  const Xapian::Database database(directory.path());
  FacetTable table;
  FacetCounter counter({"party", "speaker"}, &table);
  Spy(database, Xapian::Query("begroting"), &counter);
  const Listed counts = List(counter);
  for (const std::string facet : {"party", "speaker"}) {
    ASSERT_EQ(counts.at(facet).size(), 1u) << facet;
    EXPECT_EQ(counts.at(facet).begin()->second, 2u) << facet;
    for (const auto& [value, count] : counts.at(facet)) {
      const Xapian::Query filtered(Xapian::Query::OP_FILTER, Xapian::Query("begroting"),
                                   Filter(database, facet, value));
      EXPECT_EQ(Hits(database, filtered), count) << facet << ": " << value;
    }
  }
}

}  // namespace
}  // namespace parlsearch
