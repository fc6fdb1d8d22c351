#include "dictd_reader.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>
#include <filesystem>

#include "parlsearch/error.h"
#include "testing/test_support.h"

namespace parlsearch {
namespace {

const DictdEntry* Find(const std::vector<DictdEntry>& entries, const std::string& headword) {
  const auto found = std::find_if(entries.begin(), entries.end(), [&](const DictdEntry& entry) {
    return entry.headword == headword;
  });
  return found == entries.end() ? nullptr : &*found;
}

// Writes `contents` gzip-compressed, as dictzip does (its extra header field aside).
std::string WriteGzip(const testing::TempDir& directory, const std::string& name,
                      const std::string& contents) {
  const std::string path = directory.path() + "/" + name;
  gzFile file = gzopen(path.c_str(), "wb");
  gzwrite(file, contents.data(), static_cast<unsigned>(contents.size()));
  gzclose(file);
  return path;
}

TEST(DictdNumber, IsBase64DigitsMostSignificantFirst) {
  EXPECT_EQ(DecodeDictdNumber("A"), 0u);
  EXPECT_EQ(DecodeDictdNumber("B"), 1u);
  EXPECT_EQ(DecodeDictdNumber("BA"), 64u);
  EXPECT_EQ(DecodeDictdNumber("/"), 63u);
  EXPECT_EQ(DecodeDictdNumber("BOvb"), 322523u);  // "ordinateur" in freedict-fra-nld.index
  EXPECT_FALSE(DecodeDictdNumber(""));
  EXPECT_FALSE(DecodeDictdNumber("B=A"));
  EXPECT_FALSE(DecodeDictdNumber("//////////////"));  // more than 64 bits
}

TEST(DictdReader, ReadsArticlesByOffsetAndLengthFromCompressedData) {
  testing::TempDir directory;
  const std::string data = "computer\nordinateur\nhaven\nport\n";
  const std::string index =
      directory.Write("test.index", "00databaseshort\tA\tB\nhaven\tU\tL\nordinateur\tJ\tL\n");
  const std::vector<DictdEntry> entries =
      ReadDictd(index, WriteGzip(directory, "test.dict.dz", data));
  ASSERT_EQ(entries.size(), 2u);  // dictd's own record left out
  EXPECT_EQ(entries[0].headword, "haven");
  EXPECT_EQ(entries[0].definition, "haven\nport\n");
  EXPECT_EQ(entries[1].definition, "ordinateur\n");
  // A plain data file reads the same.
  EXPECT_EQ(ReadDictd(index, directory.Write("test.dict", data))[1].definition, "ordinateur\n");
}

TEST(DictdReader, RefusesAnIndexPointingOutsideTheData) {
  testing::TempDir directory;
  const std::string data = directory.Write("test.dict", "short\n");
  try {
    ReadDictd(directory.Write("test.index", "word\tA\tB\nbeyond\tA\tZ\n"), data);
    FAIL() << "no error";
  } catch (const InputError& error) {
    EXPECT_EQ(error.line(), 2);
  }
  EXPECT_THROW(ReadDictd(directory.Write("bad.index", "no tabs\n"), data), InputError);
  EXPECT_THROW(ReadDictd(directory.path() + "/none.index", data), InputError);
}

// Debian's dict-freedict-fra-nld and dict-freedict-nld-fra (tools/setup/install-dependencies.sh).
TEST(DictdReader, ReadsDebiansFreeDictDictionaries) {
  const std::string folder = "/usr/share/dictd/";
  if (!std::filesystem::exists(folder + "freedict-fra-nld.index")) {
    GTEST_SKIP() << "dict-freedict-fra-nld is not installed";
  }
  const auto french =
      ReadDictd(folder + "freedict-fra-nld.index", folder + "freedict-fra-nld.dict.dz");
  EXPECT_GT(french.size(), 9000u);
  const DictdEntry* computer = Find(french, "ordinateur");
  ASSERT_NE(computer, nullptr);
  EXPECT_EQ(computer->definition, "ordinateur /ordinatœr/\ncomputer\n");
  const DictdEntry* protection = Find(french, "protection");
  ASSERT_NE(protection, nullptr);
  EXPECT_NE(protection->definition.find("bescherming"), std::string::npos);

  const auto dutch =
      ReadDictd(folder + "freedict-nld-fra.index", folder + "freedict-nld-fra.dict.dz");
  const DictdEntry* besluiten = Find(dutch, "besluiten");
  ASSERT_NE(besluiten, nullptr);
  EXPECT_NE(besluiten->definition.find("décider"), std::string::npos);
}

}  // namespace
}  // namespace parlsearch
