// Linking each Dutch paragraph of a report with its French translation.
//
// The two columns translate each other paragraph by paragraph, in the same order, but a
// paragraph may be split in two on one side (1:2, 2:1), a paragraph may have no counterpart,
// and page breaks fall at different places. The aligner finds the best path through both
// sequences at once (dynamic programming, after Gale and Church) scoring each step by length
// ratio, by the numbers, names and other tokens the two sides share, and by kind.
#ifndef PARLSEARCH_CORPUS_PAIR_ALIGNER_H_
#define PARLSEARCH_CORPUS_PAIR_ALIGNER_H_

#include <cstddef>
#include <vector>

#include "paragraph_builder.h"

namespace parlsearch {

// Paragraphs that translate each other: indexes into the Dutch and the French sequence.
struct AlignedPair {
  std::vector<std::size_t> dutch;
  std::vector<std::size_t> french;
};

// The translation pairs of two parallel sequences of paragraphs, in order. Paragraphs left
// without a counterpart appear in no pair.
std::vector<AlignedPair> AlignPairs(const std::vector<LaidOutParagraph>& dutch,
                                    const std::vector<LaidOutParagraph>& french);

}  // namespace parlsearch

#endif  // PARLSEARCH_CORPUS_PAIR_ALIGNER_H_
