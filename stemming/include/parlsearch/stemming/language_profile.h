// What parlsearch knows of each analysed language, in one table.
//
// stemming/ is the analysis layer: every part of parlsearch that turns text into words (the
// indexer, the query builder, the highlighter, the spelling, the lexicon, the report reader's
// hyphen repair) asks a language's profile what to do, instead of switching on the language. A
// new language is one more entry in the table (language_profile.cc) and its Snowball stemmer.
#ifndef PARLSEARCH_STEMMING_LANGUAGE_PROFILE_H_
#define PARLSEARCH_STEMMING_LANGUAGE_PROFILE_H_

#include <span>
#include <string_view>

#include "parlsearch/stemming/language.h"

namespace parlsearch {

// Which elided words ("l'", "d'", "qu'", "jusqu'": StripElision) a word loses.
enum class ElisionRule {
  // Every elision: French, where "m'a" and "t'y" are elisions too.
  kAlways,
  // Only with at least two letters after the apostrophe: French names in other languages'
  // text lose theirs ("l'Europe", "d'Hondt"), but Dutch "m'n" (mijn) and "d'r" (haar) stay whole.
  kBeforeTwoLetters,
};

// How a word broken at a line end with a hyphen is joined when neither spelling has been seen
// (HyphenRepair): the language's habit with compounds.
enum class LineBreakHyphens {
  // Closed, unless two vowels meet that would read as one sound ("zee-egel"): Dutch.
  kClosedUnlessVowelsClash,
  // Kept when both pieces are words ("avertissement-extrait"), else closed: French.
  kKeptBetweenWords,
  // Closed.
  kClosed,
};

struct LanguageProfile {
  Language language;
  std::string_view code;        // ISO 639-1: "nl"
  std::string_view snowball;    // libstemmer's name of its Snowball algorithm: "dutch"
  std::string_view dictionary;  // its word list in /usr/share/dict (WordList): "dutch"
  std::span<const std::string_view> stopwords;  // function words, folded (stopwords.h)
  ElisionRule elision;
  // Splits closed compounds into their parts (Decompounder), indexed as compound stems.
  bool decompounds;
  // Cuts the plurals that Snowball misses after a vowel ("administraties", "industrieën",
  // "programma's") back to the singular before stemming (Stemmer).
  bool vowel_plurals;
  LineBreakHyphens line_break_hyphens;
};

// The profile of `language`, or nullptr for Language::kUnknown.
const LanguageProfile* ProfileOf(Language language);

// Every profile, in the order of kAnalysedLanguages.
std::span<const LanguageProfile> LanguageProfiles();

}  // namespace parlsearch

#endif  // PARLSEARCH_STEMMING_LANGUAGE_PROFILE_H_
