// Learning translations from aligned paragraphs: Dutch and French stems that keep turning up on
// the two sides of the same translation pairs, by competitive linking and by word alignment
// (IBM Model 1); the lexicon takes both.
#ifndef PARLSEARCH_INDEXER_PAIR_ASSOCIATIONS_H_
#define PARLSEARCH_INDEXER_PAIR_ASSOCIATIONS_H_

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace parlsearch {

// The stems of one translation pair, as numbers the caller gives them: each side's distinct stems
// (Dutch numbers and French numbers are separate spaces).
struct StemPair {
  std::vector<std::uint32_t> dutch;
  std::vector<std::uint32_t> french;
};

// A Dutch and a French stem number as one key, for AssociationPrior.
std::uint64_t AssociationKey(std::uint32_t dutch, std::uint32_t french);

// Translations known beforehand (a dictionary, cognates): key -> weight in (0, 1].
using AssociationPrior = std::unordered_map<std::uint64_t, double>;

struct AssociationOptions {
  // Pairs in which the two stems must be linked: one pair is chance as often as not.
  std::uint32_t min_pairs = 2;
  // Least Dice coefficient of the links, 2·links / (Dutch pairs + French pairs): how
  // exclusively the two stems go together.
  double min_dice = 0.3;
  // Least log-likelihood ratio G² (Dunning) of the stems' co-occurrence for them to be linked at
  // all: 3.84 is p < 0.05 by chance. Linking, not this test, does most of the weeding out; a
  // stricter test only loses translations in small indexes.
  double min_log_likelihood = 3.84;
};

struct Association {
  std::uint32_t dutch = 0;
  std::uint32_t french = 0;
  std::uint32_t links = 0;  // pairs in which the two were linked (aligned: co-occurred)
  double dice = 0;          // 2·links / (Dutch pairs + French pairs)
  // AlignWords: the translation probabilities t(french | dutch) and t(dutch | french).
  double forward = 0;
  double backward = 0;
};

// Learns translations by competitive linking (Melamed 2000). Co-occurrence alone cannot tell a
// word's translation from the other words of the same sentences (a minister's first name from
// his surname); so first every two stems are scored by their co-occurrence's Dice coefficient
// plus their prior weight; then, in each pair, the best-scored two stems are linked, then the
// best two of those left, and so on, each stem linked once: a word explained by its translation
// is not free to associate with the rest. The result is the stems linked in at least min_pairs
// pairs with Dice of links at least min_dice, by Dutch stem then French stem. Pairs with an empty
// side are ignored. Callers leave out stems that should never be linked (stopwords, numbers).
// Time grows with the product of the sides' sizes.
std::vector<Association> LearnAssociations(const std::vector<StemPair>& pairs,
                                           const AssociationPrior& prior,
                                           const AssociationOptions& options = {});

struct AlignmentOptions {
  std::uint32_t min_pairs = 2;  // co-occurrences for two stems to be aligned at all
  int iterations = 5;           // of EM, each way
  // Least probability each way: t(french | dutch) and t(dutch | french). Chosen on the
  // evaluation data (docs/relevance.md): 0.2 gained as much on the gettext messages and lost a
  // query on the bundled report.
  double min_probability = 0.3;
  // Pseudo-counts a prior entry of weight 1 adds to its two stems' expected alignments in each
  // iteration: what is known beforehand counts as that many pairs aligning them.
  double prior_pairs = 1.0;
};

// Learns translations by statistical word alignment: IBM Model 1 (Brown et al. 1993), whose
// translation probabilities t(f | d) EM estimates from the pairs alone, each French stem of a
// pair explained by the Dutch stems of the pair or by none (an empty word); the same the other
// way; the stems aligned both ways with probability min_probability or more are the result,
// with both probabilities. Unlike competitive linking it weighs every candidate in every pair
// rather than linking the best once: a frequent word's translation stands out over many pairs
// even when other words of the same pairs co-occur as often. Stems co-occurring in fewer than
// min_pairs pairs are never aligned.
std::vector<Association> AlignWords(const std::vector<StemPair>& pairs,
                                    const AssociationPrior& prior,
                                    const AlignmentOptions& options = {});

}  // namespace parlsearch

#endif  // PARLSEARCH_INDEXER_PAIR_ASSOCIATIONS_H_
