// Rebuilding the paragraphs of one language's column from its lines.
//
// Lines are joined (repairing line-end hyphens); a separator line, a bullet or a heading starts a
// new paragraph; a paragraph left open at the bottom of a column continues at the top of the
// language's next column, unless a heading came between. One-line paragraphs that read as
// headings ("Artikel 1", "Stemming", "B. Vragen") become headings; bullets ("•", "o", "−")
// lose their marker and become bullets.
#ifndef PARLSEARCH_CORPUS_PARAGRAPH_BUILDER_H_
#define PARLSEARCH_CORPUS_PARAGRAPH_BUILDER_H_

#include <string>
#include <string_view>
#include <vector>

#include "hyphen_repair.h"
#include "page_splitter.h"
#include "parlsearch/corpus/paragraph.h"

namespace parlsearch {

// A paragraph as rebuilt from the layout, before speakers and pairs are known.
struct LaidOutParagraph {
  Language lang = Language::kUnknown;
  ParagraphKind kind = ParagraphKind::kParagraph;
  int heading_level = 0;     // 1: section heading across both columns; 2: heading in a column
  int page = 0;              // page of the first line
  int first_line = 0;        // source line number of the first line
  int line_count = 0;        // source lines joined into it
  bool after_break = false;  // a section break ("* * *") or a heading precedes it
  std::string text;
};

class ParagraphBuilder {
 public:
  // `repair` must outlive the builder.
  ParagraphBuilder(Language language, const HyphenRepair* repair);

  // Adds a stretch of the language's column on `page`.
  void AddColumn(int page, const std::vector<SourceLine>& lines);

  // Adds a section heading that runs across both columns.
  void AddSectionHeading(int page, const std::vector<SourceLine>& lines);

  // Adds the signature block's lines of this language.
  void AddSignature(int page, const std::vector<SourceLine>& lines);

  // The paragraphs, in order. The builder is empty afterwards.
  std::vector<LaidOutParagraph> Finish();

 private:
  void Close();
  void Start(int page, const SourceLine& line, ParagraphKind kind, std::string_view text);
  void Append(std::string_view text);
  bool ContinuesPrevious(const SourceLine& first) const;

  Language language_;
  const HyphenRepair* repair_;
  std::vector<LaidOutParagraph> done_;
  LaidOutParagraph current_;
  bool open_ = false;          // current_ is being built
  bool may_continue_ = false;  // the last paragraph may continue in the next column
  bool pending_break_ = false;
};

// If `line` starts with a bullet marker, the length in bytes of the marker and the space after
// it; else 0. `in_list`: the line follows a bullet or a line that ends a clause, where the
// ambiguous markers ("o", "-") are bullets.
std::size_t BulletMarkerLength(std::string_view line, bool in_list);

// True if a paragraph of one line reading `text` is a heading inside a column.
bool IsColumnHeading(std::string_view text);

// True if `line` is an ornament that separates parts of a section ("* * *").
bool IsSectionBreak(std::string_view line);

}  // namespace parlsearch

#endif  // PARLSEARCH_CORPUS_PARAGRAPH_BUILDER_H_
