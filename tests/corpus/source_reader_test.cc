#include "parlsearch/corpus/source_reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "parlsearch/error.h"
#include "testing/test_support.h"

namespace parlsearch {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string Sample(const std::string& name) {
  return testing::SourcePath("corpus/samples/parlamint-be/" + name);
}

const char* const kSitting = "ParlaMint-BE_2020-06-17-55-commissie-ic210x";
std::string ReadWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

const char* const kRecord = R"({"doc": "d", "text": "De vergadering is geopend."})";

TEST(SourceFormat, NamesRoundTrip) {
  for (const char* name : {"auto", "report", "parlamint", "jsonl", "pdf"}) {
    const auto format = ParseFormat(name);
    ASSERT_TRUE(format) << name;
    EXPECT_EQ(FormatName(*format), name);
  }
  EXPECT_FALSE(ParseFormat("tei"));
  EXPECT_EQ(FormatNames(), "auto, report, parlamint, jsonl, pdf");
}

TEST(DetectFormat, ByExtension) {
  testing::TempDir dir;
  EXPECT_EQ(DetectFormat(testing::BundledReport(), SourceFormat::kAuto), SourceFormat::kReport);
  EXPECT_EQ(DetectFormat(testing::SourcePath("tests/corpus/data/A-805-2_2023-2024_paradigm.pdf"),
                         SourceFormat::kAuto),
            SourceFormat::kPdf);
  EXPECT_EQ(DetectFormat(dir.Write("a.jsonl", kRecord), SourceFormat::kAuto),
            SourceFormat::kJsonLines);
  EXPECT_EQ(DetectFormat(dir.Write("a.NDJSON", kRecord), SourceFormat::kAuto),
            SourceFormat::kJsonLines);
  EXPECT_EQ(DetectFormat(Sample(std::string(kSitting) + ".xml"), SourceFormat::kAuto),
            SourceFormat::kParlaMint);
}

TEST(DetectFormat, ByContent) {
  testing::TempDir dir;
  // JSON Lines under .txt or .json, after white space or a byte order mark.
  EXPECT_EQ(
      DetectFormat(dir.Write("records.txt", std::string("\n  ") + kRecord), SourceFormat::kAuto),
      SourceFormat::kJsonLines);
  EXPECT_EQ(DetectFormat(dir.Write("records.json", std::string("\xEF\xBB\xBF") + kRecord),
                         SourceFormat::kAuto),
            SourceFormat::kJsonLines);
  EXPECT_THROW(DetectFormat(dir.Write("list.json", "[1, 2]"), SourceFormat::kAuto), InputError);
  // A TEI sitting under any file name, after a comment; other XML is no source.
  const std::string sitting = ReadFile(Sample(std::string(kSitting) + ".xml"));
  const std::string commented =
      std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- copied -->\n") +
      sitting.substr(sitting.find("<TEI"));
  EXPECT_EQ(DetectFormat(dir.Write("sitting.xml", commented), SourceFormat::kAuto),
            SourceFormat::kParlaMint);
  const std::string with_doctype =
      "<!DOCTYPE TEI [ <!ENTITY x \"y\"> ]>\n<tei:TEI xmlns:tei=\"t\"/>";
  EXPECT_EQ(DetectFormat(dir.Write("doctype.xml", with_doctype), SourceFormat::kAuto),
            SourceFormat::kParlaMint);
  // Malformed past its start tag, a sitting is still one: reading it says where it breaks.
  const std::string broken = dir.Write("broken.xml", sitting.substr(0, 600) + "\xe9 <");
  EXPECT_EQ(DetectFormat(broken, SourceFormat::kAuto), SourceFormat::kParlaMint);
  EXPECT_THROW(ReadSource(broken, {}), InputError);
  try {
    DetectFormat(Sample("ParlaMint-BE-listOrg.xml"), SourceFormat::kAuto);
    FAIL() << "listOrg detected as a source";
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find("<listOrg>"), std::string::npos) << error.what();
  }
  EXPECT_THROW(DetectFormat(dir.Write("notes.md", "# notes"), SourceFormat::kAuto), InputError);
  // An explicit format is taken as given.
  EXPECT_EQ(DetectFormat(dir.Write("notes.md", "# notes"), SourceFormat::kParlaMint),
            SourceFormat::kParlaMint);
}

TEST(IsSourceFile, FolderScanTakesSittingsAndRecordsButNotWhatLiesBesideThem) {
  EXPECT_TRUE(IsSourceFile(Sample(std::string(kSitting) + ".xml"), SourceFormat::kAuto));
  EXPECT_TRUE(IsSourceFile(Sample(std::string(kSitting) + ".xml"), SourceFormat::kParlaMint));
  EXPECT_FALSE(IsSourceFile(Sample(std::string(kSitting) + ".xml"), SourceFormat::kReport));
  for (const std::string& name :
       {std::string(kSitting) + "-meta.tsv", std::string("ParlaMint-BE-listOrg.xml"),
        std::string("README.md"), std::string("SOURCE.md")}) {
    EXPECT_FALSE(IsSourceFile(Sample(name), SourceFormat::kAuto)) << name;
  }
  testing::TempDir dir;
  EXPECT_TRUE(IsSourceFile(dir.Write("a.jsonl", kRecord), SourceFormat::kAuto));
  EXPECT_TRUE(IsSourceFile(dir.Write("a.txt", kRecord), SourceFormat::kJsonLines));
  EXPECT_FALSE(IsSourceFile(dir.Write("b.txt", kRecord), SourceFormat::kReport));
  EXPECT_TRUE(IsSourceFile(testing::BundledReport(), SourceFormat::kReport));
  EXPECT_FALSE(IsSourceFile(dir.Write("config.yaml", "a: 1"), SourceFormat::kAuto));
}

TEST(ReadSource, ReadsEachFormat) {
  testing::TempDir dir;
  const auto records = ReadSource(dir.Write("a.jsonl", kRecord), {});
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].paragraphs[0].lang, Language::kDutch);
  const auto sittings = ReadSource(Sample(std::string(kSitting) + ".xml"), {});
  ASSERT_EQ(sittings.size(), 1u);
  EXPECT_EQ(sittings[0].id, kSitting);
  EXPECT_THROW(ReadSource(Sample("ParlaMint-BE-listOrg.xml"),
                          SourceOptions{.format = SourceFormat::kParlaMint}),
               InputError);
}

// A report has no date; its metadata file, or the date given, dates it.
TEST(ReadSource, AMetadataFileBesideASourceGivesItsDateAndTitle) {
  testing::TempDir dir;
  const std::string report = dir.Write("r.txt", ReadWhole(testing::BundledReport()));
  const auto undated = ReadSource(report, {});
  ASSERT_EQ(undated.size(), 1u);
  EXPECT_TRUE(undated[0].date.empty());

  SourceOptions given;
  given.date = "2023-12-01";
  EXPECT_EQ(ReadSource(report, given)[0].paragraphs.back().date, "2023-12-01");

  dir.Write("r.txt.meta", "# the sitting\ndate: 2024-03-21\ntitle: Verslag\n");
  EXPECT_FALSE(IsSourceFile(dir.path() + "/r.txt.meta", SourceFormat::kAuto));
  const auto dated = ReadSource(report, given);  // the file's date comes before the option's
  EXPECT_EQ(dated[0].date, "2024-03-21");
  EXPECT_EQ(dated[0].title, "Verslag");
  for (const Paragraph& paragraph : dated[0].paragraphs) EXPECT_EQ(paragraph.date, "2024-03-21");

  // A record without date takes the file's; one with a date keeps its own.
  const std::string records =
      dir.Write("j.jsonl",
                std::string(kRecord) + "\n" +
                    R"({"doc": "e", "date": "2019-05-05", "text": "De vergadering is gesloten."})");
  dir.Write("j.jsonl.meta", "date: 2020-01-01\n");
  const auto jsonl = ReadSource(records, {});
  ASSERT_EQ(jsonl.size(), 2u);
  EXPECT_EQ(jsonl[0].paragraphs[0].date, "2020-01-01");
  EXPECT_EQ(jsonl[1].paragraphs[0].date, "2019-05-05");

  // A bad line names the metadata file and its line.
  dir.Write("r.txt.meta", "date: 2024-03-21\nsitting 12\n");
  try {
    ReadSource(report, {});
    ADD_FAILURE() << "no InputError";
  } catch (const InputError& error) {
    EXPECT_EQ(error.file(), report + ".meta");
    EXPECT_EQ(error.line(), 2);
  }
  dir.Write("r.txt.meta", "date: 21/03/2024\n");
  EXPECT_THROW(ReadSource(report, {}), InputError);
  given.date = "yesterday";
  std::filesystem::remove(dir.path() + "/r.txt.meta");
  EXPECT_THROW(ReadSource(report, given), InputError);
}

}  // namespace
}  // namespace parlsearch
