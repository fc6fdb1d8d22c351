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
  kAuto,       // chosen from the file's extension and contents
  kReport,     // text extraction of a bilingual committee report
  kParlaMint,  // a sitting in ParlaMint's TEI XML
  kJsonLines,  // paragraph records, one JSON object a line
  kPdf,        // a bilingual committee report as published, a two-column PDF
};

// "auto", "report", "parlamint", "jsonl", "pdf".
std::string_view FormatName(SourceFormat format);
std::optional<SourceFormat> ParseFormat(std::string_view name);

// The names ParseFormat() takes, comma-separated, for help and error messages.
std::string FormatNames();

struct SourceOptions {
  SourceFormat format = SourceFormat::kAuto;
  const Roster* roster = nullptr;  // not owned; may be null
  // The sitting date (YYYY-MM-DD) of the documents whose source and metadata file give none.
  std::string date{};
};

// A source's metadata file: the source's path with ".meta" added ("A-805-2.txt.meta"), lines of
// "key: value" ("date: 2024-03-21", "title: …"; '#' starts a comment). Its date and title apply
// to the documents read from the source that have none. Folder scans do not take it for a
// source.
inline constexpr std::string_view kMetadataSuffix = ".meta";

// True if a folder scan should read `path` as a source: the format the file is detected as
// (see DetectFormat) is `format`, or any format for kAuto. Files no reader takes (metadata
// tables, person lists, READMEs) are left out.
bool IsSourceFile(const std::string& path, SourceFormat format);

// The format `path` will be read as: `format` itself unless it is kAuto. For kAuto, from the
// extension and the first few kilobytes: ".txt" is a report, ".jsonl" and ".ndjson" are JSON
// Lines, and so is a ".txt" or ".json" whose first non-space character is '{'; ".xml" is a
// ParlaMint sitting when its root element is <TEI>. Throws InputError if the file cannot be
// read or no reader recognises it.
SourceFormat DetectFormat(const std::string& path, SourceFormat format);

// The documents of the source file at `path` (one for most formats), with the date and title of
// its metadata file, else options.date, where the source gives none. Throws InputError, naming
// the file and where possible the line or page, if it (or its metadata file, or options.date)
// cannot be read.
std::vector<Document> ReadSource(const std::string& path, const SourceOptions& options);

}  // namespace parlsearch

#endif  // PARLSEARCH_CORPUS_SOURCE_READER_H_
