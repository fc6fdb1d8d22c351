// Reading the Brussels Parliament's bilingual committee reports as published: two-column PDFs.
#ifndef PARLSEARCH_CORPUS_PDF_READER_H_
#define PARLSEARCH_CORPUS_PDF_READER_H_

#include <string>

#include "parlsearch/corpus/paragraph.h"
#include "parlsearch/corpus/report_reader.h"

namespace parlsearch {

// Reads a report PDF with poppler: the words' positions on each page separate the Dutch (left)
// and French (right) columns, the running header and footer, and the bands across both columns
// (section headings, the signature); vertical space separates paragraphs. From there the
// document is rebuilt exactly as from the text extraction (ReportReader): paragraphs, hyphens,
// headings, speakers, parties and translation pairs.
//
// Throws InputError naming the file (and the page, where one is to blame) if it is not a
// readable PDF (truncated, encrypted, no text) or not a bilingual report.
Document ReadReportPdf(const std::string& path, const ReportReaderOptions& options = {});

}  // namespace parlsearch

#endif  // PARLSEARCH_CORPUS_PDF_READER_H_
