#include "pdf_layout.h"

#include <algorithm>
#include <cmath>

#include "page_splitter.h"
#include "paragraph_builder.h"
#include "parlsearch/stemming/language_identifier.h"
#include "text_util.h"

namespace parlsearch {
namespace {

// Running headers and page numbers live in the top and bottom margins.
constexpr double kMarginShare = 0.08;
// Words of one line whose centres differ by less than this share of the line's height.
constexpr double kSameRowShare = 0.5;
// A horizontal gap wider than this many line heights separates the two columns.
constexpr double kGutterHeights = 1.6;
constexpr double kMinGutter = 12.0;
// A vertical gap between two lines of a column wider than this share of the line height is
// the space between paragraphs.
constexpr double kParagraphGapShare = 0.45;
// How far past the page's middle a column may reach.
constexpr double kMiddleTolerance = 0.02;

enum class Side { kLeft, kRight, kAcross };

struct Segment {
  std::string text;
  double left = 0;
  double right = 0;
  double top = 0;
  double bottom = 0;
  Side side = Side::kLeft;
};

struct Row {
  std::vector<Segment> segments;
  double top = 0;
  double bottom = 0;

  std::string Text(Side side) const {
    std::string text;
    for (const Segment& segment : segments) {
      if (segment.side != side) continue;
      if (!text.empty()) text.push_back(' ');
      text += segment.text;
    }
    return text;
  }
  std::string AllText() const {
    std::string text;
    for (const Segment& segment : segments) {
      if (!text.empty()) text.push_back(' ');
      text += segment.text;
    }
    return text;
  }
};

double Median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

// Words grouped into rows by their vertical centre, each row cut into segments at wide gaps.
std::vector<Row> Rows(std::vector<PlacedWord> words, double width) {
  std::sort(words.begin(), words.end(), [](const PlacedWord& a, const PlacedWord& b) {
    return a.top + a.bottom < b.top + b.bottom;
  });
  std::vector<std::vector<PlacedWord>> grouped;
  for (const PlacedWord& word : words) {
    const double centre = (word.top + word.bottom) / 2;
    const double height = word.bottom - word.top;
    if (!grouped.empty()) {
      const PlacedWord& last = grouped.back().back();
      const double last_centre = (last.top + last.bottom) / 2;
      if (std::abs(centre - last_centre) <
          kSameRowShare * std::max(height, last.bottom - last.top)) {
        grouped.back().push_back(word);
        continue;
      }
    }
    grouped.push_back({word});
  }

  const double middle = width / 2;
  std::vector<Row> rows;
  for (std::vector<PlacedWord>& group : grouped) {
    std::sort(group.begin(), group.end(),
              [](const PlacedWord& a, const PlacedWord& b) { return a.left < b.left; });
    Row row;
    row.top = group.front().top;
    row.bottom = group.front().bottom;
    std::vector<double> heights;
    for (const PlacedWord& word : group) heights.push_back(word.bottom - word.top);
    const double gutter = std::max(kMinGutter, kGutterHeights * Median(heights));
    for (const PlacedWord& word : group) {
      row.top = std::min(row.top, word.top);
      row.bottom = std::max(row.bottom, word.bottom);
      if (row.segments.empty() || word.left - row.segments.back().right > gutter) {
        row.segments.push_back({word.text, word.left, word.right, word.top, word.bottom});
      } else {
        Segment& segment = row.segments.back();
        segment.text += " " + word.text;
        segment.right = word.right;
        segment.top = std::min(segment.top, word.top);
        segment.bottom = std::max(segment.bottom, word.bottom);
      }
    }
    for (Segment& segment : row.segments) {
      segment.text = CollapseSpaces(segment.text);
      const double tolerance = kMiddleTolerance * width;
      segment.side = segment.right <= middle + tolerance  ? Side::kLeft
                     : segment.left >= middle - tolerance ? Side::kRight
                                                          : Side::kAcross;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

// True if the row is furniture of the margins: a running header or a lone page number.
bool IsFurniture(const Row& row, double height, std::string* document_id, int* printed_page) {
  const bool in_margin =
      row.bottom < kMarginShare * height || row.top > (1 - kMarginShare) * height;
  if (!in_margin) return false;
  const std::string text = row.AllText();
  std::string id;
  const int number = ParseRunningHeader(text, &id);
  if (number >= 0) {
    if (document_id->empty()) *document_id = id;
    if (number > 0) *printed_page = number;
    return true;
  }
  const std::string_view trimmed = TrimSpaces(text);
  return !trimmed.empty() && trimmed.find_first_not_of("0123456789-– ") == std::string_view::npos;
}

// Appends a row's segment of one side to a column, with a separator before it when a
// paragraph's space precedes it.
void AddLine(std::vector<SourceLine>& column, double* last_bottom, const Segment& segment,
             double line_height, int number) {
  if (*last_bottom >= 0 && segment.top - *last_bottom > kParagraphGapShare * line_height) {
    column.push_back({"", number, true});
  }
  column.push_back({segment.text, number, false});
  *last_bottom = segment.bottom;
}

}  // namespace

std::vector<Region> LayOutPdfPage(const std::vector<PlacedWord>& words, double width, double height,
                                  const LanguageIdentifier& identifier, std::string* document_id,
                                  int* printed_page) {
  std::vector<Row> rows = Rows(words, width);
  std::erase_if(
      rows, [&](const Row& row) { return IsFurniture(row, height, document_id, printed_page); });
  std::vector<double> heights;
  for (const Row& row : rows) heights.push_back(row.bottom - row.top);
  const double line_height = Median(heights);

  std::vector<Region> regions;
  Region columns;
  double dutch_bottom = -1;
  double french_bottom = -1;
  auto close_columns = [&] {
    if (!columns.dutch.empty() || !columns.french.empty()) regions.push_back(std::move(columns));
    columns = Region();
    dutch_bottom = -1;
    french_bottom = -1;
  };

  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Row& row = rows[i];
    const int number = static_cast<int>(i) + 1;
    const std::string left = row.Text(Side::kLeft);
    const std::string right = row.Text(Side::kRight);

    if (IsSignatureLine(row.AllText())) {
      // The signature block runs to the end of the page, each column under its titles.
      close_columns();
      Region signature;
      signature.kind = RegionKind::kSignature;
      for (std::size_t j = i; j < rows.size(); ++j) {
        const std::string dutch = rows[j].Text(Side::kLeft);
        const std::string french = rows[j].Text(Side::kRight);
        if (!dutch.empty()) signature.dutch.push_back({dutch, static_cast<int>(j) + 1, false});
        if (!french.empty()) signature.french.push_back({french, static_cast<int>(j) + 1, false});
      }
      regions.push_back(std::move(signature));
      return regions;
    }

    const std::string_view label = HeadingLabel(left);
    if (!label.empty() && HeadingLabel(right) == label) {
      // A section heading across both columns; its titles may run over a few tight rows.
      close_columns();
      Region band;
      band.kind = RegionKind::kHeadingBand;
      band.dutch.push_back({left, number, false});
      band.french.push_back({right, number, false});
      while (i + 1 < rows.size() &&
             rows[i + 1].top - rows[i].bottom < kParagraphGapShare * line_height) {
        ++i;
        const std::string dutch = rows[i].Text(Side::kLeft);
        const std::string french = rows[i].Text(Side::kRight);
        if (!dutch.empty()) band.dutch.push_back({dutch, static_cast<int>(i) + 1, false});
        if (!french.empty()) band.french.push_back({french, static_cast<int>(i) + 1, false});
      }
      regions.push_back(std::move(band));
      continue;
    }

    for (const Segment& segment : row.segments) {
      Side side = segment.side;
      // A line across the middle belongs to the column whose language it reads as.
      if (side == Side::kAcross) {
        side = identifier.DutchOverFrench(segment.text) >= 0 ? Side::kLeft : Side::kRight;
      }
      if (side == Side::kLeft) {
        AddLine(columns.dutch, &dutch_bottom, segment, line_height, number);
      } else {
        AddLine(columns.french, &french_bottom, segment, line_height, number);
      }
    }
  }
  close_columns();
  return regions;
}

}  // namespace parlsearch
