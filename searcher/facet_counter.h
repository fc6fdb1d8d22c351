// Counting facet values over the paragraphs a query matches.
#ifndef PARLSEARCH_SEARCHER_FACET_COUNTER_H_
#define PARLSEARCH_SEARCHER_FACET_COUNTER_H_

#include <xapian.h>

#include <cstdint>
#include <map>
#include <string>
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
  // `facets`: names from kFacetNames. Throws QueryError for an unknown name. `table` must
  // outlive the counter.
  FacetCounter(const std::vector<std::string>& facets, FacetTable* table);

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

  // The number of hits seen.
  std::uint64_t total() const { return total_; }

  // Values by count (most first, then by value); years and months in date order.
  std::map<std::string, std::vector<FacetValue>> Counts() const;

 private:
  struct Facet {
    std::string name;
    std::size_t index = 0;              // in FacetTable::Row::values
    std::vector<std::uint64_t> counts;  // by value number
  };
  FacetTable* table_;
  Xapian::doccount shard_ = 0;
  Xapian::doccount shards_ = 1;
  std::vector<Facet> facets_;
  std::uint32_t search_;     // FacetTable::StartSearch()
  std::uint64_t total_ = 0;  // hits seen
  KeySet counted_;           // (hit, facet, value) counted for sides after the first
  void Count(Facet& facet, std::uint32_t value, std::uint64_t paragraphs);
};

}  // namespace parlsearch

#endif  // PARLSEARCH_SEARCHER_FACET_COUNTER_H_
