// Rewriting the terms of a parsed Xapian query.
#ifndef PARLSEARCH_SEARCHER_QUERY_REWRITE_H_
#define PARLSEARCH_SEARCHER_QUERY_REWRITE_H_

#include <xapian.h>

#include <functional>
#include <string>
#include <vector>

namespace parlsearch {

// `query` with every term leaf outside phrases and NEAR groups replaced by `rewrite(term)`.
// Operators are rebuilt as they were; subqueries whose parameters Xapian does not expose
// (phrases, NEAR, value ranges, wildcards, weight scaling) are kept unchanged.
Xapian::Query RewriteTerms(const Xapian::Query& query,
                           const std::function<Xapian::Query(const std::string&)>& rewrite);

// `query` with every wildcard (outside phrases and NEAR groups) replaced by the synonym of the
// words of `database` it stands for: the `max_expansion` most frequent, ties in alphabetical
// order (Xapian's WILDCARD_LIMIT_MOST_FREQUENT), or nothing if none. Xapian 1.4 expands a
// wildcard in each database of a sharded index separately, weighting its words by that shard's
// statistics; expanded here, over the whole index, the query ranks as on one database.
Xapian::Query ExpandWildcards(const Xapian::Query& query, const Xapian::Database& database,
                              Xapian::termcount max_expansion);

// The synonym of `terms` (one virtual term whose frequency Xapian estimates from theirs), built
// as a balanced tree of two-term synonyms. Xapian 1.4 combines a flat synonym's subqueries in the
// order of each database's own frequencies and rounds at every step, so a flat synonym of three
// terms or more weighs slightly differently in each shard than in one database; a tree of pairs
// is combined in the same order everywhere. MatchNothing if `terms` is empty.
Xapian::Query SynonymOf(const std::vector<Xapian::Query>& terms);

// Calls `visit` with every term of `query`, including those inside phrases.
void VisitTerms(const Xapian::Query& query, const std::function<void(const std::string&)>& visit);

}  // namespace parlsearch

#endif  // PARLSEARCH_SEARCHER_QUERY_REWRITE_H_
