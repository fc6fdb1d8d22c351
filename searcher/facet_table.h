// The facet values of every paragraph, as small numbers, kept in memory by a Searcher.
#ifndef PARLSEARCH_SEARCHER_FACET_TABLE_H_
#define PARLSEARCH_SEARCHER_FACET_TABLE_H_

#include <xapian.h>

#include <array>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parlsearch/schema/schema.h"

namespace parlsearch {

// Which hits a search has visited, and the first paragraph of each it visited: an array by hit
// number, stamped with the search's number, so that nothing has to be cleared between searches.
class VisitLog {
 public:
  // Starts a search: returns its number for Visit().
  std::uint32_t StartSearch();
  // Records that search `search` visits `document` of hit `hit`: true if it is the first of
  // the hit's paragraphs the search visits; otherwise `*first` is set to that first one.
  bool Visit(std::uint32_t hit, Xapian::docid document, std::uint32_t search, Xapian::docid* first);
  void Clear();

 private:
  std::vector<std::uint64_t> visits_;  // by hit: search number << 32 | first document visited
  std::uint32_t search_ = 0;
};

// Counting facets visits every matching paragraph, and reading a value through Xapian costs a
// lookup in the value stream each time. The table keeps what counting needs of each paragraph
// once it has been read: its hit (the number of its pair, or a number of its own) and, for each
// facet, the number of its value. Rows are filled on first use, so a short-lived process pays
// only for the paragraphs it visits and a server soon reads no values at all. Memory: about 40
// bytes per paragraph visited and 8 per hit, plus the distinct values.
//
// Counting a pair once, and showing it once in the ranked page, needs to know for each
// paragraph whether its hit was already seen in this pass: Visit() answers from an array by hit
// number, stamped with the search's number, so that nothing has to be cleared between searches.
//
// Valid for one revision of the index: Clear() it when the database is reopened. Not safe for
// concurrent use (each Searcher has its own).
class FacetTable {
 public:
  static constexpr std::size_t kFacets = schema::kFacetCount;  // the record but the pair
  static constexpr std::uint32_t kNoValue = 0;                 // value number of an empty value

  struct Row {
    std::uint32_t hit = 0;  // 1, 2, ...; 0: not filled yet
    std::array<std::uint32_t, kFacets> values{};
  };

  // The row of `document`, whose id in the database searched is `id`, read and filled if it is
  // not yet. The reference is valid until the next call of RowOf() or FillAll(). (The id is
  // given apart because a document of a database of shards knows only its id in its shard.)
  const Row& RowOf(Xapian::docid id, const Xapian::Document& document);
  const Row& RowOf(const Xapian::Document& document) {
    return RowOf(document.get_docid(), document);
  }
  // The row of a document RowOf() or FillAll() has filled.
  const Row& RowAt(Xapian::docid id) const { return rows_[id]; }

  // The table's own VisitLog (a search's visits, for counting and for the ranked page).
  std::uint32_t StartSearch() { return visits_.StartSearch(); }
  bool Visit(std::uint32_t hit, Xapian::docid document, std::uint32_t search,
             Xapian::docid* first) {
    return visits_.Visit(hit, document, search, first);
  }

  // The value behind a value number of facet `facet` (its facet record position minus one).
  const std::string& Value(std::size_t facet, std::uint32_t number) const {
    return values_[facet].names[number];
  }

  // The number of `value` of facet `facet`, given it if it has none yet.
  std::uint32_t ValueNumber(std::size_t facet, std::string_view value);

  // Fills every row from the index's value stream: a sequential read, some ten times cheaper
  // per paragraph than filling rows one by one, so it pays when a match will visit more than a
  // small share of the paragraphs.
  // For an index of `shards` databases, it also notes the hits whose paragraphs lie in more than
  // one (Split()), by Xapian's numbering of combined databases: document d of database i of n
  // is (d - 1) * n + i + 1.
  void FillAll(const Xapian::Database& database, Xapian::doccount shards = 1);
  bool all_filled() const { return all_filled_; }
  // After FillAll(): whether the paragraphs of hit `hit` lie in more than one database (a pair
  // whose sides are in documents placed in different shards).
  bool Split(std::uint32_t hit) const { return hit < split_.size() && split_[hit] != 0; }

  void Clear();

 private:
  // A facet's values. Spellings that filter alike ("De Ré" and "De Re", "Ecolo" and "ECOLO":
  // the field's normalised form, as its filter compares) are one value, shown as first met, so
  // that a count equals the hits of filtering on it.
  struct Values {
    Values() { names.emplace_back(); }  // number 0 is the empty value
    std::deque<std::string> names;      // by number: the spelling shown
    std::deque<std::string> spellings;  // every spelling met, keys of `numbers`
    std::unordered_map<std::string_view, std::uint32_t> numbers;  // spelling -> number
    std::unordered_map<std::string, std::uint32_t> by_form;       // normalised -> number
  };
  void Fill(Row& row, std::string_view record);

  std::vector<Row> rows_;  // by document id
  std::array<Values, kFacets> values_;
  std::unordered_map<std::uint64_t, std::uint32_t> pair_hits_;  // hash of pair id -> hit
  std::uint32_t hits_ = 0;                                      // hit numbers given
  VisitLog visits_;
  std::vector<std::uint8_t> split_;  // by hit, after FillAll() over several databases
  bool all_filled_ = false;
};

}  // namespace parlsearch

#endif  // PARLSEARCH_SEARCHER_FACET_TABLE_H_
