// Snowball stemmers (libstemmer) for the analysed languages, behind one interface.
#ifndef PARLSEARCH_STEMMING_STEMMER_H_
#define PARLSEARCH_STEMMING_STEMMER_H_

#include <memory>
#include <string>
#include <string_view>

#include "parlsearch/stemming/language.h"

namespace parlsearch {

// Reduces words to their stem with the Snowball algorithm of one language.
//
// Accents and stemming: words are stemmed in their accent-folded form (FoldForMatching), at index
// time and at query time alike, so that "interopérabilité" and "interoperabilite" (which the
// French algorithm stems differently when accents are kept) meet on one stem. docs/design.md
// gives the reasons and the cost.
//
// Dutch: plurals of nouns that end in a vowel ("administraties", "industrieën", "programma's"),
// which the Snowball algorithm leaves whole, are first cut back to the singular.
//
// A Stemmer holds a libstemmer instance and is not safe for concurrent use: one per thread.
class Stemmer {
 public:
  // Throws Error if libstemmer has no algorithm for `language`.
  explicit Stemmer(Language language);
  ~Stemmer();
  Stemmer(Stemmer&&) noexcept;
  Stemmer& operator=(Stemmer&&) noexcept;

  // The stem of `word`, which is folded first (case and accents); words without letters (numbers,
  // codes) come back folded but unstemmed.
  std::string Stem(std::string_view word) const;

  // As Stem() for a word already in FoldForMatching() form: cheaper.
  std::string StemFolded(std::string_view folded_word) const;

  Language language() const { return language_; }

 private:
  struct Snowball;
  Language language_;
  bool vowel_plurals_ = false;  // LanguageProfile::vowel_plurals
  std::unique_ptr<Snowball> snowball_;
};

// The Dutch stem `stem` with its last consonant voiced ("prijs" -> "prijz", "brief" -> "briev"),
// as the stems of plurals that voice it keep it ("prijzen" -> "prijz"): the stem to look for
// when a dictionary's singular is not in the index, or the reverse. Empty unless `stem` has four
// bytes or more and ends in "s" or "f".
std::string VoicedDutchStem(std::string_view stem);

}  // namespace parlsearch

#endif  // PARLSEARCH_STEMMING_STEMMER_H_
