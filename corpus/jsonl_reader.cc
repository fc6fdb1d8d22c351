#include "parlsearch/corpus/jsonl_reader.h"

#include <algorithm>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "parlsearch/corpus/source_text.h"
#include "parlsearch/error.h"
#include "parlsearch/stemming/language_identifier.h"
#include "text_util.h"

namespace parlsearch {
namespace {

using nlohmann::json;

// One line's record, checked field by field. Every problem throws InputError for that line.
class LineRecord {
 public:
  LineRecord(std::string_view line, const std::string& path, int line_number)
      : path_(path), line_number_(line_number) {
    try {
      record_ = json::parse(line);
    } catch (const json::parse_error& error) {
      Fail("not JSON (column " + std::to_string(error.byte) + ")");
    } catch (const json::exception&) {
      // A number beyond a double's range ("1e400") fails as out_of_range, not as parse_error.
      Fail("not JSON: a number out of range");
    }
    if (!record_.is_object()) Fail("not a JSON object");
  }

  // A string that must be there and not be empty.
  std::string Required(const char* key) const {
    const auto it = record_.find(key);
    if (it == record_.end() || it->is_null()) Fail(std::string("missing \"") + key + "\"");
    if (!it->is_string()) Fail(std::string("\"") + key + "\" must be a string");
    std::string value = it->get<std::string>();
    if (TrimSpaces(value).empty()) Fail(std::string("\"") + key + "\" is empty");
    return value;
  }

  // A string or null; "" when absent or null.
  std::string Optional(const char* key) const {
    const auto it = record_.find(key);
    if (it == record_.end() || it->is_null()) return "";
    if (!it->is_string()) Fail(std::string("\"") + key + "\" must be a string or null");
    return it->get<std::string>();
  }

  // An integer of at least `minimum`, or null; 0 when absent or null.
  int OptionalNumber(const char* key, int minimum) const {
    const auto it = record_.find(key);
    if (it == record_.end() || it->is_null()) return 0;
    if (!it->is_number_integer() || it->get<long long>() < minimum ||
        it->get<long long>() > 1'000'000'000) {
      Fail(std::string("\"") + key + "\" must be a whole number from " + std::to_string(minimum) +
           ", or null");
    }
    return it->get<int>();
  }

  [[noreturn]] void Fail(const std::string& message) const {
    throw InputError(path_, message, line_number_);
  }

 private:
  const std::string& path_;
  int line_number_;
  json record_;
};

Paragraph ReadParagraph(const LineRecord& record) {
  Paragraph paragraph;
  paragraph.doc = record.Required("doc");
  paragraph.text = record.Required("text");
  paragraph.id = record.Optional("id");
  paragraph.speaker = record.Optional("speaker");
  paragraph.role = record.Optional("role");
  paragraph.party = record.Optional("party");
  if (!paragraph.party.empty()) paragraph.party_source = PartySource::kMetadata;
  paragraph.section = record.Optional("section");
  paragraph.title = record.Optional("title");
  paragraph.pair = record.Optional("pair");
  paragraph.page = record.OptionalNumber("page", 1);
  paragraph.date = record.Optional("date");
  if (!paragraph.date.empty() && !IsCalendarDate(paragraph.date)) {
    record.Fail("\"date\" must be a date written YYYY-MM-DD, not \"" + paragraph.date + "\"");
  }
  if (const std::string kind = record.Optional("kind"); !kind.empty()) {
    const auto parsed = ParseKind(kind);
    if (!parsed) record.Fail("unknown \"kind\" \"" + kind + "\"");
    paragraph.kind = *parsed;
  }
  if (const std::string lang = record.Optional("lang"); !lang.empty()) {
    const auto parsed = ParseLanguage(lang);
    if (!parsed) record.Fail("unknown \"lang\" \"" + lang + "\" (nl, fr, en, de)");
    paragraph.lang = *parsed;
  }
  // Fields `parse` prints that the reader works out itself; checked so that no line is
  // half-understood.
  record.OptionalNumber("seq", 1);
  record.Optional("party_source");
  return paragraph;
}

// Gives each paragraph its seq, an id where its line gave none, and its document's title and
// date where it gave none. Throws InputError at the second of two paragraphs with one id: ids
// must be unique in the index.
void CompleteParagraphs(std::vector<Document>* documents,
                        const std::vector<std::vector<int>>& lines, const std::string& path) {
  std::map<std::string, int> id_lines;
  for (std::size_t d = 0; d < documents->size(); ++d) {
    Document& document = (*documents)[d];
    const std::string slug = DocumentSlug(document.id);
    std::map<Language, int> counts;
    for (std::size_t p = 0; p < document.paragraphs.size(); ++p) {
      Paragraph& paragraph = document.paragraphs[p];
      paragraph.seq = ++counts[paragraph.lang];
      if (paragraph.title.empty()) paragraph.title = document.title;
      if (paragraph.date.empty()) paragraph.date = document.date;
      if (paragraph.id.empty()) paragraph.id = ParagraphId(slug, paragraph.lang, paragraph.seq);
      const auto [it, inserted] = id_lines.emplace(paragraph.id, lines[d][p]);
      if (!inserted) {
        const int first = std::min(it->second, lines[d][p]);
        const int second = std::max(it->second, lines[d][p]);
        throw InputError(path,
                         "paragraph id \"" + paragraph.id + "\" given twice (first on line " +
                             std::to_string(first) + ")",
                         second);
      }
    }
  }
}

}  // namespace

std::vector<Document> ReadJsonLines(const std::string& path) {
  const std::string text = ReadSourceText(path);

  std::vector<Document> documents;
  std::vector<std::vector<int>> lines;  // the line of each paragraph of each document
  std::map<std::string, std::size_t> document_index;
  std::unique_ptr<LanguageIdentifier> identifier;  // built when a line needs it
  int line_number = 0;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string_view line = std::string_view(text).substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (TrimSpaces(line).empty()) continue;

    Paragraph paragraph = ReadParagraph(LineRecord(line, path, line_number));
    if (paragraph.text.size() > kMaxParagraphBytes) {
      throw InputError(path,
                       "\"text\" is " + std::to_string(paragraph.text.size()) +
                           " bytes; a paragraph may have at most " +
                           std::to_string(kMaxParagraphBytes) + ": split it",
                       line_number);
    }
    if (paragraph.lang == Language::kUnknown) {
      if (!identifier) identifier = std::make_unique<LanguageIdentifier>();
      paragraph.lang = identifier->Identify(paragraph.text);
    }
    const auto [it, inserted] = document_index.emplace(paragraph.doc, documents.size());
    if (inserted) {
      documents.emplace_back();
      documents.back().id = paragraph.doc;
      documents.back().source = path;
      lines.emplace_back();
    }
    Document& document = documents[it->second];
    if (document.title.empty()) document.title = paragraph.title;
    if (document.date.empty()) document.date = paragraph.date;
    document.paragraphs.push_back(std::move(paragraph));
    lines[it->second].push_back(line_number);
  }
  CompleteParagraphs(&documents, lines, path);
  return documents;
}

}  // namespace parlsearch
