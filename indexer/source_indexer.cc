#include "parlsearch/indexer/source_indexer.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <optional>

#include "parlsearch/error.h"
#include "parlsearch/indexer/index_writer.h"

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
      for (const auto& entry : fs::recursive_directory_iterator(
               path, fs::directory_options::skip_permission_denied, error)) {
        if (!entry.is_regular_file(error)) continue;
        const std::string file = entry.path().string();
        if (IsSourceFile(file, options.format)) found.push_back(file);
      }
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
  std::optional<IndexWriter> writer;
  for (const std::string& file : files) {
    std::vector<Document> documents;
    bool failed = false;
    try {
      const SourceFormat format = DetectFormat(file, options.source.format);
      if (options.on_note) options.on_note(file + ": read as " + std::string(FormatName(format)));
      SourceOptions source = options.source;
      source.format = format;
      documents = ReadSource(file, source);
    } catch (const InputError& error) {
      report.failures.push_back(error.what());
      failed = true;
    }
    const std::uint64_t bytes = FileSize(file);
    if (!failed) {
      ++report.files;
      report.bytes += bytes;
    }
    for (const Document& document : documents) {
      if (!writer) writer.emplace(index_path);
      writer->Replace(document);
      ++report.documents;
      report.paragraphs += document.paragraphs.size();
      if (writer->pending_paragraphs() >= options.batch_paragraphs) writer->Commit();
    }
    ++progress.files_done;
    progress.bytes_done += bytes;
    progress.paragraphs = report.paragraphs;
    progress.seconds = SecondsSince(start);
    if (options.on_progress) options.on_progress(progress);
  }
  if (writer) {
    if (options.rebuild_lexicon) report.lexicon = writer->RebuildLexicon(options.lexicon);
    writer->Commit();
  }
  report.seconds = SecondsSince(start);
  return report;
}

}  // namespace parlsearch
