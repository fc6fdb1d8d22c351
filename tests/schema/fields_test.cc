#include "parlsearch/schema/fields.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "parlsearch/schema/schema.h"

namespace parlsearch::schema {
namespace {

TEST(Fields, NamesAndPrefixesAreUniqueAndPrefixesAreCapitals) {
  std::set<std::string_view> names, prefixes;
  for (const Field& field : kFields) {
    EXPECT_TRUE(names.insert(field.name).second) << field.name;
    EXPECT_NE(field.extract, nullptr) << field.name;
    EXPECT_FALSE(field.description.empty()) << field.name;
    if (field.prefix.empty()) continue;
    EXPECT_TRUE(prefixes.insert(field.prefix).second) << field.name;
    EXPECT_TRUE(IsPrefixed(field.prefix)) << field.name;
  }
}

TEST(Fields, TheFacetRecordHoldsThePairThenEachFacet) {
  Paragraph paragraph;
  paragraph.doc = "A-805/2 – 2023/2024";
  paragraph.pair = "p1";
  paragraph.party = "Ecolo";
  paragraph.lang = Language::kFrench;
  paragraph.date = "2024-03-21";
  const std::string record = FacetRecordOf(paragraph);
  std::array<std::string_view, kFacetRecordSize> values;
  ASSERT_TRUE(SplitFacetRecord(record, &values));
  EXPECT_EQ(values[0], "p1");
  EXPECT_EQ(values[FacetField("party")], "Ecolo");
  EXPECT_EQ(values[FacetField("lang")], "fr");
  EXPECT_EQ(values[FacetField("session")], "2023/2024");
  EXPECT_EQ(values[FacetField("year")], "2024");
  EXPECT_EQ(values[FacetField("month")], "2024-03");
  EXPECT_EQ(FacetField("kind"), -1);  // a filter, not a facet
  paragraph.doc = "C-3/1";
  paragraph.title = "Verslag C-3/1 – 2021/2022";
  EXPECT_EQ(FieldNamed("session").extract(paragraph), "2021/2022");  // from the title
  EXPECT_EQ(FacetField("pair"), -1);
}

TEST(Fields, TermsAreWrittenAsTheTableSays) {
  EXPECT_EQ(FieldTerm(FieldNamed("party"), "Écolo"), "XPARTYecolo");
  EXPECT_EQ(FieldTerm(FieldNamed("session"), "2023/2024"), "XSESSION2023/2024");
  EXPECT_EQ(FieldTerm(FieldNamed("pair"), "A-805-2-p12"), "XPAIRA-805-2-p12");
  EXPECT_EQ(FieldTerm(FieldNamed("date"), "2024-03-21"), "D20240321");
  EXPECT_EQ(FieldTerm(FieldNamed("date"), "2024-13-21"), "");
  EXPECT_EQ(FieldTerm(FieldNamed("year"), "2024"), "");  // a facet without terms
}

// docs/design.md's field table is for people: it must list every field, with its prefix.
TEST(Fields, TheDesignDocumentListsEveryField) {
  std::ifstream file(std::string(PARLSEARCH_SOURCE_DIR) + "/docs/design.md");
  ASSERT_TRUE(file) << "docs/design.md";
  std::stringstream text;
  text << file.rdbuf();
  const std::string design = text.str();
  for (const Field& field : kFields) {
    std::string row = "| `" + std::string(field.name) + "` | ";
    row += field.prefix.empty() ? std::string("|") : "`" + std::string(field.prefix) + "` |";
    EXPECT_NE(design.find(row), std::string::npos) << "docs/design.md has no row starting " << row;
  }
}

}  // namespace
}  // namespace parlsearch::schema
