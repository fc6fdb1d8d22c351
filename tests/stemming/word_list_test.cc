#include "parlsearch/stemming/word_list.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

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

TEST(WordList, CacheFileIsWrittenOnceThenMapped) {
  const testing::TempDir folder;
  const std::string path = folder.Write("words", "Bescherming\ngegevens\nRégion\n");
  const std::string cache = folder.path() + "/cache";
  const WordList parsed = WordList::LoadCached(path, cache);
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(cache)) files.push_back(entry);
  ASSERT_EQ(files.size(), 1u);
  const auto written = std::filesystem::last_write_time(files[0]);

  for (const WordList& list : {parsed, WordList::LoadCached(path, cache)}) {
    EXPECT_EQ(list.size(), 3u);
    EXPECT_TRUE(list.Contains("GEGEVENS"));
    EXPECT_TRUE(list.Contains("région"));
    EXPECT_FALSE(list.Contains("region"));
  }
  EXPECT_EQ(std::filesystem::last_write_time(files[0]), written);  // read, not rewritten
}

TEST(WordList, DamagedOrStaleCacheIsRebuilt) {
  const testing::TempDir folder;
  const std::string path = folder.Write("words", "stad\nhaven\n");
  const std::string cache = folder.path() + "/cache";
  WordList::LoadCached(path, cache);
  for (const auto& entry : std::filesystem::directory_iterator(cache)) {
    std::filesystem::resize_file(entry.path(), 20);  // cut short
  }
  const WordList rebuilt = WordList::LoadCached(path, cache);
  EXPECT_TRUE(rebuilt.Contains("haven"));

  // A changed list is another cache file: the new words are found.
  folder.Write("words", "stad\nhaven\nbrug\nkade\n");
  const WordList changed = WordList::LoadCached(path, cache);
  EXPECT_EQ(changed.size(), 4u);
  EXPECT_TRUE(changed.Contains("kade"));
}

TEST(WordList, UnwritableCacheFolderOnlyCostsTheParse) {
  const testing::TempDir folder;
  const std::string path = folder.Write("words", "stad\n");
  const std::string blocked = folder.Write("file", "");  // a file where a folder should be
  EXPECT_TRUE(WordList::LoadCached(path, blocked + "/cache").Contains("stad"));
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
