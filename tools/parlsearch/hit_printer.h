// Printing search results for people: ranked hits, each paragraph beside its translation
// (side by side on a wide terminal, one under the other otherwise), matched words in colour on
// a terminal, facet counts and a spelling suggestion; or a concordance of the matched words.
#ifndef PARLSEARCH_TOOLS_PARLSEARCH_HIT_PRINTER_H_
#define PARLSEARCH_TOOLS_PARLSEARCH_HIT_PRINTER_H_

#include <ostream>

#include "parlsearch/searcher/search_result.h"

namespace parlsearch::cli {

struct PrintOptions {
  bool color = false;  // ANSI colours for matched words and headings
  int width = 80;      // columns; two columns of text from kSideBySideWidth
  // A concordance instead of the hits: a line per marked word of each hit's sides, centred on
  // it between its left and right context, and where it stands. The snippets must be the whole
  // paragraphs (SearchRequest::snippet_bytes 0), or the contexts stop at the excerpts' ends.
  bool concordance = false;
};

inline constexpr int kSideBySideWidth = 110;

void PrintResult(const SearchResult& result, const PrintOptions& options, std::ostream& out);

}  // namespace parlsearch::cli

#endif  // PARLSEARCH_TOOLS_PARLSEARCH_HIT_PRINTER_H_
