// A search's newest hits as an Atom feed (RFC 4287), for feed readers and intranet portals.
#ifndef PARLSEARCH_WEB_ATOM_FEED_H_
#define PARLSEARCH_WEB_ATOM_FEED_H_

#include <string>

#include "parlsearch/searcher/search_result.h"

namespace parlsearch {

struct FeedLinks {
  std::string base;  // "http://host:port", no trailing slash
  std::string self;  // the feed's own path and query: "/api/search.atom?q=…"
  std::string page;  // the search page for the same search: "/?q=…"
  std::string now;   // the time of the answer, RFC 3339 UTC: the feed's date when no hit has one
};

// The feed of `result` (its hits in the order given: newest first for SortOrder::kNewest). Each
// entry is a hit: its id is the paragraph's URL (/api/paragraphs/{id}); it links to the page
// showing the paragraph in its context (`links.page` with paragraph={id}), and to that JSON; its
// title is the speaker, party and document, its date the sitting's (else `links.now`), its
// content the text, with the translation's text after it.
std::string AtomFeed(const SearchResult& result, const FeedLinks& links);

}  // namespace parlsearch

#endif  // PARLSEARCH_WEB_ATOM_FEED_H_
