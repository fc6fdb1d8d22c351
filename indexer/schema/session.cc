#include "parlsearch/schema/session.h"

#include <cctype>

namespace parlsearch::schema {
namespace {

bool IsDigit(std::string_view text, std::size_t i) {
  return i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) != 0;
}

// The year of four digits at `start`, not part of a longer number; -1 if there is none.
int YearAt(std::string_view text, std::size_t start) {
  if (start > 0 && IsDigit(text, start - 1)) return -1;
  if (IsDigit(text, start + 4)) return -1;
  int year = 0;
  for (std::size_t i = start; i < start + 4; ++i) {
    if (!IsDigit(text, i)) return -1;
    year = year * 10 + (text[i] - '0');
  }
  return year;
}

}  // namespace

std::string SessionOf(std::string_view document) {
  // "YYYY/YYYY" is 9 characters; the last one in the id wins (a document number never has 4
  // digits on both sides of a slash and consecutive years).
  for (std::size_t start = document.size() < 9 ? 0 : document.size() - 9 + 1; start-- > 0;) {
    const char separator = document[start + 4];
    if (separator != '/' && separator != '-') continue;
    const int first = YearAt(document, start);
    const int second = YearAt(document, start + 5);
    if (first >= 0 && second == first + 1) {
      std::string session(document.substr(start, 4));
      session.push_back('/');
      session.append(document.substr(start + 5, 4));
      return session;
    }
  }
  return "";
}

}  // namespace parlsearch::schema
