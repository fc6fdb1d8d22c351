#include "page_splitter.h"

#include <regex>

#include "text_util.h"

namespace parlsearch {
namespace {

struct RawLine {
  std::string_view text;
  int number;
};

std::vector<RawLine> SplitLines(std::string_view text) {
  std::vector<RawLine> lines;
  int number = 1;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (end < text.size() || !line.empty()) lines.push_back({line, number});
    ++number;
    start = end + 1;
  }
  return lines;
}

bool IsEmpty(std::string_view line) { return line.empty(); }

// A line holding only spaces: the extraction's paragraph separator. (An empty line is the
// extraction's line spacing, not a separator.)
bool IsBlank(std::string_view line) { return !line.empty() && TrimSpaces(line).empty(); }

// More than half of the content lines followed by an empty line: the extraction spaces lines,
// and a missing empty line marks a page break.
bool IsDoubleSpaced(const std::vector<RawLine>& lines) {
  int content = 0;
  int followed_by_empty = 0;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    if (IsEmpty(lines[i].text)) continue;
    ++content;
    if (IsEmpty(lines[i + 1].text)) ++followed_by_empty;
  }
  return content > 0 && followed_by_empty * 2 > content;
}

bool IsIndentedText(std::string_view line) {
  return !line.empty() && line.front() == ' ' && !IsBlank(line);
}

// In a single-spaced extraction the rhythm gives no page breaks away, but the first line of a
// page still begins with a space when the extraction indents nothing else: then an indented line
// opens a page. "Nothing else" is taken as at most one line in twenty: about one page in a
// column of fifty lines.
bool IndentMarksPages(const std::vector<RawLine>& lines) {
  int text = 0;
  int indented = 0;
  for (const RawLine& line : lines) {
    if (IsEmpty(line.text) || IsBlank(line.text)) continue;
    ++text;
    if (IsIndentedText(line.text)) ++indented;
  }
  return indented > 0 && indented * 20 <= text;
}

// A lone page number ("7", "- 7 -") printed at the top or bottom of a page.
bool IsPageNumber(std::string_view line) {
  static const std::regex kPageNumber(R"(^\s*(?:[-–]\s*)?\d{1,4}(?:\s*[-–])?\s*$)");
  return std::regex_match(line.begin(), line.end(), kPageNumber);
}

}  // namespace

int ParseRunningHeader(std::string_view line, std::string* document_id) {
  // Cheap filter first: headers name a session "2023/2024".
  if (line.find('/') == std::string_view::npos || line.size() > 160) return -1;
  static const std::string kDash = "(?:-|–|—)";
  static const std::string kNumber =
      "([A-Z]{1,3}" + kDash + "\\d+/\\d+)\\s*" + kDash + "\\s*((?:19|20)\\d{2}/(?:19|20)\\d{2})";
  static const std::regex kHeader("^\\s*(?:" + kNumber + ")?\\s*(?:" + kDash +
                                  "\\s*(\\d{1,4})\\s*" + kDash + ")?\\s*(?:" + kNumber + ")?\\s*$");
  std::match_results<std::string_view::const_iterator> match;
  if (!std::regex_match(line.begin(), line.end(), match, kHeader)) return -1;
  const bool names_document = match[1].matched || match[4].matched;
  if (!names_document) return -1;
  if (document_id != nullptr) {
    const int first = match[1].matched ? 1 : 4;
    *document_id = match[first].str() + " – " + match[first + 1].str();
  }
  return match[3].matched ? std::stoi(match[3].str()) : 0;
}

PageSplit SplitPages(std::string_view text) {
  const std::vector<RawLine> lines = SplitLines(text);
  const bool double_spaced = IsDoubleSpaced(lines);
  const bool indent_marks_pages = !double_spaced && IndentMarksPages(lines);

  PageSplit split;
  std::vector<std::pair<int, int>> printed_numbers;  // (page index, printed number)
  split.pages.emplace_back();
  bool page_has_text = false;
  auto start_page = [&] {
    if (!page_has_text) return;
    split.pages.emplace_back();
    page_has_text = false;
  };

  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view raw = lines[i].text;
    const bool form_feed = !raw.empty() && raw.front() == '\f';
    if (form_feed) {
      start_page();
      raw.remove_prefix(1);
    }
    if (IsEmpty(raw)) continue;

    std::string header_id;
    const int printed = ParseRunningHeader(raw, &header_id);
    if (printed >= 0) {
      start_page();
      if (split.document_id.empty()) split.document_id = header_id;
      if (printed > 0) printed_numbers.emplace_back(split.pages.size() - 1, printed);
      continue;
    }

    if (double_spaced && i > 0) {
      const bool tight = !IsEmpty(lines[i - 1].text);
      const bool next_tight =
          i + 1 < lines.size() && !IsEmpty(lines[i + 1].text) && !IsBlank(lines[i + 1].text);
      if ((tight && IsIndentedText(raw)) || (IsBlank(raw) && next_tight)) start_page();
    } else if (indent_marks_pages && IsIndentedText(raw)) {
      start_page();
    }

    SourceLine line;
    line.number = lines[i].number;
    line.separator = IsBlank(raw);
    if (!line.separator) {
      line.text = CollapseSpaces(raw);
      page_has_text = true;
    }
    split.pages.back().lines.push_back(std::move(line));
  }

  // Number pages by the headers where they print numbers, counting on from there.
  const int offset =
      printed_numbers.empty() ? 1 : printed_numbers.front().second - printed_numbers.front().first;
  for (std::size_t i = 0; i < split.pages.size(); ++i) {
    split.pages[i].number = static_cast<int>(i) + offset;
  }

  // Lone page numbers at the top or bottom of a page are furniture, like headers; separators
  // there separate nothing.
  auto is_furniture = [](const SourceLine& line) {
    return line.separator || IsPageNumber(line.text);
  };
  for (Page& page : split.pages) {
    while (!page.lines.empty() && is_furniture(page.lines.back())) page.lines.pop_back();
    while (!page.lines.empty() && is_furniture(page.lines.front())) {
      page.lines.erase(page.lines.begin());
    }
  }
  std::erase_if(split.pages, [](const Page& page) { return page.lines.empty(); });
  return split;
}

}  // namespace parlsearch
