// Small string helpers shared by the corpus readers. Internal to the corpus module.
#ifndef PARLSEARCH_CORPUS_TEXT_UTIL_H_
#define PARLSEARCH_CORPUS_TEXT_UTIL_H_

#include <string>
#include <string_view>
#include <vector>

namespace parlsearch {

// Removes leading and trailing spaces, tabs and no-break spaces.
std::string_view TrimSpaces(std::string_view text);

// Trims, and turns every run of spaces, tabs and no-break spaces into one space.
std::string CollapseSpaces(std::string_view text);

// The space-separated words of `text`.
std::vector<std::string_view> SplitWords(std::string_view text);

// The first code point of `text` decoded, or -1 if empty.
int FirstCodePoint(std::string_view text);

// The last code point of `text` decoded, or -1 if empty.
int LastCodePoint(std::string_view text);

// True if the first letter of `word` is upper case (after any opening quote or bracket).
bool StartsUpper(std::string_view word);

// True if the first letter of `word` is lower case (after any opening quote or bracket).
bool StartsLower(std::string_view word);

// True if every letter of `word` is upper case and it has at least two ("CIRB", "NAESSENS").
bool IsAllCaps(std::string_view word);

// True if `text` ends a sentence or a clause that a paragraph can end on: ". ! ? : ; …", maybe
// followed by closing quotes or brackets.
bool EndsClause(std::string_view text);

// Removes opening and closing punctuation around a word: "(Digitaal" -> "Digitaal",
// "Brussel);" -> "Brussel".
std::string_view StripPunctuation(std::string_view word);

// "NAESSENS" -> "Naessens", "VAN DER MEER" -> "Van Der Meer"; other words unchanged.
std::string TitleCaseAllCaps(std::string_view name);

// True if `text` is a date of the calendar written YYYY-MM-DD ("2024-02-29", not "2023-02-29").
bool IsCalendarDate(std::string_view text);

}  // namespace parlsearch

#endif  // PARLSEARCH_CORPUS_TEXT_UTIL_H_
