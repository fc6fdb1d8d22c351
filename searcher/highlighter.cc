#include "highlighter.h"

#include <algorithm>

namespace parlsearch {
namespace {

constexpr std::string_view kEllipsis = "…";

bool Marked(const AnalyzedWord& word, const QueryTerms& terms) {
  if (terms.stems.count(word.stem) || terms.words.count(word.folded)) return true;
  for (const std::string& part : word.compound_stems) {
    if (terms.stems.count(part)) return true;
  }
  return std::any_of(terms.prefixes.begin(), terms.prefixes.end(), [&](const std::string& prefix) {
    return !prefix.empty() && word.folded.starts_with(prefix);
  });
}

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Moves `position` back to the start of the word it falls in (a space or the text's start).
std::size_t WordStart(const std::string& text, std::size_t position) {
  while (position > 0 && text[position - 1] != ' ') --position;
  return position;
}

// Moves `position` forward to the end of the word it falls in.
std::size_t WordEnd(const std::string& text, std::size_t position) {
  while (position < text.size() && text[position] != ' ') ++position;
  while (position < text.size() && IsContinuationByte(text[position])) ++position;
  return position;
}

}  // namespace

const Analyzer* Highlighter::AnalyzerFor(Language language) {
  if (language == Language::kUnknown) return nullptr;
  auto& analyzer = analyzers_[language];
  if (!analyzer) analyzer = std::make_unique<Analyzer>(language);
  return analyzer.get();
}

Snippet Highlighter::Highlight(const std::string& text, Language language, const QueryTerms& terms,
                               std::size_t max_bytes) {
  std::vector<std::pair<std::size_t, std::size_t>> marks;
  if (const Analyzer* analyzer = AnalyzerFor(language)) {
    for (const AnalyzedWord& word : analyzer->Analyze(text)) {
      if (Marked(word, terms)) marks.emplace_back(word.offset, word.offset + word.length);
    }
  }
  Snippet snippet;
  if (text.size() <= max_bytes) {
    snippet.text = text;
    snippet.marks = std::move(marks);
    return snippet;
  }
  // The window of max_bytes holding the most marks, from its first mark's start to its last
  // mark's end (or the start of the text).
  std::size_t first = 0;
  std::size_t last = 0;
  std::size_t best = 0;
  for (std::size_t i = 0; i < marks.size(); ++i) {
    std::size_t count = 0;
    while (i + count < marks.size() && marks[i + count].second <= marks[i].first + max_bytes) {
      ++count;
    }
    if (count > best) {
      best = count;
      first = marks[i].first;
      last = marks[i + count - 1].second;
    }
  }
  // Some context before the first mark, no more than leaves room for the last, then whole words
  // only: every mark of the window is in the excerpt.
  const std::size_t context = std::min(max_bytes / 4, max_bytes - (last - first));
  const std::size_t begin = WordStart(text, first > context ? first - context : 0);
  const std::size_t end = WordEnd(text, std::min(text.size(), std::max(begin + max_bytes, last)));
  if (begin > 0) snippet.text = kEllipsis;
  const std::size_t shift = snippet.text.size();
  snippet.text += text.substr(begin, end - begin);
  if (end < text.size()) snippet.text += kEllipsis;
  for (const auto& [from, to] : marks) {
    if (from >= begin && to <= end)
      snippet.marks.emplace_back(from - begin + shift, to - begin + shift);
  }
  return snippet;
}

std::string SnippetToHtml(const Snippet& snippet) {
  std::string html;
  auto escape = [&html](std::string_view text) {
    for (char c : text) {
      switch (c) {
        case '<':
          html += "&lt;";
          break;
        case '>':
          html += "&gt;";
          break;
        case '&':
          html += "&amp;";
          break;
        case '"':
          html += "&quot;";
          break;
        default:
          html.push_back(c);
      }
    }
  };
  std::size_t position = 0;
  for (const auto& [from, to] : snippet.marks) {
    escape(std::string_view(snippet.text).substr(position, from - position));
    html += "<mark>";
    escape(std::string_view(snippet.text).substr(from, to - from));
    html += "</mark>";
    position = to;
  }
  escape(std::string_view(snippet.text).substr(position));
  return html;
}

}  // namespace parlsearch
