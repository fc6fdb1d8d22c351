// Rejoining words that a line end split with a hyphen.
//
// A hyphen at the end of a line is either the typesetter's (the word was split: "infor-" +
// "matique") and goes, or the word's own ("IT-" + "uitgaven", "sera-" + "t-il", "samenwerkings-"
// + "en participatiemodel") and stays. The document itself is the best witness (the same word
// elsewhere, unsplit), then the language's word list, then the spelling rules of the language.
#ifndef PARLSEARCH_CORPUS_HYPHEN_REPAIR_H_
#define PARLSEARCH_CORPUS_HYPHEN_REPAIR_H_

#include <string>
#include <string_view>
#include <unordered_set>

#include "parlsearch/stemming/language.h"

namespace parlsearch {

class HyphenRepair {
 public:
  // `vocabulary`: the word forms the document uses, in FoldCase() form, hyphenated compounds
  // included. Must outlive the HyphenRepair.
  explicit HyphenRepair(const std::unordered_set<std::string>* vocabulary);

  // True if `line` ends with a hyphen that may have split a word.
  static bool EndsWithHyphen(std::string_view line);

  // Joins `left`, which ends with a line-end hyphen, with the next line `right`, in a text of
  // `language`.
  std::string Join(std::string_view left, std::string_view right, Language language) const;

 private:
  enum class Decision { kRemove, kKeep, kKeepWithSpace };
  Decision Decide(std::string_view before, std::string_view after, Language language) const;
  bool Seen(std::string_view word) const;

  const std::unordered_set<std::string>* vocabulary_;
};

}  // namespace parlsearch

#endif  // PARLSEARCH_CORPUS_HYPHEN_REPAIR_H_
