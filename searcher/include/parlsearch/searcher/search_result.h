// What a search returns: ranked hits (each a paragraph with its translation), facet counts and
// a spelling suggestion.
#ifndef PARLSEARCH_SEARCHER_SEARCH_RESULT_H_
#define PARLSEARCH_SEARCHER_SEARCH_RESULT_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "parlsearch/corpus/paragraph.h"

namespace parlsearch {

// A stretch of text with the query's words marked: byte ranges into `text`.
struct Snippet {
  std::string text;  // the paragraph or an excerpt of it, with "…" where cut
  std::vector<std::pair<std::size_t, std::size_t>> marks;  // [begin, end) byte ranges in text
};

// A paragraph as a hit shows it.
struct HitSide {
  Paragraph paragraph;
  Snippet snippet;
};

struct Hit {
  HitSide matched;  // the paragraph that matched, with its snippet
  // The paragraph's translation (all paragraphs of the other language sharing its pair, joined);
  // unset if it has none.
  std::optional<HitSide> translation;
  double score = 0;
};

struct FacetValue {
  std::string value;
  std::uint64_t count = 0;
};

// A row of a crossed facet ("party:year"): a value of the first facet, the hits having it and
// some value of the second, and those hits by the second's value.
struct FacetRow {
  std::string value;
  std::uint64_t count = 0;
  std::vector<FacetValue> values;  // in the second facet's order: by count, or chronological
};

struct SearchResult {
  std::string query;
  std::uint64_t total = 0;  // hits matching (pairs count once)
  bool total_exact = true;  // false: `total` is an estimate
  int offset = 0;
  // "all": hits have every word of the query. "any": no paragraph had them all, and the hits are
  // those with some of them, best first.
  std::string match = "all";
  std::vector<Hit> hits;
  std::map<std::string, std::vector<FacetValue>> facets;  // facet name -> values, most first
  // Crossed facet name ("party:year") -> a row per value of the first facet, most hits first
  // (in order for a chronological one). A hit counts in a cell when one of its matching
  // paragraphs has both values: the cell equals the hits of filtering on both.
  std::map<std::string, std::vector<FacetRow>> crossed_facets;
  std::string suggestion;  // a corrected query when a word is unknown; empty if none
  // Set when the query as typed found nothing and these hits are those of this corrected query
  // (SearchRequest::exact); `query` stays the query as typed.
  std::string corrected;
  // For each query word searched in its translations: the translations used.
  std::map<std::string, std::vector<std::string>> expanded;
  // For each word of `expanded`: what its translations weigh in the ranking, the word itself
  // weighing 1 (half the lexicon entry's weight: a translation never outweighs the word).
  std::map<std::string, double> expansion_weights;
  // Words of the other language that the index's translation pairs relate to the query: the
  // other sides of the paired paragraphs that match it best have them. They rank higher the hits
  // that have them, weighing this much (the query's words weighing 1); they find no hit by
  // themselves. None when the search is exact or not translated.
  std::map<std::string, double> related;
};

}  // namespace parlsearch

#endif  // PARLSEARCH_SEARCHER_SEARCH_RESULT_H_
