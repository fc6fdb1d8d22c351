// Our stemmers as Xapian stemmers, so that Xapian's QueryParser stems exactly as the indexer.
#ifndef PARLSEARCH_STEMMING_XAPIAN_STEM_H_
#define PARLSEARCH_STEMMING_XAPIAN_STEM_H_

#include <xapian.h>

#include "parlsearch/stemming/language.h"

namespace parlsearch {

// A Xapian::Stem whose implementation folds the word (FoldForMatching) and stems it with
// parlsearch's Stemmer for `language`: the QueryParser's Z-terms then equal the indexer's.
// Each call makes a new implementation; Xapian::Stem objects must not be shared between threads.
Xapian::Stem MakeXapianStem(Language language);

}  // namespace parlsearch

#endif  // PARLSEARCH_STEMMING_XAPIAN_STEM_H_
