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
  // `order` is the paragraph's position in its document's reading order.
  Xapian::Document Build(const Paragraph& paragraph, std::size_t order);

 private:
  const Analyzer* AnalyzerFor(Language language);
  std::map<Language, std::unique_ptr<Analyzer>> analyzers_;
};

// The value sorting paragraphs in document order: date, document, reading order.
std::string OrderValue(const Paragraph& paragraph, std::size_t order);

}  // namespace parlsearch

#endif  // PARLSEARCH_INDEXER_PARAGRAPH_DOCUMENT_H_
