// The translations in an article of a FreeDict bilingual dictionary (Debian's
// dict-freedict-fra-nld and dict-freedict-nld-fra), as dictd serves it.
#ifndef PARLSEARCH_INDEXER_FREEDICT_ARTICLE_H_
#define PARLSEARCH_INDEXER_FREEDICT_ARTICLE_H_

#include <string>
#include <string_view>
#include <vector>

namespace parlsearch {

struct FreeDictArticle {
  std::string headword;                   // as written: "s'engager", "Golfe de Gascogne"
  std::vector<std::string> translations;  // in the article's order: "erkenning", "dankbaarheid"
};

// Reads an article:
//
//   reconnaissance /rəkonɛsãs/
//   1. erkenning
//   2. dankbaarheid
//   3. onderzoek, speurwerk
//
// The first line is the headword, then its pronunciation between slashes; each further line
// holds translations separated by commas or semicolons, after an optional sense number ("2. ").
// Notes in brackets ("kruisen (van schip)", "houblon [plant]") are dropped, and so are
// translations repeated within the article.
FreeDictArticle ParseFreeDictArticle(std::string_view definition);

}  // namespace parlsearch

#endif  // PARLSEARCH_INDEXER_FREEDICT_ARTICLE_H_
