#include "parlsearch/schema/shards.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "parlsearch/error.h"
#include "parlsearch/indexer/index_writer.h"
#include "testing/test_support.h"

namespace parlsearch {
namespace {

using testing::TempDir;

TEST(ShardLocations, AStubFileListsLocalAndRemoteShards) {
  TempDir dir;
  const std::string stub = dir.Write("index.stub",
                                     "# three shards\n"
                                     "auto shards/a\n"
                                     "\n"
                                     "glass /srv/index/b\n"
                                     "  remote search-2.example:33333  \n"
                                     "remote :4000\n");
  const std::vector<ShardLocation> shards = ReadShardLocations(stub);
  ASSERT_EQ(shards.size(), 4u);
  EXPECT_EQ(shards[0].path, dir.path() + "/shards/a") << "relative to the stub's folder";
  EXPECT_FALSE(shards[0].remote());
  EXPECT_EQ(shards[1].path, "/srv/index/b");
  EXPECT_TRUE(shards[2].remote());
  EXPECT_EQ(shards[2].name(), "search-2.example:33333");
  EXPECT_EQ(shards[3].name(), "127.0.0.1:4000");
}

TEST(ShardLocations, ADatabaseFolderIsItsOnlyShard) {
  TempDir dir;
  const std::vector<ShardLocation> shards = ReadShardLocations(dir.path());
  ASSERT_EQ(shards.size(), 1u);
  EXPECT_EQ(shards[0].path, dir.path());
  EXPECT_FALSE(IsShardedIndex(dir.path()));
}

TEST(ShardLocations, LinesThatCannotBeUsedAreNamedByFileAndLine) {
  TempDir dir;
  for (const auto& [text, message] : std::vector<std::pair<std::string, std::string>>{
           {"auto a\nremote nowhere\n", ":2: expected `remote HOST:PORT`"},
           {"remote host:99999\n", ":1: expected `remote HOST:PORT`"},
           {"remote host:0\n", ":1: expected `remote HOST:PORT`"},
           {"inmemory\n", ":1: unknown shard kind `inmemory`"},
           {"auto\n", ":1: `auto` needs a database folder"},
           {"# nothing\n\n", ": the stub file lists no shard"},
       }) {
    const std::string stub = dir.Write("bad.stub", text);
    try {
      ReadShardLocations(stub);
      ADD_FAILURE() << text;
    } catch (const IndexError& error) {
      EXPECT_EQ(std::string(error.what()).rfind(stub + message, 0), 0u) << error.what();
    }
  }
  EXPECT_THROW(ReadShardLocations(dir.path() + "/missing"), IndexError);
}

TEST(ShardOf, IsStableAndSpreadsDocuments) {
  // The same on every machine and in every release: indexes written before must be read after.
  EXPECT_EQ(ShardOf("Plenaire 2024-05-02", 7), ShardOf("plenaire 2024-05-02", 7))
      << "folded, as document terms are";
  EXPECT_EQ(ShardOf("anything", 1), 0u);
  std::vector<int> counts(4);
  for (int i = 0; i < 4000; ++i) ++counts[ShardOf("sitting " + std::to_string(i), 4)];
  for (int count : counts) {
    EXPECT_GT(count, 850);
    EXPECT_LT(count, 1150);
  }
  // FNV-1a, fixed: changing the hash would move documents between shards.
  EXPECT_EQ(ShardOf("a", 1u << 20), (0xcbf29ce484222325ull ^ 'a') * 0x100000001b3ull % (1u << 20));
}

TEST(ShardedIndexWriter, WritesTheStubLastAndEachDocumentToItsShard) {
  TempDir dir;
  const std::string path = dir.path() + "/index";
  {
    IndexWriter writer(path, 3);
    EXPECT_EQ(writer.shards(), 3u);
    EXPECT_TRUE(IsShardedIndex(path));
    for (int i = 0; i < 30; ++i) {
      Document document;
      document.id = "doc " + std::to_string(i);
      Paragraph paragraph;
      paragraph.id = "p" + std::to_string(i);
      paragraph.doc = document.id;
      paragraph.text = "tekst van document " + std::to_string(i);
      paragraph.lang = Language::kDutch;
      document.paragraphs.push_back(paragraph);
      writer.Replace(document);
    }
    writer.Commit();
  }
  std::set<std::size_t> used;
  for (int i = 0; i < 30; ++i) {
    const std::size_t shard = ShardOf("doc " + std::to_string(i), 3);
    used.insert(shard);
    const Xapian::Database database(path + "/" + ShardFolderName(shard));
    EXPECT_TRUE(database.term_exists("XDOCdoc " + std::to_string(i))) << i;
  }
  EXPECT_EQ(used.size(), 3u);
  EXPECT_EQ(Xapian::Database(path).get_doccount(), 30u);
  IndexWriter again(path);
  EXPECT_EQ(again.shards(), 3u);
  EXPECT_EQ(again.Remove("doc 7"), 1u);
  again.Commit();
  EXPECT_EQ(Xapian::Database(path).get_doccount(), 29u);
}

}  // namespace
}  // namespace parlsearch
