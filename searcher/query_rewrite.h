// Rewriting the terms of a parsed Xapian query.
#ifndef PARLSEARCH_SEARCHER_QUERY_REWRITE_H_
#define PARLSEARCH_SEARCHER_QUERY_REWRITE_H_

#include <xapian.h>

#include <functional>
#include <string>

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

// Calls `visit` with every term of `query`, including those inside phrases.
void VisitTerms(const Xapian::Query& query, const std::function<void(const std::string&)>& visit);

}  // namespace parlsearch

#endif  // PARLSEARCH_SEARCHER_QUERY_REWRITE_H_
