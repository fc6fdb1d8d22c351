#include "hyphen_repair.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>

#include "parlsearch/stemming/language_profile.h"
#include "parlsearch/stemming/normalizer.h"
#include "parlsearch/stemming/word_list.h"
#include "text_util.h"

namespace parlsearch {
namespace {

constexpr std::string_view kSoftHyphen = "\u00AD";
constexpr std::string_view kUnicodeHyphen = "\u2010";

// Conjunctions after which a hyphen marks an elided compound part: "samenwerkings- en
// participatiemodel", "pré- et post-électoral".
bool IsConjunction(std::string_view folded) {
  static constexpr std::array<std::string_view, 9> kConjunctions = {"en",  "of", "tot", "et",  "ou",
                                                                    "and", "or", "und", "oder"};
  for (std::string_view conjunction : kConjunctions) {
    if (folded == conjunction) return true;
  }
  return false;
}

// Words that French joins to a verb or pronoun with a hyphen: "sera-t-il", "elle-même".
bool IsFrenchHyphenatedClitic(std::string_view folded) {
  static constexpr std::array<std::string_view, 23> kClitics = {
      "t-il",  "t-elle", "t-on",  "t-ils", "t-elles", "il",   "ils", "elle",
      "elles", "on",     "je",    "tu",    "nous",    "vous", "ce",  "ci",
      "là",    "même",   "mêmes", "moi",   "toi",     "lui",  "eux"};
  for (std::string_view clitic : kClitics) {
    if (folded == clitic) return true;
  }
  return false;
}

bool IsVowel(int c) {
  switch (c) {
    case 'a':
    case 'e':
    case 'i':
    case 'o':
    case 'u':
    case 'y':
      return true;
    default:
      return false;
  }
}

// Dutch writes a hyphen where two vowels meet that would otherwise read as one sound
// ("toe-eigening", "zee-egel"): such a hyphen is the word's own.
bool IsDutchVowelClash(std::string_view before, std::string_view after) {
  const int last = LastCodePoint(before);
  const int first = FirstCodePoint(after);
  return IsVowel(last) && IsVowel(first);
}

bool HasUpperAfterFirst(std::string_view word) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(word.data());
  const int32_t length = static_cast<int32_t>(word.size());
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(bytes, i, length, c);
  while (i < length) {
    U8_NEXT(bytes, i, length, c);
    if (c > 0 && u_isupper(c)) return true;
  }
  return false;
}

}  // namespace

HyphenRepair::HyphenRepair(const std::unordered_set<std::string>* vocabulary)
    : vocabulary_(vocabulary) {}

bool HyphenRepair::EndsWithHyphen(std::string_view line) {
  line = TrimSpaces(line);
  if (line.size() < 2) return false;
  std::size_t width = 0;
  if (line.back() == '-') width = 1;
  if (line.ends_with(kSoftHyphen)) width = kSoftHyphen.size();
  if (line.ends_with(kUnicodeHyphen)) width = kUnicodeHyphen.size();
  if (width == 0) return false;
  // A hyphen standing alone ("... onderdelen -") is a dash, not a split word.
  const std::string_view before = line.substr(0, line.size() - width);
  return !before.empty() && before.back() != ' ';
}

bool HyphenRepair::Seen(std::string_view word) const {
  return vocabulary_ != nullptr && vocabulary_->count(FoldCase(word)) > 0;
}

HyphenRepair::Decision HyphenRepair::Decide(std::string_view before, std::string_view after,
                                            Language language) const {
  const std::string after_folded = FoldCase(after);
  if (IsConjunction(after_folded)) return Decision::kKeepWithSpace;
  // Acronyms, numbers, names and quoted words keep their hyphen: "IT-uitgaven", "2019-2024",
  // "'Paradigm'-ordonnantie", "WePulse-programma".
  if (!StartsLower(before.substr(before.size() - U8_LENGTH(LastCodePoint(before)))) ||
      !StartsLower(after) || HasUpperAfterFirst(before)) {
    return Decision::kKeep;
  }
  if (IsFrenchHyphenatedClitic(after_folded)) return Decision::kKeep;

  const std::string hyphenated = std::string(before) + "-" + std::string(after);
  const std::string closed = std::string(before) + std::string(after);
  if (Seen(hyphenated)) return Decision::kKeep;
  if (Seen(closed)) return Decision::kRemove;

  const WordList& words = WordList::ForLanguage(language);
  if (words.Contains(closed)) return Decision::kRemove;
  if (words.Contains(hyphenated)) return Decision::kKeep;
  const LanguageProfile* profile = ProfileOf(language);
  switch (profile != nullptr ? profile->line_break_hyphens : LineBreakHyphens::kClosed) {
    case LineBreakHyphens::kClosedUnlessVowelsClash:
      return IsDutchVowelClash(before, after) ? Decision::kKeep : Decision::kRemove;
    case LineBreakHyphens::kKeptBetweenWords:
      // Pieces that are not both words are syllables of one word.
      return words.Contains(before) && words.Contains(after) ? Decision::kKeep : Decision::kRemove;
    case LineBreakHyphens::kClosed:
      break;
  }
  return Decision::kRemove;
}

std::string HyphenRepair::Join(std::string_view left, std::string_view right,
                               Language language) const {
  left = TrimSpaces(left);
  right = TrimSpaces(right);
  // A soft hyphen only ever marks where a word may be split.
  if (left.ends_with(kSoftHyphen)) {
    return std::string(left.substr(0, left.size() - kSoftHyphen.size())) + std::string(right);
  }
  const std::size_t hyphen_width = left.ends_with(kUnicodeHyphen) ? kUnicodeHyphen.size() : 1;
  const std::string_view stem = left.substr(0, left.size() - hyphen_width);

  // The fragments on either side of the hyphen, without surrounding punctuation.
  const std::size_t space = stem.rfind(' ');
  const std::string_view before_chunk =
      space == std::string_view::npos ? stem : stem.substr(space + 1);
  const std::size_t right_space = right.find(' ');
  const std::string_view after_chunk =
      right_space == std::string_view::npos ? right : right.substr(0, right_space);
  const std::string_view before = before_chunk;
  const std::string_view after = StripPunctuation(after_chunk);
  if (before.empty() || after.empty()) return std::string(left) + " " + std::string(right);

  switch (Decide(before, after, language)) {
    case Decision::kRemove:
      return std::string(stem) + std::string(right);
    case Decision::kKeep:
      return std::string(left) + std::string(right);
    case Decision::kKeepWithSpace:
      return std::string(left) + " " + std::string(right);
  }
  return std::string(left) + std::string(right);
}

}  // namespace parlsearch
