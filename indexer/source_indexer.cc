#include "parlsearch/indexer/source_indexer.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <optional>

#include "parlsearch/error.h"
#include "parlsearch/indexer/index_writer.h"
#include "preparing_reader.h"

namespace parlsearch {
namespace {

namespace fs = std::filesystem;

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::uint64_t FileSize(const std::string& path) {
  std::error_code error;
  const auto size = fs::file_size(path, error);
  return error ? 0 : size;
}

}  // namespace

std::vector<std::string> CollectSourceFiles(const std::vector<std::string>& paths,
                                            const SourceOptions& options) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code error;
    if (fs::is_directory(path, error)) {
      std::vector<std::string> found;
      // A folder that cannot be read is an error, not an empty folder: its files would be
      // missing from the index without a word.
      fs::path current = path;
      for (fs::recursive_directory_iterator it(path, error), end; !error && it != end;
           it.increment(error)) {
        current = it->path();
        std::error_code type_error;
        if (!it->is_regular_file(type_error)) continue;
        const std::string file = current.string();
        if (IsSourceFile(file, options.format)) found.push_back(file);
      }
      if (error) throw InputError(current.string(), "cannot read folder: " + error.message());
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(path, error)) {
      files.push_back(path);
    } else {
      throw InputError(path, "no such file or folder");
    }
  }
  return files;
}

IndexReport IndexSources(const std::string& index_path, const std::vector<std::string>& paths,
                         const IndexRunOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  const std::vector<std::string> files = CollectSourceFiles(paths, options.source);
  IndexProgress progress;
  progress.files_total = files.size();
  for (const std::string& file : files) progress.bytes_total += FileSize(file);

  IndexReport report;
  std::error_code error;
  const bool new_index = !fs::exists(index_path, error) || fs::is_empty(index_path, error);
  std::optional<IndexWriter> writer;
  // Prepared paragraphs that may wait for the writer: enough to keep both threads busy, a small
  // part of a batch in memory.
  constexpr std::size_t kMaxPendingParagraphs = 4096;
  PreparingReader reader(files, options.source, kMaxPendingParagraphs);
  ReadStep step;
  while (reader.Next(&step)) {
    switch (step.kind) {
      case ReadStep::Kind::kNote:
        if (options.on_note) options.on_note(step.note);
        break;
      case ReadStep::Kind::kDocument: {
        if (!writer) writer.emplace(index_path, options.shards);
        const std::size_t paragraphs = step.document->paragraphs();
        writer->Replace(std::move(*step.document));
        ++report.documents;
        report.paragraphs += paragraphs;
        break;
      }
      case ReadStep::Kind::kFileEnd: {
        const std::uint64_t bytes = FileSize(step.file);
        if (step.failure) {
          report.failures.push_back(*step.failure);
        } else {
          ++report.files;
          report.bytes += bytes;
        }
        // Commits fall between files, so that a stopped run leaves every file in or out whole.
        if (writer && writer->pending_paragraphs() >= options.batch_paragraphs) writer->Commit();
        ++progress.files_done;
        progress.bytes_done += bytes;
        progress.paragraphs = report.paragraphs;
        progress.seconds = SecondsSince(start);
        if (options.on_progress) options.on_progress(progress);
        break;
      }
    }
  }
  if (writer) {
    if (options.rebuild_lexicon) report.lexicon = writer->RebuildLexicon(options.lexicon);
    writer->Commit();
    writer.reset();
    if (new_index && options.compact_new_index) CompactIndex(index_path);
  }
  report.seconds = SecondsSince(start);
  return report;
}

}  // namespace parlsearch
