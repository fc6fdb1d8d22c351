// Cognates: Dutch and French words that are the same word by regular spelling correspondences
// ("interoperabiliteit" and "interopérabilité", "administratie" and "administration").
#ifndef PARLSEARCH_INDEXER_COGNATES_H_
#define PARLSEARCH_INDEXER_COGNATES_H_

#include <string>
#include <string_view>
#include <vector>

#include "parlsearch/stemming/language.h"

namespace parlsearch {

// The words of the other language (French for Dutch, Dutch for French) that `folded_word`, a
// word of `language` in FoldForMatching() form, may correspond to: the word itself, and the word
// with each matching suffix correspondence applied (-iteit/-ité, -tie/-tion, -sie/-sion,
// -isch/-ique, -iek/-ique, -isering/-isation, -ist/-iste, -isme/-isme, -air/-aire, -eel/-el,
// -aal/-al, -ief/-if, -uur/-ure, -aat/-at, -ator/-ateur, -eem/-ème, -eren/-er, ... and their
// plurals; past participles ge-...-eerd/-é), each also with the regular spelling changes of the
// stem (Dutch k for a hard French c, kw for qu).
// Most candidates are not words: the caller keeps those the other language has. Words shorter
// than five letters, or with other characters than a-z, have none. No duplicates.
std::vector<std::string> CognateCandidates(Language language, std::string_view folded_word);

}  // namespace parlsearch

#endif  // PARLSEARCH_INDEXER_COGNATES_H_
