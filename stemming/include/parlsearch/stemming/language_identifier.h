// Language identification for text whose source does not state its language.
#ifndef PARLSEARCH_STEMMING_LANGUAGE_IDENTIFIER_H_
#define PARLSEARCH_STEMMING_LANGUAGE_IDENTIFIER_H_

#include <array>
#include <string_view>

#include "parlsearch/stemming/language.h"
#include "parlsearch/stemming/tokenizer.h"

namespace parlsearch {

class WordList;

// Evidence for each analysed language, indexed like kAnalysedLanguages. Higher is more likely;
// only differences between languages mean anything.
using LanguageEvidence = std::array<double, kAnalysedLanguages.size()>;

// Identifies the language of a text among the analysed languages.
//
// Two sources of evidence: CLD2 (Google's Compact Language Detector, libcld2), reliable from a
// sentence or so, and a word model that works down to a single line of text: each stopword of a
// language and each word that only that language's word list (WordList::ForLanguage) knows counts
// for it, as do spellings particular to it (French elisions and accents). Thread-compatible: use
// one identifier per thread.
class LanguageIdentifier {
 public:
  LanguageIdentifier();

  // The word model's evidence for `text`.
  LanguageEvidence Evidence(std::string_view text) const;

  // Evidence that `text` is Dutch rather than French: positive for Dutch, negative for French,
  // near zero when the text says nothing either way (names, numbers).
  double DutchOverFrench(std::string_view text) const;

  // The most likely language of `text`, or kUnknown when neither source is confident.
  Language Identify(std::string_view text) const;

 private:
  Tokenizer tokenizer_;
  std::array<const WordList*, kAnalysedLanguages.size()> word_lists_;
};

}  // namespace parlsearch

#endif  // PARLSEARCH_STEMMING_LANGUAGE_IDENTIFIER_H_
