#include "parlsearch/stemming/normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cctype>

#include "parlsearch/error.h"

namespace parlsearch {
namespace {

const icu::Normalizer2& Instance(const icu::Normalizer2* (*get)(UErrorCode&)) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = get(status);
  if (U_FAILURE(status) || normalizer == nullptr) {
    throw Error(std::string("ICU normaliser unavailable: ") + u_errorName(status));
  }
  return *normalizer;
}

const icu::Normalizer2& Nfkc() { return Instance(&icu::Normalizer2::getNFKCInstance); }
const icu::Normalizer2& NfkcCasefold() {
  return Instance(&icu::Normalizer2::getNFKCCasefoldInstance);
}
const icu::Normalizer2& Nfd() { return Instance(&icu::Normalizer2::getNFDInstance); }
const icu::Normalizer2& Nfc() { return Instance(&icu::Normalizer2::getNFCInstance); }

icu::UnicodeString Apply(const icu::Normalizer2& normalizer, const icu::UnicodeString& text) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString result = normalizer.normalize(text, status);
  if (U_FAILURE(status))
    throw Error(std::string("ICU normalisation failed: ") + u_errorName(status));
  return result;
}

std::string ToUtf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

icu::UnicodeString FromUtf8(std::string_view text) {
  return icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
}

// Apostrophe-like characters that people and word processors use interchangeably.
bool IsApostrophe(UChar32 c) { return c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x00B4; }

// Letters that carry no decomposition in Unicode but that readers treat as letter pairs or bare
// letters when typing without accents.
const char16_t* Expansion(UChar32 c) {
  switch (c) {
    case 0x0153:
      return u"oe";  // œ
    case 0x0152:
      return u"OE";  // Œ
    case 0x00E6:
      return u"ae";  // æ
    case 0x00C6:
      return u"AE";  // Æ
    case 0x00F8:
      return u"o";  // ø
    case 0x00D8:
      return u"O";  // Ø
    case 0x0111:
      return u"d";  // đ
    case 0x0110:
      return u"D";  // Đ
    case 0x0142:
      return u"l";  // ł
    case 0x0141:
      return u"L";  // Ł
    case 0x00DF:
      return u"ss";  // ß
    default:
      return nullptr;
  }
}

// Fast paths. Dutch and French text is ASCII, Latin-1 letters and a few typographic marks; for
// those the folds are simple table lookups, and going through ICU (conversion to UTF-16,
// normalisation, conversion back) would cost more than all the rest of the analysis. Any other
// character sends the whole string down the ICU path, which the results here must equal.

// Decodes the code point at `*i`, advancing it; -1 for an invalid sequence.
int32_t NextCodePoint(std::string_view text, int32_t* i) {
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), *i, static_cast<int32_t>(text.size()), c);
  return c;
}

// Punctuation that both folds leave alone (apostrophes aside, which FoldCase unifies).
bool IsPlainMark(int32_t c) {
  switch (c) {
    case 0x00AB:  // «
    case 0x00BB:  // »
    case 0x00B0:  // °
    case 0x00D7:  // ×
    case 0x00F7:  // ÷
    case 0x2013:  // –
    case 0x2014:  // —
    case 0x201C:  // “
    case 0x201D:  // ”
    case 0x2022:  // •
    case 0x2212:  // −
    case 0x20AC:  // €
      return true;
    default:
      return false;
  }
}

void AppendUtf8(int32_t c, std::string* out) {
  uint8_t buffer[U8_MAX_LENGTH];
  int32_t length = 0;
  U8_APPEND_UNSAFE(buffer, length, c);
  out->append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(length));
}

bool FastFoldCase(std::string_view text, std::string* out) {
  out->clear();
  out->reserve(text.size());
  for (int32_t i = 0; i < static_cast<int32_t>(text.size());) {
    const int32_t c = NextCodePoint(text, &i);
    if (c < 0) return false;
    if (c < 0x80) {
      out->push_back(static_cast<char>(std::tolower(c)));
    } else if (c == 0x00DF) {
      out->append("ss");
    } else if (c >= 0x00C0 && c <= 0x00DE && c != 0x00D7) {
      AppendUtf8(c + 0x20, out);
    } else if ((c >= 0x00E0 && c <= 0x00FF) || c == 0x0153 || IsPlainMark(c)) {
      AppendUtf8(c, out);
    } else if (c == 0x0152) {
      AppendUtf8(0x0153, out);
    } else if (c == 0x2018 || c == 0x2019) {
      out->push_back('\'');
    } else {
      return false;
    }
  }
  return true;
}

// The base letter of a Latin-1 letter with a diacritic, or 0 if it has none (Ð, Þ, ×, ÷).
char LatinBase(int32_t c) {
  static constexpr char kUpper[] =
      "AAAAAA"
      "\0"
      "CEEEEIIII"
      "\0"
      "NOOOOO"
      "\0"
      "O"
      "UUUUY";
  static constexpr char kLower[] =
      "aaaaaa"
      "\0"
      "ceeeeiiii"
      "\0"
      "nooooo"
      "\0"
      "o"
      "uuuuy";
  if (c >= 0x00C0 && c <= 0x00DD) return kUpper[c - 0x00C0];
  if (c >= 0x00E0 && c <= 0x00FD) return kLower[c - 0x00E0];
  if (c == 0x00FF) return 'y';
  return 0;
}

bool FastFoldAccents(std::string_view text, std::string* out) {
  out->clear();
  out->reserve(text.size());
  for (int32_t i = 0; i < static_cast<int32_t>(text.size());) {
    const int32_t start = i;
    const int32_t c = NextCodePoint(text, &i);
    if (c < 0) return false;
    if (c < 0x80 || IsPlainMark(c) || c == 0x2018 || c == 0x2019) {
      out->append(text.substr(start, i - start));
    } else if (const char16_t* expansion = Expansion(c)) {
      for (const char16_t* letter = expansion; *letter != 0; ++letter) {
        out->push_back(static_cast<char>(*letter));
      }
    } else if (const char base = LatinBase(c)) {
      out->push_back(base);
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace

std::optional<std::size_t> FindInvalidUtf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return static_cast<std::size_t>(start);
  }
  return std::nullopt;
}

bool IsAscii(std::string_view text) {
  for (unsigned char c : text) {
    if (c >= 0x80) return false;
  }
  return true;
}

std::string NormalizeNfkc(std::string_view text) {
  if (IsAscii(text)) return std::string(text);
  return ToUtf8(Apply(Nfkc(), FromUtf8(text)));
}

std::string FoldCase(std::string_view text) {
  if (IsAscii(text)) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  }
  std::string fast;
  if (FastFoldCase(text, &fast)) return fast;
  icu::UnicodeString folded = Apply(NfkcCasefold(), FromUtf8(text));
  for (int32_t i = 0; i < folded.length(); ++i) {
    if (IsApostrophe(folded.charAt(i))) folded.setCharAt(i, u'\'');
  }
  return ToUtf8(folded);
}

std::string FoldAccents(std::string_view text) {
  if (IsAscii(text)) return std::string(text);
  std::string fast;
  if (FastFoldAccents(text, &fast)) return fast;
  const icu::UnicodeString decomposed = Apply(Nfd(), FromUtf8(text));
  icu::UnicodeString stripped;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (const char16_t* expansion = Expansion(c)) {
      stripped.append(icu::UnicodeString(expansion));
    } else {
      stripped.append(c);
    }
  }
  return ToUtf8(Apply(Nfc(), stripped));
}

std::string FoldForMatching(std::string_view text) { return FoldAccents(FoldCase(text)); }

}  // namespace parlsearch
