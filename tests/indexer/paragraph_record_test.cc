#include "parlsearch/schema/paragraph_record.h"

#include <gtest/gtest.h>

#include "parlsearch/error.h"

namespace parlsearch::schema {
namespace {

using namespace std::string_literals;

Paragraph Full() {
  Paragraph paragraph;
  paragraph.id = "A-1-2-2024-fr-0003";
  paragraph.doc = "A-1/2 – 2024";
  paragraph.title = "Projet d’ordonnance";
  paragraph.lang = Language::kFrench;
  paragraph.seq = 3;
  paragraph.page = 300;  // more than one varint byte
  paragraph.section = "I. Exposé introductif";
  paragraph.kind = ParagraphKind::kBullet;
  paragraph.speaker = "Jeanne Dupont";
  paragraph.role = "member";
  paragraph.party = "Les Engagés";
  paragraph.party_source = PartySource::kRoster;
  paragraph.pair = "A-1-2-2024-p0003";
  paragraph.date = "2024-03-21";
  // Control characters and a NUL byte inside, and long enough for a two-byte length.
  paragraph.text = "Texte avec \x1f, "s + '\0' + " et des accents : é." + std::string(200, 'x');
  return paragraph;
}

void ExpectSame(const Paragraph& a, const Paragraph& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.doc, b.doc);
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.lang, b.lang);
  EXPECT_EQ(a.seq, b.seq);
  EXPECT_EQ(a.page, b.page);
  EXPECT_EQ(a.section, b.section);
  EXPECT_EQ(a.kind, b.kind);
  EXPECT_EQ(a.speaker, b.speaker);
  EXPECT_EQ(a.role, b.role);
  EXPECT_EQ(a.party, b.party);
  EXPECT_EQ(a.party_source, b.party_source);
  EXPECT_EQ(a.pair, b.pair);
  EXPECT_EQ(a.date, b.date);
  EXPECT_EQ(a.text, b.text);
}

TEST(ParagraphRecord, RoundTripsEveryField) {
  const Paragraph paragraph = Full();
  ExpectSame(DecodeParagraph(EncodeParagraph(paragraph)), paragraph);
}

TEST(ParagraphRecord, RoundTripsEmptyFields) {
  Paragraph paragraph;
  paragraph.id = "x";
  paragraph.doc = "d";
  paragraph.text = "t";
  ExpectSame(DecodeParagraph(EncodeParagraph(paragraph)), paragraph);
}

TEST(ParagraphRecord, DamagedRecordsAreIndexErrors) {
  const std::string record = EncodeParagraph(Full());
  EXPECT_THROW(DecodeParagraph(""), IndexError);
  EXPECT_THROW(DecodeParagraph("{\"id\": \"x\"}"), IndexError);  // another format
  EXPECT_THROW(DecodeParagraph(record.substr(0, record.size() - 1)), IndexError);
  EXPECT_THROW(DecodeParagraph(record + "x"), IndexError);
  EXPECT_THROW(DecodeParagraph(std::string(1, '\x01') + std::string(12, '\xff')), IndexError);
}

}  // namespace
}  // namespace parlsearch::schema
