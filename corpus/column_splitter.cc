#include "column_splitter.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "parlsearch/stemming/language_identifier.h"
#include "parlsearch/stemming/normalizer.h"
#include "speaker_reference.h"
#include "text_util.h"

namespace parlsearch {
namespace {

// A line's evidence is capped so that one line full of function words cannot outvote the
// neighbours it sits among.
constexpr double kMaxLineEvidence = 4.0;

// A heading's title runs over a few lines at most.
constexpr std::size_t kMaxHeadingLines = 4;

bool IsRomanNumeral(std::string_view text) {
  return !text.empty() && text.size() <= 6 &&
         text.find_first_not_of("IVXLC") == std::string_view::npos;
}

bool IsLabel(std::string_view text) {
  if (IsRomanNumeral(text)) return true;
  // Capital letters label sections too, except "M", which opens "M. Dupont".
  if (text.size() == 1 && text[0] >= 'A' && text[0] <= 'Z') return text[0] != 'M';
  return !text.empty() && text.size() <= 2 &&
         text.find_first_not_of("0123456789") == std::string_view::npos;
}

// Words of the signature block: the rapporteur's and the chair's titles in both languages.
bool IsSignatureTitle(std::string_view word) {
  const std::string folded = FoldForMatching(StripPunctuation(word));
  return folded == "rapporteur" || folded == "rapporteuse" || folded == "rapporteurs" ||
         folded == "voorzitter" || folded == "voorzitster" || folded == "president" ||
         folded == "presidente";
}

}  // namespace

bool IsSignatureLine(std::string_view line) {
  const std::vector<std::string_view> words = SplitWords(line);
  if (words.size() > 12 || EndsClause(line)) return false;
  const auto titles = std::count_if(words.begin(), words.end(), IsSignatureTitle);
  return titles >= 2;
}

namespace {

// A person's name is no evidence of a language, whatever the word lists know of it: a name alone
// on a line (a title's wrapped tail, a signature) is placed by the layout around it.
double LineEvidence(const SourceLine& line, const LanguageIdentifier& identifier) {
  if (line.separator || IsNameLine(line.text)) return 0;
  return std::clamp(identifier.DutchOverFrench(line.text), -kMaxLineEvidence, kMaxLineEvidence);
}

// Splits the words of a line that holds both columns side by side (the signature titles) at the
// point that best separates Dutch from French.
std::pair<std::string, std::string> SplitSideBySide(const std::string& text,
                                                    const LanguageIdentifier& identifier) {
  std::vector<SourceLine> words;
  for (std::string_view word : SplitWords(text)) words.push_back({std::string(word), 0, false});
  std::vector<double> evidence;
  for (const SourceLine& word : words) evidence.push_back(LineEvidence(word, identifier));
  const std::vector<bool> is_dutch = AssignColumns(words, evidence);
  std::string dutch;
  std::string french;
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string& side = is_dutch[i] ? dutch : french;
    if (!side.empty()) side.push_back(' ');
    side += words[i].text;
  }
  return {dutch, french};
}

// The signature block: titles on one line across both columns, then each column's names.
Region SignatureRegion(const std::vector<SourceLine>& lines, std::size_t begin,
                       const LanguageIdentifier& identifier) {
  Region region;
  region.kind = RegionKind::kSignature;
  auto [dutch_titles, french_titles] = SplitSideBySide(lines[begin].text, identifier);
  region.dutch.push_back({dutch_titles, lines[begin].number, false});
  region.french.push_back({french_titles, lines[begin].number, false});
  std::vector<const SourceLine*> names;
  for (std::size_t i = begin + 1; i < lines.size(); ++i) {
    if (!lines[i].separator) names.push_back(&lines[i]);
  }
  // Each column repeats the names under its titles; one line means they were merged.
  const std::size_t half = (names.size() + 1) / 2;
  for (std::size_t i = 0; i < names.size(); ++i) {
    (i < half ? region.dutch : region.french).push_back(*names[i]);
  }
  return region;
}

// Lines [begin, end) of a numbered heading's title, from the line holding its label.
std::size_t HeadingEnd(const std::vector<SourceLine>& lines, std::size_t begin,
                       std::string_view label) {
  std::size_t end = begin + 1;
  while (end < lines.size() && end - begin < kMaxHeadingLines && !lines[end].separator &&
         HeadingLabel(lines[end].text) != label) {
    ++end;
  }
  return end;
}

// The capitalised words of a heading's Dutch title, folded: the names and acronyms that its
// French twin repeats.
std::vector<std::string> CapitalisedWords(const std::vector<SourceLine>& title) {
  std::vector<std::string> words;
  for (const SourceLine& line : title) {
    for (std::string_view word : SplitWords(line.text)) {
      if (StartsUpper(word)) words.push_back(FoldForMatching(StripPunctuation(word)));
    }
  }
  return words;
}

// The evidence of a line of the French title, leaving out the names it shares with the Dutch
// title: a name both titles print ("... van minister Jan van der Berghe", "... du ministre Jan
// van der Berghe") is no evidence of either language, in full or in part.
double FrenchTitleEvidence(const SourceLine& line, const std::vector<std::string>& shared,
                           const LanguageIdentifier& identifier) {
  const std::vector<std::string_view> words = SplitWords(line.text);
  auto is_shared = [&shared](std::string_view word) {
    const std::string folded = FoldForMatching(StripPunctuation(word));
    return std::find(shared.begin(), shared.end(), folded) != shared.end();
  };
  auto in_name = [](std::string_view word) {
    return StartsUpper(word) || IsNameParticle(FoldForMatching(word));
  };
  SourceLine rest{"", line.number, line.separator};
  // Runs of capitalised words and particles ("van der Berghe") are dropped when every
  // capitalised word of theirs is the Dutch title's.
  for (std::size_t begin = 0; begin < words.size();) {
    std::size_t end = begin;
    bool name = false;
    bool all_shared = true;
    while (end < words.size() && in_name(words[end])) {
      if (StartsUpper(words[end])) {
        name = true;
        all_shared = all_shared && is_shared(words[end]);
      }
      ++end;
    }
    if (end == begin) ++end;
    if (!name || !all_shared) {
      for (std::size_t i = begin; i < end; ++i) {
        if (!rest.text.empty()) rest.text.push_back(' ');
        rest.text.append(words[i]);
      }
    }
    begin = end;
  }
  return LineEvidence(rest, identifier);
}

// If a heading band starts at `begin` (a Dutch title whose French twin follows), the end of the
// band; else `begin`.
std::size_t MatchHeadingBand(const std::vector<SourceLine>& lines, std::size_t begin,
                             const LanguageIdentifier& identifier, Region* band) {
  const std::string_view label = HeadingLabel(lines[begin].text);
  if (label.empty()) return begin;
  const std::size_t dutch_end = HeadingEnd(lines, begin, label);
  std::size_t french_begin = dutch_end;
  while (french_begin < lines.size() && lines[french_begin].separator) ++french_begin;
  if (french_begin == lines.size() || HeadingLabel(lines[french_begin].text) != label) {
    return begin;
  }
  const std::vector<SourceLine> dutch(lines.begin() + begin, lines.begin() + dutch_end);
  const std::vector<std::string> shared = CapitalisedWords(dutch);
  // The French title ends at a separator, at the first Dutch line (the left column resuming
  // without a separator), or one line longer than the Dutch title at most.
  double french_evidence = FrenchTitleEvidence(lines[french_begin], shared, identifier);
  std::size_t french_end = french_begin + 1;
  while (french_end < lines.size() && !lines[french_end].separator &&
         french_end - french_begin <= dutch.size()) {
    const double evidence = FrenchTitleEvidence(lines[french_end], shared, identifier);
    if (evidence > 0.5) break;
    french_evidence += evidence;
    ++french_end;
  }
  // Each title as a whole reads in its language; a line of two or three words may not.
  double dutch_evidence = 0;
  for (const SourceLine& line : dutch) dutch_evidence += LineEvidence(line, identifier);
  if (dutch_evidence < 0 || french_evidence > 0) return begin;
  band->kind = RegionKind::kHeadingBand;
  band->dutch = dutch;
  band->french.assign(lines.begin() + french_begin, lines.begin() + french_end);
  return french_end;
}

void AddColumns(const std::vector<SourceLine>& lines, std::size_t begin, std::size_t end,
                const LanguageIdentifier& identifier, std::vector<Region>* regions) {
  if (begin >= end) return;
  const std::vector<SourceLine> part(lines.begin() + begin, lines.begin() + end);
  if (std::all_of(part.begin(), part.end(), [](const SourceLine& l) { return l.separator; })) {
    return;
  }
  std::vector<double> evidence;
  evidence.reserve(part.size());
  for (const SourceLine& line : part) evidence.push_back(LineEvidence(line, identifier));
  // Each return to the Dutch column starts a new region.
  const std::vector<bool> is_dutch = AssignColumns(part, evidence);
  Region region;
  for (std::size_t i = 0; i < part.size(); ++i) {
    if (is_dutch[i] && !region.french.empty()) {
      regions->push_back(std::move(region));
      region = Region();
    }
    (is_dutch[i] ? region.dutch : region.french).push_back(part[i]);
  }
  regions->push_back(std::move(region));
}

}  // namespace

std::string_view HeadingLabel(std::string_view line) {
  const std::size_t dot = line.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 2 > line.size()) return "";
  const std::string_view label = line.substr(0, dot);
  if (!IsLabel(label) || line[dot + 1] != ' ') return "";
  return StartsUpper(line.substr(dot + 2)) ? label : "";
}

std::vector<bool> AssignColumns(const std::vector<SourceLine>& lines,
                                const std::vector<double>& evidence) {
  // Viterbi over two states, Dutch and French. Each line scores its evidence in the Dutch state
  // and its negation in the French state. Moving to the French column costs a little, less after
  // a line that ends a clause (where columns usually end); moving back to Dutch (a new block of
  // text lower on the page) costs much more and needs a paragraph boundary.
  constexpr double kToFrench = 1.0;
  constexpr double kNaturalBreakBonus = 0.01;
  constexpr double kBackToDutch = 10.0;
  constexpr double kImpossible = -1e18;
  const std::size_t n = lines.size();
  std::vector<bool> dutch(n, true);
  if (n == 0) return dutch;

  auto ends_paragraph = [&lines](std::size_t i) {
    return lines[i].separator || EndsClause(lines[i].text);
  };
  std::vector<std::array<double, 2>> score(n);
  std::vector<std::array<int, 2>> from(n);  // previous state: 0 Dutch, 1 French
  score[0] = {evidence[0], -evidence[0]};
  from[0] = {0, 1};
  for (std::size_t k = 1; k < n; ++k) {
    const bool natural = ends_paragraph(k - 1);
    const double to_french = -kToFrench + (natural ? kNaturalBreakBonus : 0);
    const bool block_start = natural && !lines[k].separator;
    const double to_dutch = block_start ? -kBackToDutch : kImpossible;

    const double stay_dutch = score[k - 1][0];
    const double enter_dutch = score[k - 1][1] + to_dutch;
    score[k][0] = std::max(stay_dutch, enter_dutch) + evidence[k];
    from[k][0] = stay_dutch >= enter_dutch ? 0 : 1;

    const double stay_french = score[k - 1][1];
    const double enter_french = score[k - 1][0] + to_french;
    score[k][1] = std::max(stay_french, enter_french) - evidence[k];
    from[k][1] = stay_french >= enter_french ? 1 : 0;
  }
  int state = score[n - 1][0] > score[n - 1][1] ? 0 : 1;
  for (std::size_t k = n; k-- > 0;) {
    dutch[k] = state == 0;
    state = from[k][state];
  }
  return dutch;
}

std::vector<Region> SplitColumns(const Page& page, const LanguageIdentifier& identifier) {
  const std::vector<SourceLine>& lines = page.lines;
  std::vector<Region> regions;
  std::size_t columns_begin = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].separator) continue;
    if (IsSignatureLine(lines[i].text)) {
      AddColumns(lines, columns_begin, i, identifier, &regions);
      regions.push_back(SignatureRegion(lines, i, identifier));
      return regions;
    }
    Region band;
    const std::size_t band_end = MatchHeadingBand(lines, i, identifier, &band);
    if (band_end > i) {
      AddColumns(lines, columns_begin, i, identifier, &regions);
      regions.push_back(std::move(band));
      columns_begin = band_end;
      i = band_end - 1;
    }
  }
  AddColumns(lines, columns_begin, lines.size(), identifier, &regions);
  return regions;
}

}  // namespace parlsearch
