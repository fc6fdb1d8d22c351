// A language's list of known words, read from a plain word list (one word per line), by default
// Debian's /usr/share/dict/<language> (packages wdutch, wfrench, ...).
//
// Used to tell a word of one language from a word of another, to repair words split by a line
// hyphen, and to find the parts of compounds.
#ifndef PARLSEARCH_STEMMING_WORD_LIST_H_
#define PARLSEARCH_STEMMING_WORD_LIST_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parlsearch/stemming/language.h"

namespace parlsearch {

class WordList {
 public:
  // An empty list: Contains() is always false.
  WordList() = default;

  // Reads `path`, one word per line. Throws InputError if the file cannot be read.
  static WordList Load(const std::string& path);

  // The system list for `language`, loaded on first use and shared afterwards (safe to call from
  // several threads). Empty if the system has no list for the language. The folder is
  // $PARLSEARCH_DICT_DIR if set, else /usr/share/dict.
  static const WordList& ForLanguage(Language language);

  // True if the list holds `word`, compared case-insensitively (FoldCase()). Accents count:
  // "régionale" is French, "regionale" Dutch.
  bool Contains(std::string_view word) const;

  // Like Contains() for a word that is already in FoldCase() form: cheaper.
  bool ContainsFolded(std::string_view folded_word) const;

  // The list with every word's accents folded (FoldAccents): for looking up words in
  // FoldForMatching() form, where "interoperabilite" should find "interopérabilité".
  WordList WithoutAccents() const;

  std::size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }

 private:
  // A slot holds (offset of the word in words_ + 1) << kLengthBits | its length (kLengthMask
  // for that length or more); 0 is a free slot. The length spares most comparisons.
  static constexpr int kLengthBits = 8;
  static constexpr std::uint64_t kLengthMask = (1u << kLengthBits) - 1;

  void Insert(std::string_view folded_word);
  std::string_view WordAt(std::uint64_t slot) const;
  bool SlotHolds(std::uint64_t slot, std::string_view word) const;

  std::string words_;                 // FoldCase() words, each followed by '\n'
  std::vector<std::uint64_t> slots_;  // open-addressing table
  std::size_t count_ = 0;
};

}  // namespace parlsearch

#endif  // PARLSEARCH_STEMMING_WORD_LIST_H_
