#include "query_rewrite.h"

#include <vector>

namespace parlsearch {
namespace {

// Operators that take only subqueries, so that they can be rebuilt from them.
bool IsRebuildable(Xapian::Query::op op) {
  switch (op) {
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_XOR:
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_MAX:
      return true;
    default:
      return false;
  }
}

}  // namespace

Xapian::Query RewriteTerms(const Xapian::Query& query,
                           const std::function<Xapian::Query(const std::string&)>& rewrite) {
  const Xapian::Query::op op = query.get_type();
  if (op == Xapian::Query::LEAF_TERM) return rewrite(*query.get_terms_begin());
  if (!IsRebuildable(op)) return query;
  std::vector<Xapian::Query> subqueries;
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
    subqueries.push_back(RewriteTerms(query.get_subquery(i), rewrite));
  }
  return Xapian::Query(op, subqueries.begin(), subqueries.end());
}

void VisitTerms(const Xapian::Query& query, const std::function<void(const std::string&)>& visit) {
  for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
    visit(*it);
  }
}

}  // namespace parlsearch
