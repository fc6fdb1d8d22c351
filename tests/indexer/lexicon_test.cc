#include "parlsearch/schema/lexicon.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include "parlsearch/error.h"
#include "testing/test_support.h"

namespace parlsearch {
namespace {

TEST(Lexicon, TranslatesEitherWayBestFirst) {
  Lexicon lexicon;
  lexicon.Add("bescherm", "protect", 0.9, kFromPairs);
  lexicon.Add("bescherm", "garant", 0.5, kFromDictionary);
  lexicon.Add("beveilig", "protect", 0.6, kFromDictionary);

  const std::vector<Translation> french = lexicon.Translate(Language::kDutch, "bescherm");
  ASSERT_EQ(french.size(), 2u);
  EXPECT_EQ(french[0].stem, "protect");
  EXPECT_EQ(french[1].stem, "garant");
  const std::vector<Translation> dutch = lexicon.Translate(Language::kFrench, "protect");
  ASSERT_EQ(dutch.size(), 2u);
  EXPECT_EQ(dutch[0].stem, "bescherm");
  EXPECT_EQ(dutch[1].stem, "beveilig");
  EXPECT_TRUE(lexicon.Translate(Language::kFrench, "bescherm").empty());
  EXPECT_TRUE(lexicon.Translate(Language::kEnglish, "protect").empty());
}

TEST(Lexicon, NearestStemSharesTheLongestPrefix) {
  Lexicon lexicon;
  lexicon.Add("partner", "partenair", 0.5, kFromDictionary);
  lexicon.Add("partij", "parti", 0.5, kFromDictionary);
  lexicon.Add("vennoot", "partenai", 0.5, kFromDictionary);
  EXPECT_EQ(lexicon.NearestStem(Language::kFrench, "partenariat", 6), "partenai");
  EXPECT_EQ(lexicon.NearestStem(Language::kFrench, "partenaires", 6), "partenair");
  EXPECT_EQ(lexicon.NearestStem(Language::kFrench, "particul", 6), "");  // "parti": 5 letters
  EXPECT_EQ(lexicon.NearestStem(Language::kFrench, "parten", 7), "");    // shorter than asked
  EXPECT_EQ(lexicon.NearestStem(Language::kDutch, "partnerschap", 6), "partner");
  EXPECT_EQ(lexicon.NearestStem(Language::kEnglish, "partnership", 6), "");
}

TEST(Lexicon, SourcesThatAgreeStrengthenAnEntry) {
  Lexicon lexicon;
  lexicon.Add("burger", "citoyen", 0.5, kFromDictionary);
  lexicon.Add("burger", "citoyen", 0.6, kFromPairs);
  ASSERT_EQ(lexicon.size(), 1u);
  EXPECT_NEAR(lexicon.entries()[0].weight, 0.8, 1e-9);  // 1 - 0.5 * 0.4
  EXPECT_EQ(lexicon.entries()[0].sources, kFromDictionary | kFromPairs);
}

TEST(Lexicon, StoredFormReadsBackWithItsWords) {
  Lexicon lexicon;
  lexicon.Add("interoperabiliteit", "interoperabilit", 1.0, kFromPairs | kFromCognates);
  lexicon.SetWord(Language::kFrench, "interoperabilit", "interopérabilité");
  const std::string text = lexicon.Serialize();
  EXPECT_EQ(text,
            "parlsearch-lexicon 1\n"
            "interoperabiliteit\tinteroperabilit\t1.000\tpc\tinteroperabiliteit\t"
            "interopérabilité\n");
  const Lexicon read = Lexicon::Parse(text);
  ASSERT_EQ(read.size(), 1u);
  EXPECT_EQ(read.entries()[0].sources, kFromPairs | kFromCognates);
  EXPECT_EQ(read.Word(Language::kFrench, "interoperabilit"), "interopérabilité");
  EXPECT_EQ(read.Word(Language::kDutch, "interoperabiliteit"), "interoperabiliteit");
  EXPECT_EQ(read.Serialize(), text);
}

TEST(Lexicon, MalformedStoredFormIsAnIndexError) {
  EXPECT_THROW(Lexicon::Parse("something else\n"), IndexError);
  EXPECT_THROW(Lexicon::Parse("parlsearch-lexicon 1\nonly\ttwo\n"), IndexError);
}

TEST(Lexicon, LivesInTheIndexMetadata) {
  testing::TempDir directory;
  Lexicon lexicon;
  lexicon.Add("haven", "port", 0.9, kFromPairs);
  {
    Xapian::WritableDatabase database(directory.path(), Xapian::DB_CREATE_OR_OPEN);
    EXPECT_TRUE(ReadLexicon(database).empty());
    WriteLexicon(database, lexicon);
    database.commit();
  }
  const Lexicon read = ReadLexicon(Xapian::Database(directory.path()));
  ASSERT_EQ(read.size(), 1u);
  EXPECT_EQ(read.Translate(Language::kFrench, "port")[0].stem, "haven");
}

}  // namespace
}  // namespace parlsearch
