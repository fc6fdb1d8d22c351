// Counting facet values over the paragraphs a query matches.
#ifndef PARLSEARCH_SEARCHER_FACET_COUNTER_H_
#define PARLSEARCH_SEARCHER_FACET_COUNTER_H_

#include <xapian.h>

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "facet_table.h"
#include "parlsearch/searcher/search_result.h"

namespace parlsearch {

// A set of 64-bit keys with open addressing: the counter inserts a few keys per matching
// paragraph, and a node-based set's allocation per key was most of its cost.
class KeySet {
 public:
  // True if `key` was not in the set yet.
  bool Insert(std::uint64_t key);

 private:
  void Grow();
  std::vector<std::uint64_t> slots_;  // 0: free; key 0 is stored as kZero
  std::size_t size_ = 0;
};

// A match spy that counts the hits, and for each value of each facet the hits having it. A hit
// is a translation pair (or a paragraph without translation), as the search collapses pairs, so
// a value counts each pair once however many of its paragraphs match: the count equals the
// number of hits that filtering on the value returns. (Xapian's own estimate of the number of
// collapsed matches is only an estimate, even when every document is checked.)
//
// It takes what it needs of each paragraph from `table`, which reads it from the index the first
// time, and tells whether the paragraph's hit was seen before in this search. The second side
// of a pair counts only the values that differ from the first side's (its language, mostly).
class FacetCounter : public Xapian::MatchSpy {
 public:
  // `facets`: names from FacetNames() (search_request.h), or two crossed ("party:year"). Throws
  // QueryError for an unknown name.
  // `table` must outlive the counter.
  FacetCounter(const std::vector<std::string>& facets, FacetTable* table);

  // A counter of database `shard` of the `shards` on this machine that make the index, counted
  // at the same time as the others, each on its own thread. It reads `table`, which FillAll()
  // must have filled for the whole index, without changing it, and records its visits in `log`,
  // its own. The paragraphs of hits split over databases (FacetTable::Split) it leaves to the
  // index's counter (deferred()), which alone can tell whether another shard counted them.
  FacetCounter(const std::vector<std::string>& facets, const FacetTable* table, VisitLog* log,
               Xapian::doccount shard, Xapian::doccount shards);

  void operator()(const Xapian::Document& document, double weight) override;

  // For an index of `shards` databases on this machine, matched one by one: the documents the
  // counter sees next are those of database `shard` (from 0), which knows them by their ids in
  // it; the table has them by their ids in the index (Xapian's numbering of the combined
  // databases), so that a pair split over two shards still counts once.
  void SetShard(Xapian::doccount shard, Xapian::doccount shards) {
    shard_ = shard;
    shards_ = shards;
  }

  // Counts what `spy`, a ValueCountMatchSpy over the facet record slot, saw instead: the
  // records with the number of matching paragraphs having each, which is all it takes, since a
  // record names the paragraph's pair. For indexes of several databases, where this spy cannot
  // be used (remote shards run only Xapian's own classes in a match; over local shards it sees
  // documents by their ids in their shards); the counts are the same.
  void CountRecords(const Xapian::ValueCountMatchSpy& spy);

  // Adds the hits and counts of `other`, a shard's counter of the same facets and table.
  void Add(const FacetCounter& other);
  // Counts the paragraph whose id in the index is `id` (its row filled), as if the match had
  // shown it: for the paragraphs the shards' counters deferred.
  void CountParagraph(Xapian::docid id);
  // The ids in the index of the paragraphs a shard's counter left to the index's.
  const std::vector<Xapian::docid>& deferred() const { return deferred_; }

  // The number of hits seen.
  std::uint64_t total() const { return total_; }

  // The plain facets' values by count (most first, then by value); years and months in date
  // order.
  std::map<std::string, std::vector<FacetValue>> Counts() const;
  // The crossed facets' rows, in the same orders (SearchResult::crossed_facets).
  std::map<std::string, std::vector<FacetRow>> CrossedCounts() const;

 private:
  static constexpr std::size_t kNotCrossed = ~std::size_t{0};
  struct Facet {
    std::string name;
    std::size_t index = 0;              // in FacetTable::Row::values
    std::vector<std::uint64_t> counts;  // by value number; crossed: hits in the value's row
    // A crossed facet: the second facet's index, and the hits by (value, second value) number.
    std::size_t by = kNotCrossed;
    std::unordered_map<std::uint64_t, std::uint64_t> cells;
    bool crossed() const { return by != kNotCrossed; }
  };
  FacetTable* table_ = nullptr;  // the index's counter: filled as it goes
  const FacetTable* reader_;     // the same table, or a shard's counter's, read only
  VisitLog* log_ = nullptr;      // a shard's counter's own
  Xapian::doccount shard_ = 0;
  Xapian::doccount shards_ = 1;
  std::vector<Xapian::docid> deferred_;
  std::vector<Facet> facets_;
  std::uint32_t search_;     // FacetTable::StartSearch()
  std::uint64_t total_ = 0;  // hits seen
  KeySet counted_;           // (hit, facet, value) counted for sides after the first
  void Count(Facet& facet, std::uint32_t value, std::uint64_t paragraphs);
  void CountCell(Facet& facet, std::uint32_t value, std::uint32_t by, std::uint64_t paragraphs);
  // The numbers of the values of facet `facet` (named `name`) counted in `counts`, in its order.
  std::vector<std::uint32_t> Sorted(std::size_t facet, std::string_view name,
                                    const std::vector<std::uint64_t>& counts) const;
  void CountRow(Xapian::docid id, const FacetTable::Row& row);
};

}  // namespace parlsearch

#endif  // PARLSEARCH_SEARCHER_FACET_COUNTER_H_
