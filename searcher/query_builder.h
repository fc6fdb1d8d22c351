// Turning a SearchRequest into a Xapian query over the index schema.
//
// The query string goes through Xapian's QueryParser once per language of the index, with that
// language's stemmer and stopwords; each language's query searches that language's paragraphs.
// Before each language's parse, the string's words are normalised by that language's Analyzer
// (Analyzer::Normalize: NFKC, elisions by the language's rule, case and accents folded), the
// operators AND, OR, NOT, NEAR, ADJ and XOR aside, and Xapian stems them with the same Stemmer
// as the indexer: the query looks up exactly the terms the index stores.
//
// Cross-language retrieval: unless the request says not to translate, each plain query word is
// also searched in its translations (query_translator.h), as a synonym group weighing less than
// the word itself, so that paragraphs with the user's own words come first; and, when the
// request asks for related words (and is not exact), the words that the index's translation
// pairs relate to the query (pair_bridge.h) rank higher the paragraphs that have them. The
// stopwords of both Dutch and French are then dropped in every language's parse: the query's
// language is not known, and "des" must not be a required word of the Dutch query.
#ifndef PARLSEARCH_SEARCHER_QUERY_BUILDER_H_
#define PARLSEARCH_SEARCHER_QUERY_BUILDER_H_

#include <xapian.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "pair_bridge.h"
#include "parlsearch/schema/lexicon.h"
#include "parlsearch/searcher/search_request.h"
#include "parlsearch/stemming/analyzer.h"
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
  std::string analysed;  // the query string as parsed: AnalyzeQueryWords(), first language searched
  // For each query word (as written) searched in its translations: the translations, as the
  // index's words, in the languages searched.
  std::map<std::string, std::vector<std::string>> expanded;
  // For each word of `expanded`: what its translations weigh in the query, the word itself
  // weighing 1 (the best over the languages searched).
  std::map<std::string, double> expansion_weights;
  // The folded words translated by their own lexicon entry: words of another language, not
  // misspelt ones (a word translated through a relative only may be).
  std::set<std::string> translated;
  // The words that the index's translation pairs relate to the query (pair_bridge.h), which rank
  // higher the hits that have them, with their weight in the query (the best over the
  // languages searched).
  std::map<std::string, double> related;
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

  // The analyzer whose Normalize() prepares the query for `language`'s parse.
  const Analyzer& AnalyzerFor(Language language) const;

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
  PairBridge bridge_;
  mutable std::optional<std::vector<Language>> languages_;  // IndexLanguages(), remembered
  mutable std::map<Language, Analyzer> analyzers_;          // AnalyzerFor(), made on first use
};

// The query string prepared for parsing in `analyzer`'s language: each word as
// Analyzer::Normalize() gives it, the operators and the quotes, brackets and signs around words
// kept, unknown field names made text (see the file comment).
std::string AnalyzeQueryWords(const std::string& query, const Analyzer& analyzer);

}  // namespace parlsearch

#endif  // PARLSEARCH_SEARCHER_QUERY_BUILDER_H_
