#include "paragraph_builder.h"

#include <array>
#include <regex>

#include "column_splitter.h"
#include "parlsearch/stemming/normalizer.h"
#include "text_util.h"

namespace parlsearch {
namespace {

// Markers that always open a bullet.
constexpr std::array<std::string_view, 9> kBullets = {"•", "◦", "▪", "●", "■", "□", "➢", "►", "·"};
// Markers that open a bullet only inside a list, as they also occur in running text.
constexpr std::array<std::string_view, 5> kListMarkers = {"o", "-", "–", "−", "*"};

bool StartsWithMarker(std::string_view line, std::string_view marker) {
  return line.size() > marker.size() + 1 && line.starts_with(marker) && line[marker.size()] == ' ';
}

// Words that make up headings inside a column, alone or with a number.
bool IsHeadingWord(std::string_view folded) {
  static constexpr std::array<std::string_view, 30> kWords = {
      "artikel",     "artikelen",   "article",  "articles",   "hoofdstuk",    "chapitre",
      "titel",       "titre",       "afdeling", "section",    "amendement",   "amendementen",
      "amendements", "bijlage",     "bijlagen", "annexe",     "annexes",      "stemming",
      "stemmingen",  "vote",        "votes",    "bespreking", "discussion",   "replieken",
      "repliques",   "hoorzitting", "audition", "inleiding",  "introduction", "besluit"};
  for (std::string_view word : kWords) {
    if (folded == word) return true;
  }
  return false;
}

}  // namespace

std::size_t BulletMarkerLength(std::string_view line, bool in_list) {
  for (std::string_view marker : kBullets) {
    if (StartsWithMarker(line, marker)) return marker.size() + 1;
  }
  if (!in_list) return 0;
  for (std::string_view marker : kListMarkers) {
    if (StartsWithMarker(line, marker)) return marker.size() + 1;
  }
  return 0;
}

bool IsSectionBreak(std::string_view line) {
  line = TrimSpaces(line);
  return !line.empty() && line.find_first_not_of("* ") == std::string_view::npos;
}

bool IsColumnHeading(std::string_view text) {
  const std::vector<std::string_view> words = SplitWords(text);
  if (words.empty() || words.size() > 12 || text.back() == '.' || text.back() == ',' ||
      text.back() == ';') {
    return false;
  }
  // "Artikel 1", "Artikelen 2 tot 18", "Article 1er", "Stemming", "Amendement nr. 3".
  if (IsHeadingWord(FoldForMatching(words[0]))) {
    static const std::regex kNumbered(
        R"(^\S+( (nr\.|n°|no)?\s*\d+(er|e|bis|ter)?((,| tot| à| en| et) \d+(er|e)?)*)?( \(.*\))?$)");
    return std::regex_match(text.begin(), text.end(), kNumbered);
  }
  // "B. Vragen van de leden", "2. Antwoorden van de minister".
  return !HeadingLabel(text).empty() && words.size() <= 10 && !EndsClause(text);
}

ParagraphBuilder::ParagraphBuilder(Language language, const HyphenRepair* repair)
    : language_(language), repair_(repair) {}

void ParagraphBuilder::Close() {
  if (!open_) return;
  open_ = false;
  current_.text = CollapseSpaces(current_.text);
  if (current_.text.empty()) return;
  if (current_.kind == ParagraphKind::kParagraph && current_.line_count == 1 &&
      IsColumnHeading(current_.text)) {
    current_.kind = ParagraphKind::kHeading;
    current_.heading_level = 2;
  }
  may_continue_ = current_.kind != ParagraphKind::kHeading;
  done_.push_back(std::move(current_));
  current_ = LaidOutParagraph();
}

void ParagraphBuilder::Start(int page, const SourceLine& line, ParagraphKind kind,
                             std::string_view text) {
  Close();
  current_ = LaidOutParagraph();
  current_.lang = language_;
  current_.kind = kind;
  current_.page = page;
  current_.first_line = line.number;
  current_.after_break = pending_break_;
  current_.line_count = 1;
  current_.text = std::string(text);
  pending_break_ = false;
  open_ = true;
}

void ParagraphBuilder::Append(std::string_view text) {
  if (HyphenRepair::EndsWithHyphen(current_.text)) {
    current_.text = repair_->Join(current_.text, text, language_);
  } else {
    current_.text += " ";
    current_.text += text;
  }
  ++current_.line_count;
}

bool ParagraphBuilder::ContinuesPrevious(const SourceLine& first) const {
  if (!may_continue_ || done_.empty() || first.separator) return false;
  const LaidOutParagraph& previous = done_.back();
  if (BulletMarkerLength(first.text, true) > 0 && !StartsLower(first.text)) return false;
  if (BulletMarkerLength(first.text, false) > 0) return false;
  // A paragraph that stopped mid-sentence goes on; so does one whose next line starts in lower
  // case (the sentence ended on an abbreviation).
  return !EndsClause(previous.text) || StartsLower(first.text);
}

void ParagraphBuilder::AddColumn(int page, const std::vector<SourceLine>& lines) {
  // Separators at the top of a column say nothing: where the columns meet, the extraction
  // gives the end of one column's blank lines to the other.
  std::size_t i = 0;
  while (i < lines.size() && lines[i].separator) ++i;
  if (i < lines.size() && !open_ && ContinuesPrevious(lines[i])) {
    // Reopen the previous paragraph to continue it.
    current_ = std::move(done_.back());
    done_.pop_back();
    open_ = true;
    Append(lines[i].text);
    ++i;
  }
  for (; i < lines.size(); ++i) {
    const SourceLine& line = lines[i];
    if (line.separator) {
      Close();
      continue;
    }
    if (IsSectionBreak(line.text)) {
      Close();
      pending_break_ = true;
      may_continue_ = false;
      continue;
    }
    const bool in_list =
        !open_ || current_.kind == ParagraphKind::kBullet || EndsClause(current_.text);
    if (const std::size_t marker = BulletMarkerLength(line.text, in_list)) {
      Start(page, line, ParagraphKind::kBullet, std::string_view(line.text).substr(marker));
      continue;
    }
    if (!open_) {
      Start(page, line, ParagraphKind::kParagraph, line.text);
    } else {
      Append(line.text);
    }
  }
  Close();
}

void ParagraphBuilder::AddSectionHeading(int page, const std::vector<SourceLine>& lines) {
  Close();
  std::string text;
  for (const SourceLine& line : lines) {
    if (line.separator) continue;
    if (!text.empty() && HyphenRepair::EndsWithHyphen(text)) {
      text = repair_->Join(text, line.text, language_);
    } else {
      text += (text.empty() ? "" : " ") + line.text;
    }
  }
  if (text.empty()) return;
  Start(page, lines.front(), ParagraphKind::kHeading, text);
  current_.heading_level = 1;
  current_.line_count = static_cast<int>(lines.size());
  Close();
  pending_break_ = true;
  may_continue_ = false;
}

void ParagraphBuilder::AddSignature(int page, const std::vector<SourceLine>& lines) {
  Close();
  bool started = false;
  for (const SourceLine& line : lines) {
    if (line.separator) continue;
    if (!started) {
      Start(page, line, ParagraphKind::kSignature, line.text);
      started = true;
    } else {
      Append(line.text);
    }
  }
  Close();
  may_continue_ = false;
}

std::vector<LaidOutParagraph> ParagraphBuilder::Finish() {
  Close();
  std::vector<LaidOutParagraph> result = std::move(done_);
  done_.clear();
  may_continue_ = false;
  pending_break_ = false;
  return result;
}

}  // namespace parlsearch
