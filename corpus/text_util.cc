#include "text_util.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace parlsearch {
namespace {

bool IsSpaceAt(std::string_view text, std::size_t i, std::size_t* width) {
  const unsigned char c = static_cast<unsigned char>(text[i]);
  if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
    *width = 1;
    return true;
  }
  // U+00A0 no-break space, U+202F narrow no-break space, U+2009 thin space.
  if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
    *width = 2;
    return true;
  }
  if (c == 0xE2 && i + 2 < text.size()) {
    const unsigned char b1 = static_cast<unsigned char>(text[i + 1]);
    const unsigned char b2 = static_cast<unsigned char>(text[i + 2]);
    if (b1 == 0x80 && (b2 == 0xAF || b2 == 0x89 || b2 == 0x8A || b2 == 0xA8)) {
      *width = 3;
      return true;
    }
  }
  return false;
}

// Opening and closing punctuation that may wrap a word.
bool IsWrapper(UChar32 c) { return u_ispunct(c) || c == 0x00AB || c == 0x00BB; }

}  // namespace

std::string_view TrimSpaces(std::string_view text) {
  std::size_t begin = 0;
  std::size_t width = 0;
  while (begin < text.size() && IsSpaceAt(text, begin, &width)) begin += width;
  std::size_t end = text.size();
  while (end > begin) {
    // Step back over one code point and test it.
    std::size_t start = end - 1;
    while (start > begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    if (!IsSpaceAt(text, start, &width)) break;
    end = start;
  }
  return text.substr(begin, end - begin);
}

std::string CollapseSpaces(std::string_view text) {
  text = TrimSpaces(text);
  std::string out;
  out.reserve(text.size());
  bool in_space = false;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t width = 0;
    if (IsSpaceAt(text, i, &width)) {
      in_space = true;
      i += width;
      continue;
    }
    if (in_space) out.push_back(' ');
    in_space = false;
    out.push_back(text[i]);
    ++i;
  }
  return out;
}

std::vector<std::string_view> SplitWords(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    const std::size_t start = i;
    while (i < text.size() && text[i] != ' ') ++i;
    if (i > start) words.push_back(text.substr(start, i - start));
  }
  return words;
}

int FirstCodePoint(std::string_view text) {
  if (text.empty()) return -1;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(text.size()), c);
  return c;
}

int LastCodePoint(std::string_view text) {
  if (text.empty()) return -1;
  int32_t i = static_cast<int32_t>(text.size());
  UChar32 c;
  U8_PREV(reinterpret_cast<const uint8_t*>(text.data()), 0, i, c);
  return c;
}

std::string_view StripPunctuation(std::string_view word) {
  while (!word.empty()) {
    const int c = FirstCodePoint(word);
    if (c < 0 || !IsWrapper(c)) break;
    word.remove_prefix(U8_LENGTH(c));
  }
  while (!word.empty()) {
    const int c = LastCodePoint(word);
    if (c < 0 || !IsWrapper(c)) break;
    word.remove_suffix(U8_LENGTH(c));
  }
  return word;
}

bool StartsUpper(std::string_view word) {
  const int c = FirstCodePoint(StripPunctuation(word));
  return c > 0 && u_isupper(c);
}

bool StartsLower(std::string_view word) {
  const int c = FirstCodePoint(StripPunctuation(word));
  return c > 0 && u_islower(c);
}

bool IsAllCaps(std::string_view word) {
  int letters = 0;
  const auto* bytes = reinterpret_cast<const uint8_t*>(word.data());
  const int32_t length = static_cast<int32_t>(word.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return false;
    if (u_islower(c)) return false;
    if (u_isupper(c)) ++letters;
  }
  return letters >= 2;
}

bool EndsClause(std::string_view text) {
  text = TrimSpaces(text);
  while (!text.empty()) {
    const int c = LastCodePoint(text);
    // Closing quotes and brackets: look at what they close.
    if (c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x00BB || c == 0x201D ||
        c == 0x2019) {
      text.remove_suffix(U8_LENGTH(c));
      text = TrimSpaces(text);
      continue;
    }
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == 0x2026;
  }
  return false;
}

std::string TitleCaseAllCaps(std::string_view name) {
  std::string out;
  for (std::string_view word : SplitWords(name)) {
    if (!out.empty()) out.push_back(' ');
    if (!IsAllCaps(word)) {
      out.append(word);
      continue;
    }
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
    icu::UnicodeString head = text.tempSubString(0, 1);
    icu::UnicodeString tail = text.tempSubString(1);
    tail.toLower(icu::Locale::getRoot());
    // Keep capitals after a hyphen or apostrophe: "DE-WIT" -> "De-Wit".
    for (int32_t i = 1; i < tail.length(); ++i) {
      if (tail.charAt(i - 1) == u'-' || tail.charAt(i - 1) == u'\'') {
        tail.replace(i, 1, icu::UnicodeString(tail.charAt(i)).toUpper(icu::Locale::getRoot()));
      }
    }
    (head + tail).toUTF8String(out);
  }
  return out;
}

bool IsCalendarDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  auto number = [&](std::size_t start, std::size_t length) {
    int value = 0;
    for (std::size_t i = start; i < start + length; ++i) value = value * 10 + (text[i] - '0');
    return value;
  };
  const int year = number(0, 4);
  const int month = number(5, 2);
  const int day = number(8, 2);
  if (month < 1 || month > 12 || day < 1) return false;
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

}  // namespace parlsearch
