#include "parlsearch/corpus/paragraph_json.h"

#include <nlohmann/json.hpp>

#include "parlsearch/error.h"

namespace parlsearch {
namespace {

using nlohmann::json;

json NullIfEmpty(const std::string& value) { return value.empty() ? json(nullptr) : json(value); }

std::string StringOr(const json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

int IntOr(const json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_number_integer() ? it->get<int>() : 0;
}

}  // namespace

std::string ParagraphToJson(const Paragraph& paragraph) {
  json record = json::object();
  record["id"] = paragraph.id;
  record["doc"] = paragraph.doc;
  record["title"] = NullIfEmpty(paragraph.title);
  record["lang"] = NullIfEmpty(std::string(LanguageCode(paragraph.lang)));
  record["seq"] = paragraph.seq;
  record["page"] = paragraph.page > 0 ? json(paragraph.page) : json(nullptr);
  record["section"] = NullIfEmpty(paragraph.section);
  record["kind"] = KindName(paragraph.kind);
  record["speaker"] = NullIfEmpty(paragraph.speaker);
  record["role"] = NullIfEmpty(paragraph.role);
  record["party"] = NullIfEmpty(paragraph.party);
  record["party_source"] = paragraph.party_source
                               ? json(std::string(PartySourceName(*paragraph.party_source)))
                               : json(nullptr);
  record["pair"] = NullIfEmpty(paragraph.pair);
  record["date"] = NullIfEmpty(paragraph.date);
  record["text"] = paragraph.text;
  return record.dump(-1, ' ', /*ensure_ascii=*/false, json::error_handler_t::replace);
}

Paragraph ParagraphFromJson(std::string_view text) {
  const json record = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!record.is_object()) throw Error("paragraph record is not a JSON object");
  Paragraph paragraph;
  paragraph.id = StringOr(record, "id");
  paragraph.doc = StringOr(record, "doc");
  paragraph.title = StringOr(record, "title");
  paragraph.lang = ParseLanguage(StringOr(record, "lang")).value_or(Language::kUnknown);
  paragraph.seq = IntOr(record, "seq");
  paragraph.page = IntOr(record, "page");
  paragraph.section = StringOr(record, "section");
  paragraph.kind = ParseKind(StringOr(record, "kind")).value_or(ParagraphKind::kParagraph);
  paragraph.speaker = StringOr(record, "speaker");
  paragraph.role = StringOr(record, "role");
  paragraph.party = StringOr(record, "party");
  paragraph.party_source = ParsePartySource(StringOr(record, "party_source"));
  paragraph.pair = StringOr(record, "pair");
  paragraph.date = StringOr(record, "date");
  paragraph.text = StringOr(record, "text");
  return paragraph;
}

}  // namespace parlsearch
