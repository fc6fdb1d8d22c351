// Writing paragraphs into a parlsearch index.
#ifndef PARLSEARCH_INDEXER_INDEX_WRITER_H_
#define PARLSEARCH_INDEXER_INDEX_WRITER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "parlsearch/corpus/paragraph.h"
#include "parlsearch/indexer/lexicon_builder.h"

namespace parlsearch {

class ParagraphDocumentBuilder;

// A document analysed into what the index stores for it: the Xapian documents of its
// paragraphs and the words it adds to the spelling dictionary. Analysis is most of the work of
// indexing and needs no index, so documents can be prepared on other threads while a writer
// stores the ones before (IndexSources does). Move-only.
class PreparedDocument {
 public:
  PreparedDocument();
  ~PreparedDocument();
  PreparedDocument(PreparedDocument&&) noexcept;
  PreparedDocument& operator=(PreparedDocument&&) noexcept;

  std::size_t paragraphs() const;

 private:
  friend class DocumentPreparer;
  friend class IndexWriter;
  struct Parts;
  std::unique_ptr<Parts> parts_;
};

// Prepares documents for IndexWriter. Holds one analyser per language; not safe for concurrent
// use: one per thread.
class DocumentPreparer {
 public:
  DocumentPreparer();
  ~DocumentPreparer();
  DocumentPreparer(DocumentPreparer&&) noexcept;
  DocumentPreparer& operator=(DocumentPreparer&&) noexcept;

  PreparedDocument Prepare(const Document& document);

 private:
  std::unique_ptr<ParagraphDocumentBuilder> builder_;
};

// Adds, replaces and removes documents in the index at one path, in batches that become visible
// to readers all at once: changes are made inside a Xapian transaction that Commit() ends. A
// process killed before Commit() leaves the index as it was at the last commit, so the index
// only ever holds whole documents. Readers keep working while a writer runs.
//
// A sharded index (shards.h) is written shard by shard, each by a thread of its own: each
// document goes to the shard its id hashes to, with all its paragraphs, and a commit commits
// every shard, each atomically; a process killed at any moment leaves every shard with whole
// documents only. An error while a shard's thread stores a document is thrown by a later call
// (Replace, Remove, RebuildLexicon or Commit).
//
// One writer per index at a time (Xapian's lock); not safe for concurrent use.
class IndexWriter {
 public:
  // Opens the index at `path`, creating it if there is none: a database folder, or with
  // `shards` of 2 or more a sharded index folder of that many shards. For an existing index,
  // `shards` is 0 or its number of shards. Throws IndexError if it cannot be opened for writing
  // (another writer holds it, it has another schema version or number of shards, a shard is
  // remote, ...).
  explicit IndexWriter(const std::string& path, std::size_t shards = 0);
  // Abandons changes not yet committed.
  ~IndexWriter();
  IndexWriter(IndexWriter&&) noexcept;
  IndexWriter& operator=(IndexWriter&&) noexcept;

  // Stores `document`'s paragraphs, replacing every paragraph indexed before under its id.
  void Replace(const Document& document);
  // The same for a document prepared beforehand (by any thread's DocumentPreparer).
  void Replace(PreparedDocument document);

  // Removes the document `document_id` (its id, or its slug); returns the number of paragraphs
  // that go.
  std::size_t Remove(std::string_view document_id);

  // Rebuilds the index's bilingual lexicon (lexicon_builder.h) from what the index holds now,
  // pending changes included, and stores it with them: it becomes visible with the next Commit(),
  // together with the documents it was learned from. Call it after the last change of a run.
  LexiconReport RebuildLexicon(const LexiconOptions& options = {});

  // Makes the changes since the last commit durable and visible.
  void Commit();

  // Paragraphs added since the last commit.
  std::size_t pending_paragraphs() const;

  const std::string& path() const;
  // The number of shards written: 1 for a database folder.
  std::size_t shards() const;

 private:
  struct Shard;
  struct State;
  // Stores `document` in shard `number` of `state` (on that shard's thread when there are
  // several).
  static void Store(State& state, std::size_t number, PreparedDocument& document);
  std::unique_ptr<State> state_;
};

// Rewrites the index at `path` (each shard of a sharded index) with its tables fully packed and its
// document ids renumbered (Xapian's compaction): a third smaller or more after a bulk load, and
// faster to read, for a second or two per 100 000 paragraphs. The compacted copy is written beside
// the index and then put in its place; readers that have the index open must reopen it. Throws
// IndexError if the index cannot be compacted (it is then left as it was) or is being written.
void CompactIndex(const std::string& path);

}  // namespace parlsearch

#endif  // PARLSEARCH_INDEXER_INDEX_WRITER_H_
