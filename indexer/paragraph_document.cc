#include "paragraph_document.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "parlsearch/indexer/paragraph_record.h"
#include "parlsearch/indexer/schema.h"
#include "parlsearch/stemming/normalizer.h"
#include "parlsearch/stemming/tokenizer.h"

namespace parlsearch {
namespace {

// "2024-03-21" -> "20240321"; "" if `date` is not a date of that form.
std::string CompactDate(const std::string& date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return "";
  return date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2);
}

void AddBoolean(Xapian::Document& document, std::string_view prefix, const std::string& value) {
  if (!value.empty()) document.add_boolean_term(schema::BooleanTerm(prefix, value));
}

void AddWords(Xapian::Document& document, const std::vector<AnalyzedWord>& words,
              std::map<std::string, Xapian::termcount>* spelling) {
  for (const AnalyzedWord& word : words) {
    if (IsSpellingWord(word.folded)) ++(*spelling)[word.folded];
    // Xapian positions start at 1 by convention.
    const Xapian::termpos position = static_cast<Xapian::termpos>(word.position) + 1;
    document.add_posting(word.folded, position);
    document.add_term(std::string(schema::kStemPrefix) + word.stem);
    if (word.exact != word.folded) {
      document.add_term(std::string(schema::kExactPrefix) + word.exact);
    }
    if (!word.whole.empty()) document.add_term(word.whole);
    for (const std::string& part : word.compound_stems) {
      document.add_term(std::string(schema::kCompoundPrefix) + part);
    }
  }
}

// Text in no analysed language: folded words, unstemmed.
void AddUnanalysedWords(Xapian::Document& document, const std::string& text,
                        std::map<std::string, Xapian::termcount>* spelling) {
  Xapian::termpos position = 0;
  for (const Token& token : Tokenizer().Tokenize(text)) {
    const std::string folded = FoldForMatching(token.text);
    if (IsSpellingWord(folded)) ++(*spelling)[folded];
    document.add_posting(folded, ++position);
    document.add_term(std::string(schema::kStemPrefix) + folded);
  }
}

}  // namespace

bool IsSpellingWord(const std::string& term) {
  if (term.size() < 3) return false;
  const unsigned char first = static_cast<unsigned char>(term[0]);
  // Prefixed terms start with a capital; numbers and codes are not misspelt words.
  if (first >= 'A' && first <= 'Z') return false;
  return std::all_of(term.begin(), term.end(), [](char c) {
    return !std::isdigit(static_cast<unsigned char>(c)) && c != '/' && c != '.';
  });
}

std::string OrderValue(const Paragraph& paragraph, std::size_t order) {
  const std::string date = CompactDate(paragraph.date);
  char position[16];
  std::snprintf(position, sizeof position, "%08zu", order);
  return (date.empty() ? "00000000" : date) + '\x1f' + DocumentSlug(paragraph.doc) + '\x1f' +
         position;
}

const Analyzer* ParagraphDocumentBuilder::AnalyzerFor(Language language) {
  if (language == Language::kUnknown) return nullptr;
  auto& analyzer = analyzers_[language];
  if (!analyzer) analyzer = std::make_unique<Analyzer>(language);
  return analyzer.get();
}

Xapian::Document ParagraphDocumentBuilder::Build(
    const Paragraph& paragraph, std::size_t order,
    std::map<std::string, Xapian::termcount>* spelling) {
  Xapian::Document document;
  document.set_data(schema::EncodeParagraph(paragraph));

  if (const Analyzer* analyzer = AnalyzerFor(paragraph.lang)) {
    AddWords(document, analyzer->Analyze(paragraph.text), spelling);
  } else {
    AddUnanalysedWords(document, paragraph.text, spelling);
  }

  document.add_boolean_term(std::string(schema::kIdPrefix) + paragraph.id);
  AddBoolean(document, schema::kDocumentPrefix, paragraph.doc);
  AddBoolean(document, schema::kLanguagePrefix, std::string(LanguageCode(paragraph.lang)));
  AddBoolean(document, schema::kSpeakerPrefix, paragraph.speaker);
  AddBoolean(document, schema::kPartyPrefix, paragraph.party);
  AddBoolean(document, schema::kRolePrefix, paragraph.role);
  AddBoolean(document, schema::kSectionPrefix, paragraph.section);
  AddBoolean(document, schema::kKindPrefix, std::string(KindName(paragraph.kind)));
  const std::string date = CompactDate(paragraph.date);
  if (!date.empty()) document.add_boolean_term(std::string(schema::kDatePrefix) + date);
  if (!paragraph.pair.empty()) {
    document.add_boolean_term(std::string(schema::kPairPrefix) + paragraph.pair);
  }

  const std::string language(LanguageCode(paragraph.lang));
  const std::string year = date.empty() ? "" : date.substr(0, 4);
  const std::string month = date.empty() ? "" : paragraph.date.substr(0, 7);
  document.add_value(
      schema::kFacetSlot,
      schema::FacetRecord({paragraph.pair, paragraph.party, paragraph.speaker, language,
                           paragraph.doc, paragraph.section, paragraph.role, year, month}));
  document.add_value(schema::kOrderSlot, OrderValue(paragraph, order));
  if (!date.empty()) document.add_value(schema::kDateSlot, date);
  return document;
}

}  // namespace parlsearch
