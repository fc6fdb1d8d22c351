#include "parlsearch/stemming/analyzer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parlsearch/error.h"
#include "parlsearch/stemming/normalizer.h"
#include "parlsearch/stemming/stemmer.h"
#include "parlsearch/stemming/word_list.h"

namespace parlsearch {
namespace {

using Strings = std::vector<std::string>;

Strings Folded(const std::vector<AnalyzedWord>& words) {
  Strings folded;
  for (const AnalyzedWord& word : words) folded.push_back(word.folded);
  return folded;
}

// The only word of `text`; fails the test if there is not exactly one.
AnalyzedWord OnlyWord(const Analyzer& analyzer, const std::string& text) {
  const std::vector<AnalyzedWord> words = analyzer.Analyze(text);
  EXPECT_EQ(words.size(), 1u) << text;
  return words.empty() ? AnalyzedWord{} : words.front();
}

bool HaveDutchWordList() { return !WordList::ForLanguage(Language::kDutch).empty(); }

TEST(StripElision, RemovesFrenchArticlesAndPronounsWithEitherApostrophe) {
  EXPECT_EQ(StripElision("L’interopérabilité"), "interopérabilité");
  EXPECT_EQ(StripElision("l'interopérabilité"), "interopérabilité");
  EXPECT_EQ(StripElision("d’easy.brussels"), "easy.brussels");
  EXPECT_EQ(StripElision("qu'il"), "il");
  EXPECT_EQ(StripElision("n'y"), "y");
  EXPECT_EQ(StripElision("Jusqu’à"), "à");
  EXPECT_EQ(StripElision("LORSQU'ON"), "ON");
  EXPECT_EQ(StripElision("puisqu'elle"), "elle");
}

TEST(StripElision, LeavesOtherWordsWithApostrophesAlone) {
  EXPECT_EQ(StripElision("aujourd'hui"), "aujourd'hui");
  EXPECT_EQ(StripElision("quelqu'un"), "quelqu'un");
  EXPECT_EQ(StripElision("zo'n"), "zo'n");
  EXPECT_EQ(StripElision("programma's"), "programma's");
  EXPECT_EQ(StripElision("interopérabilité"), "interopérabilité");
}

TEST(StripElision, NeedsSomethingAfterTheApostrophe) {
  EXPECT_EQ(StripElision("l'"), "l'");
  EXPECT_EQ(StripElision("qu’"), "qu’");
}

TEST(Analyzer, SpellingsOfInteroperabiliteShareFoldedFormAndStem) {
  const Analyzer french(Language::kFrench);
  const AnalyzedWord reference = OnlyWord(french, "interopérabilité");
  EXPECT_EQ(reference.exact, "interopérabilité");
  EXPECT_EQ(reference.folded, "interoperabilite");
  EXPECT_EQ(reference.stem, "interoperabilit");
  for (const char* spelling : {"interoperabilite", "Interopérabilité", "INTEROPÉRABILITÉ",
                               "l'interopérabilité", "L’interopérabilité"}) {
    const AnalyzedWord word = OnlyWord(french, spelling);
    EXPECT_EQ(word.folded, reference.folded) << spelling;
    EXPECT_EQ(word.stem, reference.stem) << spelling;
  }
}

TEST(Analyzer, AnalysesASentenceOfTheReport) {
  const std::string text = "L’interopérabilité est en effet cruciale";
  const std::vector<AnalyzedWord> words = Analyzer(Language::kFrench).Analyze(text);
  EXPECT_EQ(Folded(words), (Strings{"interoperabilite", "est", "en", "effet", "cruciale"}));
  ASSERT_EQ(words.size(), 5u);
  EXPECT_EQ(words[0].position, 0u);  // the elided article takes no position
  EXPECT_EQ(words[0].offset, 4u);    // "L’" is four bytes
  EXPECT_EQ(words[0].length, 18u);
  EXPECT_TRUE(words[1].stopword);
  EXPECT_TRUE(words[2].stopword);
  EXPECT_FALSE(words[3].stopword);
  EXPECT_EQ(words[4].stem, "crucial");
  EXPECT_EQ(words[4].position, 4u);
}

TEST(Analyzer, OffsetsPointIntoTheTextAsGiven) {
  const std::string text =
      "samenwerken met easy.brussels? Wat de gegevensbescherming betreft (A-805/2)";
  for (const AnalyzedWord& word : Analyzer(Language::kDutch).Analyze(text)) {
    EXPECT_EQ(FoldCase(text.substr(word.offset, word.length)), word.exact) << word.exact;
  }
}

TEST(Analyzer, JoinedTokenGivesOneWordPerPartAndTheWholeOnTheFirst) {
  const std::vector<AnalyzedWord> words =
      Analyzer(Language::kDutch).Analyze("stuk A-805/2 over e-governance");
  EXPECT_EQ(Folded(words), (Strings{"stuk", "a", "805", "2", "over", "e", "governance"}));
  ASSERT_EQ(words.size(), 7u);
  EXPECT_EQ(words[1].whole, "a-805/2");
  EXPECT_EQ(words[2].whole, "");
  EXPECT_EQ(words[3].whole, "");
  EXPECT_EQ(words[5].whole, "e-governance");
  EXPECT_EQ(words[1].offset, 5u);
  EXPECT_EQ(words[2].offset, 7u);
  EXPECT_EQ(words[3].offset, 11u);
  for (std::size_t i = 0; i < words.size(); ++i) EXPECT_EQ(words[i].position, i);
}

TEST(Analyzer, ElisionBeforeAJoinedTokenIsStripped) {
  const std::vector<AnalyzedWord> words =
      Analyzer(Language::kFrench).Analyze("notamment d’easy.brussels");
  EXPECT_EQ(Folded(words), (Strings{"notamment", "easy", "brussels"}));
  ASSERT_EQ(words.size(), 3u);
  EXPECT_EQ(words[1].whole, "easy.brussels");
  EXPECT_EQ(words[1].offset, 14u);  // after "notamment d’"
}

TEST(Analyzer, NumbersAreKeptWithTheirFoldedFormAsStem) {
  const std::vector<AnalyzedWord> words =
      Analyzer(Language::kDutch).Analyze("de wet van 30 juli 2018: 248 miljoen");
  EXPECT_EQ(Folded(words), (Strings{"de", "wet", "van", "30", "juli", "2018", "248", "miljoen"}));
  for (const AnalyzedWord& word : words) {
    if (word.folded.find_first_of("0123456789") != std::string::npos) {
      EXPECT_EQ(word.stem, word.folded);
    }
  }
}

TEST(Analyzer, StemsAreTheStemmersStemsOfTheFoldedWords) {
  const Stemmer stemmer(Language::kDutch);
  const std::vector<AnalyzedWord> words = Analyzer(Language::kDutch)
                                              .Analyze(
                                                  "Interoperabiliteit is immers cruciaal "
                                                  "voor de administraties");
  ASSERT_FALSE(words.empty());
  for (const AnalyzedWord& word : words) EXPECT_EQ(word.stem, stemmer.StemFolded(word.folded));
  EXPECT_EQ(words.back().stem, stemmer.Stem("administratie"));
}

TEST(Analyzer, DutchCompoundsCarryTheStemsOfTheirParts) {
  if (!HaveDutchWordList()) GTEST_SKIP() << "no Dutch word list";
  const Analyzer dutch(Language::kDutch);
  EXPECT_EQ(OnlyWord(dutch, "gegevensbescherming").compound_stems,
            (Strings{"gegeven", "bescherm"}));
  EXPECT_EQ(OnlyWord(dutch, "Informatiebeveiliging").compound_stems,
            (Strings{"informatie", "beveil"}));
}

TEST(Analyzer, DutchWordsThatAreNotCompoundsHaveNoParts) {
  if (!HaveDutchWordList()) GTEST_SKIP() << "no Dutch word list";
  const std::vector<AnalyzedWord> words = Analyzer(Language::kDutch)
                                              .Analyze(
                                                  "de bescherming van natuurlijke personen "
                                                  "door de administratie");
  ASSERT_EQ(words.size(), 8u);
  for (const AnalyzedWord& word : words) EXPECT_TRUE(word.compound_stems.empty()) << word.folded;
  EXPECT_TRUE(words[0].stopword);
  EXPECT_TRUE(words[2].stopword);
  EXPECT_FALSE(words[1].stopword);
}

TEST(Analyzer, DerivedWordsThatLookLikeCompoundsHaveNoParts) {
  if (!HaveDutchWordList()) GTEST_SKIP() << "no Dutch word list";
  // "verwerking" falls into the listed "verwer" + "king", but its stem does not end in "king".
  EXPECT_TRUE(OnlyWord(Analyzer(Language::kDutch), "verwerking").compound_stems.empty());
  EXPECT_TRUE(OnlyWord(Analyzer(Language::kDutch), "programma's").compound_stems.empty());
}

TEST(Analyzer, DecompoundingCanBeTurnedOff) {
  const Analyzer dutch(Language::kDutch, AnalyzerOptions{.decompound = false});
  EXPECT_TRUE(OnlyWord(dutch, "gegevensbescherming").compound_stems.empty());
}

TEST(Analyzer, OnlyDutchIsDecompounded) {
  EXPECT_TRUE(OnlyWord(Analyzer(Language::kFrench), "gegevensbescherming").compound_stems.empty());
}

TEST(Analyzer, DutchContractionsAreNotTakenForElisions) {
  const Analyzer dutch(Language::kDutch);
  EXPECT_EQ(Folded(dutch.Analyze("m'n collega")), (Strings{"m'n", "collega"}));
  EXPECT_EQ(Folded(dutch.Analyze("d'r")), (Strings{"d'r"}));
  EXPECT_EQ(Folded(dutch.Analyze("het ’s avonds")), (Strings{"het", "s", "avonds"}));
}

TEST(Analyzer, FrenchNamesInOtherLanguagesLoseTheirElision) {
  EXPECT_EQ(Folded(Analyzer(Language::kDutch).Analyze("de methode d’Hondt")),
            (Strings{"de", "methode", "hondt"}));
  EXPECT_EQ(Folded(Analyzer(Language::kEnglish).Analyze("l'Europe")), (Strings{"europe"}));
}

TEST(Analyzer, FrenchElisionsBeforeOneLetterAreStripped) {
  EXPECT_EQ(Folded(Analyzer(Language::kFrench).Analyze("il n'y a")), (Strings{"il", "y", "a"}));
}

TEST(Analyzer, CompatibilityCharactersAreNormalised) {
  const std::string ligature = "ef\uFB01cacité";  // U+FB01 LATIN SMALL LIGATURE FI
  const AnalyzedWord word = OnlyWord(Analyzer(Language::kFrench), ligature);
  EXPECT_EQ(word.exact, "efficacité");
  EXPECT_EQ(word.offset, 0u);
  EXPECT_EQ(word.length, ligature.size());
}

TEST(Analyzer, NormalisesAQueryWordAsItIndexesIt) {
  const Analyzer dutch(Language::kDutch, AnalyzerOptions{.decompound = false});
  const Analyzer french(Language::kFrench, AnalyzerOptions{.decompound = false});
  EXPECT_EQ(dutch.Normalize("M’n"), "m'n");
  EXPECT_EQ(french.Normalize("M’n"), "n");
  EXPECT_EQ(dutch.Normalize("L'INTEROPÉRABILITÉ"), "interoperabilite");
  EXPECT_EQ(french.Normalize("\uFB01nancement"), "financement");
  EXPECT_EQ(dutch.Normalize("’s-Hertogenbosch"), "'s-hertogenbosch");
  for (const char* word : {"m'n", "d'Hondt", "Œuvre", "e-governance", "coördinatie"}) {
    for (const Analyzer* analyzer : {&dutch, &french}) {
      const std::vector<AnalyzedWord> words = analyzer->Analyze(word);
      ASSERT_FALSE(words.empty()) << word;
      const std::string& stored = words[0].whole.empty() ? words[0].folded : words[0].whole;
      EXPECT_EQ(analyzer->Normalize(word), stored) << word;
    }
  }
}

TEST(Analyzer, UnknownLanguageIsAnError) { EXPECT_THROW(Analyzer{Language::kUnknown}, Error); }

}  // namespace
}  // namespace parlsearch
