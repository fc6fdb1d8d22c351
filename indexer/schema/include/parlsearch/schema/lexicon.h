// The bilingual lexicon stored with an index: Dutch stems and French stems that translate each
// other, with a weight. The indexer learns it (lexicon_builder.h); the searcher reads it to
// search each query word in its translations too. docs/design.md documents the stored form.
#ifndef PARLSEARCH_SCHEMA_LEXICON_H_
#define PARLSEARCH_SCHEMA_LEXICON_H_

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "parlsearch/stemming/language.h"

namespace parlsearch {

// Where a lexicon entry comes from, as bits: an entry several sources agree on has several.
enum LexiconSource : unsigned {
  kFromPairs = 1,       // learned from the index's translation pairs
  kFromDictionary = 2,  // a bilingual dictionary (FreeDict)
  kFromCognates = 4,    // spelling correspondences between the languages' words
};

// One translation: a Dutch stem and a French stem (Snowball stems of folded words, as the index's
// "Z" terms hold them).
struct LexiconEntry {
  std::string dutch;
  std::string french;
  double weight = 0;  // in (0, 1]: how sure the lexicon is
  unsigned sources = 0;
};

// A stem of the other language, the weight of its entry and where the entry comes from.
struct Translation {
  std::string stem;
  double weight = 0;
  unsigned sources = 0;  // LexiconSource bits
};

// A value: copy it freely. Only Dutch and French have entries. Not safe for concurrent use
// while entries are being added.
class Lexicon {
 public:
  // Adds an entry, or merges it into the entry of the same two stems: the weights combine as
  // independent evidence (1 - (1 - a)(1 - b)) and the sources join. `weight` is clamped to
  // (0, 1]; entries with an empty stem are ignored.
  void Add(std::string_view dutch, std::string_view french, double weight, unsigned sources);

  // The translations of `stem`, a stem of `language`, into the other language: best first (by
  // weight, then by stem). Empty for a stem without entries or a language other than Dutch and
  // French.
  std::vector<Translation> Translate(Language language, std::string_view stem) const;

  // The stem of `language` with entries that shares the longest prefix with `stem`, at least
  // `min_prefix` letters long (the first in byte order among equals); empty if there is none.
  // For a word without entry, its derivational relatives ("partenariat" -> "partenaire").
  std::string NearestStem(Language language, std::string_view stem, std::size_t min_prefix) const;

  // Sets the word shown for `stem` of `language` (the index's most frequent word with that stem).
  void SetWord(Language language, std::string_view stem, std::string_view word);

  // The word shown for `stem` of `language`, or the stem itself when none was set.
  std::string Word(Language language, std::string_view stem) const;

  const std::vector<LexiconEntry>& entries() const { return entries_; }
  std::size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }

  // The stored form: a header line "parlsearch-lexicon 1", then one line per entry, tab-separated:
  // Dutch stem, French stem, weight, sources (letters p, d, c), Dutch word, French word.
  std::string Serialize() const;

  // Reads the stored form. Throws IndexError if `text` is not one.
  static Lexicon Parse(std::string_view text);

 private:
  std::vector<LexiconEntry> entries_;
  // "dutch\tfrench" -> entry, for merging in Add(); built by the first Add() after Parse().
  std::unordered_map<std::string, std::size_t> positions_;
  // Entry numbers in order of Dutch (French) stem, then of number: Translate() and NearestStem()
  // search them. Added entries are sorted in on the next lookup; Parse() sorts before it returns,
  // so a parsed lexicon is only read, and several threads may search it.
  void Sort() const;
  // Adds an entry known to be new, its weight already clamped.
  void Append(std::string_view dutch, std::string_view french, double weight, unsigned sources);
  mutable std::vector<std::uint32_t> by_dutch_;
  mutable std::vector<std::uint32_t> by_french_;
  mutable bool sorted_ = true;
  std::unordered_map<std::string, std::string> dutch_words_;
  std::unordered_map<std::string, std::string> french_words_;
};

// The lexicon stored in `database` (metadata schema::kLexiconKey); empty if it has none. Throws
// IndexError if the stored lexicon cannot be read.
Lexicon ReadLexicon(const Xapian::Database& database);

// Stores `lexicon` in `database`'s metadata, to become visible with the next commit.
void WriteLexicon(Xapian::WritableDatabase& database, const Lexicon& lexicon);

}  // namespace parlsearch

#endif  // PARLSEARCH_SCHEMA_LEXICON_H_
