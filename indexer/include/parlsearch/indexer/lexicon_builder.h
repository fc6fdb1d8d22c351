// Building an index's bilingual lexicon (lexicon.h) from three sources: the index's own
// translation pairs, Debian's FreeDict dictionaries, and cognates among the index's words.
#ifndef PARLSEARCH_INDEXER_LEXICON_BUILDER_H_
#define PARLSEARCH_INDEXER_LEXICON_BUILDER_H_

#include <xapian.h>

#include <cstddef>
#include <string>

#include "parlsearch/schema/lexicon.h"

namespace parlsearch {

struct LexiconOptions {
  // The sources used; all by default.
  bool use_pairs = true;
  bool use_dictionary = true;
  bool use_cognates = true;

  // Pairs: the Dutch and French stems of each translation pair (paragraphs sharing an XPAIR
  // term) are associated by competitive linking (pair_associations.h). Only this many pairs are
  // read, the same ones each time (those whose ids hash lowest): reading a pair costs two term
  // lists, and beyond some thousands more pairs add little. Everything else the lexicon needs
  // comes from the index's term list, whose size grows with the vocabulary, not the paragraphs.
  std::size_t max_pairs = 20000;
  // Pairs that must hold both stems, and the least Dice coefficient of a learned entry.
  std::size_t min_pairs = 2;
  double min_dice = 0.3;

  // Dictionary: the folder of FreeDict's dictd files (freedict-fra-nld.index and .dict.dz,
  // freedict-nld-fra.*). Empty: $PARLSEARCH_DICTD_DIR if set, else /usr/share/dictd, where
  // Debian's dict-freedict-fra-nld and dict-freedict-nld-fra put them. A dictionary that is
  // not there is skipped. Only single-word translations are kept (stopwords aside), and only
  // those with at least one side in the index.
  std::string dictionary_folder;
};

// What a build found.
struct LexiconReport {
  std::size_t entries = 0;
  std::size_t from_pairs = 0;  // entries each source contributed to (an entry may have several)
  std::size_t from_dictionary = 0;
  std::size_t from_cognates = 0;
  std::size_t pairs_read = 0;         // translation pairs the learning read
  std::size_t dictionaries_read = 0;  // of the two FreeDict dictionaries
  double seconds = 0;
};

// Builds the lexicon of the index `database` (committed or not: a WritableDatabase sees its own
// pending changes). Cost: the index's term list, the sampled pairs' term lists, the two
// dictionaries and the two word lists (docs/relevance.md gives times). Weights: a learned entry
// weighs its Dice coefficient, a dictionary entry 0.5, a cognate 0.6; an entry several sources give
// combines them (Lexicon::Add). Each stem of an entry is shown as the index's most frequent word
// with that stem, with its accents. Throws InputError if a dictionary exists but is corrupt.
Lexicon BuildLexicon(const Xapian::Database& database, const LexiconOptions& options = {},
                     LexiconReport* report = nullptr);

}  // namespace parlsearch

#endif  // PARLSEARCH_INDEXER_LEXICON_BUILDER_H_
