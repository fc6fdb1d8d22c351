// Reading the Brussels Parliament's bilingual committee reports from their text extraction.
//
// A report is a two-column PDF: Dutch on the left, French on the right, section headings and the
// signature block across both. Its text extraction (see docs/formats.md) gives each page's
// Dutch column, then its French column. The reader rebuilds the paragraphs of each language,
// recognises headings, bullets and the signature, follows who is speaking, finds each speaker's
// party, and links every paragraph to its translation.
#ifndef PARLSEARCH_CORPUS_REPORT_READER_H_
#define PARLSEARCH_CORPUS_REPORT_READER_H_

#include <string>
#include <string_view>

#include "parlsearch/corpus/paragraph.h"
#include "parlsearch/corpus/roster.h"

namespace parlsearch {

struct ReportReaderOptions {
  // Members and their parties. Not owned; may be null (parties then come from the text alone).
  const Roster* roster = nullptr;
};

class ReportReader {
 public:
  explicit ReportReader(ReportReaderOptions options = {});

  // Reads the report at `path`. Throws InputError naming the file (and the line, where one is
  // to blame) if it cannot be read, is empty, binary or not UTF-8, or is not a bilingual report.
  Document ReadFile(const std::string& path) const;

  // Reads report text. `name` stands for the source in errors and in Document::source, and gives
  // the document id when the text has no running header.
  Document ReadText(std::string_view text, const std::string& name) const;

 private:
  ReportReaderOptions options_;
};

}  // namespace parlsearch

#endif  // PARLSEARCH_CORPUS_REPORT_READER_H_
