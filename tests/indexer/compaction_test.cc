#include <gtest/gtest.h>
#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <string>

#include "parlsearch/error.h"
#include "parlsearch/indexer/index_writer.h"
#include "parlsearch/indexer/source_indexer.h"
#include "testing/test_support.h"

namespace parlsearch {
namespace {

namespace fs = std::filesystem;

std::uint64_t FolderBytes(const std::string& folder) {
  std::uint64_t bytes = 0;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.is_regular_file()) bytes += entry.file_size();
  }
  return bytes;
}

// Enough paragraphs for Xapian's tables to have room to spare after a bulk load.
std::string Records() {
  std::string lines;
  for (int d = 0; d < 40; ++d) {
    for (int p = 0; p < 50; ++p) {
      lines += "{\"doc\": \"D-" + std::to_string(d) + "\", \"lang\": \"" + (p % 2 ? "fr" : "nl") +
               "\", \"text\": \"Paragraaf " + std::to_string(p) + " van document " +
               std::to_string(d) + " over de begroting, la budgétisation et " +
               std::to_string(d * 100 + p) + ".\"}\n";
    }
  }
  return lines;
}

IndexReport Index(const std::string& database, const std::string& file, bool compact) {
  IndexRunOptions options;
  options.compact_new_index = compact;
  options.rebuild_lexicon = false;
  return IndexSources(database, {file}, options);
}

TEST(Compaction, ANewIndexIsCompactedAndKeepsEveryParagraph) {
  const testing::TempDir folder;
  const std::string file = folder.Write("records.jsonl", Records());
  Index(folder.path() + "/loose", file, /*compact=*/false);
  const IndexReport report = Index(folder.path() + "/packed", file, /*compact=*/true);
  EXPECT_EQ(report.paragraphs, 2000u);

  EXPECT_LT(FolderBytes(folder.path() + "/packed"), FolderBytes(folder.path() + "/loose") * 9 / 10);
  const Xapian::Database packed(folder.path() + "/packed");
  const Xapian::Database loose(folder.path() + "/loose");
  EXPECT_EQ(packed.get_doccount(), 2000u);
  EXPECT_EQ(packed.get_termfreq("begroting"), loose.get_termfreq("begroting"));
  // Nothing is left beside the index.
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(folder.path())) ++entries;
  EXPECT_EQ(entries, 3u);  // records.jsonl, loose, packed

  // A run that adds to an existing index leaves it as Xapian wrote it.
  const std::string more =
      folder.Write("more.jsonl", "{\"doc\": \"E-1\", \"lang\": \"nl\", \"text\": \"Meer.\"}\n");
  const auto before = Xapian::Database(folder.path() + "/packed").get_revision();
  Index(folder.path() + "/packed", more, /*compact=*/true);
  EXPECT_EQ(Xapian::Database(folder.path() + "/packed").get_revision(), before + 1);
  EXPECT_EQ(Xapian::Database(folder.path() + "/packed").get_doccount(), 2001u);
}

TEST(Compaction, AnIndexBeingWrittenIsNotCompacted) {
  const testing::TempDir folder;
  const std::string file = folder.Write("records.jsonl", Records());
  const std::string database = folder.path() + "/db";
  Index(database, file, /*compact=*/false);
  const std::uint64_t bytes = FolderBytes(database);
  {
    IndexWriter writer(database);  // holds the lock
    EXPECT_THROW(CompactIndex(database), IndexError);
  }
  EXPECT_EQ(FolderBytes(database), bytes);
  CompactIndex(database);
  EXPECT_LT(FolderBytes(database), bytes);
  EXPECT_EQ(Xapian::Database(database).get_doccount(), 2000u);
}

}  // namespace
}  // namespace parlsearch
