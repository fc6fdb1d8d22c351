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
