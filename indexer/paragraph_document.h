// The Xapian document of one paragraph, as the schema (schema.h) lays it out.
#ifndef PARLSEARCH_INDEXER_PARAGRAPH_DOCUMENT_H_
#define PARLSEARCH_INDEXER_PARAGRAPH_DOCUMENT_H_

#include <xapian.h>

#include <map>
#include <memory>

#include "parlsearch/corpus/paragraph.h"
#include "parlsearch/stemming/analyzer.h"

namespace parlsearch {

// Builds Xapian documents for paragraphs, holding one analyser per language.
// Not safe for concurrent use.
class ParagraphDocumentBuilder {
 public:
  // `order` is the paragraph's position in its document's reading order. The paragraph's words
  // that spelling suggestions may offer are counted into `spelling`.
  Xapian::Document Build(const Paragraph& paragraph, std::size_t order,
                         std::map<std::string, Xapian::termcount>* spelling);

 private:
  const Analyzer* AnalyzerFor(Language language);
  std::map<Language, std::unique_ptr<Analyzer>> analyzers_;
};

// True if `term` is a word that spelling suggestions may offer: an unprefixed term of three
// letters or more.
bool IsSpellingWord(const std::string& term);

// The value sorting paragraphs in document order: date, document, reading order.
std::string OrderValue(const Paragraph& paragraph, std::size_t order);

}  // namespace parlsearch

#endif  // PARLSEARCH_INDEXER_PARAGRAPH_DOCUMENT_H_
