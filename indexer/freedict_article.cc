#include "freedict_article.h"

#include <algorithm>
#include <cctype>

namespace parlsearch {
namespace {

std::string_view Trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return text;
}

// "2. kruisen" -> "kruisen".
std::string_view WithoutSenseNumber(std::string_view line) {
  std::size_t digits = 0;
  while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
  if (digits > 0 && digits < line.size() && line[digits] == '.') return line.substr(digits + 1);
  return line;
}

// The text without the notes in (round) or [square] brackets.
std::string WithoutNotes(std::string_view line) {
  std::string text;
  int depth = 0;
  for (char c : line) {
    if (c == '(' || c == '[') {
      ++depth;
    } else if ((c == ')' || c == ']') && depth > 0) {
      --depth;
    } else if (depth == 0) {
      text.push_back(c);
    }
  }
  return text;
}

}  // namespace

FreeDictArticle ParseFreeDictArticle(std::string_view definition) {
  FreeDictArticle article;
  bool first = true;
  std::size_t start = 0;
  while (start < definition.size()) {
    std::size_t end = definition.find('\n', start);
    if (end == std::string_view::npos) end = definition.size();
    const std::string_view line = definition.substr(start, end - start);
    start = end + 1;
    if (first) {
      first = false;
      const std::size_t pronunciation = line.find(" /");
      article.headword = Trim(line.substr(0, pronunciation));
      continue;
    }
    const std::string text = WithoutNotes(WithoutSenseNumber(Trim(line)));
    std::size_t from = 0;
    while (from <= text.size()) {
      std::size_t to = text.find_first_of(",;", from);
      if (to == std::string::npos) to = text.size();
      const std::string translation(Trim(std::string_view(text).substr(from, to - from)));
      from = to + 1;
      if (translation.empty() || std::find(article.translations.begin(), article.translations.end(),
                                           translation) != article.translations.end()) {
        continue;
      }
      article.translations.push_back(translation);
    }
  }
  return article;
}

}  // namespace parlsearch
