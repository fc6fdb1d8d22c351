#include "preparing_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "testing/test_support.h"

namespace parlsearch {
namespace {

// A JSON Lines file of `documents` documents of `paragraphs` paragraphs each.
std::string Records(const std::string& prefix, int documents, int paragraphs) {
  std::string lines;
  for (int d = 0; d < documents; ++d) {
    for (int p = 0; p < paragraphs; ++p) {
      lines += "{\"doc\": \"" + prefix + "-" + std::to_string(d) +
               "\", \"lang\": \"nl\", \"text\": \"De begroting van paragraaf " + std::to_string(p) +
               ".\"}\n";
    }
  }
  return lines;
}

std::vector<ReadStep> ReadAll(PreparingReader& reader) {
  std::vector<ReadStep> steps;
  ReadStep step;
  while (reader.Next(&step)) steps.push_back(std::move(step));
  return steps;
}

TEST(PreparingReader, HandsOverEveryFileInOrderWithFailuresInPlace) {
  const testing::TempDir folder;
  const std::string first = folder.Write("a.jsonl", Records("a", 3, 4));
  const std::string bad =
      folder.Write("b.jsonl", "{\"doc\": \"b\", \"text\": \"goed\"}\nnot json\n");
  const std::string last = folder.Write("c.jsonl", Records("c", 2, 5));
  SourceOptions options;
  options.format = SourceFormat::kJsonLines;
  // Less room than one document: documents still pass, one at a time.
  PreparingReader reader({first, bad, last}, options, 2);
  const std::vector<ReadStep> steps = ReadAll(reader);

  std::vector<std::string> seen;
  for (const ReadStep& step : steps) {
    switch (step.kind) {
      case ReadStep::Kind::kNote:
        seen.push_back("note " + step.file.substr(folder.path().size() + 1));
        break;
      case ReadStep::Kind::kDocument:
        seen.push_back("doc " + std::to_string(step.document->paragraphs()));
        break;
      case ReadStep::Kind::kFileEnd:
        seen.push_back(std::string(step.failure ? "failed " : "end ") +
                       step.file.substr(folder.path().size() + 1));
        break;
    }
  }
  const std::vector<std::string> expected = {
      "note a.jsonl",   "doc 4",        "doc 4", "doc 4", "end a.jsonl", "note b.jsonl",
      "failed b.jsonl", "note c.jsonl", "doc 5", "doc 5", "end c.jsonl"};
  EXPECT_EQ(seen, expected);
  ASSERT_TRUE(steps[6].failure.has_value());
  EXPECT_NE(steps[6].failure->message.find("b.jsonl"), std::string::npos);
}

TEST(PreparingReader, StopsCleanlyWhenDroppedHalfWay) {
  const testing::TempDir folder;
  const std::string file = folder.Write("a.jsonl", Records("a", 50, 3));
  SourceOptions options;
  options.format = SourceFormat::kJsonLines;
  PreparingReader reader({file}, options, 3);
  ReadStep step;
  ASSERT_TRUE(reader.Next(&step));
  EXPECT_EQ(step.kind, ReadStep::Kind::kNote);
  // The reader goes out of scope with its thread waiting to hand over more.
}

}  // namespace
}  // namespace parlsearch
