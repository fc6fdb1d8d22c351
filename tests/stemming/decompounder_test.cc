#include "parlsearch/stemming/decompounder.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parlsearch/stemming/word_list.h"
#include "testing/test_support.h"

namespace parlsearch {
namespace {

using Parts = std::vector<std::string>;

// A word list holding exactly `words`, so that each test shows the words a split relies on.
WordList ListOf(const std::vector<std::string>& words) {
  std::string contents;
  for (const std::string& word : words) contents += word + "\n";
  const testing::TempDir folder;
  return WordList::Load(folder.Write("words", contents));
}

TEST(Decompounder, SplitsAtLinkingS) {
  const WordList words = ListOf({"gegeven", "bescherming"});
  EXPECT_EQ(Decompounder(words).Split("gegevensbescherming"), (Parts{"gegeven", "bescherming"}));
}

TEST(Decompounder, PrefersThePartListedWithItsS) {
  const WordList words = ListOf({"gegeven", "gegevens", "bescherming"});
  EXPECT_EQ(Decompounder(words).Split("gegevensbescherming"), (Parts{"gegevens", "bescherming"}));
}

TEST(Decompounder, SplitsWithoutLinkingElement) {
  const WordList words = ListOf({"informatie", "beveiliging"});
  EXPECT_EQ(Decompounder(words).Split("informatiebeveiliging"),
            (Parts{"informatie", "beveiliging"}));
}

TEST(Decompounder, SplitsAtLinkingEAndEn) {
  const WordList words = ListOf({"paard", "bloem", "boek", "kast"});
  EXPECT_EQ(Decompounder(words).Split("paardebloem"), (Parts{"paard", "bloem"}));
  EXPECT_EQ(Decompounder(words).Split("boekenkast"), (Parts{"boek", "kast"}));
}

TEST(Decompounder, SplitsIntoThreePartsWhenTwoWillNotDo) {
  const WordList words = ListOf({"gemeente", "raad", "verkiezingen"});
  EXPECT_EQ(Decompounder(words).Split("gemeenteraadsverkiezingen"),
            (Parts{"gemeente", "raad", "verkiezingen"}));
}

TEST(Decompounder, FewestPartsWinThenLongestLastPart) {
  const WordList words =
      ListOf({"gemeente", "gemeenteraad", "raad", "raadsverkiezingen", "verkiezingen"});
  EXPECT_EQ(Decompounder(words).Split("gemeenteraadsverkiezingen"),
            (Parts{"gemeente", "raadsverkiezingen"}));
}

TEST(Decompounder, PartsHaveAtLeastFourLetters) {
  const WordList words = ListOf({"wet", "voorstel"});
  EXPECT_TRUE(Decompounder(words).Split("wetsvoorstel").empty());
}

TEST(Decompounder, WordThatDoesNotSplitEntirelyGivesNoParts) {
  const WordList words = ListOf({"informatie", "beveiliging"});
  EXPECT_TRUE(Decompounder(words).Split("informatiebeveiligingsplan").empty());
  EXPECT_TRUE(Decompounder(words).Split("informatie").empty());
}

TEST(Decompounder, ListedWordWithShortFirstPartStaysWhole) {
  EXPECT_EQ(Decompounder(ListOf({"mini", "ster"})).Split("minister"), (Parts{"mini", "ster"}));
  EXPECT_TRUE(Decompounder(ListOf({"minister", "mini", "ster"})).Split("minister").empty());
}

TEST(Decompounder, EmptyListSplitsNothing) {
  const WordList empty;
  EXPECT_TRUE(Decompounder(empty).Split("gegevensbescherming").empty());
}

// With Debian's Dutch list (wdutch), as the analyser uses it.
class DutchDecompounder : public ::testing::Test {
 protected:
  void SetUp() override {
    if (WordList::ForLanguage(Language::kDutch).empty()) GTEST_SKIP() << "no Dutch word list";
  }
  Parts Split(const std::string& word) const {
    return Decompounder(WordList::ForLanguage(Language::kDutch)).Split(word);
  }
};

TEST_F(DutchDecompounder, SplitsCompoundsOfTheReport) {
  EXPECT_EQ(Split("gegevensbescherming"), (Parts{"gegevens", "bescherming"}));
  EXPECT_EQ(Split("informatiebeveiliging"), (Parts{"informatie", "beveiliging"}));
  EXPECT_EQ(Split("vrijwilligersorganisatie"), (Parts{"vrijwilligers", "organisatie"}));
  EXPECT_EQ(Split("regeringsverklaring"), (Parts{"regering", "verklaring"}));
}

TEST_F(DutchDecompounder, LeavesWordsThatAreNotCompoundsWhole) {
  for (const char* word : {"administratie", "administraties", "interoperabiliteit", "beveiliging",
                           "bescherming", "minister", "stemming", "mogelijk", "situatie"}) {
    EXPECT_TRUE(Split(word).empty()) << word;
  }
}

}  // namespace
}  // namespace parlsearch
