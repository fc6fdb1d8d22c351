// Turning a SearchRequest into a Xapian query over the index schema.
//
// The query string goes through Xapian's QueryParser once per language of the index, with that
// language's stemmer and stopwords; each language's query searches that language's paragraphs.
// Before parsing, the string is normalised the way the indexer normalises text (NFKC, accents
// folded, French elisions removed, words lower-cased but the operators AND, OR, NOT, NEAR, ADJ,
// XOR), so that every spelling meets the index's terms.
#ifndef PARLSEARCH_SEARCHER_QUERY_BUILDER_H_
#define PARLSEARCH_SEARCHER_QUERY_BUILDER_H_

#include <xapian.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "parlsearch/searcher/search_request.h"
#include "parlsearch/stemming/language.h"

namespace parlsearch {

// The words of a query in one language, for highlighting.
struct QueryTerms {
  std::set<std::string> stems;        // stems (without the "Z" prefix)
  std::set<std::string> words;        // folded words (phrases, unstemmed terms)
  std::vector<std::string> prefixes;  // wildcard prefixes ("interop" of "interop*")
};

struct BuiltQuery {
  Xapian::Query query;                   // text query AND filters
  std::map<Language, QueryTerms> terms;  // per searched language
  std::vector<std::string> words;        // the query's plain words, folded, for spelling
  std::string normalised;                // the query string as parsed
};

class QueryBuilder {
 public:
  // `database` must outlive the builder.
  explicit QueryBuilder(const Xapian::Database& database);

  // Throws QueryError for an empty query, a malformed date or date range, an unknown language.
  // Words combine with AND, or with OR when `any_word` is set.
  BuiltQuery Build(const SearchRequest& request, bool any_word = false) const;

  // The languages with paragraphs in the index.
  std::vector<Language> IndexLanguages() const;

 private:
  Xapian::Query ParseIn(Language language, const std::string& query, bool any_word,
                        QueryTerms* terms) const;
  Xapian::Query Filters(const SearchRequest& request) const;

  const Xapian::Database& database_;
};

// The query string normalised for parsing (see the file comment).
std::string NormaliseQuery(const std::string& query);

// Checks a date "YYYY-MM-DD" and returns it as "YYYYMMDD"; throws QueryError if it is not a
// valid date.
std::string CompactDate(const std::string& date);

}  // namespace parlsearch

#endif  // PARLSEARCH_SEARCHER_QUERY_BUILDER_H_
