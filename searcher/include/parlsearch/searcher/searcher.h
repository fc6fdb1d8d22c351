// Searching a parlsearch index: ranked, bilingual, faceted hits.
#ifndef PARLSEARCH_SEARCHER_SEARCHER_H_
#define PARLSEARCH_SEARCHER_SEARCHER_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "parlsearch/schema/shards.h"
#include "parlsearch/searcher/search_request.h"
#include "parlsearch/searcher/search_result.h"

namespace parlsearch {

// A paragraph with what surrounds it, for showing one paragraph on its own.
struct ParagraphView {
  Paragraph paragraph;
  std::optional<Paragraph> translation;  // the other side of its pair, joined if several
  std::optional<Paragraph> previous;     // the paragraph before it in its language
  std::optional<Paragraph> next;         // the paragraph after it in its language
};

// Runs searches against one index. Each Searcher holds its own view of the index (a Xapian
// database): it sees the index as it was when opened or last reopened.
//
// Not safe for concurrent use: give each thread its own Searcher.
class Searcher {
 public:
  // Opens the index at `path` (a database, a sharded index folder or a stub file: shards.h),
  // waiting for remote shards as `timeouts` says. Throws IndexError if it cannot be opened or has
  // another schema version (ShardUnavailable if a remote shard does not answer).
  explicit Searcher(const std::string& path, const RemoteTimeouts& timeouts = {});
  ~Searcher();
  Searcher(Searcher&&) noexcept;
  Searcher& operator=(Searcher&&) noexcept;

  // Runs `request`. Throws QueryError for a query or parameter that cannot be understood (an
  // empty query, a date that is not a date, an unknown facet) or over the query cost limits,
  // IndexError if the index fails (damaged, removed). After an IndexError the Searcher opens the
  // index afresh on its next call, so it recovers once the index is repaired or replaced.
  SearchResult Search(const SearchRequest& request);

  // Calls `each` with every hit of `request` (its query, languages and filters; not its offset,
  // limit, sort or facets) in index order: documents as they were indexed, paragraphs in reading
  // order. A translation pair is one hit, with its other side as the translation; no snippets.
  // Memory stays that of a batch of 1 000 paragraphs however many hits there are. A
  // DatabaseModified error (the index changed under a long export) is an IndexError: export again.
  // Throws as Search() does, and whatever `each` throws.
  void Export(const SearchRequest& request, const std::function<void(const Hit&)>& each);

  // The paragraph with id `id`, with its translation and neighbours; nullopt if there is none.
  std::optional<ParagraphView> Find(const std::string& id);

  // Moves to the latest committed state of the index (opening it afresh after an IndexError);
  // true if it changed.
  bool Reopen();

  const std::string& path() const;

 private:
  // Opens the index afresh if the last call failed on it.
  void Recover();

  struct State;
  std::string path_;
  RemoteTimeouts timeouts_;
  bool broken_ = false;  // the last call met an error of the index: open it again
  std::unique_ptr<State> state_;
};

}  // namespace parlsearch

#endif  // PARLSEARCH_SEARCHER_SEARCHER_H_
