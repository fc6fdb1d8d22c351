#include "parlsearch/stemming/stemmer.h"

#include <gtest/gtest.h>

#include "parlsearch/error.h"

namespace parlsearch {
namespace {

TEST(Stemmer, FrenchSpellingsWithAndWithoutAccentsShareAStem) {
  const Stemmer french(Language::kFrench);
  const std::string stem = french.Stem("interopérabilité");
  EXPECT_EQ(stem, "interoperabilit");
  EXPECT_EQ(french.Stem("interoperabilite"), stem);
  EXPECT_EQ(french.Stem("Interopérabilité"), stem);
  EXPECT_EQ(french.Stem("INTEROPÉRABILITÉ"), stem);
}

TEST(Stemmer, StemFoldedGivesTheStemOfTheFoldedForm) {
  const Stemmer french(Language::kFrench);
  EXPECT_EQ(french.StemFolded("interoperabilite"), french.Stem("Interopérabilité"));
  EXPECT_EQ(french.StemFolded("cruciale"), "crucial");
}

TEST(Stemmer, DutchPluralsMeetTheirSingular) {
  const Stemmer dutch(Language::kDutch);
  EXPECT_EQ(dutch.Stem("administraties"), dutch.Stem("administratie"));
  EXPECT_EQ(dutch.Stem("commissies"), dutch.Stem("commissie"));
  EXPECT_EQ(dutch.Stem("programma's"), dutch.Stem("programma"));
  EXPECT_EQ(dutch.Stem("industrieën"), dutch.Stem("industrie"));
  EXPECT_EQ(dutch.Stem("regeringen"), dutch.Stem("regering"));
}

TEST(Stemmer, DutchShortWordsInIesAreNotTakenForPlurals) {
  EXPECT_EQ(Stemmer(Language::kDutch).Stem("kies"), "kies");
}

TEST(Stemmer, DutchStemsOfReportWords) {
  const Stemmer dutch(Language::kDutch);
  EXPECT_EQ(dutch.Stem("Interoperabiliteit"), "interoperabiliteit");
  EXPECT_EQ(dutch.Stem("gegevensbescherming"), "gegevensbescherm");
  EXPECT_EQ(dutch.Stem("bescherming"), "bescherm");
}

TEST(Stemmer, EnglishRemovesInflection) {
  const Stemmer english(Language::kEnglish);
  EXPECT_EQ(english.Stem("governments"), "govern");
  EXPECT_EQ(english.Stem("government"), "govern");
}

TEST(Stemmer, GermanPluralMeetsSingular) {
  const Stemmer german(Language::kGerman);
  EXPECT_EQ(german.Stem("Verwaltungen"), "verwalt");
  EXPECT_EQ(german.Stem("Verwaltung"), "verwalt");
}

TEST(Stemmer, WordsWithoutLettersComeBackFoldedButUnstemmed) {
  const Stemmer dutch(Language::kDutch);
  EXPECT_EQ(dutch.Stem("2018"), "2018");
  EXPECT_EQ(dutch.Stem("248"), "248");
  EXPECT_EQ(dutch.Stem("1.250,50"), "1.250,50");
}

TEST(Stemmer, KeepsItsLanguageAndWorksAfterAMove) {
  Stemmer moved(Language::kDutch);
  const Stemmer stemmer = std::move(moved);
  EXPECT_EQ(stemmer.language(), Language::kDutch);
  EXPECT_EQ(stemmer.Stem("administraties"), "administratie");
}

TEST(Stemmer, UnknownLanguageIsAnError) { EXPECT_THROW(Stemmer{Language::kUnknown}, Error); }

}  // namespace
}  // namespace parlsearch
