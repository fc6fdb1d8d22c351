// Turning a SearchRequest into a Xapian query over the index schema.
//
// The query string goes through Xapian's QueryParser once per language of the index, with that
// language's stemmer and stopwords; each language's query searches that language's paragraphs.
// Before parsing, the string is normalised the way the indexer normalises text (NFKC, accents
// folded, French elisions removed, words lower-cased but the operators AND, OR, NOT, NEAR, ADJ,
// XOR), so that every spelling meets the index's terms.
//
// Cross-language retrieval: unless the request says not to translate, each plain query word is
// also searched in its translations (query_translator.h), as a synonym group weighing less than
// the word itself, so that paragraphs with the user's own words come first. The stopwords of
// both Dutch and French are then dropped in every language's parse: the query's language is not
// known, and "des" must not be a required word of the Dutch query.
#ifndef PARLSEARCH_SEARCHER_QUERY_BUILDER_H_
#define PARLSEARCH_SEARCHER_QUERY_BUILDER_H_

#include <xapian.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "parlsearch/schema/lexicon.h"
#include "parlsearch/searcher/search_request.h"
#include "parlsearch/stemming/language.h"
#include "query_translator.h"

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
  // For each query word (as written) searched in its translations: the translations, as the
  // index's words, in the languages searched.
  std::map<std::string, std::vector<std::string>> expanded;
  std::set<std::string> translated;  // the folded words that have translations
};

class QueryBuilder {
 public:
  // `database` and `lexicon` must outlive the builder.
  QueryBuilder(const Xapian::Database& database, const Lexicon& lexicon);

  // Throws QueryError for an empty query, a malformed date or date range, an unknown language,
  // a query over request.limits (bytes, words, wildcards).
  // Words combine with AND, or with OR when `any_word` is set.
  BuiltQuery Build(const SearchRequest& request, bool any_word = false) const;

  // The languages with paragraphs in the index.
  std::vector<Language> IndexLanguages() const;

  // Forgets what it read of the index: call it when the database moves to another revision.
  void Forget() const;

 private:
  // The query parsed in `language`. With `translations` (not null), the stems they are keyed by
  // are also searched in them, and the stems that were go into `translated`.
  Xapian::Query ParseIn(Language language, const std::string& query, bool any_word,
                        Xapian::termcount wildcard_expansion,
                        const std::map<std::string, WordTranslation>* translations,
                        QueryTerms* terms, std::set<std::string>* translated) const;
  // The request's filters, ANDed; `*none` is set if one of them matches no paragraph.
  Xapian::Query Filters(const SearchRequest& request, bool* none) const;

  const Xapian::Database& database_;
  const Lexicon& lexicon_;
  QueryTranslator translator_;
  mutable std::optional<std::vector<Language>> languages_;  // IndexLanguages(), remembered
};

// The query string normalised for parsing (see the file comment).
std::string NormaliseQuery(const std::string& query);

}  // namespace parlsearch

#endif  // PARLSEARCH_SEARCHER_QUERY_BUILDER_H_
