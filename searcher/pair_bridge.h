// Query expansion through the index's own translation pairs: a similarity thesaurus read from
// the parallel paragraphs at query time.
//
// The query, run on the paragraphs of one language that have a translation, finds the pairs
// most like it; the words that tell their other sides apart from the rest of the index
// (Xapian's relevance-feedback expand set, with those sides as the relevant documents) then rank
// higher the other language's paragraphs that have them. It finds what no dictionary lists, as
// long as the index holds translated paragraphs of the query's subject; docs/relevance.md has
// what it gains and costs.
#ifndef PARLSEARCH_SEARCHER_PAIR_BRIDGE_H_
#define PARLSEARCH_SEARCHER_PAIR_BRIDGE_H_

#include <xapian.h>

#include <string>
#include <vector>

#include "parlsearch/stemming/language.h"
#include "parlsearch/stemming/stemmer.h"

namespace parlsearch {

// A stem of the target language that the pairs relate to the query.
struct RelatedTerm {
  std::string stem;   // without the "Z" prefix
  std::string word;   // a word of the pairs with that stem, with its accents; the stem if none
  double weight = 0;  // in the query, the query's own words weighing 1
};

// Not safe for concurrent use (it holds stemmers).
class PairBridge {
 public:
  // `database` must outlive the bridge.
  explicit PairBridge(const Xapian::Database& database);

  // The stems of `target` that the paired paragraphs of `source` matching `source_query` best
  // relate to it, best first; none if no paired paragraph matches well enough. Stems in
  // `excluded` (the query's own) are left out. With `time_limit_seconds` (> 0), the match on the
  // paired paragraphs stops after that long with the best found so far.
  std::vector<RelatedTerm> Related(const Xapian::Query& source_query, Language source,
                                   Language target, const std::vector<std::string>& excluded,
                                   double time_limit_seconds = 0) const;

  // The query that ranks higher the paragraphs with `related`: each stem weighted.
  static Xapian::Query RankingQuery(const std::vector<RelatedTerm>& related);

 private:
  const Xapian::Database& database_;
  Stemmer dutch_stemmer_;
  Stemmer french_stemmer_;
};

}  // namespace parlsearch

#endif  // PARLSEARCH_SEARCHER_PAIR_BRIDGE_H_
