#include "parlsearch/stemming/tokenizer.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "parlsearch/error.h"

namespace parlsearch {
namespace {

// Characters that join two words into one token when they stand between letters or digits with
// no space around them.
bool IsJoiner(UChar32 c) {
  switch (c) {
    case '-':
    case '/':
    case '.':
    case ',':  // decimal comma: only between digits, checked by the caller
    case '\'':
    case '&':
    case '_':
    case 0x2010:  // hyphen
    case 0x2011:  // non-breaking hyphen
    case 0x2019:  // right single quotation mark, the typographic apostrophe
      return true;
    default:
      return false;
  }
}

// UTF-16 text with, for every UTF-16 index, the byte offset in the UTF-8 input.
struct Utf16Text {
  icu::UnicodeString text;
  std::vector<std::size_t> byte_offset;  // size text.length() + 1
};

Utf16Text ToUtf16(std::string_view utf8) {
  Utf16Text result;
  result.byte_offset.reserve(utf8.size() + 1);
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = static_cast<int32_t>(utf8.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) c = 0xFFFD;
    result.text.append(c);
    for (int32_t unit = 0; unit < U16_LENGTH(c); ++unit) result.byte_offset.push_back(start);
  }
  result.byte_offset.push_back(utf8.size());
  return result;
}

struct Segment {
  int32_t begin;
  int32_t end;
  bool has_letter;
  bool has_digit;
};

Segment Classify(const icu::UnicodeString& text, int32_t begin, int32_t end) {
  Segment segment{begin, end, false, false};
  for (int32_t i = begin; i < end;) {
    const UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    if (u_isalpha(c)) segment.has_letter = true;
    if (u_isdigit(c)) segment.has_digit = true;
  }
  return segment;
}

}  // namespace

struct Tokenizer::WordBreaker {
  std::unique_ptr<icu::BreakIterator> iterator;
};

Tokenizer::Tokenizer() : words_(std::make_unique<WordBreaker>()) {
  UErrorCode status = U_ZERO_ERROR;
  words_->iterator.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status) || !words_->iterator) {
    throw Error(std::string("ICU word break iterator unavailable: ") + u_errorName(status));
  }
}

Tokenizer::~Tokenizer() = default;
Tokenizer::Tokenizer(Tokenizer&&) noexcept = default;
Tokenizer& Tokenizer::operator=(Tokenizer&&) noexcept = default;

std::vector<Token> Tokenizer::Tokenize(std::string_view text) const {
  const Utf16Text utf16 = ToUtf16(text);
  icu::BreakIterator& words = *words_->iterator;
  words.setText(utf16.text);

  // First the word segments ICU finds (letters or digits), in order.
  std::vector<Segment> segments;
  int32_t begin = words.first();
  for (int32_t end = words.next(); end != icu::BreakIterator::DONE;
       begin = end, end = words.next()) {
    Segment segment = Classify(utf16.text, begin, end);
    if (segment.has_letter || segment.has_digit) segments.push_back(segment);
  }

  // Then join neighbours separated by exactly one joiner character.
  std::vector<Token> tokens;
  for (std::size_t i = 0; i < segments.size();) {
    Segment joined = segments[i];
    std::size_t next = i + 1;
    while (next < segments.size() && segments[next].begin == joined.end + 1) {
      const UChar32 joiner = utf16.text.charAt(joined.end);
      if (!IsJoiner(joiner)) break;
      const bool digits_only = !joined.has_letter && !segments[next].has_letter;
      if (joiner == ',' && !digits_only) break;
      joined.end = segments[next].end;
      joined.has_letter |= segments[next].has_letter;
      joined.has_digit |= segments[next].has_digit;
      ++next;
    }
    const std::size_t from = utf16.byte_offset[joined.begin];
    const std::size_t to = utf16.byte_offset[joined.end];
    tokens.push_back(Token{std::string(text.substr(from, to - from)), from, joined.has_letter,
                           joined.has_digit});
    i = next;
  }
  return tokens;
}

std::vector<std::string_view> SplitJoinedToken(std::string_view token) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= token.size(); ++i) {
    const bool at_end = i == token.size();
    if (at_end || token[i] == '-' || token[i] == '/' || token[i] == '.') {
      if (i > start) parts.push_back(token.substr(start, i - start));
      start = i + 1;
    }
  }
  if (parts.empty()) parts.push_back(token);
  return parts;
}

}  // namespace parlsearch
