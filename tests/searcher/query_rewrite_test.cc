#include "query_rewrite.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <set>
#include <string>
#include <utility>
#include <vector>

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

// The weights of the first `count` hits of `query`.
std::vector<double> Weights(const Xapian::Database& database, const Xapian::Query& query,
                            Xapian::doccount count) {
  Xapian::Enquire enquire(database);
  enquire.set_query(query);
  std::vector<double> weights;
  const Xapian::MSet mset = enquire.get_mset(0, count);
  for (auto it = mset.begin(); it != mset.end(); ++it) weights.push_back(it.get_weight());
  return weights;
}

TEST(SynonymOf, WeighsTheSameOverShardsAsInOneDatabase) {
  // Thirteen words whose frequencies run in opposite orders in the two shards, so that each
  // shard would combine them in another order; one database holds the documents of both.
  testing::TempDir dir;
  std::vector<std::pair<std::string, int>> first, second;
  std::vector<Xapian::Query> terms;
  for (int i = 0; i < 13; ++i) {
    const std::string word = "word" + std::to_string(i);
    first.emplace_back(word, 1 + 2 * i);
    second.emplace_back(word, 1 + 2 * (12 - i) + (i * 7) % 5);
    terms.emplace_back(word);
  }
  std::vector<std::pair<std::string, int>> both = first;
  both.insert(both.end(), second.begin(), second.end());
  Words(dir.path() + "/one", both);
  Words(dir.path() + "/shard-0", first);
  Words(dir.path() + "/shard-1", second);
  const Xapian::Database one(dir.path() + "/one");
  Xapian::Database shards(dir.path() + "/shard-0");
  shards.add_database(Xapian::Database(dir.path() + "/shard-1"));

  const Xapian::Query synonym = SynonymOf(terms);
  EXPECT_EQ(TermsOf(synonym).size(), 13u);
  const std::vector<double> expected = Weights(one, synonym, 5);
  const std::vector<double> sharded = Weights(shards, synonym, 5);
  ASSERT_EQ(sharded.size(), 5u);
  for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_DOUBLE_EQ(sharded[i], expected[i]);

  // The flat synonym of the same words does not (Xapian 1.4): what the tree is for.
  const Xapian::Query flat(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
  EXPECT_NE(Weights(shards, flat, 1), Weights(one, flat, 1));

  EXPECT_TRUE(SynonymOf({}).empty());
  EXPECT_EQ(SynonymOf({Xapian::Query("word1")}).get_description(),
            Xapian::Query("word1").get_description());
}

}  // namespace
}  // namespace parlsearch
