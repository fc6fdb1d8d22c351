#include "freedict_article.h"

#include <gtest/gtest.h>

namespace parlsearch {
namespace {

using Translations = std::vector<std::string>;

TEST(FreeDictArticle, HeadwordWithoutPronunciationAndOneTranslation) {
  const FreeDictArticle article = ParseFreeDictArticle("ordinateur /ordinatœr/\ncomputer\n");
  EXPECT_EQ(article.headword, "ordinateur");
  EXPECT_EQ(article.translations, Translations{"computer"});
}

TEST(FreeDictArticle, NumberedSensesInOrder) {
  const FreeDictArticle article = ParseFreeDictArticle(
      "reconnaissance /rəkonɛsãs/\n1. erkenning\n2. dankbaarheid\n3. onderzoek, speurwerk\n");
  EXPECT_EQ(article.translations,
            (Translations{"erkenning", "dankbaarheid", "onderzoek", "speurwerk"}));
}

TEST(FreeDictArticle, NotesInBracketsAndRepeatsGo) {
  EXPECT_EQ(ParseFreeDictArticle("kruisen /krœysən/\n2. croiser [van schip]\n").translations,
            Translations{"croiser"});
  EXPECT_EQ(ParseFreeDictArticle("hop /hɔp/\nhop, hop (plant)\n").translations,
            Translations{"hop"});
  EXPECT_EQ(ParseFreeDictArticle("s'engager /sãgaʒe/\naangaan; afsluiten\n").headword, "s'engager");
}

TEST(FreeDictArticle, PhrasesStayWhole) {
  const FreeDictArticle article = ParseFreeDictArticle(
      "îles du Vent /ˈil dy- vˈɑ̃/\nBovenwindse Eilanden, Eilanden boven de wind\n");
  EXPECT_EQ(article.headword, "îles du Vent");
  EXPECT_EQ(article.translations, (Translations{"Bovenwindse Eilanden", "Eilanden boven de wind"}));
}

}  // namespace
}  // namespace parlsearch
