#include "query_rewrite.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <set>

#include "testing/test_support.h"

namespace parlsearch {
namespace {

// A database whose words have the frequencies given.
Xapian::WritableDatabase Words(const std::string& path,
                               const std::vector<std::pair<std::string, int>>& words) {
  Xapian::WritableDatabase database(path, Xapian::DB_CREATE);
  for (const auto& [word, frequency] : words) {
    for (int i = 0; i < frequency; ++i) {
      Xapian::Document document;
      document.add_term(word);
      document.add_term("other");
      database.add_document(document);
    }
  }
  database.commit();
  return database;
}

std::set<std::string> TermsOf(const Xapian::Query& query) {
  return std::set<std::string>(query.get_terms_begin(), query.get_terms_end());
}

TEST(ExpandWildcards, AWildcardBecomesASynonymOfItsMostFrequentWords) {
  testing::TempDir dir;
  const Xapian::WritableDatabase database = Words(dir.path() + "/db", {{"interop", 1},
                                                                       {"interoperabilite", 5},
                                                                       {"interoperabel", 3},
                                                                       {"interoperable", 3},
                                                                       {"interne", 9}});
  const Xapian::Query wildcard(Xapian::Query::OP_WILDCARD, "interop", 0,
                               Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  const Xapian::Query query(Xapian::Query::OP_OR, wildcard, Xapian::Query("other"));

  const Xapian::Query all = ExpandWildcards(query, database, 10);
  EXPECT_EQ(TermsOf(all), (std::set<std::string>{"interop", "interoperabel", "interoperabilite",
                                                 "interoperable", "other"}));
  EXPECT_EQ(all.get_subquery(0).get_type(), Xapian::Query::OP_SYNONYM);

  // The two most frequent; of two as frequent, the first in alphabetical order.
  EXPECT_EQ(TermsOf(ExpandWildcards(query, database, 2)),
            (std::set<std::string>{"interoperabel", "interoperabilite", "other"}));

  const Xapian::Query none(Xapian::Query::OP_WILDCARD, "zzz");
  EXPECT_TRUE(ExpandWildcards(none, database, 10).empty());
  // Nothing to expand: the query as it was.
  EXPECT_EQ(ExpandWildcards(Xapian::Query("other"), database, 10).get_description(),
            Xapian::Query("other").get_description());
}

}  // namespace
}  // namespace parlsearch
