// End to end: the parlsearch binary parses the bundled report.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "testing/test_support.h"

namespace parlsearch {
namespace {

using nlohmann::json;
using testing::RunParlsearch;

std::vector<json> ParseLines(const std::string& out) {
  std::vector<json> records;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) records.push_back(json::parse(line));
  return records;
}

TEST(ParseCommand, BundledReportGivesTheExpectedParagraphsSpeakersAndPairs) {
  const auto result =
      RunParlsearch({"parse", testing::BundledReport(), "--roster", testing::BundledRoster()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::vector<json> records = ParseLines(result.out);

  std::map<std::string, int> per_language;
  std::set<std::string> speakers;
  std::map<std::string, std::set<std::string>> pair_languages;
  std::set<std::string> ids;
  for (const json& record : records) {
    for (const char* field : {"id", "doc", "lang", "seq", "page", "section", "kind", "speaker",
                              "role", "party", "party_source", "pair", "text"}) {
      ASSERT_TRUE(record.contains(field)) << field;
    }
    ++per_language[record["lang"].get<std::string>()];
    if (!record["speaker"].is_null()) speakers.insert(record["speaker"].get<std::string>());
    if (!record["pair"].is_null()) {
      pair_languages[record["pair"].get<std::string>()].insert(record["lang"].get<std::string>());
    }
    EXPECT_TRUE(ids.insert(record["id"].get<std::string>()).second);
    EXPECT_EQ(record["doc"], "A-805/2 – 2023/2024");
  }
  EXPECT_EQ(per_language["nl"], 92);
  EXPECT_EQ(per_language["fr"], 92);
  EXPECT_EQ(speakers.size(), 9u);
  EXPECT_EQ(pair_languages.size(), 92u);
  for (const auto& [pair, languages] : pair_languages) {
    EXPECT_EQ(languages.size(), 2u) << pair;
  }
}

TEST(ParseCommand, EcoloIsTheOnlyPartyOfItsSpeaker) {
  const auto result =
      RunParlsearch({"parse", testing::BundledReport(), "--roster", testing::BundledRoster()});
  ASSERT_EQ(result.exit_code, 0);
  for (const json& record : ParseLines(result.out)) {
    if (record["party"] == "Ecolo") {
      EXPECT_EQ(record["speaker"], "Margaux De Ré");
    }
  }
}

struct BadInput {
  std::string name;
  std::string contents;
  std::string message;
};

TEST(ParseCommand, BadInputGetsOneLineNamingTheFileAndExitCodeOne) {
  testing::TempDir dir;
  const std::vector<BadInput> inputs = {
      {"empty.txt", "", "empty file"},
      {"binary.txt",
       std::string("\x7f"
                   "ELF\0\0\0\x02",
                   8),
       "binary"},
      {"latin1.txt", "Eerste regel\n\nR\xe9gion\n", "invalid UTF-8"},
      {"letter.txt",
       testing::Extraction({"Dit is een brief in het Nederlands, geen verslag.",
                            "Er staat geen Franse kolom naast."}),
       "not a bilingual"},
  };
  for (const BadInput& input : inputs) {
    const std::string path = dir.Write(input.name, input.contents);
    const auto result = RunParlsearch({"parse", path});
    EXPECT_EQ(result.exit_code, 1) << input.name;
    EXPECT_TRUE(result.out.empty()) << input.name;
    EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
    EXPECT_NE(result.err.find(path), std::string::npos) << result.err;
    EXPECT_NE(result.err.find(input.message), std::string::npos) << result.err;
  }
  const auto missing = RunParlsearch({"parse", dir.path() + "/missing.txt"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("missing.txt"), std::string::npos);
}

TEST(ParseCommand, LatinOneFileErrorNamesTheLine) {
  testing::TempDir dir;
  const std::string path = dir.Write("latin1.txt", "Eerste regel\n\nR\xe9gion\n");
  const auto result = RunParlsearch({"parse", path});
  EXPECT_NE(result.err.find(path + ":3:"), std::string::npos) << result.err;
}

TEST(ParseCommand, UnknownOptionIsAUsageError) {
  const auto result = RunParlsearch({"parse", "--no-such-option", testing::BundledReport()});
  EXPECT_EQ(result.exit_code, 2);
}

}  // namespace
}  // namespace parlsearch
