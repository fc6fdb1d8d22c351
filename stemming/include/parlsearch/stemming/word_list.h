// A language's list of known words, read from a plain word list (one word per line), by default
// Debian's /usr/share/dict/<language> (packages wdutch, wfrench, ...).
//
// Used to tell a word of one language from a word of another, to repair words split by a line
// hyphen, and to find the parts of compounds.
#ifndef PARLSEARCH_STEMMING_WORD_LIST_H_
#define PARLSEARCH_STEMMING_WORD_LIST_H_

#include <cstdint>
#include <memory>
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
  //
  // Parsing Debian's Dutch list (400 000 words) takes about 100 ms, most of a short `search`
  // process. So the parsed table is also saved in a cache file ($PARLSEARCH_CACHE_DIR, else
  // $XDG_CACHE_HOME/parlsearch, else ~/.cache/parlsearch), named after the list's path, size and
  // modification time, and later processes map that file instead of parsing: lookups then read
  // only the pages they touch. A missing, stale or unwritable cache only costs the parse.
  static const WordList& ForLanguage(Language language);

  // The list at `path` through the cache file in `cache_folder` (see ForLanguage): maps the
  // cache if it matches the list, else parses the list and writes the cache. Throws InputError
  // if `path` cannot be read.
  static WordList LoadCached(const std::string& path, const std::string& cache_folder);

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

  struct Table;   // words and slots owned in memory, while building
  struct Mapped;  // a mapped cache file

  static WordList Build(std::shared_ptr<Table> table);
  static void Insert(Table& table, std::string_view folded_word);
  std::string_view WordAt(std::uint64_t slot) const;
  bool SlotHolds(std::uint64_t slot, std::string_view word) const;
  bool Save(const std::string& path) const;

  // Views into `storage_` (a Table or a Mapped file), so that copies share one table.
  std::shared_ptr<const void> storage_;
  std::string_view words_;                // FoldCase() words, each followed by '\n'
  const std::uint64_t* slots_ = nullptr;  // open-addressing table of slot_count_ (a power of 2)
  std::size_t slot_count_ = 0;
  std::size_t count_ = 0;
};

}  // namespace parlsearch

#endif  // PARLSEARCH_STEMMING_WORD_LIST_H_
