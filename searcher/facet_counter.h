// Counting facet values over the paragraphs a query matches.
#ifndef PARLSEARCH_SEARCHER_FACET_COUNTER_H_
#define PARLSEARCH_SEARCHER_FACET_COUNTER_H_

#include <xapian.h>

#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "parlsearch/searcher/search_result.h"

namespace parlsearch {

// A match spy that counts the hits, and for each value of each facet the hits having it. A hit
// is a translation pair (or a paragraph without translation), as the search collapses pairs, so
// a value counts each pair once however many of its paragraphs match: the count equals the
// number of hits that filtering on the value returns. (Xapian's own estimate of the number of
// collapsed matches is only an estimate, even when every document is checked.)
class FacetCounter : public Xapian::MatchSpy {
 public:
  // `facets`: names from kFacetNames. Throws QueryError for an unknown name.
  explicit FacetCounter(const std::vector<std::string>& facets);

  void operator()(const Xapian::Document& document, double weight) override;

  // The number of hits seen.
  std::uint64_t total() const { return hits_.size(); }

  // Values by count (most first, then by value); years and months in date order.
  std::map<std::string, std::vector<FacetValue>> Counts() const;

 private:
  struct Facet {
    std::string name;
    Xapian::valueno slot;
    std::unordered_map<std::string, std::unordered_set<std::string>> hits;  // value -> hit keys
  };
  std::vector<Facet> facets_;
  std::unordered_set<std::string> hits_;
};

}  // namespace parlsearch

#endif  // PARLSEARCH_SEARCHER_FACET_COUNTER_H_
