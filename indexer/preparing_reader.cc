#include "preparing_reader.h"

#include "parlsearch/error.h"

namespace parlsearch {
namespace {

// Thrown inside the thread when the reader is destroyed while it waits.
struct Stopped {};

}  // namespace

PreparingReader::PreparingReader(std::vector<std::string> files, SourceOptions options,
                                 std::size_t max_pending_paragraphs)
    : files_(std::move(files)),
      options_(std::move(options)),
      max_pending_paragraphs_(max_pending_paragraphs),
      thread_([this] { Run(); }) {}

PreparingReader::~PreparingReader() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void PreparingReader::Push(ReadStep step, std::size_t paragraphs) {
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [&] {
    return stopping_ || steps_.empty() ||
           pending_paragraphs_ + paragraphs <= max_pending_paragraphs_;
  });
  if (stopping_) throw Stopped();
  pending_paragraphs_ += paragraphs;
  steps_.emplace_back(std::move(step), paragraphs);
  changed_.notify_all();
}

void PreparingReader::Run() {
  try {
    DocumentPreparer preparer;
    for (const std::string& file : files_) {
      std::vector<Document> documents;
      ReadStep end;
      end.kind = ReadStep::Kind::kFileEnd;
      end.file = file;
      try {
        const SourceFormat format = DetectFormat(file, options_.format);
        ReadStep note;
        note.file = file;
        note.note = file + ": read as " + std::string(FormatName(format));
        Push(std::move(note), 0);
        SourceOptions source = options_;
        source.format = format;
        documents = ReadSource(file, source);
      } catch (const UnknownFormat& error) {
        end.failure = FileFailure{error.what(), /*unknown_format=*/true};
      } catch (const InputError& error) {
        end.failure = FileFailure{error.what()};
      }
      for (Document& document : documents) {
        ReadStep step;
        step.kind = ReadStep::Kind::kDocument;
        step.file = file;
        step.document = preparer.Prepare(document);
        document = Document();  // its text is in the prepared document now
        const std::size_t paragraphs = step.document->paragraphs();
        Push(std::move(step), paragraphs);
      }
      Push(std::move(end), 0);
    }
  } catch (const Stopped&) {
    return;
  } catch (...) {
    std::lock_guard<std::mutex> lock(mutex_);
    error_ = std::current_exception();
  }
  std::lock_guard<std::mutex> lock(mutex_);
  done_ = true;
  changed_.notify_all();
}

bool PreparingReader::Next(ReadStep* step) {
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [&] { return !steps_.empty() || done_; });
  if (steps_.empty()) {
    if (error_) std::rethrow_exception(error_);
    return false;
  }
  *step = std::move(steps_.front().first);
  pending_paragraphs_ -= steps_.front().second;
  steps_.pop_front();
  changed_.notify_all();
  return true;
}

}  // namespace parlsearch
