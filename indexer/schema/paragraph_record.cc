#include "parlsearch/schema/paragraph_record.h"

#include <algorithm>
#include <cstdint>

#include "parlsearch/error.h"

namespace parlsearch::schema {
namespace {

constexpr char kFormat = 1;

void PutNumber(std::string& out, std::uint64_t value) {
  while (value >= 0x80) {
    out.push_back(static_cast<char>((value & 0x7f) | 0x80));
    value >>= 7;
  }
  out.push_back(static_cast<char>(value));
}

void PutString(std::string& out, std::string_view value) {
  PutNumber(out, value.size());
  out.append(value);
}

class Reader {
 public:
  explicit Reader(std::string_view record) : rest_(record) {}

  std::uint64_t Number() {
    std::uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (rest_.empty()) Fail();
      const auto byte = static_cast<unsigned char>(rest_.front());
      rest_.remove_prefix(1);
      value |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) return value;
    }
    Fail();
  }

  std::string_view String() {
    const std::uint64_t size = Number();
    if (size > rest_.size()) Fail();
    const std::string_view value = rest_.substr(0, size);
    rest_.remove_prefix(size);
    return value;
  }

  int Int() { return static_cast<int>(Number()); }
  bool done() const { return rest_.empty(); }
  [[noreturn]] static void Fail() { throw IndexError("damaged paragraph record in the index"); }

 private:
  std::string_view rest_;
};

}  // namespace

std::string EncodeParagraph(const Paragraph& paragraph) {
  std::string out;
  out.reserve(paragraph.text.size() + paragraph.doc.size() + paragraph.id.size() + 96);
  out.push_back(kFormat);
  PutString(out, paragraph.id);
  PutString(out, paragraph.doc);
  PutString(out, paragraph.title);
  PutString(out, LanguageCode(paragraph.lang));
  PutNumber(out, static_cast<std::uint64_t>(std::max(0, paragraph.seq)));
  PutNumber(out, static_cast<std::uint64_t>(std::max(0, paragraph.page)));
  PutString(out, paragraph.section);
  PutString(out, KindName(paragraph.kind));
  PutString(out, paragraph.speaker);
  PutString(out, paragraph.role);
  PutString(out, paragraph.party);
  PutString(out,
            paragraph.party_source ? PartySourceName(*paragraph.party_source) : std::string_view());
  PutString(out, paragraph.pair);
  PutString(out, paragraph.date);
  PutString(out, paragraph.text);
  return out;
}

Paragraph DecodeParagraph(std::string_view record) {
  if (record.empty() || record.front() != kFormat) Reader::Fail();
  Reader reader(record.substr(1));
  Paragraph paragraph;
  paragraph.id = reader.String();
  paragraph.doc = reader.String();
  paragraph.title = reader.String();
  paragraph.lang = ParseLanguage(reader.String()).value_or(Language::kUnknown);
  paragraph.seq = reader.Int();
  paragraph.page = reader.Int();
  paragraph.section = reader.String();
  paragraph.kind = ParseKind(reader.String()).value_or(ParagraphKind::kParagraph);
  paragraph.speaker = reader.String();
  paragraph.role = reader.String();
  paragraph.party = reader.String();
  paragraph.party_source = ParsePartySource(reader.String());
  paragraph.pair = reader.String();
  paragraph.date = reader.String();
  paragraph.text = reader.String();
  if (!reader.done()) Reader::Fail();
  return paragraph;
}

}  // namespace parlsearch::schema
