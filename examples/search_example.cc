// Searching a parlsearch index from C++: the smallest useful program.
// Usage: search_example INDEX QUERY
#include <iostream>

#include "parlsearch/error.h"
#include "parlsearch/searcher/searcher.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: search_example INDEX QUERY\n";
    return 2;
  }
  try {
    parlsearch::Searcher searcher(argv[1]);
    parlsearch::SearchRequest request;
    request.query = argv[2];
    request.facets = {"party"};
    request.limit = 5;
    const parlsearch::SearchResult result = searcher.Search(request);

    std::cout << result.total << " hits\n";
    for (const parlsearch::Hit& hit : result.hits) {
      const parlsearch::Paragraph& paragraph = hit.matched.paragraph;
      std::cout << "- [" << parlsearch::LanguageCode(paragraph.lang) << "] "
                << (paragraph.speaker.empty() ? "(no speaker)" : paragraph.speaker);
      if (!paragraph.party.empty()) std::cout << " (" << paragraph.party << ")";
      std::cout << ": " << hit.matched.snippet.text.substr(0, 80) << "…\n";
      if (hit.translation) {
        std::cout << "  [" << parlsearch::LanguageCode(hit.translation->paragraph.lang) << "] "
                  << hit.translation->snippet.text.substr(0, 80) << "…\n";
      }
    }
    for (const parlsearch::FacetValue& party : result.facets.at("party")) {
      std::cout << "party " << party.value << ": " << party.count << "\n";
    }
  } catch (const parlsearch::Error& error) {
    std::cerr << "search_example: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
