// Stopwords: the function words of each analysed language.
//
// They weigh little in ranking and carry most of the evidence for telling languages apart. The
// lists are in folded form (lower case, no accents) so that lookups use FoldForMatching() text.
#ifndef PARLSEARCH_STEMMING_STOPWORDS_H_
#define PARLSEARCH_STEMMING_STOPWORDS_H_

#include <string_view>

#include "parlsearch/stemming/language.h"

namespace parlsearch {

// True if `folded_word` (FoldForMatching form) is a stopword of `language`.
bool IsStopword(Language language, std::string_view folded_word);

}  // namespace parlsearch

#endif  // PARLSEARCH_STEMMING_STOPWORDS_H_
