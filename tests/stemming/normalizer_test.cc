#include "parlsearch/stemming/normalizer.h"

#include <gtest/gtest.h>

namespace parlsearch {
namespace {

TEST(Normalizer, FoldCaseLowersAndUnifiesApostrophes) {
  EXPECT_EQ(FoldCase("Interopérabilité"), "interopérabilité");
  EXPECT_EQ(FoldCase("INTEROPÉRABILITÉ"), "interopérabilité");
  EXPECT_EQ(FoldCase("l’interopérabilité"), "l'interopérabilité");
  EXPECT_EQ(FoldCase("Straße"), "strasse");
  EXPECT_EQ(FoldCase("CIBG"), "cibg");
}

TEST(Normalizer, FoldAccentsStripsDiacriticsAndExpandsLigatures) {
  EXPECT_EQ(FoldAccents("interopérabilité"), "interoperabilite");
  EXPECT_EQ(FoldAccents("continuïteit"), "continuiteit");
  EXPECT_EQ(FoldAccents("œuvre"), "oeuvre");
  EXPECT_EQ(FoldAccents("Région"), "Region");
}

TEST(Normalizer, AccentedAndPlainSpellingsMatch) {
  EXPECT_EQ(FoldForMatching("Interopérabilité"), FoldForMatching("interoperabilite"));
  EXPECT_EQ(FoldForMatching("DéFI"), "defi");
}

TEST(Normalizer, EveryLatinOneLetterFolds) {
  EXPECT_EQ(FoldCase("ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞŒ"), "àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþœ");
  EXPECT_EQ(FoldForMatching("ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝŒ"), "aaaaaaaeceeeeiiiinoooooouuuuyoe");
  EXPECT_EQ(FoldAccents("àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿœß"), "aaaaaaaeceeeeiiiinoooooouuuuyyoess");
}

TEST(Normalizer, TypographicMarksPassThroughExceptApostrophes) {
  EXPECT_EQ(FoldCase("« Bruxelles Numérique » – “Digitaal Brussel” • 4° × 2 €"),
            "« bruxelles numérique » – “digitaal brussel” • 4° × 2 €");
  EXPECT_EQ(FoldCase("L‘État’s"), "l'état's");
  EXPECT_EQ(FoldAccents("« Région » – l’État"), "« Region » – l’Etat");
}

TEST(Normalizer, RareCharactersGoThroughFullUnicodeFolding) {
  // Letters outside Latin-1 and compatibility characters mixed with accented ones.
  EXPECT_EQ(FoldCase("ﬁnancière ŒUVRE Łódź"), "financière œuvre łódź");
  EXPECT_EQ(FoldForMatching("ﬁnancière Łódź ǅ"), "financiere lodz dz");
  EXPECT_EQ(FoldCase("Ω Ἀθῆναι"), "ω ἀθῆναι");
}

TEST(Normalizer, NfkcReplacesCompatibilityCharacters) {
  EXPECT_EQ(NormalizeNfkc("ﬁnances"), "finances");
  EXPECT_EQ(NormalizeNfkc("e\u0301"), "é");
}

TEST(Normalizer, FindsInvalidUtf8) {
  EXPECT_FALSE(FindInvalidUtf8("interopérabilité").has_value());
  const std::string bad = std::string("ok ") + '\xC3' + '(';
  ASSERT_TRUE(FindInvalidUtf8(bad).has_value());
  EXPECT_EQ(*FindInvalidUtf8(bad), 3u);
}

}  // namespace
}  // namespace parlsearch
