#include "parlsearch/corpus/jsonl_reader.h"

#include <gtest/gtest.h>

#include "parlsearch/corpus/paragraph_json.h"
#include "parlsearch/error.h"
#include "testing/test_support.h"

namespace parlsearch {
namespace {

class JsonLinesReaderTest : public ::testing::Test {
 protected:
  std::vector<Document> Read(const std::string& contents) {
    return ReadJsonLines(directory_.Write("paragraphs.jsonl", contents));
  }

  // The line the InputError for `contents` names, or 0 if it is read.
  int ErrorLine(const std::string& contents) {
    try {
      Read(contents);
    } catch (const InputError& error) {
      EXPECT_NE(std::string(error.what()).find("paragraphs.jsonl:"), std::string::npos)
          << error.what();
      return error.line();
    }
    return 0;
  }

  testing::TempDir directory_;
};

const char* const kGoodLine =
    R"({"doc": "CRIV 55 COM 210", "text": "Mijnheer de minister, wanneer worden de fregatten geleverd?"})";

TEST_F(JsonLinesReaderTest, RecordFieldsAreTaken) {
  const auto documents = Read(
      R"({"doc": "CRIV 55 COM 210", "text": "Wanneer worden de fregatten geleverd?", "id": "criv-1", "lang": "nl", "speaker": "Annick Ponthier", "role": "member", "party": "VB", "date": "2020-06-17", "section": "Vragen", "title": "Commissie voor Landsverdediging", "pair": "p1", "kind": "paragraph", "page": 3})"
      "\n");
  ASSERT_EQ(documents.size(), 1u);
  const Document& document = documents[0];
  EXPECT_EQ(document.id, "CRIV 55 COM 210");
  EXPECT_EQ(document.title, "Commissie voor Landsverdediging");
  EXPECT_EQ(document.date, "2020-06-17");
  ASSERT_EQ(document.paragraphs.size(), 1u);
  const Paragraph& paragraph = document.paragraphs[0];
  EXPECT_EQ(paragraph.id, "criv-1");
  EXPECT_EQ(paragraph.lang, Language::kDutch);
  EXPECT_EQ(paragraph.seq, 1);
  EXPECT_EQ(paragraph.speaker, "Annick Ponthier");
  EXPECT_EQ(paragraph.role, "member");
  EXPECT_EQ(paragraph.party, "VB");
  EXPECT_EQ(paragraph.party_source, PartySource::kMetadata);
  EXPECT_EQ(paragraph.section, "Vragen");
  EXPECT_EQ(paragraph.pair, "p1");
  EXPECT_EQ(paragraph.page, 3);
  EXPECT_EQ(paragraph.text, "Wanneer worden de fregatten geleverd?");
}

TEST_F(JsonLinesReaderTest, ParseOutputReadsBack) {
  Paragraph original;
  original.id = "A-805-2-2023-2024-fr-0045";
  original.doc = "A-805/2 – 2023/2024";
  original.lang = Language::kFrench;
  original.seq = 45;
  original.kind = ParagraphKind::kBullet;
  original.speaker = "Soetkin Hoessen";
  original.party = "Groen";
  original.party_source = PartySource::kRoster;
  original.text = "L’interopérabilité est en effet cruciale.";
  const auto documents = Read(ParagraphToJson(original) + "\n");
  ASSERT_EQ(documents.size(), 1u);
  const Paragraph& read = documents[0].paragraphs[0];
  EXPECT_EQ(read.id, original.id);
  EXPECT_EQ(read.doc, original.doc);
  EXPECT_EQ(read.lang, Language::kFrench);
  EXPECT_EQ(read.kind, ParagraphKind::kBullet);
  EXPECT_EQ(read.speaker, original.speaker);
  EXPECT_EQ(read.party, original.party);
  EXPECT_EQ(read.text, original.text);
}

TEST_F(JsonLinesReaderTest, LanguageIsDetectedWhenAbsent) {
  const auto documents = Read(
      R"({"doc": "d", "text": "Le développement des questions commence à 10 heures et la réunion est présidée par le président de la commission."})"
      "\n"
      R"({"doc": "d", "text": "De behandeling van de vragen vangt aan om 10 uur en de vergadering wordt voorgezeten door de voorzitter van de commissie."})"
      "\n");
  ASSERT_EQ(documents[0].paragraphs.size(), 2u);
  EXPECT_EQ(documents[0].paragraphs[0].lang, Language::kFrench);
  EXPECT_EQ(documents[0].paragraphs[1].lang, Language::kDutch);
  EXPECT_EQ(documents[0].paragraphs[0].id, "d-fr-0001");
  EXPECT_EQ(documents[0].paragraphs[1].id, "d-nl-0001");
  EXPECT_FALSE(documents[0].paragraphs[0].party_source);
}

TEST_F(JsonLinesReaderTest, LinesAreGroupedByDocumentInOrderOfFirstAppearance) {
  const auto documents =
      Read(std::string(R"({"doc": "B", "text": "een", "lang": "nl"})") + "\n" +
           R"({"doc": "A", "text": "un", "lang": "fr"})" + "\n\n   \n" +
           R"({"doc": "B", "text": "twee", "lang": "nl", "date": "2024-05-02"})" + "\r\n" +
           R"({"doc": "B", "text": "deux", "lang": "fr"})");
  ASSERT_EQ(documents.size(), 2u);
  EXPECT_EQ(documents[0].id, "B");
  EXPECT_EQ(documents[1].id, "A");
  ASSERT_EQ(documents[0].paragraphs.size(), 3u);
  EXPECT_EQ(documents[0].date, "2024-05-02");
  EXPECT_EQ(documents[0].paragraphs[0].date, "2024-05-02");  // from a later line of "B"
  EXPECT_EQ(documents[1].date, "");
  EXPECT_EQ(documents[0].paragraphs[1].text, "twee");
  EXPECT_EQ(documents[0].paragraphs[1].id, "B-nl-0002");
  EXPECT_EQ(documents[0].paragraphs[2].id, "B-fr-0001");
  EXPECT_EQ(documents[1].paragraphs[0].id, "A-fr-0001");
}

TEST_F(JsonLinesReaderTest, EachKindOfBadLineRefusesTheFileAtItsLine) {
  const std::string good = std::string(kGoodLine) + "\n";
  const std::vector<std::string> bad_lines = {
      R"({"doc": "d", "text": )",                            // not JSON
      R"(["d", "text"])",                                    // not an object
      R"("just a string")",                                  // not an object
      R"({"text": "zonder document"})",                      // missing doc
      R"({"doc": "d"})",                                     // missing text
      R"({"doc": "d", "text": "  "})",                       // empty text
      R"({"doc": 12, "text": "nummer"})",                    // wrong type
      R"({"doc": "d", "text": "x", "speaker": 3})",          // wrong type
      R"({"doc": "d", "text": "x", "page": "drie"})",        // wrong type
      R"({"doc": "d", "text": "x", "page": 0})",             // not a page
      R"({"doc": "d", "text": "x", "date": "17-06-2020"})",  // bad date
      R"({"doc": "d", "text": "x", "date": "2023-02-29"})",  // no such day
      R"({"doc": "d", "text": "x", "lang": "xx"})",          // unknown language
      R"({"doc": "d", "text": "x", "kind": "footnote"})",    // unknown kind
  };
  for (const std::string& bad : bad_lines) {
    EXPECT_EQ(ErrorLine(good + "\n" + bad + "\n" + good), 3) << bad;
  }
}

// Found by fuzzing (tests/fuzz/jsonl_reader_fuzz): the JSON library reports a number too large
// for a double as out_of_range, which went past the reader as a non-parlsearch exception.
TEST_F(JsonLinesReaderTest, NumberOutOfRangeIsRefusedAtItsLine) {
  const std::string good = std::string(kGoodLine) + "\n";
  EXPECT_EQ(ErrorLine(good + R"({"doc": "d", "text": "x", "page": 1e400})" + "\n"), 2);
  EXPECT_EQ(ErrorLine(good + good + R"({"doc": "d", "text": "x", "score": -3e33333333})"), 3);
}

TEST_F(JsonLinesReaderTest, RepeatedIdIsRefusedAtItsSecondLine) {
  const std::string line = R"({"doc": "d", "text": "x", "lang": "nl", "id": "same"})";
  EXPECT_EQ(ErrorLine(line + "\n" + std::string(kGoodLine) + "\n" + line + "\n"), 3);
  // An id given in the file that parlsearch would also give another line.
  EXPECT_EQ(ErrorLine(std::string(R"({"doc": "d", "text": "x", "lang": "nl", "id": "d-nl-0002"})") +
                      "\n" + R"({"doc": "d", "text": "y", "lang": "nl"})" + "\n"),
            2);
}

TEST_F(JsonLinesReaderTest, InvalidUtf8IsRefusedWithItsLine) {
  const std::string good = std::string(kGoodLine) + "\n";
  EXPECT_EQ(ErrorLine(good + good + R"({"doc": "d", "text": "R)" + std::string("\xe9") +
                      R"(gion"})" + "\n"),
            3);
}

TEST_F(JsonLinesReaderTest, EmptyFileIsRefused) {
  EXPECT_THROW(Read(""), InputError);
  EXPECT_THROW(Read("\n\n"), InputError);
}

}  // namespace
}  // namespace parlsearch
