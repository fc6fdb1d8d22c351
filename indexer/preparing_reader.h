// Reading source files and preparing their documents on a thread of its own.
#ifndef PARLSEARCH_INDEXER_PREPARING_READER_H_
#define PARLSEARCH_INDEXER_PREPARING_READER_H_

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "parlsearch/corpus/source_reader.h"
#include "parlsearch/indexer/index_writer.h"
#include "parlsearch/indexer/source_indexer.h"

namespace parlsearch {

// One step of the reading, in file order: a note on a file (the format it is read as), one of
// its documents, or the end of a file, with the reason it could not be read, if it could not.
struct ReadStep {
  enum class Kind { kNote, kDocument, kFileEnd };
  Kind kind = Kind::kNote;
  std::string file;
  std::string note;                          // kNote
  std::optional<PreparedDocument> document;  // kDocument
  std::optional<FileFailure> failure;        // kFileEnd: why the file could not be read
};

// Reads `files` in order and prepares their documents (DocumentPreparer) on a thread of its
// own, so that one core analyses the next documents while the caller's thread stores the
// previous ones in Xapian, whose writer is single-threaded. At most `max_pending_paragraphs`
// prepared paragraphs wait at a time (a document larger than that waits alone), which bounds
// memory however large the files are.
//
// A file is read whole before any of its documents is handed over, so a file that cannot be
// read yields only its note and its failed end. An error other than InputError stops the
// reading and is rethrown by Next(). Destroying the reader stops its thread.
class PreparingReader {
 public:
  PreparingReader(std::vector<std::string> files, SourceOptions options,
                  std::size_t max_pending_paragraphs);
  ~PreparingReader();
  PreparingReader(const PreparingReader&) = delete;
  PreparingReader& operator=(const PreparingReader&) = delete;

  // The next step, waiting for it; false after the last one.
  bool Next(ReadStep* step);

 private:
  void Run();
  void Push(ReadStep step, std::size_t paragraphs);

  const std::vector<std::string> files_;
  const SourceOptions options_;
  const std::size_t max_pending_paragraphs_;

  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::pair<ReadStep, std::size_t>> steps_;  // with their paragraphs
  std::size_t pending_paragraphs_ = 0;
  bool done_ = false;
  bool stopping_ = false;
  std::exception_ptr error_;
  std::thread thread_;  // last: started once everything above is ready
};

}  // namespace parlsearch

#endif  // PARLSEARCH_INDEXER_PREPARING_READER_H_
