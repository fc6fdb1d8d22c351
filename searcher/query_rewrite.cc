#include "query_rewrite.h"

#include <algorithm>
#include <string_view>
#include <utility>
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

namespace {

// The pattern of a wildcard query. Xapian 1.4 does not expose it but in the query's description,
// "Query(WILDCARD SYNONYM interop)"; empty if the description does not read so.
std::string WildcardPattern(const Xapian::Query& query) {
  const std::string description = query.get_description();
  const std::string_view head = "Query(WILDCARD ";
  if (!description.starts_with(head) || !description.ends_with(")")) return "";
  const std::size_t space = description.find(' ', head.size());
  if (space == std::string::npos) return "";
  const std::string pattern = description.substr(space + 1, description.size() - space - 2);
  return pattern.find(' ') == std::string::npos ? pattern : "";
}

Xapian::Query Expand(const std::string& pattern, const Xapian::Database& database,
                     Xapian::termcount max_expansion) {
  std::vector<std::pair<Xapian::doccount, std::string>> words;
  for (auto it = database.allterms_begin(pattern); it != database.allterms_end(pattern); ++it) {
    words.emplace_back(it.get_termfreq(), *it);
  }
  if (words.size() > max_expansion) {
    // Most frequent first, then alphabetical: the same words whatever the order of shards.
    std::partial_sort(words.begin(), words.begin() + max_expansion, words.end(),
                      [](const auto& a, const auto& b) {
                        return a.first != b.first ? a.first > b.first : a.second < b.second;
                      });
    words.resize(max_expansion);
  }
  if (words.empty()) return Xapian::Query::MatchNothing;
  std::vector<Xapian::Query> terms;
  for (const auto& word : words) terms.emplace_back(word.second);
  return SynonymOf(terms);
}

Xapian::Query SynonymTree(const std::vector<Xapian::Query>& terms, std::size_t begin,
                          std::size_t end) {
  if (end - begin == 1) return terms[begin];
  const std::size_t middle = begin + (end - begin + 1) / 2;
  return Xapian::Query(Xapian::Query::OP_SYNONYM, SynonymTree(terms, begin, middle),
                       SynonymTree(terms, middle, end));
}

}  // namespace

Xapian::Query SynonymOf(const std::vector<Xapian::Query>& terms) {
  if (terms.empty()) return Xapian::Query::MatchNothing;
  return SynonymTree(terms, 0, terms.size());
}

Xapian::Query ExpandWildcards(const Xapian::Query& query, const Xapian::Database& database,
                              Xapian::termcount max_expansion) {
  const Xapian::Query::op op = query.get_type();
  if (op == Xapian::Query::OP_WILDCARD) {
    const std::string pattern = WildcardPattern(query);
    return pattern.empty() ? query : Expand(pattern, database, max_expansion);
  }
  if (!IsRebuildable(op)) return query;
  std::vector<Xapian::Query> subqueries;
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
    subqueries.push_back(ExpandWildcards(query.get_subquery(i), database, max_expansion));
  }
  return Xapian::Query(op, subqueries.begin(), subqueries.end());
}

void VisitTerms(const Xapian::Query& query, const std::function<void(const std::string&)>& visit) {
  for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
    visit(*it);
  }
}

}  // namespace parlsearch
