// Separating the Dutch and French columns of a page of a bilingual report.
//
// The extraction gives each page as its left (Dutch) column followed by its right (French)
// column, with no marker between them, except where a band runs across both columns: a numbered
// section heading (its Dutch and French titles side by side) or the closing signature block.
// Bands cut a page into regions; within a region the split between the columns is the one point
// that best separates Dutch lines from French ones.
#ifndef PARLSEARCH_CORPUS_COLUMN_SPLITTER_H_
#define PARLSEARCH_CORPUS_COLUMN_SPLITTER_H_

#include <string>
#include <string_view>
#include <vector>

#include "page_splitter.h"

namespace parlsearch {

class LanguageIdentifier;

enum class RegionKind {
  kColumns,      // running text: the Dutch column's lines, then the French column's
  kHeadingBand,  // a section heading across both columns
  kSignature,    // the rapporteur's and chair's signatures
};

struct Region {
  RegionKind kind = RegionKind::kColumns;
  std::vector<SourceLine> dutch;
  std::vector<SourceLine> french;
};

// The regions of `page`, top to bottom.
std::vector<Region> SplitColumns(const Page& page, const LanguageIdentifier& identifier);

// True if `line` opens the signature block: the rapporteur's and the chair's titles side by
// side ("De rapporteur De voorzitter Le Rapporteur Le Président"), no sentence.
bool IsSignatureLine(std::string_view line);

// The label of a numbered heading ("IV" of "IV. Stemming over ...", "B" of "B. Vragen"), or ""
// if `line` does not start like one.
std::string_view HeadingLabel(std::string_view line);

// For each line of a region, whether it belongs to the Dutch column, given each line's evidence
// for Dutch over French (positive: Dutch). The region reads as a Dutch part then a French part;
// where the page stacks text blocks, as several such pairs (a French part followed by a Dutch
// one again), but only at a paragraph boundary and only when the evidence clearly asks for it.
std::vector<bool> AssignColumns(const std::vector<SourceLine>& lines,
                                const std::vector<double>& evidence);

}  // namespace parlsearch

#endif  // PARLSEARCH_CORPUS_COLUMN_SPLITTER_H_
