// Copying an index into a new one of another number of shards: `parlsearch reshard`.
#ifndef PARLSEARCH_INDEXER_INDEX_COPY_H_
#define PARLSEARCH_INDEXER_INDEX_COPY_H_

#include <string>

#include "parlsearch/indexer/source_indexer.h"
#include "parlsearch/schema/shards.h"

namespace parlsearch {

// Copies every document of the index at `from` (a database, a sharded index folder or a stub
// file, remote shards included: shards.h) into a new index at `to`, as IndexSources would have
// written it from the documents' sources: in `options.shards` shards (0 or 1: one database),
// committed every `options.batch_paragraphs` paragraphs, with the lexicon rebuilt and the index
// compacted as `options` says. The paragraphs are those the index stores, with every field, so
// the sources are not needed. `from` is only read.
//
// `to` must not exist, or be an empty folder; if the copy fails it is removed again, so that a
// failed copy leaves nothing behind. Throws IndexError if `to` is not empty or either index
// fails (ShardUnavailable if a remote shard of `from` does not answer).
IndexReport CopyIndex(const std::string& from, const std::string& to,
                      const IndexRunOptions& options, const RemoteTimeouts& timeouts = {});

}  // namespace parlsearch

#endif  // PARLSEARCH_INDEXER_INDEX_COPY_H_
