#include "paragraph_document.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "parlsearch/schema/date.h"
#include "parlsearch/schema/fields.h"
#include "parlsearch/schema/paragraph_record.h"
#include "parlsearch/schema/schema.h"
#include "parlsearch/stemming/normalizer.h"
#include "parlsearch/stemming/tokenizer.h"

namespace parlsearch {
namespace {

// Each field's boolean term and value, as the field table lays them out.
void AddFields(Xapian::Document& document, const Paragraph& paragraph) {
  for (const schema::Field& field : schema::kFields) {
    const std::string value = field.extract(paragraph);
    if (value.empty()) continue;
    if (const std::string term = schema::FieldTerm(field, value); !term.empty()) {
      document.add_boolean_term(term);
    }
    if (field.slot == schema::kNoSlot) continue;
    if (const std::string normal = schema::NormaliseValue(field, value); !normal.empty()) {
      document.add_value(field.slot, normal);
    }
  }
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
  // Prefixed terms are no words; numbers and codes are no misspelt words.
  if (schema::IsPrefixed(term)) return false;
  return std::all_of(term.begin(), term.end(), [](char c) {
    return !std::isdigit(static_cast<unsigned char>(c)) && c != '/' && c != '.';
  });
}

std::string OrderValue(const Paragraph& paragraph, std::size_t order) {
  const std::string date = schema::TryCompactDate(paragraph.date).value_or("00000000");
  char position[16];
  std::snprintf(position, sizeof position, "%08zu", order);
  return date + '\x1f' + DocumentSlug(paragraph.doc) + '\x1f' + position;
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

  AddFields(document, paragraph);
  document.add_value(schema::kFacetSlot, schema::FacetRecordOf(paragraph));
  document.add_value(schema::kOrderSlot, OrderValue(paragraph, order));
  return document;
}

}  // namespace parlsearch
