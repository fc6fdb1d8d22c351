#include "query_translator.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>
#include <vector>

#include "parlsearch/schema/lexicon.h"
#include "parlsearch/stemming/analyzer.h"
#include "parlsearch/stemming/stemmer.h"
#include "testing/test_support.h"

namespace parlsearch {
namespace {

std::string DutchStem(const std::string& word) { return Stemmer(Language::kDutch).Stem(word); }
std::string FrenchStem(const std::string& word) { return Stemmer(Language::kFrench).Stem(word); }

// A database holding the stems given, as the index's "Z" terms (or `prefix`), one document each.
void AddStems(Xapian::WritableDatabase& database, const std::vector<std::string>& stems,
              const std::string& prefix = "Z") {
  for (const std::string& stem : stems) {
    Xapian::Document document;
    document.add_term(prefix + stem);
    database.add_document(document);
  }
  database.commit();
}

class QueryTranslatorTest : public ::testing::Test {
 protected:
  QueryTranslatorTest() : writer_(directory_.path() + "/db", Xapian::DB_CREATE) {}

  // The translations of `words` into `target`, read from the database as committed now.
  std::map<std::string, WordTranslation> Translate(const std::vector<std::string>& words,
                                                   Language target) {
    database_ = Xapian::Database(directory_.path() + "/db");
    return QueryTranslator(database_, lexicon_).Translate(words, target);
  }

  testing::TempDir directory_;
  Xapian::WritableDatabase writer_;
  Xapian::Database database_;
  Lexicon lexicon_;
};

TEST_F(QueryTranslatorTest, ADutchWordIsTranslatedIntoFrenchKeyedByItsOwnFrenchStem) {
  lexicon_.Add(DutchStem("begroting"), FrenchStem("budget"), 0.8, kFromDictionary);
  AddStems(writer_, {FrenchStem("budget")});
  const auto translations = Translate({"begroting"}, Language::kFrench);
  ASSERT_EQ(translations.size(), 1u);
  ASSERT_TRUE(translations.count(FrenchStem("begroting")));
  const WordTranslation& translation = translations.at(FrenchStem("begroting"));
  EXPECT_EQ(translation.word, "begroting");
  ASSERT_EQ(translation.groups.size(), 1u);
  EXPECT_EQ(translation.groups[0].stems, (std::vector<std::string>{FrenchStem("budget")}));
  EXPECT_DOUBLE_EQ(translation.weight, 0.8);
}

TEST_F(QueryTranslatorTest, AFrenchWordIsTranslatedIntoDutch) {
  lexicon_.Add(DutchStem("haven"), FrenchStem("port"), 1, kFromDictionary);
  AddStems(writer_, {DutchStem("haven")});
  const auto translations = Translate({"port"}, Language::kDutch);
  ASSERT_TRUE(translations.count(DutchStem("port")));
  EXPECT_EQ(translations.at(DutchStem("port")).groups.at(0).stems,
            (std::vector<std::string>{DutchStem("haven")}));
}

TEST_F(QueryTranslatorTest, AWordWithoutEntryIsNotTranslated) {
  lexicon_.Add(DutchStem("begroting"), FrenchStem("budget"), 1, kFromDictionary);
  AddStems(writer_, {FrenchStem("budget"), FrenchStem("fromage")});
  EXPECT_TRUE(Translate({"kaas"}, Language::kFrench).empty());
  // Only the words with entries, among others.
  const auto translations = Translate({"kaas", "begroting"}, Language::kFrench);
  ASSERT_EQ(translations.size(), 1u);
  EXPECT_EQ(translations.begin()->second.word, "begroting");
}

TEST_F(QueryTranslatorTest, TranslationsTheIndexDoesNotHoldAreLeftOut) {
  lexicon_.Add(DutchStem("begroting"), FrenchStem("budget"), 1, kFromDictionary);
  lexicon_.Add(DutchStem("begroting"), FrenchStem("estimation"), 0.9, kFromDictionary);
  AddStems(writer_, {FrenchStem("estimation")});
  const auto translations = Translate({"begroting"}, Language::kFrench);
  ASSERT_EQ(translations.size(), 1u);
  const WordTranslation& translation = translations.begin()->second;
  EXPECT_EQ(translation.groups.at(0).stems, (std::vector<std::string>{FrenchStem("estimation")}));
  // The weight is that of the best translation kept.
  EXPECT_DOUBLE_EQ(translation.weight, 0.9);

  // None held: no translation at all.
  lexicon_ = Lexicon();
  lexicon_.Add(DutchStem("begroting"), FrenchStem("budget"), 1, kFromDictionary);
  EXPECT_TRUE(Translate({"begroting"}, Language::kFrench).empty());
}

TEST_F(QueryTranslatorTest, AtMostFourTranslationsBestFirstAndNoneFarBelowTheBest) {
  const std::vector<std::pair<std::string, double>> french = {
      {"budget", 1.0},  {"estimation", 0.9}, {"prevision", 0.8},
      {"montant", 0.7}, {"enveloppe", 0.65}, {"calcul", 0.3}};
  std::vector<std::string> stems;
  for (const auto& [word, weight] : french) {
    lexicon_.Add(DutchStem("begroting"), FrenchStem(word), weight, kFromDictionary);
    stems.push_back(FrenchStem(word));
  }
  AddStems(writer_, stems);
  auto translations = Translate({"begroting"}, Language::kFrench);
  ASSERT_EQ(translations.size(), 1u);
  EXPECT_EQ(translations.begin()->second.groups.at(0).stems,
            (std::vector<std::string>{FrenchStem("budget"), FrenchStem("estimation"),
                                      FrenchStem("prevision"), FrenchStem("montant")}));

  // Below 60 % of the best, a translation is too loose to search.
  lexicon_ = Lexicon();
  lexicon_.Add(DutchStem("begroting"), FrenchStem("budget"), 1.0, kFromDictionary);
  lexicon_.Add(DutchStem("begroting"), FrenchStem("calcul"), 0.5, kFromDictionary);
  translations = Translate({"begroting"}, Language::kFrench);
  EXPECT_EQ(translations.begin()->second.groups.at(0).stems,
            (std::vector<std::string>{FrenchStem("budget")}));
}

TEST_F(QueryTranslatorTest, ATranslationLearnedFromTheIndexsPairsIsKeptBelowTheBest) {
  lexicon_.Add(DutchStem("begroting"), FrenchStem("budget"), 1.0, kFromDictionary);
  lexicon_.Add(DutchStem("begroting"), FrenchStem("estimation"), 0.2, kFromPairs);
  AddStems(writer_, {FrenchStem("budget"), FrenchStem("estimation")});
  const auto translations = Translate({"begroting"}, Language::kFrench);
  ASSERT_EQ(translations.size(), 1u);
  EXPECT_EQ(translations.begin()->second.groups.at(0).stems,
            (std::vector<std::string>{FrenchStem("budget"), FrenchStem("estimation")}));
  EXPECT_DOUBLE_EQ(translations.begin()->second.weight, 1.0);
}

TEST_F(QueryTranslatorTest, StopwordsAreNotTranslated) {
  lexicon_.Add("het", "le", 1, kFromDictionary);
  lexicon_.Add("de", "de", 1, kFromDictionary);
  lexicon_.Add(DutchStem("begroting"), FrenchStem("budget"), 1, kFromDictionary);
  AddStems(writer_, {"le", "de", FrenchStem("budget")});
  const auto translations = Translate({"het", "de", "begroting"}, Language::kFrench);
  ASSERT_EQ(translations.size(), 1u);
  EXPECT_EQ(translations.begin()->second.word, "begroting");
}

TEST_F(QueryTranslatorTest, WordsOfOneStemAreTranslatedOnce) {
  lexicon_.Add(DutchStem("haven"), FrenchStem("port"), 1, kFromDictionary);
  AddStems(writer_, {FrenchStem("port")});
  ASSERT_EQ(FrenchStem("haven"), FrenchStem("havens"))
      << "the test needs two words with one stem in the target language";
  const auto translations = Translate({"haven", "havens"}, Language::kFrench);
  ASSERT_EQ(translations.size(), 1u);
  EXPECT_EQ(translations.begin()->second.word, "haven");
}

TEST_F(QueryTranslatorTest, LongTranslationsAlsoSearchTheIndexsStemsThatExtendThemALittle) {
  const std::string stem = FrenchStem("proposer");
  ASSERT_GE(stem.size(), 5u);
  lexicon_.Add(DutchStem("voorstellen"), stem, 1, kFromDictionary);
  AddStems(writer_, {stem, stem + "e", stem + "it", stem + "ition"});
  const auto translations = Translate({"voorstellen"}, Language::kFrench);
  ASSERT_EQ(translations.size(), 1u);
  const TranslationGroup& group = translations.begin()->second.groups.at(0);
  EXPECT_EQ(group.stems, (std::vector<std::string>{stem}));
  // By a letter or two: not "…ition".
  EXPECT_EQ(group.extended, (std::vector<std::string>{stem + "e", stem + "it"}));
}

TEST_F(QueryTranslatorTest, ShortTranslationsAreNotExtended) {
  lexicon_.Add(DutchStem("haven"), "port", 1, kFromDictionary);
  AddStems(writer_, {"port", "porte", "portai"});
  const auto translations = Translate({"haven"}, Language::kFrench);
  ASSERT_EQ(translations.size(), 1u);
  EXPECT_TRUE(translations.begin()->second.groups.at(0).extended.empty());
}

TEST_F(QueryTranslatorTest, ADutchCompoundWithoutEntryIsTranslatedByItsParts) {
  const std::vector<AnalyzedWord> analysed = Analyzer(Language::kDutch).Analyze("havenbegroting");
  ASSERT_EQ(analysed.size(), 1u);
  ASSERT_EQ(analysed[0].compound_stems,
            (std::vector<std::string>{DutchStem("haven"), DutchStem("begroting")}));
  lexicon_.Add(DutchStem("haven"), FrenchStem("port"), 0.9, kFromDictionary);
  lexicon_.Add(DutchStem("begroting"), FrenchStem("budget"), 0.7, kFromDictionary);
  AddStems(writer_, {FrenchStem("port"), FrenchStem("budget")});
  const auto translations = Translate({"havenbegroting"}, Language::kFrench);
  ASSERT_EQ(translations.size(), 1u);
  const WordTranslation& translation = translations.begin()->second;
  EXPECT_EQ(translation.word, "havenbegroting");
  ASSERT_EQ(translation.groups.size(), 2u);
  EXPECT_EQ(translation.groups[0].stems, (std::vector<std::string>{FrenchStem("port")}));
  EXPECT_EQ(translation.groups[1].stems, (std::vector<std::string>{FrenchStem("budget")}));
  // As strong as its weakest part.
  EXPECT_DOUBLE_EQ(translation.weight, 0.7);
  // French words are never split: no translation into Dutch by parts.
  EXPECT_TRUE(Translate({"havenbegroting"}, Language::kDutch).empty());
}

TEST_F(QueryTranslatorTest, ADutchStemHeldOnlyAsACompoundsPartIsATranslation) {
  // The index has "woning" only inside compounds ("woningmarkt"): the French phrase "marché du
  // logement" must still find them by both parts.
  lexicon_.Add(DutchStem("woning"), FrenchStem("logement"), 0.9, kFromDictionary);
  lexicon_.Add(DutchStem("markt"), FrenchStem("marché"), 0.9, kFromDictionary);
  AddStems(writer_, {DutchStem("woning"), DutchStem("markt")}, "XC");
  const auto translations = Translate({"marché", "logement"}, Language::kDutch);
  ASSERT_EQ(translations.size(), 2u);
  EXPECT_EQ(translations.at(DutchStem("logement")).groups.at(0).stems,
            (std::vector<std::string>{DutchStem("woning")}));
  EXPECT_EQ(translations.at(DutchStem("marché")).groups.at(0).stems,
            (std::vector<std::string>{DutchStem("markt")}));
  // French has no compound parts: a French stem held only under that prefix is not one.
  lexicon_ = Lexicon();
  lexicon_.Add(DutchStem("woning"), FrenchStem("habitation"), 0.9, kFromDictionary);
  AddStems(writer_, {FrenchStem("habitation")}, "XC");
  EXPECT_TRUE(Translate({"woning"}, Language::kFrench).empty());
}

TEST_F(QueryTranslatorTest, DutchPluralsThatVoiceTheirLastConsonantMeetTheirSingular) {
  // Snowball keeps the voiced letter: "prijzen" -> "prijz", "brieven" -> "briev".
  ASSERT_NE(DutchStem("prijzen"), DutchStem("prijs"));
  ASSERT_NE(DutchStem("brieven"), DutchStem("brief"));
  lexicon_.Add(DutchStem("prijs"), FrenchStem("prix"), 0.9, kFromDictionary);
  lexicon_.Add(DutchStem("brief"), FrenchStem("lettre"), 0.9, kFromDictionary);
  // Into Dutch: the index has only the plurals.
  AddStems(writer_, {DutchStem("prijzen"), DutchStem("brieven")});
  auto translations = Translate({"prix", "lettre"}, Language::kDutch);
  ASSERT_EQ(translations.size(), 2u);
  EXPECT_EQ(translations.at(DutchStem("prix")).groups.at(0).stems,
            (std::vector<std::string>{DutchStem("prijzen")}));
  EXPECT_EQ(translations.at(DutchStem("lettre")).groups.at(0).stems,
            (std::vector<std::string>{DutchStem("brieven")}));
  // From Dutch: the plural is looked up as its singular.
  AddStems(writer_, {FrenchStem("prix"), FrenchStem("lettre")});
  translations = Translate({"prijzen", "brieven", "kazen"}, Language::kFrench);
  ASSERT_EQ(translations.size(), 2u);
  EXPECT_EQ(translations.at(FrenchStem("prijzen")).groups.at(0).stems,
            (std::vector<std::string>{FrenchStem("prix")}));
  EXPECT_EQ(translations.at(FrenchStem("brieven")).groups.at(0).stems,
            (std::vector<std::string>{FrenchStem("lettre")}));
}

TEST_F(QueryTranslatorTest, AFrenchWordWithoutEntryIsTranslatedAsItsNearestRelativeAtHalfWeight) {
  lexicon_.Add(DutchStem("partner"), FrenchStem("partenaire"), 0.8, kFromDictionary);
  AddStems(writer_, {DutchStem("partner")});
  const auto translations = Translate({"partenariat"}, Language::kDutch);
  ASSERT_EQ(translations.size(), 1u);
  const WordTranslation& translation = translations.begin()->second;
  EXPECT_EQ(translation.groups.at(0).stems, (std::vector<std::string>{DutchStem("partner")}));
  EXPECT_DOUBLE_EQ(translation.weight, 0.4);
}

TEST_F(QueryTranslatorTest, OnlyDutchAndFrenchAreTargets) {
  lexicon_.Add(DutchStem("begroting"), FrenchStem("budget"), 1, kFromDictionary);
  AddStems(writer_, {FrenchStem("budget"), DutchStem("begroting")});
  EXPECT_TRUE(Translate({"begroting", "budget"}, Language::kEnglish).empty());
  EXPECT_TRUE(Translate({"begroting", "budget"}, Language::kGerman).empty());
  EXPECT_TRUE(Translate({"begroting", "budget"}, Language::kUnknown).empty());
}

TEST_F(QueryTranslatorTest, AfterForgetItSeesTheStemsTheIndexHasGainedSince) {
  lexicon_.Add(DutchStem("begroting"), FrenchStem("budget"), 1, kFromDictionary);
  AddStems(writer_, {FrenchStem("autre")});
  Xapian::Database database(directory_.path() + "/db");
  const QueryTranslator translator(database, lexicon_);
  EXPECT_TRUE(translator.Translate({"begroting"}, Language::kFrench).empty());

  AddStems(writer_, {FrenchStem("budget")});
  database.reopen();
  translator.Forget();
  const auto translations = translator.Translate({"begroting"}, Language::kFrench);
  ASSERT_EQ(translations.size(), 1u);
  EXPECT_EQ(translations.begin()->second.groups.at(0).stems,
            (std::vector<std::string>{FrenchStem("budget")}));
}

}  // namespace
}  // namespace parlsearch
