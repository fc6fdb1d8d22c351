// Marking a query's words in a paragraph, and cutting an excerpt around them.
#ifndef PARLSEARCH_SEARCHER_HIGHLIGHTER_H_
#define PARLSEARCH_SEARCHER_HIGHLIGHTER_H_

#include <map>
#include <memory>
#include <string>

#include "parlsearch/searcher/search_result.h"
#include "parlsearch/stemming/analyzer.h"
#include "query_builder.h"

namespace parlsearch {

// Marks the words of `text` that the query matched: same stem, same folded word, a compound
// whose part the query names, or a word starting with a wildcard's prefix. Keeps one analyser
// per language; not safe for concurrent use.
class Highlighter {
 public:
  // The snippet of `text` (a paragraph in `language`): the whole text if it is short, else an
  // excerpt of about `max_bytes` around the densest marks.
  Snippet Highlight(const std::string& text, Language language, const QueryTerms& terms,
                    std::size_t max_bytes = 320);

 private:
  const Analyzer* AnalyzerFor(Language language);
  std::map<Language, std::unique_ptr<Analyzer>> analyzers_;
};

// `snippet` as HTML: text escaped, marks as <mark>…</mark>.
std::string SnippetToHtml(const Snippet& snippet);

}  // namespace parlsearch

#endif  // PARLSEARCH_SEARCHER_HIGHLIGHTER_H_
