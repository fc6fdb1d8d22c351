#include "parlsearch/corpus/report_reader.h"

#include <algorithm>
#include <cstdio>
#include <regex>
#include <unordered_set>

#include "column_splitter.h"
#include "page_splitter.h"
#include "pair_aligner.h"
#include "paragraph_builder.h"
#include "parlsearch/corpus/source_text.h"
#include "parlsearch/error.h"
#include "parlsearch/stemming/language_identifier.h"
#include "parlsearch/stemming/normalizer.h"
#include "parlsearch/stemming/tokenizer.h"
#include "report_layout.h"
#include "speaker_tracker.h"

namespace parlsearch {
namespace {

// The smallest share of a report's text that each language must hold: a bilingual report has
// two columns of about the same length.
constexpr double kMinLanguageShare = 0.2;

std::unordered_set<std::string> CollectVocabulary(const ReportLayout& layout) {
  Tokenizer tokenizer;
  std::unordered_set<std::string> vocabulary;
  auto add = [&](const std::vector<SourceLine>& lines) {
    for (const SourceLine& line : lines) {
      for (const Token& token : tokenizer.Tokenize(line.text)) {
        if (token.has_letter) vocabulary.insert(FoldCase(token.text));
      }
    }
  };
  for (const ReportPage& page : layout.pages) {
    for (const Region& region : page.regions) {
      add(region.dutch);
      add(region.french);
    }
  }
  return vocabulary;
}

void CheckBilingual(const std::vector<LaidOutParagraph>& dutch,
                    const std::vector<LaidOutParagraph>& french, const std::string& name) {
  auto size = [](const std::vector<LaidOutParagraph>& paragraphs) {
    std::size_t bytes = 0;
    for (const auto& paragraph : paragraphs) bytes += paragraph.text.size();
    return static_cast<double>(bytes);
  };
  const double dutch_size = size(dutch);
  const double french_size = size(french);
  const double total = dutch_size + french_size;
  if (total == 0 || dutch_size / total < kMinLanguageShare ||
      french_size / total < kMinLanguageShare) {
    throw InputError(name,
                     "not a bilingual committee report: no Dutch and French columns side by side");
  }
}

// Every paragraph carries the section heading it stands under.
std::vector<std::string> Sections(const std::vector<LaidOutParagraph>& paragraphs) {
  std::vector<std::string> sections;
  std::string current;
  for (const LaidOutParagraph& paragraph : paragraphs) {
    if (paragraph.kind == ParagraphKind::kHeading && paragraph.heading_level == 1) {
      current = paragraph.text;
    }
    sections.push_back(current);
  }
  return sections;
}

// The paragraphs in reading order for a bilingual report: each Dutch paragraph followed by its
// French translation, paragraphs without one where they stand in their column. The order does not
// depend on where the source put the columns (one after the other in a text extraction, row by
// row in a PDF).
std::vector<Paragraph> ReadingOrder(std::vector<Paragraph> dutch, std::vector<Paragraph> french) {
  std::vector<Paragraph> ordered;
  ordered.reserve(dutch.size() + french.size());
  std::size_t next_french = 0;
  for (Paragraph& paragraph : dutch) {
    const std::string pair = paragraph.pair;
    ordered.push_back(std::move(paragraph));
    if (pair.empty()) continue;
    std::size_t last = next_french;
    bool found = false;
    for (std::size_t j = next_french; j < french.size(); ++j) {
      if (french[j].pair == pair) {
        last = j;
        found = true;
      }
    }
    if (!found) continue;
    for (; next_french <= last; ++next_french) ordered.push_back(std::move(french[next_french]));
  }
  for (; next_french < french.size(); ++next_french) {
    ordered.push_back(std::move(french[next_french]));
  }
  return ordered;
}

// The years of a session named in a document id ("A-805/2 – 2023/2024").
void SessionYears(const std::string& document_id, int* from_year, int* to_year) {
  static const std::regex kSession(R"(((?:19|20)\d{2})/((?:19|20)\d{2}))");
  std::smatch match;
  if (std::regex_search(document_id, match, kSession)) {
    *from_year = std::stoi(match[1].str());
    *to_year = std::stoi(match[2].str());
  }
}

std::string FileStem(const std::string& name) {
  const std::size_t slash = name.find_last_of('/');
  std::string stem = slash == std::string::npos ? name : name.substr(slash + 1);
  const std::size_t dot = stem.find_last_of('.');
  if (dot != std::string::npos && dot > 0) stem.resize(dot);
  return stem;
}

}  // namespace

ReportReader::ReportReader(ReportReaderOptions options) : options_(options) {}

Document ReportReader::ReadFile(const std::string& path) const {
  return ReadText(ReadSourceText(path), path);
}

Document ReportReader::ReadText(std::string_view text, const std::string& name) const {
  CheckSourceText(text, name);
  return BuildReport(LayOutText(text), name, options_);
}

ReportLayout LayOutText(std::string_view text) {
  const PageSplit split = SplitPages(text);
  const LanguageIdentifier identifier;
  ReportLayout layout;
  layout.document_id = split.document_id;
  for (const Page& page : split.pages) {
    layout.pages.push_back({page.number, SplitColumns(page, identifier)});
  }
  return layout;
}

Document BuildReport(const ReportLayout& layout, const std::string& name,
                     const ReportReaderOptions& options) {
  const std::unordered_set<std::string> vocabulary = CollectVocabulary(layout);
  const HyphenRepair repair(&vocabulary);

  ParagraphBuilder dutch_builder(Language::kDutch, &repair);
  ParagraphBuilder french_builder(Language::kFrench, &repair);
  for (const ReportPage& page : layout.pages) {
    for (const Region& region : page.regions) {
      switch (region.kind) {
        case RegionKind::kColumns:
          dutch_builder.AddColumn(page.number, region.dutch);
          french_builder.AddColumn(page.number, region.french);
          break;
        case RegionKind::kHeadingBand:
          dutch_builder.AddSectionHeading(page.number, region.dutch);
          french_builder.AddSectionHeading(page.number, region.french);
          break;
        case RegionKind::kSignature:
          dutch_builder.AddSignature(page.number, region.dutch);
          french_builder.AddSignature(page.number, region.french);
          break;
      }
    }
  }
  const std::vector<LaidOutParagraph> dutch = dutch_builder.Finish();
  const std::vector<LaidOutParagraph> french = french_builder.Finish();
  CheckBilingual(dutch, french, name);

  Document document;
  document.id = layout.document_id.empty() ? FileStem(name) : layout.document_id;
  document.source = name;
  const std::string slug = DocumentSlug(document.id);

  int from_year = 0;
  int to_year = 0;
  SessionYears(document.id, &from_year, &to_year);
  SpeakerTracker speakers(options.roster, from_year, to_year);
  speakers.Learn(dutch);
  speakers.Learn(french);
  std::vector<Turn> dutch_turns = speakers.Follow(dutch);
  std::vector<Turn> french_turns = speakers.Follow(french);
  speakers.AssignParties(&dutch_turns);
  speakers.AssignParties(&french_turns);

  std::vector<std::string> dutch_pairs(dutch.size());
  std::vector<std::string> french_pairs(french.size());
  int pair_number = 0;
  for (const AlignedPair& pair : AlignPairs(dutch, french)) {
    char number[16];
    std::snprintf(number, sizeof number, "%04d", ++pair_number);
    const std::string id = slug + "-p" + number;
    for (std::size_t i : pair.dutch) dutch_pairs[i] = id;
    for (std::size_t i : pair.french) french_pairs[i] = id;
  }

  auto make = [&](const std::vector<LaidOutParagraph>& paragraphs, const std::vector<Turn>& turns,
                  const std::vector<std::string>& pairs, Language language) {
    std::vector<Paragraph> made;
    const std::vector<std::string> sections = Sections(paragraphs);
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
      Paragraph paragraph;
      paragraph.doc = document.id;
      paragraph.lang = language;
      paragraph.seq = static_cast<int>(i) + 1;
      paragraph.id = ParagraphId(slug, language, paragraph.seq);
      paragraph.page = paragraphs[i].page;
      paragraph.section = sections[i];
      paragraph.kind = paragraphs[i].kind;
      paragraph.speaker = turns[i].speaker;
      paragraph.role = turns[i].role;
      paragraph.party = turns[i].party;
      paragraph.party_source = turns[i].party_source;
      paragraph.pair = pairs[i];
      paragraph.text = paragraphs[i].text;
      made.push_back(std::move(paragraph));
    }
    return made;
  };
  document.paragraphs = ReadingOrder(make(dutch, dutch_turns, dutch_pairs, Language::kDutch),
                                     make(french, french_turns, french_pairs, Language::kFrench));
  return document;
}

}  // namespace parlsearch
