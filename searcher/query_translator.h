// Translating a query's words with the index's bilingual lexicon, for cross-language retrieval:
// a French query also finds Dutch paragraphs that say the same in other words, and the reverse.
#ifndef PARLSEARCH_SEARCHER_QUERY_TRANSLATOR_H_
#define PARLSEARCH_SEARCHER_QUERY_TRANSLATOR_H_

#include <xapian.h>

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "parlsearch/schema/lexicon.h"
#include "parlsearch/stemming/analyzer.h"
#include "parlsearch/stemming/stemmer.h"

namespace parlsearch {

// Stems of the target language that translate one word, or one part of a compound.
struct TranslationGroup {
  std::vector<std::string> stems;     // the lexicon's translations, best first, as the index
                                      // holds them (a Dutch stem may have its consonant voiced)
  std::vector<std::string> extended;  // the index's stems that extend them by a letter or two
                                      // (inflected forms of a dictionary's lemma)
};

// The translations of one query word into one language: one group for a word the lexicon
// knows; for a Dutch compound it does not know, one group per part it knows
// ("privébedrijven": "privé", then "entreprise"), all of which a paragraph must have.
struct WordTranslation {
  std::string word;  // the query word, folded (FoldForMatching)
  std::vector<TranslationGroup> groups;
  double weight = 0;  // the lexicon weight of the best translation (the weakest part's)
  // Translated through a relative of the word (a lexicon stem it begins like), the word itself
  // having no entry: it may be misspelt.
  bool relative = false;
};

// Since a query's language is not known, each word is translated from every language it could
// be: in the query parsed as Dutch, a word is searched in its own Dutch stem and in the Dutch
// translations of its French stem; and the reverse.
//
// Not safe for concurrent use (it holds stemmers and an analyser).
class QueryTranslator {
 public:
  // `database` and `lexicon` must outlive the translator.
  QueryTranslator(const Xapian::Database& database, const Lexicon& lexicon);

  // The translations into `target` of `folded_words` (the query's plain words), keyed by each
  // word's own stem in `target`: the stem the query parser searches for the word. Only
  // translations the index holds, other than that stem, and a few of the best; words that are
  // stopwords in Dutch or French are not translated.
  // Without `relatives`, a word without entry of its own is not translated through a relative
  // (WordTranslation::relative): an exact search guesses nothing.
  std::map<std::string, WordTranslation> Translate(const std::vector<std::string>& folded_words,
                                                   Language target, bool relatives = true) const;

  // Forgets what it read of the index: call it when the database moves to another revision.
  void Forget() const;

 private:
  // Whether the index holds `term`, and the index's stems that extend `stem` by a letter or two
  // (at most enough for Extensions(), whatever it drops), remembered: each lookup is a round
  // trip to every remote shard, and searches ask for the same words again and again.
  bool Holds(const std::string& term) const;
  const std::vector<std::string>& ExtensionsOf(const std::string& stem) const;
  // The lexicon's translations of `word`, a word of `source`: those of its stem, else those of
  // the stem of a lemma it may be a form of.
  // Sets `*relative` when the translations are a relative's (WordTranslation::relative).
  std::vector<Translation> Lookup(Language source, const std::string& word, bool relatives,
                                  bool* relative) const;
  // The best of `candidates`, stems of `target`, that the index holds, other than `own` and
  // stopwords, and the best learned from the index's own pairs; weight set to the best's.
  TranslationGroup Choose(const std::vector<Translation>& candidates, Language target,
                          const std::string& own, double* weight) const;
  // The index's stems that extend those of `stems` by a letter or two, other than those.
  std::vector<std::string> Extensions(const std::vector<std::string>& stems) const;
  // The translation of a Dutch compound by the parts that have translations; no groups if none.
  WordTranslation ByParts(const std::string& word, const std::string& own) const;

  const Xapian::Database& database_;
  const Lexicon& lexicon_;
  Stemmer dutch_stemmer_;
  Stemmer french_stemmer_;
  Analyzer dutch_analyzer_;  // for compounds
  mutable std::unordered_map<std::string, bool> holds_;
  mutable std::unordered_map<std::string, std::vector<std::string>> extensions_;
};

}  // namespace parlsearch

#endif  // PARLSEARCH_SEARCHER_QUERY_TRANSLATOR_H_
