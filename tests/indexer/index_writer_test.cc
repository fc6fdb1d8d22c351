#include "parlsearch/indexer/index_writer.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <array>
#include <string_view>

#include "parlsearch/corpus/report_reader.h"
#include "parlsearch/error.h"
#include "parlsearch/schema/index_stats.h"
#include "parlsearch/schema/paragraph_record.h"
#include "parlsearch/schema/schema.h"
#include "parlsearch/stemming/stemmer.h"
#include "testing/test_support.h"

namespace parlsearch {
namespace {

Document Report() {
  static const Roster roster = Roster::Load(testing::BundledRoster());
  ReportReaderOptions options;
  options.roster = &roster;
  return ReportReader(options).ReadFile(testing::BundledReport());
}

Paragraph Make(const std::string& id, Language lang, const std::string& text) {
  Paragraph paragraph;
  paragraph.id = id;
  paragraph.doc = "T-1/1 – 2023/2024";
  paragraph.lang = lang;
  paragraph.seq = 1;
  paragraph.speaker = "Margaux De Ré";
  paragraph.party = "Ecolo";
  paragraph.role = "member";
  paragraph.date = "2024-03-21";
  paragraph.text = text;
  return paragraph;
}

bool HasTerm(const Xapian::Database& database, const std::string& term) {
  return database.get_termfreq(term) > 0;
}

TEST(IndexWriter, IndexingTheReportStoresOneDocumentPerParagraph) {
  testing::TempDir dir;
  const Document report = Report();
  {
    IndexWriter writer(dir.path());
    writer.Replace(report);
    writer.Commit();
  }
  Xapian::Database database = schema::OpenForReading(dir.path());
  EXPECT_EQ(database.get_doccount(), report.paragraphs.size());
  EXPECT_EQ(database.get_termfreq(schema::BooleanTerm(schema::kLanguagePrefix, "nl")), 92u);
  EXPECT_EQ(database.get_metadata(std::string(schema::kVersionKey)),
            std::to_string(schema::kVersion));
}

TEST(IndexWriter, IndexingADocumentAgainReplacesItsParagraphs) {
  testing::TempDir dir;
  Document report = Report();
  IndexWriter writer(dir.path());
  writer.Replace(report);
  writer.Commit();
  report.paragraphs.resize(10);  // a shorter version of the same document
  writer.Replace(report);
  writer.Commit();
  Xapian::Database database(dir.path());
  EXPECT_EQ(database.get_doccount(), 10u);
}

TEST(IndexWriter, RemoveTakesOutExactlyThatDocument) {
  testing::TempDir dir;
  Document report = Report();
  Document other;
  other.id = "T-1/1 – 2023/2024";
  other.paragraphs = {Make("t-1", Language::kDutch, "Een andere tekst over begrotingen.")};
  IndexWriter writer(dir.path());
  writer.Replace(report);
  writer.Replace(other);
  writer.Commit();
  EXPECT_EQ(writer.Remove(DocumentSlug(report.id)), report.paragraphs.size());
  writer.Commit();
  EXPECT_EQ(writer.Remove("no such document"), 0u);
  Xapian::Database database(dir.path());
  EXPECT_EQ(database.get_doccount(), 1u);
  EXPECT_TRUE(HasTerm(database, "Qt-1"));
}

TEST(IndexWriter, UncommittedChangesAreNotVisibleAndAreLostWithTheWriter) {
  testing::TempDir dir;
  {
    IndexWriter writer(dir.path());
    writer.Replace(Report());
    writer.Commit();
  }
  const Xapian::doccount before = Xapian::Database(dir.path()).get_doccount();
  {
    IndexWriter writer(dir.path());
    EXPECT_GT(writer.Remove("A-805/2 – 2023/2024"), 0u);
    EXPECT_EQ(Xapian::Database(dir.path()).get_doccount(), before);
  }
  EXPECT_EQ(Xapian::Database(dir.path()).get_doccount(), before);
}

TEST(IndexWriter, TermsFiltersAndValuesFollowTheSchema) {
  testing::TempDir dir;
  Document document;
  document.id = "T-1/1 – 2023/2024";
  document.paragraphs = {
      Make("t-nl-1", Language::kDutch, "Gegevensbescherming is cruciaal voor de e-governance."),
      Make("t-fr-1", Language::kFrench, "L’interopérabilité est cruciale.")};
  {
    IndexWriter writer(dir.path());
    writer.Replace(document);
    writer.Commit();
  }
  Xapian::Database database(dir.path());
  const std::string french_stem = Stemmer(Language::kFrench).Stem("interopérabilité");
  EXPECT_TRUE(HasTerm(database, "Z" + french_stem));
  EXPECT_TRUE(HasTerm(database, "interoperabilite"));  // folded, with positions
  EXPECT_TRUE(HasTerm(database, "XEinteropérabilité"));
  EXPECT_FALSE(HasTerm(database, "l"));  // the elided article is not a word of its own
  EXPECT_TRUE(HasTerm(database, "e-governance"));
  EXPECT_TRUE(HasTerm(database, "governance"));
  const std::string part = Stemmer(Language::kDutch).Stem("bescherming");
  EXPECT_TRUE(HasTerm(database, "XC" + part));
  EXPECT_TRUE(HasTerm(database, "XSPEAKERmargaux de re"));
  EXPECT_TRUE(HasTerm(database, "XPARTYecolo"));
  EXPECT_TRUE(HasTerm(database, "D20240321"));
  EXPECT_TRUE(HasTerm(database, "Lfr"));

  const Xapian::Document french = database.get_document(*database.postlist_begin("Qt-fr-1"));
  EXPECT_EQ(french.get_value(schema::kDateSlot), "20240321");
  std::array<std::string_view, schema::kFacetRecordSize> facets;
  const std::string record = french.get_value(schema::kFacetSlot);
  ASSERT_TRUE(schema::SplitFacetRecord(record, &facets));
  EXPECT_EQ(facets[schema::FacetField("party")], "Ecolo");
  EXPECT_EQ(facets[schema::FacetField("lang")], "fr");
  EXPECT_EQ(facets[schema::FacetField("year")], "2024");
  EXPECT_EQ(facets[schema::FacetField("month")], "2024-03");
  EXPECT_EQ(schema::DecodeParagraph(french.get_data()).text, "L’interopérabilité est cruciale.");
}

TEST(IndexWriter, IndexOfAnotherSchemaVersionIsRefused) {
  testing::TempDir dir;
  {
    Xapian::WritableDatabase database(dir.path(), Xapian::DB_CREATE_OR_OPEN);
    Xapian::Document document;
    document.add_term("hello");
    database.add_document(document);
    database.set_metadata(std::string(schema::kVersionKey), "0");
    database.commit();
  }
  EXPECT_THROW(IndexWriter writer(dir.path()), IndexError);
  EXPECT_THROW(schema::OpenForReading(dir.path()), IndexError);
  try {
    schema::OpenForReading(dir.path());
  } catch (const IndexError& error) {
    EXPECT_NE(std::string(error.what()).find("schema version 0"), std::string::npos);
  }
}

TEST(IndexStats, CountsDocumentsParagraphsSpeakersAndParties) {
  testing::TempDir dir;
  {
    IndexWriter writer(dir.path());
    writer.Replace(Report());
    writer.Commit();
  }
  const IndexStats stats = ReadIndexStats(dir.path());
  EXPECT_EQ(stats.documents, 1u);
  EXPECT_EQ(stats.paragraphs, 184u);
  EXPECT_EQ(stats.paragraphs_per_language.at("nl"), 92u);
  EXPECT_EQ(stats.paragraphs_per_language.at("fr"), 92u);
  EXPECT_EQ(stats.speakers, 9u);
  EXPECT_EQ(stats.parties, 7u);
  EXPECT_GT(stats.terms, 1000u);
  EXPECT_GT(stats.bytes_on_disk, 0u);
}

TEST(IndexStats, MissingIndexIsAClearError) {
  testing::TempDir dir;
  EXPECT_THROW(ReadIndexStats(dir.path() + "/nothing"), IndexError);
}

}  // namespace
}  // namespace parlsearch
