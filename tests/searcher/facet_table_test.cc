#include "facet_table.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parlsearch/indexer/index_writer.h"
#include "testing/test_support.h"

namespace parlsearch {
namespace {

Document Debate() {
  Document document;
  document.id = "T-9/1 – 2024/2025";
  auto add = [&](const std::string& id, Language lang, const std::string& pair,
                 const std::string& party) {
    Paragraph paragraph;
    paragraph.id = id;
    paragraph.doc = document.id;
    paragraph.lang = lang;
    paragraph.seq = static_cast<int>(document.paragraphs.size()) + 1;
    paragraph.party = party;
    paragraph.pair = pair;
    paragraph.date = "2024-11-05";
    paragraph.text = "De begroting van de haven.";
    document.paragraphs.push_back(paragraph);
  };
  add("p1-nl", Language::kDutch, "p1", "Groen");
  add("p1-fr", Language::kFrench, "p1", "Groen");
  add("solo", Language::kDutch, "", "");
  add("p2-nl", Language::kDutch, "p2", "Ecolo");
  return document;
}

class FacetTableTest : public ::testing::Test {
 protected:
  void SetUp() override {
    IndexWriter writer(folder_.path() + "/db");
    writer.Replace(Debate());
    writer.Commit();
    database_ = Xapian::Database(folder_.path() + "/db");
  }

  std::size_t Party() const { return static_cast<std::size_t>(schema::FacetField("party") - 1); }
  std::size_t Year() const { return static_cast<std::size_t>(schema::FacetField("year") - 1); }

  testing::TempDir folder_;
  Xapian::Database database_;
};

TEST_F(FacetTableTest, RowsReadOneByOneEqualRowsReadAtOnce) {
  FacetTable one_by_one;
  FacetTable at_once;
  at_once.FillAll(database_);
  EXPECT_TRUE(at_once.all_filled());
  for (Xapian::docid id = 1; id <= database_.get_lastdocid(); ++id) {
    const Xapian::Document document = database_.get_document(id);
    const FacetTable::Row& a = one_by_one.RowOf(document);
    const FacetTable::Row& b = at_once.RowOf(document);
    EXPECT_NE(a.hit, 0u);
    EXPECT_EQ(a.hit, b.hit);
    for (std::size_t facet = 0; facet < FacetTable::kFacets; ++facet) {
      EXPECT_EQ(one_by_one.Value(facet, a.values[facet]), at_once.Value(facet, b.values[facet]));
    }
  }
}

TEST_F(FacetTableTest, PairsShareAKeyAndValuesAreNumbered) {
  FacetTable table;
  std::vector<FacetTable::Row> rows;
  for (Xapian::docid id = 1; id <= 4; ++id) rows.push_back(table.RowOf(database_.get_document(id)));
  EXPECT_EQ(rows[0].hit, rows[1].hit);  // the two sides of p1
  EXPECT_NE(rows[0].hit, rows[2].hit);
  EXPECT_NE(rows[2].hit, rows[3].hit);
  EXPECT_EQ(table.Value(Party(), rows[0].values[Party()]), "Groen");
  EXPECT_EQ(table.Value(Party(), rows[3].values[Party()]), "Ecolo");
  EXPECT_EQ(rows[2].values[Party()], FacetTable::kNoValue);  // no party
  EXPECT_EQ(table.Value(Year(), rows[2].values[Year()]), "2024");

  table.Clear();
  EXPECT_FALSE(table.all_filled());
  EXPECT_EQ(table.Value(Party(), table.RowOf(database_.get_document(4)).values[Party()]), "Ecolo");
}

TEST_F(FacetTableTest, VisitTellsTheFirstSideOfAHitInEachSearch) {
  FacetTable table;
  const FacetTable::Row nl = table.RowOf(database_.get_document(1));
  const FacetTable::Row fr = table.RowOf(database_.get_document(2));
  ASSERT_EQ(nl.hit, fr.hit);
  Xapian::docid first = 0;
  const std::uint32_t search = table.StartSearch();
  EXPECT_TRUE(table.Visit(fr.hit, 2, search, &first));
  EXPECT_FALSE(table.Visit(nl.hit, 1, search, &first));
  EXPECT_EQ(first, 2u);
  // A new search starts afresh, without clearing anything.
  const std::uint32_t next = table.StartSearch();
  EXPECT_TRUE(table.Visit(nl.hit, 1, next, &first));
  EXPECT_FALSE(table.Visit(fr.hit, 2, next, &first));
  EXPECT_EQ(first, 1u);
}

TEST_F(FacetTableTest, SplitNamesTheHitsWhoseParagraphsLieInSeveralDatabases) {
  // Read as 2 databases combined, ids 1 and 3 are the first's, 2 and 4 the second's: the sides
  // of p1 (ids 1 and 2) lie in both.
  FacetTable table;
  table.FillAll(database_, 2);
  const std::uint32_t p1 = table.RowAt(1).hit;
  EXPECT_TRUE(table.Split(p1));
  EXPECT_FALSE(table.Split(table.RowAt(3).hit));  // no pair
  EXPECT_FALSE(table.Split(table.RowAt(4).hit));  // p2, one side only
  // With 3 databases the ids 1 and 4 would share one; still, p1's lie in two.
  table.FillAll(database_, 3);
  EXPECT_TRUE(table.Split(p1));
  // One database: nothing is split.
  table.FillAll(database_);
  EXPECT_FALSE(table.Split(p1));
}

TEST(VisitLog, EachLogKeepsItsOwnVisits) {
  VisitLog first_log;
  VisitLog second_log;
  Xapian::docid first = 0;
  const std::uint32_t a = first_log.StartSearch();
  const std::uint32_t b = second_log.StartSearch();
  EXPECT_TRUE(first_log.Visit(7, 11, a, &first));
  EXPECT_TRUE(second_log.Visit(7, 12, b, &first));  // not seen by this log yet
  EXPECT_FALSE(second_log.Visit(7, 13, b, &first));
  EXPECT_EQ(first, 12u);
  EXPECT_TRUE(first_log.Visit(1000, 5, a, &first));  // grows as hits come
}

}  // namespace
}  // namespace parlsearch
