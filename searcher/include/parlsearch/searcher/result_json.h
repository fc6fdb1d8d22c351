// Search results as JSON: the object `parlsearch search --json` prints and the HTTP API returns.
// docs/search.md documents the schema.
#ifndef PARLSEARCH_SEARCHER_RESULT_JSON_H_
#define PARLSEARCH_SEARCHER_RESULT_JSON_H_

#include <string>

#include "parlsearch/searcher/search_result.h"
#include "parlsearch/searcher/searcher.h"

namespace parlsearch {

// One JSON object; snippets carry <mark>…</mark> around the matched words, HTML-escaped.
std::string SearchResultToJson(const SearchResult& result, int indent = -1);

// A ParagraphView as JSON: {"paragraph", "translation", "previous", "next"}, each a paragraph
// record (as `parlsearch parse` prints it) or null.
std::string ParagraphViewToJson(const ParagraphView& view, int indent = -1);

}  // namespace parlsearch

#endif  // PARLSEARCH_SEARCHER_RESULT_JSON_H_
