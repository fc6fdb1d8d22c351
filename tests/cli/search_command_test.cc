// End to end: parlsearch search on the bundled report.
#include <gtest/gtest.h>
#include <xapian.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "testing/json_schema.h"
#include "testing/test_support.h"

namespace parlsearch {
namespace {

using nlohmann::json;
using testing::RunParlsearch;

class SearchCommandTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    directory_ = new testing::TempDir();
    database_ = directory_->path() + "/db";
    const auto result = RunParlsearch({"index", "--db", database_, "--roster",
                                       testing::BundledRoster(), testing::BundledReport()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
  }
  static void TearDownTestSuite() { delete directory_; }

  static json Search(std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), {"search", "--db", database_, "--json", "--limit", "1000"});
    const auto result = RunParlsearch(arguments);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return json::parse(result.out);
  }

  static std::set<std::string> Pairs(const json& result) {
    std::set<std::string> pairs;
    for (const json& hit : result["hits"]) pairs.insert(hit["pair"].get<std::string>());
    return pairs;
  }

  static testing::TempDir* directory_;
  static std::string database_;
};

testing::TempDir* SearchCommandTest::directory_ = nullptr;
std::string SearchCommandTest::database_;

TEST_F(SearchCommandTest, ThreeSpellingsReturnTheSamePairs) {
  const auto accented = Pairs(Search({"interopérabilité"}));
  EXPECT_FALSE(accented.empty());
  EXPECT_EQ(Pairs(Search({"interoperabilite"})), accented);
  EXPECT_EQ(Pairs(Search({"interoperabiliteit"})), accented);
}

TEST_F(SearchCommandTest, PartyFacetCountsAgreeWithPartyFiltering) {
  const json result = Search({"--facets", "party", "Paradigm OR gegevens OR données"});
  ASSERT_FALSE(result["facets"]["party"].empty());
  for (const json& value : result["facets"]["party"]) {
    const json filtered = Search({"--party", value["value"], "Paradigm OR gegevens OR données"});
    EXPECT_EQ(filtered["total"]["value"], value["count"]) << value["value"];
  }
}

TEST_F(SearchCommandTest, SessionIsAFilterAndAFacet) {
  const json result = Search({"--facets", "session", "Paradigm"});
  ASSERT_EQ(result["facets"]["session"].size(), 1u);
  EXPECT_EQ(result["facets"]["session"][0]["value"], "2023/2024");
  EXPECT_EQ(result["facets"]["session"][0]["count"], result["total"]["value"]);
  EXPECT_EQ(Search({"Paradigm session:2023/2024"})["total"], result["total"]);
  EXPECT_EQ(Search({"--session", "2023/2024", "Paradigm"})["total"], result["total"]);
  EXPECT_EQ(Search({"Paradigm session:2022/2023"})["total"]["value"], 0);
}

TEST_F(SearchCommandTest, EcoloIsMargauxDeRe) {
  const json result = Search({"--party", "Ecolo", "digitale OR numérique OR Paradigm"});
  ASSERT_FALSE(result["hits"].empty());
  for (const json& hit : result["hits"]) EXPECT_EQ(hit["speaker"], "Margaux De Ré");
}

TEST_F(SearchCommandTest, PhraseAndNot) {
  const json phrase = Search({"\"protection des données\""});
  ASSERT_FALSE(phrase["hits"].empty());
  for (const json& hit : phrase["hits"]) {
    EXPECT_NE(hit["text"].get<std::string>().find("protection des données"), std::string::npos);
  }
  const json without = Search({"Paradigm", "NOT", "Iristeam"});
  ASSERT_FALSE(without["hits"].empty());
  for (const json& hit : without["hits"]) {
    EXPECT_EQ(hit["text"].get<std::string>().find("Iristeam"), std::string::npos);
  }
}

TEST_F(SearchCommandTest, JsonFollowsTheDocumentedSchema) {
  std::ifstream in(testing::SourcePath("docs/search-result.schema.json"));
  const json schema = json::parse(in);
  for (const auto& arguments : std::vector<std::vector<std::string>>{
           {"interopérabilité", "--facets", "party,speaker,lang,doc,section,role,year,month"},
           {"interoperabilitiet"},
           {"--lang", "nl", "Paradigm", "--sort", "date", "--offset", "2", "--limit", "3"}}) {
    const json result = Search(arguments);
    EXPECT_EQ(testing::ValidateJson(result, schema), std::vector<std::string>()) << result.dump();
  }
  // The validator is not blind: a broken result fails.
  json broken = Search({"interopérabilité"});
  broken["hits"][0].erase("speaker");
  broken["total"]["value"] = "four";
  EXPECT_EQ(testing::ValidateJson(broken, schema).size(), 2u);
}

TEST_F(SearchCommandTest, QueriesThatMeanNothingAreUsageErrors) {
  const auto empty = RunParlsearch({"search", "--db", database_, ""});
  EXPECT_EQ(empty.exit_code, 2);
  EXPECT_NE(empty.err.find("empty query"), std::string::npos);
  const auto bad_date = RunParlsearch({"search", "--db", database_, "date:2024-13-45..2024-14-01"});
  EXPECT_EQ(bad_date.exit_code, 2);
  EXPECT_EQ(std::count(bad_date.err.begin(), bad_date.err.end(), '\n'), 1) << bad_date.err;
  const auto bad_from = RunParlsearch({"search", "--db", database_, "--from", "yesterday", "x"});
  EXPECT_EQ(bad_from.exit_code, 2);
}

TEST_F(SearchCommandTest, MissingIndexIsAClearRuntimeError) {
  const auto result = RunParlsearch({"search", "--db", directory_->path() + "/nothing", "x"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("no index"), std::string::npos) << result.err;
}

TEST_F(SearchCommandTest, TerminalOutputShowsBothLanguagesSpeakerAndParty) {
  const auto result = RunParlsearch({"search", "--db", database_, "interopérabilité"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("4 hits"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("Soetkin Hoessen (Groen)"), std::string::npos);
  EXPECT_NE(result.out.find("fr │"), std::string::npos);
  EXPECT_NE(result.out.find("nl │"), std::string::npos);
  EXPECT_EQ(result.out.find("\033["), std::string::npos);  // no colours when not a terminal
}

// Typo tolerance: an unknown word of five letters or more is searched corrected at once.
TEST_F(SearchCommandTest, MisspeltWordsFindTheHitsOfTheCorrectedWordUnlessExact) {
  // The query typed, the right one, and the correction (in the index's folded form).
  struct Typo {
    std::string typed, right, correction;
  };
  for (const Typo& typo :
       std::vector<Typo>{{"gegevensbeschermnig", "gegevensbescherming", "gegevensbescherming"},
                         {"Paradgm", "Paradigm", "paradigm"},
                         {"interopérabilté", "interopérabilité", "interoperabilite"}}) {
    const std::string& typed = typo.typed;
    const std::string& right = typo.right;
    const json expected = Search({right});
    ASSERT_GT(expected["total"]["value"].get<int>(), 0) << right;
    const json corrected = Search({typed});
    EXPECT_EQ(corrected["query"], typed);
    EXPECT_EQ(corrected["corrected"], typo.correction) << typed;
    EXPECT_EQ(corrected["total"], expected["total"]) << typed;
    EXPECT_EQ(Pairs(corrected), Pairs(expected)) << typed;

    const json exact = Search({"--exact", typed});
    EXPECT_EQ(exact["total"]["value"], 0) << typed;
    EXPECT_TRUE(exact["corrected"].is_null()) << typed;
    EXPECT_FALSE(exact["suggestion"].is_null()) << typed;
  }
  // The terminal says which query it searched, and how to search the one typed.
  const auto shown = RunParlsearch({"search", "--db", database_, "gegevensbeschermnig"});
  EXPECT_NE(shown.out.find("for \"gegevensbescherming\" (nothing for \"gegevensbeschermnig\"; "
                           "--exact searches it as typed)"),
            std::string::npos)
      << shown.out;
}

// A word the index has, however rare and however close to a frequent one, is never corrected.
TEST(SearchCommandTypos, ARareWordOfTheIndexIsNotCorrected) {
  testing::TempDir dir;
  const std::string database = dir.path() + "/db";
  const std::string extra =
      dir.Write("extra.jsonl",
                R"({"id":"x-1","doc":"X-1","lang":"nl","text":"Het paradigmo van de commissie."})"
                "\n");
  const auto indexed = RunParlsearch({"index", "--db", database, "--roster",
                                      testing::BundledRoster(), testing::BundledReport(), extra});
  ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
  const auto result =
      RunParlsearch({"search", "--db", database, "--json", "--limit", "1000", "paradigmo"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const json found = json::parse(result.out);
  EXPECT_TRUE(found["corrected"].is_null());
  EXPECT_TRUE(found["suggestion"].is_null());
  std::set<std::string> ids;
  for (const json& hit : found["hits"]) ids.insert(hit["id"].get<std::string>());
  EXPECT_TRUE(ids.count("x-1"));
}

std::string ReadWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Export: every hit of a query with thousands of them, as CSV that Python's csv module reads
// back to the same rows as the JSON Lines export.
TEST(SearchCommandExport, AllHitsAsCsvAndJsonLinesReadBackAlike) {
  testing::TempDir dir;
  std::string records;
  constexpr int kPairs = 2700;
  for (int i = 1; i <= kPairs; ++i) {
    const std::string n = std::to_string(i);
    const json dutch = {{"id", "g-nl-" + n},
                        {"doc", "G-1"},
                        {"lang", "nl"},
                        {"pair", "g-" + n},
                        {"party", "Groen"},
                        {"speaker", "An Peeters"},
                        {"date", "2024-05-02"},
                        {"text", "De begroting, \"punt\" " + n + ";\nmet een komma, en é."}};
    const json french = {{"id", "g-fr-" + n},    {"doc", "G-1"},
                         {"lang", "fr"},         {"pair", "g-" + n},
                         {"date", "2024-05-02"}, {"text", "Le budget, point " + n + "."}};
    records += dutch.dump() + "\n" + french.dump() + "\n";
  }
  for (int i = 1; i <= kPairs; ++i) {
    records += json{{"id", "h-nl-" + std::to_string(i)},
                    {"doc", "H-1"},
                    {"lang", "nl"},
                    {"text", "Nog over de begroting."}}
                   .dump() +
               "\n";
  }
  const std::string source = dir.Write("export.jsonl", records);
  const std::string database = dir.path() + "/db";
  ASSERT_EQ(RunParlsearch({"index", "--db", database, "--format", "jsonl", source}).exit_code, 0);

  const auto csv = RunParlsearch(
      {"search", "--db", database, "--all", "--format", "csv", "--no-translate", "begroting"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  const auto lines = RunParlsearch(
      {"search", "--db", database, "--all", "--format", "jsonl", "--no-translate", "begroting"});
  ASSERT_EQ(lines.exit_code, 0) << lines.err;
  const std::string csv_path = dir.Write("hits.csv", csv.out);
  const std::string jsonl_path = dir.Write("hits.jsonl", lines.out);
  const std::string script = dir.Write("compare.py", R"(import csv, json, sys
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    rows = list(csv.DictReader(f))
with open(sys.argv[2], encoding='utf-8') as f:
    records = [json.loads(line) for line in f]
assert len(rows) == len(records), (len(rows), len(records))
for row, record in zip(rows, records):
    for key, value in record.items():
        expected = '' if value is None else str(value)
        assert row[key] == expected, (key, row[key], expected)
print(len(rows))
)");
  const std::string out = dir.path() + "/compare.out";
  ASSERT_EQ(
      std::system(("python3 " + script + " " + csv_path + " " + jsonl_path + " > " + out + " 2>&1")
                      .c_str()),
      0)
      << ReadWhole(out);
  EXPECT_EQ(ReadWhole(out), std::to_string(2 * kPairs) + "\n");

  // The rows: a pair once, with its translation; every hit, far past any page limit.
  std::set<std::string> ids;
  std::size_t translated = 0;
  for (const std::string& line : testing::Lines(lines.out)) {
    const json row = json::parse(line);
    EXPECT_TRUE(ids.insert(row["id"].get<std::string>()).second) << line;
    if (!row["translation_id"].is_null()) ++translated;
  }
  EXPECT_EQ(ids.size(), static_cast<std::size_t>(2 * kPairs));
  EXPECT_EQ(translated, static_cast<std::size_t>(kPairs));
  EXPECT_TRUE(
      csv.out.starts_with("id,document,date,page,section,speaker,role,party,language,"
                          "text,translation_id,translation_text\r\n"));
}

// `--facets party:year` prints a table of hits by party and year; `--counts --format csv` writes
// it as rows that csv readers take as is, each the hits of filtering on its party and year.
TEST(SearchCommandCounts, PartyByYearIsATableAndACsvOfTheHitsOfFilteringOnBoth) {
  testing::TempDir dir;
  const std::vector<std::string> parties = {"Groen", "Les Engagés", "Vooruit"};
  const std::vector<std::string> dates = {"2019-09-12", "2021-01-20", "2023-11-08"};
  std::string records;
  int n = 0;
  for (std::size_t p = 0; p < parties.size(); ++p) {
    for (std::size_t d = 0; d < dates.size(); ++d) {
      // Party p speaks of the budget p + d times in year d, but never Vooruit in the middle year.
      const std::size_t times = parties[p] == "Vooruit" && d == 1 ? 0 : p + d + 1;
      for (std::size_t t = 0; t < times; ++t, ++n) {
        const std::string id = std::to_string(n);
        records += json{{"id", "nl-" + id},    {"doc", "C-" + std::to_string(d)},
                        {"lang", "nl"},        {"pair", "p" + id},
                        {"party", parties[p]}, {"speaker", "Lid " + std::to_string(p)},
                        {"date", dates[d]},    {"text", "Over de begroting, punt " + id + "."}}
                       .dump() +
                   "\n";
        records += json{{"id", "fr-" + id},    {"doc", "C-" + std::to_string(d)},
                        {"lang", "fr"},        {"pair", "p" + id},
                        {"party", parties[p]}, {"speaker", "Lid " + std::to_string(p)},
                        {"date", dates[d]},    {"text", "Sur le budget, point " + id + "."}}
                       .dump() +
                   "\n";
      }
    }
  }
  const std::string source = dir.Write("debates.jsonl", records);
  const std::string database = dir.path() + "/db";
  ASSERT_EQ(RunParlsearch({"index", "--db", database, "--format", "jsonl", source}).exit_code, 0);

  const auto table = RunParlsearch(
      {"search", "--db", database, "--limit", "0", "--facets", "party:year", "begroting"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("party:year   2019  2021  2023\n"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("\nVooruit         3     ·     5\n"), std::string::npos) << table.out;

  const auto counts = RunParlsearch({"search", "--db", database, "--facets", "party:year",
                                     "--counts", "--format", "csv", "begroting"});
  ASSERT_EQ(counts.exit_code, 0) << counts.err;
  const std::string csv_path = dir.Write("counts.csv", counts.out);
  const std::string script = dir.Write("read.py", R"(import csv, sys
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    reader = csv.DictReader(f)
    assert reader.fieldnames == ['party', 'year', 'hits'], reader.fieldnames
    for row in reader:
        print(row['party'] + '|' + row['year'] + '|' + row['hits'])
)");
  const std::string out = dir.path() + "/read.out";
  ASSERT_EQ(std::system(("python3 " + script + " " + csv_path + " > " + out + " 2>&1").c_str()), 0)
      << ReadWhole(out);
  std::map<std::pair<std::string, std::string>, std::string> cells;
  for (const std::string& line : testing::Lines(ReadWhole(out))) {
    const std::size_t bar = line.find('|');
    const std::size_t second = line.find('|', bar + 1);
    cells[{line.substr(0, bar), line.substr(bar + 1, second - bar - 1)}] = line.substr(second + 1);
  }
  EXPECT_EQ(cells.size(), 8u);
  for (const std::string& party : parties) {
    for (const std::string& date : dates) {
      const std::string year = date.substr(0, 4);
      const auto filtered =
          RunParlsearch({"search", "--db", database, "--json", "--limit", "0", "--party", party,
                         "--from", year + "-01-01", "--to", year + "-12-31", "begroting"});
      ASSERT_EQ(filtered.exit_code, 0) << filtered.err;
      const std::string hits = json::parse(filtered.out)["total"]["value"].dump();
      const auto cell = cells.find({party, year});
      EXPECT_EQ(cell == cells.end() ? "0" : cell->second, hits) << party << " " << year;
    }
  }

  // One facet at a time, in CSV.
  EXPECT_EQ(RunParlsearch({"search", "--db", database, "--facets", "party:year,lang", "--counts",
                           "--format", "csv", "begroting"})
                .exit_code,
            2);
  EXPECT_EQ(RunParlsearch({"search", "--db", database, "--facets", "party", "--counts", "--format",
                           "jsonl", "begroting"})
                .exit_code,
            2);
}

// --kwic: a line per occurrence of a matched word, in both languages, every one aligned on the
// word, with the place it stands.
TEST(SearchCommandConcordance, EachOccurrenceIsALineAlignedOnTheWord) {
  testing::TempDir dir;
  const std::string long_text =
      "In het begin van het debat over de begroting van het gewest vroeg de fractie of de "
      "begroting van volgend jaar de scholen, de haven en de mobiliteit evenveel middelen geeft "
      "als deze, en of de begroting tijdig klaar zal zijn.";
  std::string records =
      json{{"id", "k-nl-1"}, {"doc", "K-1"},     {"lang", "nl"},     {"pair", "k1"},
           {"page", 3},      {"party", "Groen"}, {"text", long_text}}
          .dump() +
      "\n" +
      json{{"id", "k-nl-2"}, {"doc", "K-1"}, {"lang", "nl"}, {"page", 4}, {"text", "Begroting."}}
          .dump() +
      "\n";
  const std::string source = dir.Write("kwic.jsonl", records);
  const std::string database = dir.path() + "/db";
  ASSERT_EQ(RunParlsearch({"index", "--db", database, "--format", "jsonl", source}).exit_code, 0);
  const auto out = RunParlsearch(
      {"search", "--db", database, "--kwic", "--no-translate", "--color", "never", "begroting"});
  ASSERT_EQ(out.exit_code, 0) << out.err;
  std::vector<std::string> lines;
  for (const std::string& line : testing::Lines(out.out)) {
    if (line.find("K-1 p. ") != std::string::npos) lines.push_back(line);
  }
  ASSERT_EQ(lines.size(), 4u) << out.out;
  // The word starts at the same column on every line (columns, not bytes: "…" is one).
  const auto column_of_word = [](const std::string& line) {
    std::size_t at = line.find("begroting");
    if (at == std::string::npos) at = line.find("Begroting");
    std::size_t columns = 0;
    for (std::size_t i = 0; i < at; ++i)
      columns += (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80;
    return columns;
  };
  for (const std::string& line : lines)
    EXPECT_EQ(column_of_word(line), column_of_word(lines[0])) << line;
  // Each occurrence once, with its own context: the first is far enough in to be cut on its left.
  EXPECT_NE(lines[0].find("over de begroting van het gewest"), std::string::npos) << lines[0];
  EXPECT_NE(lines[1].find("of de begroting van volgend jaar"), std::string::npos) << lines[1];
  EXPECT_NE(lines[2].find("en of de begroting tijdig"), std::string::npos) << lines[2];
  EXPECT_TRUE(lines[2].find("…") < lines[2].find("begroting")) << lines[2];
  EXPECT_NE(lines[0].find("K-1 p. 3 nl · Groen"), std::string::npos) << lines[0];
  EXPECT_NE(lines[3].find("K-1 p. 4 nl"), std::string::npos) << lines[3];

  // With --json, the snippets are the whole paragraphs.
  const auto whole = RunParlsearch(
      {"search", "--db", database, "--kwic", "--json", "--no-translate", "begroting"});
  ASSERT_EQ(whole.exit_code, 0) << whole.err;
  bool found = false;
  const json result = json::parse(whole.out);
  for (const json& hit : result["hits"]) {
    if (hit["id"] != "k-nl-1") continue;
    found = true;
    EXPECT_EQ(hit["snippet"].get<std::string>().find("…"), std::string::npos);
    EXPECT_NE(hit["snippet"].get<std::string>().find("tijdig klaar zal zijn."), std::string::npos);
  }
  EXPECT_TRUE(found);
}

TEST(SearchCommandZeroConfiguration, BuildsTheBundledIndexOnFirstUse) {
  testing::TempDir home;
  const std::vector<std::string> environment = {"HOME=" + home.path(),
                                                "XDG_DATA_HOME=", "PARLSEARCH_DB="};
  const auto first = RunParlsearch({"search", "interopérabilité"}, environment);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.err.find("first use"), std::string::npos) << first.err;
  EXPECT_NE(first.out.find("4 hits"), std::string::npos) << first.out;
  const auto second = RunParlsearch({"search", "interopérabilité"}, environment);
  EXPECT_EQ(second.exit_code, 0);
  EXPECT_EQ(second.err.find("first use"), std::string::npos) << second.err;
}

// The default index is the bundled corpus indexed: one an older parlsearch wrote is rebuilt.
TEST(SearchCommandZeroConfiguration, RebuildsTheBundledIndexOfAnOlderSchema) {
  testing::TempDir home;
  const std::vector<std::string> environment = {"HOME=" + home.path(),
                                                "XDG_DATA_HOME=", "PARLSEARCH_DB="};
  ASSERT_EQ(RunParlsearch({"search", "interopérabilité"}, environment).exit_code, 0);
  const std::string index = home.path() + "/.local/share/parlsearch/index";
  {
    Xapian::WritableDatabase database(index, Xapian::DB_OPEN);
    database.set_metadata("parlsearch.schema", "1");
    database.commit();
  }
  const auto rebuilt = RunParlsearch({"search", "interopérabilité"}, environment);
  ASSERT_EQ(rebuilt.exit_code, 0) << rebuilt.err;
  EXPECT_NE(rebuilt.err.find("older version"), std::string::npos) << rebuilt.err;
  EXPECT_NE(rebuilt.out.find("4 hits"), std::string::npos) << rebuilt.out;
  EXPECT_NE(Xapian::Database(index).get_metadata("parlsearch.schema"), "1");
  // A database given with --db is never rebuilt: it is refused, and left as it was.
  {
    Xapian::WritableDatabase database(index, Xapian::DB_OPEN);
    database.set_metadata("parlsearch.schema", "1");
    database.commit();
  }
  const auto refused = RunParlsearch({"search", "--db", index, "interopérabilité"}, environment);
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("schema version 1"), std::string::npos) << refused.err;
  EXPECT_EQ(Xapian::Database(index).get_metadata("parlsearch.schema"), "1");
}

}  // namespace
}  // namespace parlsearch
