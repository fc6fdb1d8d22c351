// Splitting the text extraction of a two-column report into pages.
//
// The extraction this reads is what PDF text tools produce for the parliament's reports: every
// line followed by an empty line ("double-spaced"), a line holding only spaces between
// paragraphs, and a page break visible only as a glitch in that rhythm: the first line of a new
// page follows the last line of the previous one with no empty line between, and begins with a
// space. Running headers ("A-805/2 – 2023/2024 - 7 - A-805/2 – 2023/2024") also open pages.
// Single-spaced extractions (where an indented first line still opens a page when the
// extraction indents nothing else) and form feeds are read too.
#ifndef PARLSEARCH_CORPUS_PAGE_SPLITTER_H_
#define PARLSEARCH_CORPUS_PAGE_SPLITTER_H_

#include <string>
#include <string_view>
#include <vector>

namespace parlsearch {

// A line of page content.
struct SourceLine {
  std::string text;        // without surrounding spaces; empty for a separator
  int number = 0;          // 1-based line number in the file
  bool separator = false;  // a line of spaces only: the end of a paragraph
};

struct Page {
  int number = 0;  // the printed page number when headers give it, else the ordinal in the file
  std::vector<SourceLine> lines;  // headers, footers and empty lines removed
};

struct PageSplit {
  std::vector<Page> pages;
  std::string document_id;  // from the running header ("A-805/2 – 2023/2024"); empty if none
};

// Splits `text` (valid UTF-8) into pages.
PageSplit SplitPages(std::string_view text);

// If `line` is a running header or footer, the page number it prints (or 0 if it prints none),
// else -1. Sets *document_id to the document number and session it names, when it names them.
int ParseRunningHeader(std::string_view line, std::string* document_id);

}  // namespace parlsearch

#endif  // PARLSEARCH_CORPUS_PAGE_SPLITTER_H_
