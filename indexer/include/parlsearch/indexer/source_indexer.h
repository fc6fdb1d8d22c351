// Indexing source files and folders: what `parlsearch index` does, as a library call.
#ifndef PARLSEARCH_INDEXER_SOURCE_INDEXER_H_
#define PARLSEARCH_INDEXER_SOURCE_INDEXER_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "parlsearch/corpus/source_reader.h"
#include "parlsearch/indexer/lexicon_builder.h"

namespace parlsearch {

struct IndexProgress {
  std::size_t files_done = 0;
  std::size_t files_total = 0;
  std::uint64_t bytes_done = 0;
  std::uint64_t bytes_total = 0;
  std::uint64_t paragraphs = 0;
  double seconds = 0;  // since the run started
};

struct IndexRunOptions {
  SourceOptions source;
  // Paragraphs after which a transaction is committed, at the end of the file that reaches it:
  // bigger batches index faster, smaller ones lose less when a run is stopped. A file is never
  // split across transactions, so a stopped run leaves each file in the index whole or not at
  // all (as it was before the run).
  std::size_t batch_paragraphs = 20000;
  // Called after each file; may be empty.
  std::function<void(const IndexProgress&)> on_progress;
  // Called with a note for each file: the format it was read as, or why it was skipped.
  std::function<void(const std::string&)> on_note;
  // For an index the run creates: 2 or more makes it a sharded index of that many shards
  // (IndexWriter). For an existing index: 0, or its number of shards.
  std::size_t shards = 0;
  // Rebuild the bilingual lexicon at the end of the run, in its last commit.
  bool rebuild_lexicon = true;
  // Compact the index at the end of a run that created it (CompactIndex): a bulk load leaves
  // its tables a third empty.
  bool compact_new_index = true;
  LexiconOptions lexicon;
};

// A file that could not be read.
struct FileFailure {
  std::string message;          // the InputError's one line, naming the file
  bool unknown_format = false;  // it was an UnknownFormat: a front end may say how to name one
};

struct IndexReport {
  std::uint64_t files = 0;               // files read without error
  std::uint64_t documents = 0;           // documents stored
  std::uint64_t paragraphs = 0;          // paragraphs stored
  std::uint64_t bytes = 0;               // bytes of the files read
  std::vector<FileFailure> failures;     // one per file that could not be read
  double seconds = 0;                    // lexicon included
  std::optional<LexiconReport> lexicon;  // set when the lexicon was rebuilt
};

// The source files under `paths` (files as given; folders searched recursively for files whose
// extension a reader knows), in a stable order. Throws InputError for a path that does not exist
// or a folder that cannot be read.
std::vector<std::string> CollectSourceFiles(const std::vector<std::string>& paths,
                                            const SourceOptions& options);

// Reads every source file under `paths` and stores its documents in the index at `index_path`,
// replacing earlier versions of the same documents. A file that cannot be read is reported in
// IndexReport::failures and changes nothing; the others go in. The index is only opened (and
// created) once a document is ready to store; when it was, the lexicon is rebuilt at the end (see
// IndexRunOptions), and an index the run created is compacted. Throws IndexError if the index
// cannot be written.
IndexReport IndexSources(const std::string& index_path, const std::vector<std::string>& paths,
                         const IndexRunOptions& options);

}  // namespace parlsearch

#endif  // PARLSEARCH_INDEXER_SOURCE_INDEXER_H_
