// Splitting Dutch compounds into their parts with a word list.
#ifndef PARLSEARCH_STEMMING_DECOMPOUNDER_H_
#define PARLSEARCH_STEMMING_DECOMPOUNDER_H_

#include <string>
#include <string_view>
#include <vector>

namespace parlsearch {

class WordList;

// Finds the parts of a compound word ("gegevensbescherming" -> "gegevens", "bescherming";
// "informatiebeveiliging" -> "informatie", "beveiliging") in a word list (by default Debian's
// Dutch list, wdutch), allowing the linking elements Dutch puts between parts: -s-, -e-, -en-
// ("vrijwilligersorganisatie", "pannenkoek"). Parts are at least four letters; a word that does not
// split entirely into listed words gives no parts. A word the list holds is split only if its first
// part has five letters or more: the list holds derived words, and many of them fall into two
// short listed words ("minister" is not "mini" + "ster", nor "stemming" "stem" + "ming").
//
// Thread-safe: Split() only reads the list.
class Decompounder {
 public:
  // `words` must outlive the decompounder; an empty list splits nothing.
  explicit Decompounder(const WordList& words);

  // The parts of `folded_word` (FoldForMatching() form), in order, without linking elements;
  // empty if it is not a compound of listed words. A listed word is still split if it is also a
  // compound ("gegevensbescherming" is listed). Among several splits, the one with the fewest
  // parts wins, then the one with the longest last part (the head of a Dutch compound), then the
  // one with the shortest linking elements: "gegevens" + "bescherming" rather than "gegeven" +
  // s + "bescherming" when the list holds both "gegevens" and "gegeven".
  //
  // Parts are looked up in the folded form, so a part the list only holds with its accents
  // ("coördinatie", "comité") is not found; few Dutch words have any.
  std::vector<std::string> Split(std::string_view folded_word) const;

 private:
  const WordList& words_;
};

}  // namespace parlsearch

#endif  // PARLSEARCH_STEMMING_DECOMPOUNDER_H_
