// Unicode normalisation: the forms under which text is compared and indexed.
//
// All functions take and return UTF-8. Invalid UTF-8 sequences are replaced by U+FFFD; use
// FindInvalidUtf8() first where bad input must be reported rather than repaired.
#ifndef PARLSEARCH_STEMMING_NORMALIZER_H_
#define PARLSEARCH_STEMMING_NORMALIZER_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace parlsearch {

// Byte offset of the first invalid UTF-8 sequence in `text`, or nullopt if it is all valid.
std::optional<std::size_t> FindInvalidUtf8(std::string_view text);

// NFKC: compatibility characters (ligatures, full-width forms, non-breaking spaces) become their
// plain equivalents; composed characters are composed.
std::string NormalizeNfkc(std::string_view text);

// NFKC followed by full Unicode case folding ("Straße" -> "strasse", "INTEROPÉRABILITÉ" ->
// "interopérabilité"). Typographic apostrophes become "'".
std::string FoldCase(std::string_view text);

// Removes diacritics ("é" -> "e", "ï" -> "i") and expands the letters that have no decomposition
// ("œ" -> "oe", "æ" -> "ae", "ø" -> "o"). Case is kept.
std::string FoldAccents(std::string_view text);

// FoldCase then FoldAccents: the form in which accented and unaccented spellings, and any
// capitalisation, compare equal.
std::string FoldForMatching(std::string_view text);

// True if `text` has no character outside US-ASCII; such text needs no Unicode processing.
bool IsAscii(std::string_view text);

}  // namespace parlsearch

#endif  // PARLSEARCH_STEMMING_NORMALIZER_H_
