// Reading any supported source file into documents: the entry point of the corpus module.
#ifndef PARLSEARCH_CORPUS_SOURCE_READER_H_
#define PARLSEARCH_CORPUS_SOURCE_READER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parlsearch/corpus/paragraph.h"
#include "parlsearch/corpus/roster.h"

namespace parlsearch {

enum class SourceFormat {
  kAuto,    // chosen from the file's extension and contents
  kReport,  // text extraction of a bilingual committee report
};

// "auto", "report".
std::string_view FormatName(SourceFormat format);
std::optional<SourceFormat> ParseFormat(std::string_view name);

struct SourceOptions {
  SourceFormat format = SourceFormat::kAuto;
  const Roster* roster = nullptr;  // not owned; may be null
};

// True if a folder scan should read `path` as a source: its extension is one a reader of
// `format` (any reader, for kAuto) takes.
bool IsSourceFile(const std::string& path, SourceFormat format);

// The format `path` will be read as: `format` itself unless it is kAuto. Throws InputError if
// the file cannot be read or no reader recognises it.
SourceFormat DetectFormat(const std::string& path, SourceFormat format);

// The documents of the source file at `path` (one for most formats). Throws InputError, naming
// the file and where possible the line or page, if it cannot be read as its format.
std::vector<Document> ReadSource(const std::string& path, const SourceOptions& options);

}  // namespace parlsearch

#endif  // PARLSEARCH_CORPUS_SOURCE_READER_H_
