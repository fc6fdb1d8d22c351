#include "hit_printer.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "parlsearch/schema/fields.h"
#include "parlsearch/searcher/search_request.h"

namespace parlsearch::cli {
namespace {

constexpr const char* kMarkOn = "\033[1;33m";
constexpr const char* kBoldOn = "\033[1m";
constexpr const char* kDimOn = "\033[2m";
constexpr const char* kOff = "\033[0m";

// A word of a snippet and whether it is (partly) marked.
struct Word {
  std::string text;
  std::vector<std::pair<std::size_t, std::size_t>> marks;  // ranges within text
};

// `text` safe to print on a terminal: indexed text may hold control characters (ESC, BEL, C1
// controls) that would move the cursor, recolour or retitle the terminal; they are shown as
// escapes ("\x1b", "\u009b"), white space as a space.
std::string Printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  char escape[8];
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\t' || c == '\n' || c == '\r') {
      out.push_back(' ');
    } else if (c < 0x20 || c == 0x7f) {
      std::snprintf(escape, sizeof escape, "\\x%02x", c);
      out += escape;
    } else if (c == 0xc2 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9f) {
      std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned char>(text[++i]));
      out += escape;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

std::size_t Columns(std::string_view text) {
  std::size_t columns = 0;
  for (char c : text) columns += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return columns;
}

std::vector<Word> Words(const Snippet& snippet) {
  std::vector<Word> words;
  std::size_t start = 0;
  const std::string& text = snippet.text;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) {
      Word word;
      word.text = text.substr(start, end - start);
      for (const auto& [from, to] : snippet.marks) {
        if (to <= start || from >= end) continue;
        word.marks.emplace_back(std::max(from, start) - start, std::min(to, end) - start);
      }
      words.push_back(std::move(word));
    }
    start = end + 1;
  }
  return words;
}

std::string Render(const Word& word, bool color) {
  if (!color || word.marks.empty()) return Printable(word.text);
  std::string out;
  std::size_t position = 0;
  for (const auto& [from, to] : word.marks) {
    out += Printable(word.text.substr(position, from - position));
    out += kMarkOn + Printable(word.text.substr(from, to - from)) + kOff;
    position = to;
  }
  return out + Printable(word.text.substr(position));
}

// The snippet wrapped to `width` columns: each line rendered, with its width in columns.
std::vector<std::pair<std::string, std::size_t>> Wrap(const Snippet& snippet, std::size_t width,
                                                      bool color) {
  std::vector<std::pair<std::string, std::size_t>> lines;
  std::string line;
  std::size_t columns = 0;
  for (const Word& word : Words(snippet)) {
    const std::size_t length = Columns(Printable(word.text));
    if (columns > 0 && columns + 1 + length > width) {
      lines.emplace_back(line, columns);
      line.clear();
      columns = 0;
    }
    if (columns > 0) {
      line.push_back(' ');
      ++columns;
    }
    line += Render(word, color);
    columns += length;
  }
  if (columns > 0) lines.emplace_back(line, columns);
  return lines;
}

std::string Code(Language language) { return std::string(LanguageCode(language)); }

std::string Who(const Paragraph& paragraph) {
  if (paragraph.speaker.empty()) return "";
  std::string who = paragraph.speaker;
  std::string detail = paragraph.party;
  if (!paragraph.role.empty() && paragraph.role != "member") {
    detail += (detail.empty() ? "" : ", ") + paragraph.role;
  }
  return Printable(detail.empty() ? who : who + " (" + detail + ")");
}

void PrintStacked(const Hit& hit, const PrintOptions& options, std::ostream& out) {
  const std::size_t width = static_cast<std::size_t>(std::max(40, options.width - 9));
  auto side = [&](const HitSide& side) {
    bool first = true;
    for (const auto& [line, columns] : Wrap(side.snippet, width, options.color)) {
      out << "    " << (first ? Code(side.paragraph.lang) : "  ") << " │ " << line << '\n';
      first = false;
    }
  };
  side(hit.matched);
  if (hit.translation) side(*hit.translation);
}

void PrintSideBySide(const Hit& hit, const PrintOptions& options, std::ostream& out) {
  const std::size_t width = static_cast<std::size_t>((options.width - 10) / 2);
  const auto left = Wrap(hit.matched.snippet, width, options.color);
  const auto right = hit.translation ? Wrap(hit.translation->snippet, width, options.color)
                                     : std::vector<std::pair<std::string, std::size_t>>();
  out << "    " << Code(hit.matched.paragraph.lang) << std::string(width - 1, ' ')
      << (hit.translation ? Code(hit.translation->paragraph.lang) : "") << '\n';
  for (std::size_t i = 0; i < std::max(left.size(), right.size()); ++i) {
    out << "    ";
    std::size_t used = 0;
    if (i < left.size()) {
      out << left[i].first;
      used = left[i].second;
    }
    if (i < right.size()) out << std::string(width + 2 - used, ' ') << "│ " << right[i].first;
    out << '\n';
  }
}

// `text` padded with spaces to `width` columns, on the left if `right`.
std::string Padded(const std::string& text, std::size_t width, bool right) {
  const std::size_t columns = Columns(text);
  const std::string padding(width > columns ? width - columns : 0, ' ');
  return right ? padding + text : text + padding;
}

// The byte where the first `columns` columns of `text` end.
std::size_t ColumnsEnd(std::string_view text, std::size_t columns) {
  std::size_t counted = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && counted++ == columns) return i;
  }
  return text.size();
}

// `text` on one line: white space runs as one space.
std::string OneLine(std::string_view text) {
  std::string line;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (space && (line.empty() || line.back() == ' ')) continue;
    line.push_back(space ? ' ' : c);
  }
  return line;
}

// A concordance line of each mark of `side`: the left context right-aligned in `context`
// columns, the marked word, the right context cut at `context` columns, then `where`.
// A concordance's context is cut between words when a word boundary is this close to the width.
constexpr std::size_t kWordCutSlack = 12;

void PrintConcordanceLines(const HitSide& side, const std::string& where, std::size_t context,
                           const char* mark, const char* dim, const char* off, std::ostream& out) {
  const std::string& text = side.snippet.text;
  for (const auto& [begin, end] : side.snippet.marks) {
    std::string left = Printable(OneLine(text.substr(0, begin)));
    while (!left.empty() && left.back() == ' ') left.pop_back();
    const std::size_t left_columns = Columns(left);
    if (left_columns > context) {
      // At most the last context - 1 columns, from a word's start, after an ellipsis.
      std::size_t cut = ColumnsEnd(left, left_columns - context + 1);
      const std::size_t space = left.find(' ', cut);
      if (space != std::string::npos && space - cut <= kWordCutSlack) cut = space + 1;
      left = "…" + left.substr(cut);
    }
    std::string right = Printable(OneLine(text.substr(end)));
    if (!right.empty() && right.front() == ' ') right.erase(0, 1);
    if (Columns(right) > context) {
      // At most context - 1 columns, to a word's end, then an ellipsis.
      std::size_t cut = ColumnsEnd(right, context - 1);
      const std::size_t space = right.rfind(' ', cut);
      if (space != std::string::npos && cut - space <= kWordCutSlack) cut = space;
      right = right.substr(0, cut) + "…";
    }
    const std::string word = Printable(OneLine(text.substr(begin, end - begin)));
    out << Padded(left, context, true) << ' ' << mark << word << off << ' ' << right;
    out << std::string(context > Columns(right) ? context - Columns(right) : 0, ' ');
    out << "  " << dim << where << off << '\n';
  }
}

// A crossed facet as a table: a row per value of the first facet, a column per value of the
// second (in date order for dates, else most hits first), a cell's hits or "·" for none.
void PrintCrossedFacet(const std::string& name, const std::vector<FacetRow>& rows, const char* bold,
                       const char* dim, const char* off, std::ostream& out) {
  const auto names = SplitCrossedFacet(name);
  if (!names) return;
  std::map<std::string, std::uint64_t> totals;
  for (const FacetRow& row : rows) {
    for (const FacetValue& value : row.values) totals[value.value] += value.count;
  }
  std::vector<std::string> columns;
  for (const auto& [value, total] : totals) columns.push_back(value);
  const schema::Field* second = schema::FindField(names->second);
  if (second == nullptr || !second->chronological) {
    std::stable_sort(columns.begin(), columns.end(),
                     [&](const auto& a, const auto& b) { return totals[a] > totals[b]; });
  }
  constexpr std::size_t kMaxLabel = 28;
  std::size_t label_width = Columns(name);
  for (const FacetRow& row : rows) {
    label_width = std::max(label_width, std::min(kMaxLabel, Columns(Printable(row.value))));
  }
  std::vector<std::size_t> widths;
  for (const std::string& column : columns) {
    widths.push_back(std::max(Columns(Printable(column)), std::to_string(totals[column]).size()));
  }
  out << '\n' << bold << Padded(name, label_width, false) << off;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    out << "  " << bold << Padded(Printable(columns[c]), widths[c], true) << off;
  }
  out << '\n';
  for (const FacetRow& row : rows) {
    std::string label = Printable(row.value);
    if (Columns(label) > kMaxLabel) label = label.substr(0, ColumnsEnd(label, kMaxLabel - 1)) + "…";
    out << Padded(label, label_width, false);
    std::map<std::string_view, std::uint64_t> cells;
    for (const FacetValue& value : row.values) cells[value.value] = value.count;
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const auto cell = cells.find(columns[c]);
      out << "  ";
      if (cell == cells.end()) {
        out << dim << Padded("·", widths[c], true) << off;
      } else {
        out << Padded(std::to_string(cell->second), widths[c], true);
      }
    }
    out << '\n';
  }
}

}  // namespace

void PrintResult(const SearchResult& result, const PrintOptions& options, std::ostream& out) {
  const char* bold = options.color ? kBoldOn : "";
  const char* dim = options.color ? kDimOn : "";
  const char* off = options.color ? kOff : "";
  if (!result.suggestion.empty()) {
    out << "Did you mean: " << bold << Printable(result.suggestion) << off << " ?\n";
  }
  const std::string& searched = result.corrected.empty() ? result.query : result.corrected;
  out << bold << (result.total_exact ? "" : "about ") << result.total
      << (result.total == 1 ? " hit" : " hits") << off << " for \"" << Printable(searched) << "\"";
  if (!result.corrected.empty()) {
    out << " (nothing for \"" << Printable(result.query) << "\"; --exact searches it as typed)";
  }
  if (!result.hits.empty()) {
    out << ", " << result.offset + 1 << "–" << result.offset + result.hits.size();
  }
  out << '\n';
  if (result.match == "any" && result.total > 0) {
    out << dim << "No paragraph has all the words; these have some of them." << off << '\n';
  }
  for (const auto& [word, translations] : result.expanded) {
    out << dim << "  " << Printable(word) << " also searched as:";
    for (const std::string& translation : translations) out << ' ' << Printable(translation);
    const auto weight = result.expansion_weights.find(word);
    if (weight != result.expansion_weights.end()) {
      char shown[32];
      std::snprintf(shown, sizeof shown, " (weight %.2f)", weight->second);
      out << shown;
    }
    out << off << '\n';
  }
  if (!result.related.empty()) {
    out << dim << "  ranked higher with words of translated paragraphs like it:";
    std::vector<std::pair<double, std::string>> heaviest;
    for (const auto& [word, weight] : result.related) heaviest.emplace_back(-weight, word);
    std::sort(heaviest.begin(), heaviest.end());
    for (const auto& [weight, word] : heaviest) out << ' ' << Printable(word);
    out << off << '\n';
  }

  if (options.concordance) {
    // A line per marked word, the words in one column; the place after the right context.
    const std::size_t context = static_cast<std::size_t>(std::max(20, (options.width - 44) / 2));
    const char* mark = options.color ? kMarkOn : "";
    if (!result.hits.empty()) out << '\n';
    for (const Hit& hit : result.hits) {
      for (const HitSide* side : {&hit.matched, hit.translation ? &*hit.translation : nullptr}) {
        if (side == nullptr) continue;
        const Paragraph& p = side->paragraph;
        std::string where = Printable(p.doc);
        if (p.page > 0) where += " p. " + std::to_string(p.page);
        where += " " + Code(p.lang);
        if (!p.party.empty()) where += " · " + Printable(p.party);
        PrintConcordanceLines(*side, where, context, mark, dim, off, out);
      }
    }
  }
  int rank = result.offset;
  // The hits themselves, unless the concordance stands for them.
  const std::size_t shown = options.concordance ? 0 : result.hits.size();
  for (std::size_t i = 0; i < shown; ++i) {
    const Hit& hit = result.hits[i];
    const Paragraph& p = hit.matched.paragraph;
    char score[32];
    std::snprintf(score, sizeof score, "%.2f", hit.score);
    out << '\n' << bold << ++rank << ". " << Printable(p.doc) << off;
    if (p.page > 0) out << " · p. " << p.page;
    if (!p.section.empty()) out << " · " << Printable(p.section);
    if (!p.date.empty()) out << " · " << Printable(p.date);
    out << dim << " · score " << score << off << '\n';
    const std::string who = Who(p);
    if (!who.empty()) out << "    " << bold << who << off << '\n';
    if (options.width >= kSideBySideWidth && hit.translation) {
      PrintSideBySide(hit, options, out);
    } else {
      PrintStacked(hit, options, out);
    }
  }

  for (const auto& [name, values] : result.facets) {
    out << '\n' << bold << name << off << ':';
    for (const FacetValue& value : values)
      out << "  " << Printable(value.value) << ' ' << dim << value.count << off;
    out << '\n';
  }
  for (const auto& [name, rows] : result.crossed_facets)
    PrintCrossedFacet(name, rows, bold, dim, off, out);
}

}  // namespace parlsearch::cli
