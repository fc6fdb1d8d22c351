// The layout of a report page from the positions of its words (poppler text boxes).
#ifndef PARLSEARCH_CORPUS_PDF_LAYOUT_H_
#define PARLSEARCH_CORPUS_PDF_LAYOUT_H_

#include <string>
#include <vector>

#include "report_layout.h"

namespace parlsearch {

class LanguageIdentifier;

// A word on a page, in points from the page's top left corner.
struct PlacedWord {
  std::string text;
  double left = 0;
  double top = 0;
  double right = 0;
  double bottom = 0;
};

// The regions of one page of `width` and `height` points holding `words`. Lines are rebuilt from
// the words' positions; a line in the left half belongs to the Dutch column, one in the right half
// to the French; a gap between lines larger than the line spacing ends a paragraph; the running
// header and lone page numbers in the top and bottom margins are dropped (the header's document
// id and page number are returned through `document_id` and `printed_page`, when found). Line
// numbers count the page's lines from 1.
std::vector<Region> LayOutPdfPage(const std::vector<PlacedWord>& words, double width, double height,
                                  const LanguageIdentifier& identifier, std::string* document_id,
                                  int* printed_page);

}  // namespace parlsearch

#endif  // PARLSEARCH_CORPUS_PDF_LAYOUT_H_
