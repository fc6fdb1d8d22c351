// What a search asks for: the query, filters, facets, order and page.
#ifndef PARLSEARCH_SEARCHER_SEARCH_REQUEST_H_
#define PARLSEARCH_SEARCHER_SEARCH_REQUEST_H_

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parlsearch/stemming/language.h"

namespace parlsearch {

// kDate: oldest first, in reading order within a sitting. kNewest: newest date first, and among
// paragraphs of one date (or none) the last indexed first, as a feed lists them.
enum class SortOrder { kRelevance, kDate, kNewest };

// The most hits one page may have.
inline constexpr int kMaxLimit = 1000;

// The facet names of a comma-separated list, as users give them ("party,lang"; empty items
// skipped). The names are checked by the search.
std::vector<std::string> SplitFacetList(std::string_view list);

// The names of the facets a search can count (the field table's facets): "party", "speaker",
// "lang", ...
std::vector<std::string> FacetNames();

// A facet may also be two of them crossed, "party:year": the hits for each pair of values
// (SearchResult::crossed_facets). The two names of such a facet, or nullopt for a plain one.
// The names are not checked here.
std::optional<std::pair<std::string, std::string>> SplitCrossedFacet(std::string_view name);

// What one query may cost (docs/limits.md). A query string over a bound on bytes, words or
// wildcards is refused with a QueryError that says which; wildcard and translation expansions are
// cut to their share of the total instead (the most frequent words of each wildcard are kept).
struct QueryLimits {
  std::size_t max_bytes = 4096;             // of the query string
  std::size_t max_words = 64;               // words, wildcards and fields; operators aside
  std::size_t max_wildcards = 8;            // words ending in '*'
  std::size_t max_wildcard_terms = 400;     // words all wildcards expand to, all languages
  std::size_t max_translation_terms = 256;  // translation terms added, all languages
};

struct SearchRequest {
  // The query, in Xapian's query language with parlsearch's fields (docs/search.md). Required.
  std::string query;

  // The side of each translation pair that is searched and shown first; unset: every language
  // (or those of `languages`, which it overrides).
  std::optional<Language> side;

  // Filters: several values of one filter OR together, different filters AND. Values compare
  // case- and accent-insensitively; a speaker matches by full name or surname, a document by id
  // or id prefix ("A-805/2"), a section by any part of its heading.
  std::vector<std::string> parties;
  std::vector<std::string> speakers;
  std::vector<std::string> languages;  // "nl", "fr"
  std::vector<std::string> documents;
  std::vector<std::string> sections;
  std::string from_date;  // YYYY-MM-DD, inclusive; empty: open
  std::string to_date;    // YYYY-MM-DD, inclusive; empty: open
  // Any filter of the field table (parlsearch/schema/fields.h) but dates, by field name:
  // {"session", {"2023/2024"}}, {"role", {"minister"}}; for the fields with a member above, the
  // same as it. Values match as the field's "name:" in queries do.
  std::map<std::string, std::vector<std::string>> filters;

  // Facets to count (FacetNames(), or two of them crossed: "party:year"); each count equals the
  // hits that filtering on the value (or the two values) gives.
  std::vector<std::string> facets;

  // The most bytes of a hit's snippet: an excerpt around the densest marks. 0: the whole
  // paragraph, every occurrence marked, as a concordance (--kwic) lists them.
  std::size_t snippet_bytes = 320;

  SortOrder sort = SortOrder::kRelevance;
  int offset = 0;
  int limit = 10;

  // Search each query word in its translations too (cross-language retrieval).
  bool translate = true;

  // With translation, also rank higher the paragraphs that have the words the index's own
  // translation pairs relate to the query (SearchResult::related): the other sides of the paired
  // paragraphs that match it best. It finds what no dictionary lists when the index holds
  // translated paragraphs of the subject, at the cost of about half again the search's time
  // (docs/relevance.md). Not with `exact`.
  bool related = false;

  // Search the words as typed only. Otherwise, when a word of five letters or more that the index
  // does not have is one edit (two for words of eight letters or more) from one it has, the
  // corrected query's hits are returned (SearchResult::corrected), and a word without lexicon
  // entry may be translated through a relative (a stem it begins like).
  bool exact = false;

  // Stop matching after this many seconds (0: no limit); the hits are then the best found so
  // far and the total is marked as not exact.
  double time_limit_seconds = 0;

  QueryLimits limits;
};

// Throws QueryError, saying which, if `request` cannot be searched: an offset below 0, a limit
// outside 0..kMaxLimit, an unknown facet or filter name (or a facet crossed with itself), a date
// that is not a valid YYYY-MM-DD, a from date after the to date. Searcher::Search checks every
// request with it; the query string itself is checked as it is parsed.
void ValidateRequest(const SearchRequest& request);

}  // namespace parlsearch

#endif  // PARLSEARCH_SEARCHER_SEARCH_REQUEST_H_
