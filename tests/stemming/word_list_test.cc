#include "parlsearch/stemming/word_list.h"

#include <gtest/gtest.h>

#include <string>

#include "parlsearch/error.h"
#include "testing/test_support.h"

namespace parlsearch {
namespace {

WordList ListFrom(const std::string& contents) {
  const testing::TempDir folder;
  return WordList::Load(folder.Write("words", contents));
}

TEST(WordList, FindsWordsWhateverTheirCase) {
  const WordList list = ListFrom("Bescherming\ngegevens\nRégion\n");
  EXPECT_EQ(list.size(), 3u);
  EXPECT_TRUE(list.Contains("bescherming"));
  EXPECT_TRUE(list.Contains("GEGEVENS"));
  EXPECT_TRUE(list.Contains("région"));
  EXPECT_TRUE(list.ContainsFolded("région"));
  EXPECT_FALSE(list.Contains("region"));  // accents count
  EXPECT_FALSE(list.Contains("gegeven"));
  EXPECT_FALSE(list.Contains("gegevensx"));
}

TEST(WordList, ReadsCarriageReturnsMissingLastNewlineAndDuplicates) {
  const WordList list = ListFrom("Stad\r\nstad\n\nSTAD\r\nhaven");
  EXPECT_EQ(list.size(), 2u);  // one "stad", one "haven"
  EXPECT_TRUE(list.Contains("stad"));
  EXPECT_TRUE(list.Contains("haven"));
  EXPECT_FALSE(list.Contains(""));
}

TEST(WordList, SkipsLinesThatAreNotUtf8) {
  const WordList list = ListFrom(
      "goed\n\xff\xfe"
      "fout\nook\n");
  EXPECT_EQ(list.size(), 2u);
  EXPECT_TRUE(list.Contains("goed"));
  EXPECT_TRUE(list.Contains("ook"));
}

TEST(WordList, HoldsWordsLongerThanItsStoredLengths) {
  const std::string long_word(300, 'a');
  const std::string longer_word = long_word + "b";
  const WordList list = ListFrom(long_word + "\nkort\n");
  EXPECT_TRUE(list.Contains(long_word));
  EXPECT_FALSE(list.Contains(longer_word));
  EXPECT_FALSE(list.Contains(std::string(299, 'a')));
  EXPECT_TRUE(list.Contains("kort"));
}

TEST(WordList, WithoutAccentsFindsFoldedForms) {
  const WordList list = ListFrom("interopérabilité\nrégion\n").WithoutAccents();
  EXPECT_TRUE(list.ContainsFolded("interoperabilite"));
  EXPECT_TRUE(list.ContainsFolded("region"));
  EXPECT_FALSE(list.ContainsFolded("région"));
}

TEST(WordList, MissingFileIsAnInputError) {
  EXPECT_THROW(WordList::Load("/nonexistent/words"), InputError);
}

TEST(WordList, EmptyListHoldsNothing) {
  const WordList list;
  EXPECT_TRUE(list.empty());
  EXPECT_FALSE(list.Contains("woord"));
}

}  // namespace
}  // namespace parlsearch
