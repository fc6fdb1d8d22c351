// A bilingual report's layout: its pages as regions of Dutch and French lines. The text
// extraction and the PDF reach it differently (by language evidence, by position on the page);
// from it on, one reconstruction builds the document.
#ifndef PARLSEARCH_CORPUS_REPORT_LAYOUT_H_
#define PARLSEARCH_CORPUS_REPORT_LAYOUT_H_

#include <string>
#include <vector>

#include "column_splitter.h"
#include "parlsearch/corpus/paragraph.h"
#include "parlsearch/corpus/report_reader.h"

namespace parlsearch {

struct ReportPage {
  int number = 0;
  std::vector<Region> regions;  // top to bottom
};

struct ReportLayout {
  std::string document_id;  // from the running header; empty if none
  std::vector<ReportPage> pages;
};

// The layout of a text extraction (docs/formats.md), which must be valid UTF-8.
ReportLayout LayOutText(std::string_view text);

// Rebuilds the document from its layout: paragraphs, headings, bullets, sections, speakers,
// parties and translation pairs. `name` names the source in errors and gives the document id when
// the layout has none. Throws InputError if the layout is not that of a bilingual report.
Document BuildReport(const ReportLayout& layout, const std::string& name,
                     const ReportReaderOptions& options);

}  // namespace parlsearch

#endif  // PARLSEARCH_CORPUS_REPORT_LAYOUT_H_
